import BriefingCore
import Yams

// MARK: - Reading one component

/// Reads a component mapping. Each kind accepts only its own keys (`ComponentKind.acceptedKeys`),
/// so `metric:` on a KPI table is reported rather than silently ignored.
enum ComponentReader {
  private static let commonKeys = ["kind", "title", "span", "height"]

  static func read(_ node: Node, path: String, sectionColumns: Int, reader: inout NodeReader)
    -> ComponentSpec
  {
    // The kind decides which keys are legal, so read it before checking the rest.
    let kindNode = node.mapping?["kind"]
    if kindNode == nil { reader.error(.missingKind(path: path), at: node) }
    let kind = reader.choice(kindNode, path: "\(path).kind", as: ComponentKind.self) ?? .text
    let allowed = commonKeys + kind.acceptedKeys.sorted()
    let map = reader.mapping(node, path: "\(path) (\(kind.rawValue))", allowed: allowed)

    var spec = ComponentSpec(
      kind: kind,
      span: reader.int(map["span"], path: "\(path).span", range: 1...sectionColumns) ?? 1)
    spec.location = reader.location(node)
    spec.title = reader.string(map["title"], path: "\(path).title")
    spec.height = reader.double(map["height"], path: "\(path).height", range: 1...2000)
    spec.indicator = reader.string(map["indicator"], path: "\(path).indicator").map { IndicatorID($0) }
    spec.indicators = LayoutLoader.readIndicators(
      map["indicators"], path: "\(path).indicators", reader: &reader)
    spec.metric = reader.choice(map["metric"], path: "\(path).metric", as: Metric.self)
    readColumns(map["columns"], kind: kind, path: "\(path).columns", into: &spec, reader: &reader)
    spec.threshold = reader.double(map["threshold"], path: "\(path).threshold", range: 0...1000)
    spec.lines = reader.int(map["lines"], path: "\(path).lines", range: 0...10)
    spec.text = reader.string(map["text"], path: "\(path).text")
    spec.showAverage = reader.bool(map["showAverage"], path: "\(path).showAverage")
    spec.showRanks = reader.bool(map["showRanks"], path: "\(path).showRanks")
    spec.names = reader.choice(map["names"], path: "\(path).names", as: NameStyle.self)
    if kind == .rankedBar || kind == .groupedBar || kind == .trendLine || kind == .scatter
      || kind == .subRegionTable, spec.indicator == nil
    {
      reader.error(.missingIndicator(path: path, kind: kind), at: node)
    }
    return spec
  }

  /// `columns` is a metric list for tables and a grid column count for small multiples.
  private static func readColumns(
    _ node: Node?, kind: ComponentKind, path: String, into spec: inout ComponentSpec,
    reader: inout NodeReader
  ) {
    guard let node else { return }
    if kind == .smallMultiples {
      spec.gridColumns = reader.int(node, path: path, range: 1...8)
      return
    }
    guard let items = reader.list(node, path: path) else { return }
    spec.columns = items.enumerated().compactMap { index, item in
      reader.choice(item, path: "\(path)[\(index)]", as: Metric.self)
    }
  }
}

extension Node {
  /// The value for a string key of a mapping node.
  fileprivate subscript(key: String) -> Node? {
    mapping?.first { $0.key.string == key }?.value
  }
}

extension Node.Mapping {
  fileprivate subscript(key: String) -> Node? {
    first { $0.key.string == key }?.value
  }
}

// MARK: - Messages

extension Finding.Message {
  static func missingKind(path: String) -> Self {
    Self(code: "missing-kind", text: "\(path) needs a 'kind'")
  }
  static func missingIndicator(path: String, kind: ComponentKind) -> Self {
    Self(code: "missing-indicator", text: "\(path) (\(kind.rawValue)) needs an 'indicator'")
  }
}
