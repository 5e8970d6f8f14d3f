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
    TitleTemplate.checkNoPlaceholders(
      spec.title, node: map["title"], path: "\(path).title", reader: &reader)
    spec.height = reader.double(map["height"], path: "\(path).height", range: 1...2000)
    spec.indicator = reader.string(map["indicator"], path: "\(path).indicator").map { IndicatorID($0) }
    spec.indicators = LayoutLoader.readIndicators(
      map["indicators"], path: "\(path).indicators", reader: &reader)
    spec.metric = readMetric(map["metric"], kind: kind, path: "\(path).metric", reader: &reader)
    readColumns(map["columns"], kind: kind, path: "\(path).columns", into: &spec, reader: &reader)
    spec.threshold = reader.double(map["threshold"], path: "\(path).threshold", range: 0...1000)
    spec.lines = reader.int(map["lines"], path: "\(path).lines", range: 0...10)
    spec.text = reader.string(map["text"], path: "\(path).text")
    spec.showAverage = reader.bool(map["showAverage"], path: "\(path).showAverage")
    spec.showRanks = reader.bool(map["showRanks"], path: "\(path).showRanks")
    spec.names = reader.choice(map["names"], path: "\(path).names", as: NameStyle.self)
    spec.orientation = readOrientation(map["orientation"], path: "\(path).orientation", reader: &reader)
    if kind == .rankedBar || kind == .groupedBar || kind == .trendLine || kind == .scatter
      || kind == .subRegionTable, spec.indicator == nil
    {
      reader.error(.missingIndicator(path: path, kind: kind), at: node)
    }
    return spec
  }

  /// A metric the kind can draw: a known metric that the chart cannot draw is an error naming
  /// the ones it can (`rank` on a ranked bar used to be drawn as growth).
  private static func readMetric(
    _ node: Node?, kind: ComponentKind, path: String, reader: inout NodeReader
  ) -> Metric? {
    guard let metric = reader.choice(node, path: path, as: Metric.self) else { return nil }
    guard let drawable = kind.drawableMetrics, !drawable.contains(metric) else { return metric }
    reader.error(
      .unsupportedValue(
        path: path, value: metric.rawValue,
        reason: "\(kind.rawValue) draws only: \(drawable.map(\.rawValue).joined(separator: ", "))"),
      at: node)
    return nil
  }

  /// `horizontal` is the only direction drawn; `vertical` is named as not drawn rather than
  /// reported as a typo.
  private static func readOrientation(_ node: Node?, path: String, reader: inout NodeReader)
    -> BarOrientation?
  {
    guard let text = reader.string(node, path: path) else { return nil }
    if let orientation = BarOrientation(rawValue: text) { return orientation }
    if text == "vertical" {
      reader.error(
        .unsupportedValue(
          path: path, value: text,
          reason: "vertical bars are not drawn; only 'horizontal' (bars left to right, regions "
            + "ranked top to bottom) is supported"),
        at: node)
      return nil
    }
    return reader.choice(node, path: path, as: BarOrientation.self)
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
      let itemPath = "\(path)[\(index)]"
      guard let metric = reader.choice(item, path: itemPath, as: Metric.self) else { return nil }
      if let shown = kind.columnMetrics, !shown.contains(metric) {
        reader.error(
          .unsupportedValue(
            path: itemPath, value: metric.rawValue,
            reason: "\(kind.rawValue) has columns for: "
              + shown.map(\.rawValue).joined(separator: ", ")),
          at: item)
        return nil
      }
      return metric
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
  static func unsupportedValue(path: String, value: String, reason: String) -> Self {
    Self(code: "unsupported-value", text: "\(path) is '\(value)': \(reason)")
  }
  static func missingIndicator(path: String, kind: ComponentKind) -> Self {
    Self(code: "missing-indicator", text: "\(path) (\(kind.rawValue)) needs an 'indicator'")
  }
}
