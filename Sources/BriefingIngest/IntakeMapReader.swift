import BriefingCore
import BriefingSpec
import Yams

// MARK: - Messages

extension Finding.Message {
  static func unsupportedMapVersion(_ version: Int) -> Self {
    .init(code: "unsupported-version", text: "intake map version \(version) is newer than this briefing reads (1)")
  }
  static func badRows(_ key: String, _ text: String) -> Self {
    .init(code: "wrong-type", text: "\(key) is '\(text)', expected a row or rows such as 3 or 3-4")
  }
  static func badColumn(_ path: String, _ text: String) -> Self {
    .init(code: "wrong-type", text: "\(path): '\(text)' is not a column letter (A, B, …, AA)")
  }
  static func badMapPeriod(_ text: String) -> Self {
    .init(code: "bad-period", text: "period is '\(text)', expected title or a period such as 2024-H1 or 2024年1—6月")
  }
  static func keyOnlyForTables(_ key: String) -> Self {
    .init(code: "unknown-key", text: "\(key) applies to shape: table only")
  }
  static func requiredMapKey(_ key: String) -> Self {
    .init(code: "missing-key", text: "shape: table needs \(key)")
  }
  static func headingsCount(_ headings: Int, _ rows: Int) -> Self {
    .init(code: "wrong-type", text: "headings names \(headings) row\(headings == 1 ? "" : "s") but header has \(rows)")
  }
  static func mapWrongType(_ path: String, expected: String) -> Self {
    .init(code: "wrong-type", text: "\(path) must be \(expected)")
  }
  static func keyAndColumn(_ column: String) -> Self {
    .init(code: "duplicate-key", text: "column \(column) is both a key (keys:) and a value column (columns:)")
  }
}

// MARK: - Reader

/// Reads an intake map (YAML) strictly: an unknown key, a wrong type, a value outside its set
/// or a key that does not apply to the shape is an error at its line and column, with a "did
/// you mean" note. The keys are documented on `IntakeMap` and in the README.
public enum IntakeMapReader {
  static let tableKeys = [
    "sheet", "header", "data", "keys", "headings", "period", "monthly", "unit", "total", "group", "skipRows",
    "columns", "names",
  ]
  static let allKeys = ["version", "shape"] + tableKeys

  /// The map in `file`, or nil when it has errors; the findings either way.
  public static func read(_ file: InputFile) -> (map: IntakeMap?, findings: [Finding]) {
    let text = String(decoding: file.bytes, as: UTF8.self)
    switch NodeReader.compose(yaml: text, file: file.path) {
    case .syntaxError(let finding): return (nil, [finding])
    case .empty: return (nil, [Finding(.error, .requiredMapKey("shape"), at: SourceLocation(file: file.path))])
    case .node(let node):
      var reader = NodeReader(file: file.path)
      let map = read(node, &reader)
      return (reader.findings.hasErrors ? nil : map, reader.findings)
    }
  }

  private static func read(_ node: Node, _ reader: inout NodeReader) -> IntakeMap? {
    let entries = reader.mapping(node, path: "the intake map", allowed: allKeys)
    if let version = reader.int(entries["version"], path: "version", range: 1...999), version > 1 {
      reader.error(.unsupportedMapVersion(version), at: entries["version"])
      return nil
    }
    guard let shape = reader.choice(entries["shape"], path: "shape", as: IntakeMap.Shape.self) else {
      if entries["shape"] == nil { reader.error(.requiredMapKey("shape"), at: node) }
      return nil
    }
    var map = IntakeMap(shape: shape)
    map.sheet = reader.string(entries["sheet"], path: "sheet")
    if shape == .long {
      for key in tableKeys where key != "sheet" {
        if let entry = node.mapping?.first(where: { $0.key.string == key }) { reader.error(.keyOnlyForTables(key), at: entry.key) }
      }
      return map
    }
    map.header = rows(entries["header"], key: "header", &reader)
    map.data = rows(entries["data"], key: "data", &reader)
    map.keys = columns(entries["keys"], path: "keys", as: IntakeMap.KeyRole.self, &reader)
    map.headings =
      reader.list(entries["headings"], path: "headings")?.compactMap {
        reader.choice($0, path: "headings", as: IntakeMap.HeadingRole.self)
      } ?? []
    map.period = period(entries["period"], &reader)
    map.monthly = reader.choice(entries["monthly"], path: "monthly", as: OfficePeriod.MonthReading.self)
    map.unit = reader.string(entries["unit"], path: "unit")
    map.total = reader.string(entries["total"], path: "total")
    map.group = reader.string(entries["group"], path: "group")
    map.skipRows = reader.list(entries["skipRows"], path: "skipRows")?.compactMap { reader.string($0, path: "skipRows") } ?? []
    map.columns = columns(entries["columns"], path: "columns", as: IntakeMap.Measure.self, &reader)
    map.names = names(entries["names"], &reader)
    check(map, entries, node, &reader)
    return map
  }

