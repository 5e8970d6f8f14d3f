import BriefingCore

// MARK: - Messages

extension Finding.Message {
  static func unknownColumns(_ names: [String]) -> Self {
    .init(
      code: "unknown-column",
      text: "ignored column\(names.count == 1 ? "" : "s"): " + names.joined(separator: ", "))
  }
  static func missingColumns(_ names: [String]) -> Self {
    .init(
      code: "missing-column",
      text: "required column\(names.count == 1 ? "" : "s") " + names.map { "'\($0)'" }.joined(separator: ", ")
        + " \(names.count == 1 ? "is" : "are") missing")
  }
  static func duplicateColumn(_ name: String, firstColumn: Int) -> Self {
    .init(
      code: "duplicate-column",
      text: "column '\(name)' appears twice (first at column \(firstColumn))")
  }
}

// MARK: - Schemas

/// The columns a table kind may have. Header names match case-insensitively, ignoring spaces,
/// `_` and `-` (`target_growth` = `Target Growth`), Traditional characters folded to Simplified.
protocol ColumnSchema: CaseIterable, Hashable, RawRepresentable where RawValue == String {
  /// Columns that must be present.
  static var required: Set<Self> { get }
  /// Other accepted header spellings (Simplified; Traditional forms fold to them).
  var aliases: [String] { get }
  /// Position in `allCases` (default: searched there; a schema read on every row of large
  /// files answers with a `switch`).
  var ordinal: Int { get }
  /// A note for a header that lacks required columns. Default: none.
  static var missingColumnsHint: String? { get }
}

extension ColumnSchema {
  static var missingColumnsHint: String? { nil }

  var ordinal: Int {
    let cases = Self.allCases
    return cases.firstIndex(of: self).map { cases.distance(from: cases.startIndex, to: $0) } ?? 0
  }
}

/// Columns of `observations.csv`. Chinese aliases: 地区/地區/区域 (region), 时期/期别/时间
/// (period), 指标/指標/指标名称 (indicator), 数值/數值/值/本期 (value), 单位/單位 (unit),
/// 状态/狀態 (status), 目标/目標 (target), 目标增速 (target_growth), 同比/增速/增长 (yoy),
/// 备注/備註 (note), 来源/來源 (source), 上级/上級 (parent), 极性/方向 (polarity).
enum ObservationColumn: String, ColumnSchema {
  case region, period, indicator, value, unit, status, target
  case targetGrowth = "target_growth"
  case yoy, note, source, parent, polarity

  static let required: Set<Self> = [.region, .period, .indicator, .value]

  static var missingColumnsHint: String? {
    "a table of another shape (regions or periods across, an office report table) loads too: "
      + "`briefing import FILE` shows how it reads and writes a map for --map"
  }

  var ordinal: Int {
    switch self {
    case .region: 0
    case .period: 1
    case .indicator: 2
    case .value: 3
    case .unit: 4
    case .status: 5
    case .target: 6
    case .targetGrowth: 7
    case .yoy: 8
    case .note: 9
    case .source: 10
    case .parent: 11
    case .polarity: 12
    }
  }

  var aliases: [String] {
    switch self {
    case .region: ["地区", "区域", "地区名称"]
    case .period: ["时期", "期别", "时间", "报告期"]
    case .indicator: ["指标", "指标名称"]
    case .value: ["数值", "值", "本期", "本期数"]
    case .unit: ["单位", "计量单位"]
    case .status: ["状态"]
    case .target: ["目标", "全年目标", "年度目标"]
    case .targetGrowth: ["目标增速", "目标增长"]
    case .yoy: ["同比", "增速", "增长", "同比增长", "yoy_growth"]
    case .note: ["备注", "说明"]
    case .source: ["来源", "数据来源"]
    case .parent: ["上级", "上级地区"]
    case .polarity: ["极性", "方向"]
    }
  }
}

// MARK: - Header map

/// Where each known column sits in a table's header.
struct HeaderMap<Column: ColumnSchema> {
  /// Index into `TableRow.cells` for each column, by `Column.allCases` order (-1: absent).
  /// An array rather than a dictionary: it is read several times per row.
  private var positions = [Int](repeating: -1, count: Column.allCases.count)
  /// Number of header cells; data rows must have as many.
  let width: Int

  /// Maps `header`; findings: `missing-column`, `duplicate-column` (errors) and one
  /// `unknown-column` notice listing every ignored column. Nil when a required column is missing.
  static func make(_ header: TableRow, file: String) -> (map: HeaderMap?, findings: [Finding]) {
    var map = HeaderMap(width: header.cells.count)
    var findings: [Finding] = []
    var unknown: [String] = []
    let lookup = lookup
    for (position, cell) in header.cells.enumerated() {
      let name = cell.text.trimmingSpaces()
      let location = SourceLocation(file: file, line: header.line, column: cell.column)
      guard let column = lookup[normalized(name)] else {
        if !name.isEmpty { unknown.append(name) }
        continue
      }
      if let first = map.position(column) {
        let firstColumn = header.cells[first].column
        findings.append(
          Finding(.error, .duplicateColumn(name, firstColumn: firstColumn), at: location))
        continue
      }
      map.positions[column.ordinal] = position
    }
    if !unknown.isEmpty {
      findings.append(
        Finding(
          .notice, .unknownColumns(unknown), at: .init(file: file, line: header.line, column: 1)))
    }
    let missing = Column.allCases.filter { Column.required.contains($0) && !map.has($0) }
    if !missing.isEmpty {
      let named = header.cells.map { $0.text.trimmingSpaces() }.filter { !$0.isEmpty }
      findings.append(
        Finding(
          .error, .missingColumns(missing.map(\.rawValue)), at: .init(file: file, line: header.line),
          notes: ["the header is line \(header.line): " + named.prefix(8).joined(separator: ", ") + (named.count > 8 ? ", …" : "")]
            + (Column.missingColumnsHint.map { [$0] } ?? [])))
    }
    return (missing.isEmpty ? map : nil, findings)
  }

  /// The known columns a header row names (no findings).
  static func columns(in header: TableRow) -> Set<Column> {
    let lookup = lookup
    return Set(header.cells.compactMap { lookup[normalized($0.text.trimmingSpaces())] })
  }

  /// The cell of `column` in `row`, if the column exists.
  func cell(_ column: Column, in row: TableRow) -> TableCell? {
    guard let position = position(column), position < row.cells.count else { return nil }
    return row.cells[position]
  }

  /// The field number of `column` in a row, nil when the header lacks it.
  func position(_ column: Column) -> Int? {
    let position = positions[column.ordinal]
    return position < 0 ? nil : position
  }


  /// The trimmed text of `column` in `row`, nil when absent or empty.
  func text(_ column: Column, in row: TableRow) -> String? {
    guard let text = cell(column, in: row)?.text.trimmedCell, !text.isEmpty else {
      return nil
    }
    return text
  }

  func has(_ column: Column) -> Bool { position(column) != nil }

  private static func normalized(_ name: String) -> String {
    NameFolding.key(name).replacing("_", with: "").replacing("-", with: "")
  }

  /// Normalized names and aliases → column. Computed (generic types have no stored statics):
  /// read it once per header.
  private static var lookup: [String: Column] {
    var table: [String: Column] = [:]
    for column in Column.allCases {
      table[normalized(column.rawValue)] = column
      for alias in column.aliases { table[normalized(alias)] = column }
    }
    return table
  }
}
