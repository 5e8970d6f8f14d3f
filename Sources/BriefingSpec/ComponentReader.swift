import BriefingCore
import Yams

// MARK: - Reading one component

/// Reads a component mapping: its `kind`, the keys every kind has, then the kind's own keys
/// through its spec type. A key the kind does not have is an error with a "did you mean" among
/// the kind's keys and, when other kinds have it, a note naming them, so `metric:` on a KPI
/// table is reported rather than silently ignored.
enum ComponentReader {
  /// Keys every kind has.
  static let commonKeys = ["kind", "title", "span", "height"]
  /// Keys some kind has: what a component of unknown kind is checked against.
  static let anyKindKeys = ComponentKind.allCases.reduce(commonKeys) { keys, kind in
    keys + kind.keyNames.filter { !keys.contains($0) }
  }

  static func read(
    _ node: Node, path: String, sectionColumns: Int, layoutIndicators: IndicatorSelection,
    reader: inout NodeReader
  ) -> ComponentSpec {
    // The kind decides which keys are legal, so read it before checking the rest. Without a
    // kind (missing, misspelt: reported here) the other keys are not checked against a guessed
    // one: only a key no kind has is an error too.
    guard node.mapping != nil else {
      reader.error(.wrongType(path: path, expected: "a mapping"), at: node)
      return placeholder(at: reader.location(node))
    }
    let kindNode = node["kind"]
    if kindNode.map(NodeReader.isNull) ?? true { reader.error(.missingKind(path: path), at: node) }
    guard let kind = reader.choice(kindNode, path: "\(path).kind", as: ComponentKind.self) else {
      _ = reader.mapping(node, path: path, allowed: anyKindKeys)
      return placeholder(at: reader.location(node))
    }
    let map = reader.mapping(
      node, path: "\(path) (\(kind.rawValue))", allowed: commonKeys + kind.keyNames,
      unknownKeyNotes: { otherKindsNote($0, besides: kind) })

    let span = reader.int(map["span"], path: "\(path).span", range: 1...sectionColumns) ?? 1
    let title = reader.string(map["title"], path: "\(path).title")
    TitleTemplate.checkNoPlaceholders(title, node: map["title"], path: "\(path).title", reader: &reader)
    let height = reader.double(map["height"], path: "\(path).height", range: 1...2000)
    let body = body(
      kind.specType, kind: kind, node: node, path: path, entries: map,
      layoutIndicators: layoutIndicators, reader: &reader)
    return ComponentSpec(body, title: title, span: span, height: height, location: reader.location(node))
  }

  /// What stands for a component whose kind is unknown, in a layout its error rejects: empty text.
  private static func placeholder(at location: SourceLocation) -> ComponentSpec {
    ComponentSpec(.text(TextSpec()), location: location)
  }

  /// The kind's spec read from the entries under its keys.
  private static func body<Spec: ComponentKindSpec>(
    _ type: Spec.Type, kind: ComponentKind, node: Node, path: String, entries: [String: Node],
    layoutIndicators: IndicatorSelection, reader: inout NodeReader
  ) -> ComponentSpec.Body {
    let keys = ComponentKeys<Spec.Key>(
      kind: kind, node: node, path: path, layoutIndicators: layoutIndicators, entries: entries)
    return Spec(reading: keys, reader: &reader).body
  }

  /// "'threshold' is a key of subRegionTable" when other kinds have `key`.
  static func otherKindsNote(_ key: String, besides kind: ComponentKind) -> [String] {
    let owners = ComponentKind.allCases.filter { $0 != kind && $0.keyNames.contains(key) }
    guard !owners.isEmpty else { return [] }
    return ["'\(key)' is a key of \(owners.map(\.rawValue).joined(separator: ", "))"]
  }
}

extension Node {
  /// The value for a string key of a mapping node.
  fileprivate subscript(key: String) -> Node? {
    mapping?.first { $0.key.string == key }?.value
  }
}

// MARK: - Messages

extension Finding.Message {
  static func missingKind(path: String) -> Self {
    Self(code: "missing-kind", text: "\(path) needs a 'kind'")
  }
}