  /// Required keys, headings per heading row, a column not both key and value.
  private static func check(_ map: IntakeMap, _ entries: [String: Node], _ node: Node, _ reader: inout NodeReader) {
    for key in ["header", "data", "keys", "headings"] where entries[key] == nil {
      reader.error(.requiredMapKey(key), at: node)
    }
    if let header = map.header, entries["headings"] != nil, map.headings.count != header.last - header.first + 1 {
      reader.error(.headingsCount(map.headings.count, header.last - header.first + 1), at: entries["headings"])
    }
    for field in map.keys.keys.sorted() where map.columns[field] != nil {
      reader.error(.keyAndColumn(ColumnLetters.letters(field)), at: entries["columns"])
    }
  }

  // MARK: - Values

  /// `3`, `3-4`.
  private static func rows(_ node: Node?, key: String, _ reader: inout NodeReader) -> IntakeMap.Rows? {
    guard let text = reader.string(node, path: key) else { return nil }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int(String($0).trimmingSpaces()) }
    guard (1...2).contains(parts.count), let first = parts.first ?? nil, let last = parts.last ?? nil, first >= 1,
      first <= last
    else {
      reader.error(.badRows(key, text), at: node)
      return nil
    }
    return IntakeMap.Rows(first, last)
  }

  /// `{A: region, B: unit}`: column letters to a closed set of values.
  private static func columns<Value: RawRepresentable & CaseIterable>(
    _ node: Node?, path: String, as type: Value.Type, _ reader: inout NodeReader
  ) -> [Int: Value] where Value.RawValue == String {
    guard let node else { return [:] }
    guard let mapping = node.mapping else {
      reader.error(.mapWrongType(path, expected: "a mapping of column letters, e.g. {A: …}"), at: node)
      return [:]
    }
    var result: [Int: Value] = [:]
    for (keyNode, valueNode) in mapping {
      let letters = keyNode.string ?? ""
      guard let field = ColumnLetters.field(letters) else {
        reader.error(.badColumn(path, letters), at: keyNode)
        continue
      }
      if let value = reader.choice(valueNode, path: "\(path).\(letters)", as: type) { result[field] = value }
    }
    return result
  }

  private static func period(_ node: Node?, _ reader: inout NodeReader) -> IntakeMap.PeriodSource? {
    guard let text = reader.string(node, path: "period") else { return nil }
    if text == "title" { return .title }
    if let period = Period(code: text) { return .fixed(period) }
    reader.error(.badMapPeriod(text), at: node)
    return nil
  }

  private static func names(_ node: Node?, _ reader: inout NodeReader) -> [String: String] {
    guard let node else { return [:] }
    guard let mapping = node.mapping else {
      reader.error(.mapWrongType("names", expected: "a mapping of table labels to ids"), at: node)
      return [:]
    }
    var result: [String: String] = [:]
    for (keyNode, valueNode) in mapping {
      guard let label = keyNode.string, let id = reader.string(valueNode, path: "names.\(label)") else { continue }
      result[label] = id
    }
    return result
  }
}
