import BriefingCore

// MARK: - Export

/// Pure text exports of a comparison table (`briefing analyze`).
///
/// Columns: `leadingColumns` exactly, then `extraColumns` (new columns are added at their end).
/// `prior_basis` is `year_ago`, `previous_period` or empty (`PriorBasis`); `rank_tied` and
/// `growth_rank_tied` say a place is shared (empty when unranked); `change_from_prior` is
/// value − prior in the unit (for a rate, the points the sheets print); `target_growth_gap_pp` is
/// growth − target growth (empty for rates, which also get no `growth_change_pp`);
/// `red_line_breached` and `red_line_gap` (|value − threshold|) on member rows and
/// `red_line_breaches` (members breaking it) on group rows of indicators with a red line. Numbers use `NumberText.format`
/// (shortest round-trip, integral values without `.0`, no exponent in [1e-6, 1e15)); nil is an
/// empty CSV field or JSON `null`; periods are `Period.code`; booleans `true`/`false`.
/// Rows keep the table's order (indicators by order, periods ascending, groups, members, group row).
public enum AnalyzeExport {
  public static let leadingColumns = [
    "indicator", "period", "group", "region", "value", "unit", "status", "rank", "rank_of",
    "bottom_rank", "rank_overall", "rank_overall_of", "growth_rank", "growth_rank_of",
    "prior_period", "prior_value", "growth_pct", "prev_period", "prev_value", "prev_growth_pct",
    "group_total", "group_mean", "group_growth_pct", "share_pct", "target", "completion_pct",
    "time_progress_pct", "progress_gap_pp", "rank_change",
  ]

  public static let extraColumns = [
    "is_group_row", "official_growth_pct", "computed_growth_pct", "growth_change_pp",
    "growth_gap_to_group_pp", "gap_to_leader", "gap_to_above", "share_change_pp",
    "contribution_pp", "progress_gap_amount", "remaining", "monthly_pace_needed",
    "target_growth_pct", "target_growth_met", "growth_rank_change", "prior_basis", "rank_tied",
    "growth_rank_tied", "change_from_prior", "target_growth_gap_pp", "red_line_breached",
    "red_line_gap", "red_line_breaches",
  ]

  public static var columns: [String] { leadingColumns + extraColumns }

  /// RFC 4180 CSV: header line, one line per row, CRLF line ends, fields quoted only when they
  /// contain a comma, quote, CR or LF (quotes doubled). Text fields that start like a formula
  /// get a leading `'` unless `neutralizingFormulas` is false (`neutralized`). Default: true.
  public static func csv(_ table: ComparisonTable, neutralizingFormulas: Bool = true) -> String {
    text(table, .csv, neutralizingFormulas: neutralizingFormulas)
  }

  /// JSON: an array of objects, one per row, keys in column order; nil is `null`,
  /// numbers are bare, booleans `true`/`false`, everything else a string. One row per line.
  public static func json(_ table: ComparisonTable) -> String { text(table, .json) }

  /// The whole export of `table` in `format`: opening, one writer's rows, closing.
  private static func text(_ table: ComparisonTable, _ format: Format, neutralizingFormulas: Bool = true) -> String {
    var writer = Writer(format, neutralizingFormulas: neutralizingFormulas)
    for row in table.rows { writer.append(row) }
    let rows = writer.rowCount
    let body = opening(format) + writer.finish() + closing(format, rowCount: rows)
    return String(decoding: body, as: UTF8.self)
  }

  // MARK: - Streaming

  /// `xlsxSheet` is the SpreadsheetML of the workbook's one worksheet (see AnalyzeSheet.swift),
  /// which the caller packs into an .xlsx file.
  public enum Format: Sendable { case csv, json, xlsxSheet }

  /// What comes before the first row: the CSV header line, JSON's opening bracket, or the
  /// worksheet's start and its header row.
  public static func opening(_ format: Format) -> [UInt8] {
    switch format {
    case .csv: Array((columns.joined(separator: ",") + "\r\n").utf8)
    case .json: Array("[\n".utf8)
    case .xlsxSheet: Array(worksheetOpening.utf8)
    }
  }

  /// What goes between two non-empty parts written by separate `Writer`s.
  public static func separator(_ format: Format) -> [UInt8] {
    format == .json ? Array(",\n".utf8) : []
  }

  /// What comes after the last row, given how many rows were written in all.
  public static func closing(_ format: Format, rowCount: Int) -> [UInt8] {
    switch format {
    case .csv: []
    case .json: Array((rowCount == 0 ? "]\n" : "\n]\n").utf8)
    case .xlsxSheet: Array(worksheetClosing.utf8)
    }
  }

  // MARK: - Cells

  enum Cell {
    case string(String?)
    case period(Period?)
    case number(Double?)
    case integer(Int?)
    case bool(Bool?)

    var text: String {
      switch self {
      case .string(let s): s ?? ""
      case .period(let p): p?.code ?? ""
      case .number(let d): d.map(NumberText.format) ?? ""
      case .integer(let i): i.map(String.init) ?? ""
      case .bool(let b): b.map { $0 ? "true" : "false" } ?? ""
      }
    }

