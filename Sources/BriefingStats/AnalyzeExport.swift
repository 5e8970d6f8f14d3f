import BriefingCore

// MARK: - Export

/// Pure text exports of a comparison table (`briefing analyze`).
///
/// Columns: `leadingColumns` exactly, then `extraColumns`. Numbers use `NumberText.format`
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
    "target_growth_pct", "target_growth_met", "growth_rank_change",
  ]

  public static var columns: [String] { leadingColumns + extraColumns }

  /// RFC 4180 CSV: header line, one line per row, CRLF line ends, fields quoted only when they
  /// contain a comma, quote, CR or LF (quotes doubled).
  public static func csv(_ table: ComparisonTable) -> String {
    var writer = Writer(.csv)
    for row in table.rows { writer.append(row) }
    return String(decoding: writer.finish(), as: UTF8.self)
  }

  /// JSON: an array of objects, one per row, keys in column order; nil is `null`,
  /// numbers are bare, booleans `true`/`false`, everything else a string. One row per line.
  public static func json(_ table: ComparisonTable) -> String {
    var writer = Writer(.json)
    for row in table.rows { writer.append(row) }
    return String(decoding: writer.finish(), as: UTF8.self)
  }

  // MARK: - Streaming writer

  /// Writes the CSV or JSON export row by row into UTF-8 bytes, so a caller streaming rows
  /// from `compareRows` never holds the whole table (same bytes as `csv` / `json`).
  public struct Writer {
    public enum Format: Sendable { case csv, json }

    private let format: Format
    private var bytes: [UInt8] = []
    private var rowCount = 0
    private static let jsonKeys = columns.map { Array((quoteJSON($0) + ":").utf8) }

    public init(_ format: Format) {
      self.format = format
      if format == .csv { bytes.append(contentsOf: (columns.joined(separator: ",") + "\r\n").utf8) }
    }

    public mutating func append(_ row: ComparisonRow) {
      if format == .json { append(text: rowCount == 0 ? "[\n{" : ",\n{") }
      for (k, cell) in cells(row).enumerated() {
        if k > 0 { bytes.append(UInt8(ascii: ",")) }
        switch format {
        case .csv: appendCSV(cell)
        case .json:
          bytes.append(contentsOf: Self.jsonKeys[k])
          appendJSON(cell)
        }
      }
      append(text: format == .csv ? "\r\n" : "}")
      rowCount += 1
    }

    // Byte-level spellings of `Cell.text` / `Cell.json` (same output, no per-cell strings).

    private mutating func appendCSV(_ cell: Cell) {
      switch cell {
      case .string(let text?):
        if !append(text: text, unless: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) {
          append(text: quoteCSV(text))
        }
      case .number(let value?): append(number: value)
      case .integer(let value?): append(integer: value)
      case .bool(let value?): append(text: value ? "true" : "false")
      case .string(nil), .number(nil), .integer(nil), .bool(nil): break
      }
    }

    private mutating func appendJSON(_ cell: Cell) {
      switch cell {
      case .string(let text?):
        bytes.append(UInt8(ascii: "\""))
        if append(text: text, unless: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
          bytes.append(UInt8(ascii: "\""))
        } else {
          bytes.removeLast()
          append(text: quoteJSON(text))
        }
      case .number(let value?) where value.isFinite: append(number: value)
      case .integer(let value?): append(integer: value)
      case .bool(let value?): append(text: value ? "true" : "false")
      case .string(nil), .number, .integer(nil), .bool(nil): append(text: "null")
      }
    }

    private mutating func append(text: String) {
      var text = text
      text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends `text` unless one of its bytes is `special`; returns whether it appended.
    private mutating func append(text: String, unless special: (UInt8) -> Bool) -> Bool {
      var text = text
      return text.withUTF8 { utf8 in
        guard !utf8.contains(where: special) else { return false }
        bytes.append(contentsOf: utf8)
        return true
      }
    }

    /// Reserves room for about `rows` rows (an estimate: 320 bytes a CSV row, 1,200 a JSON
    /// row), so the buffer does not grow by copying; untouched room costs address space only.
    public mutating func reserve(rows: Int) {
      bytes.reserveCapacity(bytes.count + rows * (format == .csv ? 320 : 1200))
    }

    /// `NumberText.format`, with whole numbers written digit by digit.
    private mutating func append(number value: Double) {
      if value == 0 {
        bytes.append(UInt8(ascii: "0"))
      } else if abs(value) < 1e15, value == value.rounded(.towardZero) {
        append(integer: Int(value))
      } else {
        append(text: NumberText.format(value))
      }
    }

    private mutating func append(integer value: Int) {
      if value < 0 { bytes.append(UInt8(ascii: "-")) }
      var magnitude = value.magnitude
      let start = bytes.count
      repeat {
        bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
        magnitude /= 10
      } while magnitude > 0
      bytes[start...].reverse()
    }

    /// The finished export.
    public consuming func finish() -> [UInt8] {
      if format == .json { bytes.append(contentsOf: (rowCount == 0 ? "[\n]\n" : "\n]\n").utf8) }
      return bytes
    }
  }

  // MARK: - Cells

  enum Cell {
    case string(String?)
    case number(Double?)
    case integer(Int?)
    case bool(Bool?)

    var text: String {
      switch self {
      case .string(let s): s ?? ""
      case .number(let d): d.map(NumberText.format) ?? ""
      case .integer(let i): i.map(String.init) ?? ""
      case .bool(let b): b.map { $0 ? "true" : "false" } ?? ""
      }
    }

    var json: String {
      switch self {
      case .string(let s): s.map(quoteJSON) ?? "null"
      case .number(let d): d.flatMap { $0.isFinite ? NumberText.format($0) : nil } ?? "null"
      case .integer(let i): i.map(String.init) ?? "null"
      case .bool(let b): b.map { $0 ? "true" : "false" } ?? "null"
      }
    }
  }

  static func cells(_ r: ComparisonRow) -> [Cell] {
    [
      .string(r.indicator.rawValue), .string(r.period.code), .string(r.group.rawValue),
      .string(r.region.rawValue), .number(r.value), .string(r.unit?.symbol),
      .string(r.status.rawValue), .integer(r.rank), .integer(r.rankOf), .integer(r.bottomRank),
      .integer(r.rankOverall), .integer(r.rankOverallOf), .integer(r.growthRank),
      .integer(r.growthRankOf), .string(r.priorPeriod?.code), .number(r.priorValue),
      .number(r.growthPct), .string(r.prevPeriod?.code), .number(r.prevValue),
      .number(r.prevGrowthPct), .number(r.groupTotal), .number(r.groupMean),
      .number(r.groupGrowthPct), .number(r.sharePct), .number(r.target), .number(r.completionPct),
      .number(r.timeProgressPct), .number(r.progressGapPp), .integer(r.rankChange),
      // Extra columns.
      .bool(r.isGroupRow), .number(r.officialGrowthPct), .number(r.computedGrowthPct),
      .number(r.growthChangePp), .number(r.growthGapToGroupPp), .number(r.gapToLeader),
      .number(r.gapToAbove), .number(r.shareChangePp), .number(r.contributionPp),
      .number(r.progressGapAmount), .number(r.remaining), .number(r.monthlyPaceNeeded),
      .number(r.targetGrowthPct), .bool(r.targetGrowthMet), .integer(r.growthRankChange),
    ]
  }

  // MARK: - Quoting

  static func quoteCSV(_ field: String) -> String {
    let needs = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
    guard needs else { return field }
    return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
  }

  static func quoteJSON(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
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