    var json: String {
      switch self {
      case .string(let s): s.map(quoteJSON) ?? "null"
      case .period(let p): p.map { quoteJSON($0.code) } ?? "null"
      case .number(let d): d.flatMap { $0.isFinite ? NumberText.format($0) : nil } ?? "null"
      case .integer(let i): i.map(String.init) ?? "null"
      case .bool(let b): b.map { $0 ? "true" : "false" } ?? "null"
      }
    }
  }

  /// Receives a row's cells in column order, one typed call each (`visitCells`).
  protocol CellVisitor: ~Copyable {
    mutating func string(_ value: String?)
    mutating func period(_ value: Period?)
    mutating func number(_ value: Double?)
    mutating func integer(_ value: Int?)
    mutating func bool(_ value: Bool?)
  }

  /// Hands the row's cells to `visitor` in column order (`columns`), one typed call each, so
  /// the streaming writer builds no `Cell` per field.
  @inline(__always)
  static func visitCells<Visitor: CellVisitor & ~Copyable>(_ r: ComparisonRow, _ visitor: inout Visitor) {
    visitor.string(r.indicator.rawValue)
    visitor.period(r.period)
    visitor.string(r.group.rawValue)
    visitor.string(r.region.rawValue)
    visitor.number(r.value)
    visitor.string(r.unit?.symbol)
    visitor.string(r.status.rawValue)
    visitor.integer(r.rank)
    visitor.integer(r.rankOf)
    visitor.integer(r.bottomRank)
    visitor.integer(r.rankOverall)
    visitor.integer(r.rankOverallOf)
    visitor.integer(r.growthRank)
    visitor.integer(r.growthRankOf)
    visitor.period(r.priorPeriod)
    visitor.number(r.priorValue)
    visitor.number(r.growthPct)
    visitor.period(r.prevPeriod)
    visitor.number(r.prevValue)
    visitor.number(r.prevGrowthPct)
    visitor.number(r.groupTotal)
    visitor.number(r.groupMean)
    visitor.number(r.groupGrowthPct)
    visitor.number(r.sharePct)
    visitor.number(r.target)
    visitor.number(r.completionPct)
    visitor.number(r.timeProgressPct)
    visitor.number(r.progressGapPp)
    visitor.integer(r.rankChange)
    // Extra columns.
    visitor.bool(r.isGroupRow)
    visitor.number(r.officialGrowthPct)
    visitor.number(r.computedGrowthPct)
    visitor.number(r.growthChangePp)
    visitor.number(r.growthGapToGroupPp)
    visitor.number(r.gapToLeader)
    visitor.number(r.gapToAbove)
    visitor.number(r.shareChangePp)
    visitor.number(r.contributionPp)
    visitor.number(r.progressGapAmount)
    visitor.number(r.remaining)
    visitor.number(r.monthlyPaceNeeded)
    visitor.number(r.targetGrowthPct)
    visitor.bool(r.targetGrowthMet)
    visitor.integer(r.growthRankChange)
    visitor.string(r.priorBasis?.rawValue)
    visitor.bool(r.rankIsTied)
    visitor.bool(r.growthRankIsTied)
    visitor.number(r.changeFromPrior)
    visitor.number(r.targetGrowthGapPp)
    visitor.bool(r.redLineBreached)
    visitor.number(r.redLineGap)
    visitor.integer(r.redLineBreaches)
  }

  static func cells(_ r: ComparisonRow) -> [Cell] {
    var collector = CellCollector()
    collector.cells.reserveCapacity(columns.count)
    visitCells(r, &collector)
    return collector.cells
  }

  /// Collects a row's cells as `Cell` values (the XLSX sheet's rows).
  private struct CellCollector: CellVisitor {
    var cells: [Cell] = []
    mutating func string(_ value: String?) { cells.append(.string(value)) }
    mutating func period(_ value: Period?) { cells.append(.period(value)) }
    mutating func number(_ value: Double?) { cells.append(.number(value)) }
    mutating func integer(_ value: Int?) { cells.append(.integer(value)) }
    mutating func bool(_ value: Bool?) { cells.append(.bool(value)) }
  }

  // MARK: - Quoting

  /// First characters that make Excel, WPS or LibreOffice read a CSV field as a formula:
  /// `=`, `+`, `-`, `@`, tab and carriage return (OWASP, "CSV Injection").
  /// A switch, not a `Set`: hashing the byte was a quarter of the CSV writer's string cells.
  static func startsFormula(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: true
    default: false
    }
  }

  /// `field` with a leading `'` when it starts like a formula (`=HYPERLINK(…)`, `+cmd|…`,
  /// `@SUM(1)`), so that a spreadsheet shows it as text; any other field as it is. For text
  /// fields only: numbers (`-2.1`) are written as numbers.
  public static func neutralized(_ field: String) -> String {
    guard let first = field.utf8.first, startsFormula(first) else { return field }
    return "'" + field
  }

  static func quoteCSV(_ field: String) -> String {
    let needs = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
    guard needs else { return field }
    return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
  }

  static func quoteJSON(_ s: String) -> String {
    TextEscaping.jsonQuoted(s)
  }
}

extension String {
  /// Replaces every occurrence of a single character (no Foundation).
  fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
    return out
  }
}
