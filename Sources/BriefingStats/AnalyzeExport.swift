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
  public static func csv(_ table: ComparisonTable) -> String { text(table, .csv) }

  /// JSON: an array of objects, one per row, keys in column order; nil is `null`,
  /// numbers are bare, booleans `true`/`false`, everything else a string. One row per line.
  public static func json(_ table: ComparisonTable) -> String { text(table, .json) }

  private static func text(_ table: ComparisonTable, _ format: Format) -> String {
    var writer = Writer(format)
    for row in table.rows { writer.append(row) }
    let rows = writer.rowCount
    let body = opening(format) + writer.finish() + closing(format, rowCount: rows)
    return String(decoding: body, as: UTF8.self)
  }

  // MARK: - Streaming

  public enum Format: Sendable { case csv, json }

  /// What comes before the first row: the CSV header line, or JSON's opening bracket.
  public static func opening(_ format: Format) -> [UInt8] {
    switch format {
    case .csv: Array((columns.joined(separator: ",") + "\r\n").utf8)
    case .json: Array("[\n".utf8)
    }
  }

  /// What goes between two non-empty parts written by separate `Writer`s.
  public static func separator(_ format: Format) -> [UInt8] {
    format == .csv ? [] : Array(",\n".utf8)
  }

  /// What comes after the last row, given how many rows were written in all.
  public static func closing(_ format: Format, rowCount: Int) -> [UInt8] {
    switch format {
    case .csv: []
    case .json: Array((rowCount == 0 ? "]\n" : "\n]\n").utf8)
    }
  }

  /// Writes rows of the CSV or JSON export into UTF-8 bytes: one part of the export, without
  /// `opening`, `closing` or the `separator` to a previous part. Parts written separately (on
  /// separate threads) and joined that way give the same bytes as one `Writer` for all rows.
  public struct Writer: Sendable {
    private let format: Format
    private var bytes: [UInt8] = []
    private var periodCodes: [(period: Period, code: [UInt8])] = []
    /// The last long numbers written by `appendShortestDigits`: bits and where in `bytes`.
    private var recentNumbers: [(bits: UInt64, range: Range<Int>)] = []
    /// Rows appended so far.
    public private(set) var rowCount = 0
    private static let jsonKeys = columns.map { Array((quoteJSON($0) + ":").utf8) }

    /// `expectedRows` only reserves room (about 320 bytes a CSV row, 1,200 a JSON row), so the
    /// buffer does not grow by copying. Default: 0.
    public init(_ format: Format, expectedRows: Int = 0) {
      self.format = format
      bytes.reserveCapacity(expectedRows * (format == .csv ? 320 : 1_200))
    }

    public mutating func append(_ row: ComparisonRow) {
      if format == .json { append(text: rowCount == 0 ? "{" : ",\n{") }
      var k = 0
      forEachCell(row) { cell in
        if k > 0 { bytes.append(UInt8(ascii: ",")) }
        switch format {
        case .csv: appendCSV(cell)
        case .json:
          bytes.append(contentsOf: Self.jsonKeys[k])
          appendJSON(cell)
        }
        k += 1
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
      case .period(let period?): append(period: period)
      case .number(let value?): append(number: value)
      case .integer(let value?): append(integer: value)
      case .bool(let value?): append(text: value ? "true" : "false")
      case .string(nil), .period(nil), .number(nil), .integer(nil), .bool(nil): break
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
      case .period(let period?):
        bytes.append(UInt8(ascii: "\""))
        append(period: period)
        bytes.append(UInt8(ascii: "\""))
      case .number(let value?) where value.isFinite: append(number: value)
      case .integer(let value?): append(integer: value)
      case .bool(let value?): append(text: value ? "true" : "false")
      case .string(nil), .period(nil), .number, .integer(nil), .bool(nil): append(text: "null")
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

    /// `Period.code` (plain ASCII, needs no quoting); the last few codes are kept, since rows
    /// come period by period.
    private mutating func append(period: Period) {
      if let known = periodCodes.first(where: { $0.period == period }) {
        bytes.append(contentsOf: known.code)
        return
      }
      let code = Array(period.code.utf8)
      if periodCodes.count == 4 { periodCodes.removeFirst() }
      periodCodes.append((period, code))
      bytes.append(contentsOf: code)
    }

    /// `NumberText.format`, with whole numbers and short decimals written digit by digit.
    mutating func append(number value: Double) {
      if value == 0 {
        bytes.append(UInt8(ascii: "0"))
      } else if abs(value) < 1e15, value == value.rounded(.towardZero) {
        append(integer: Int(value))
      } else if !appendShortDecimal(value), !appendRecent(value), !appendShortestDigits(value) {
        append(text: NumberText.format(value))
      }
    }

    /// Writes `value` again from where it was last written, if it is one of the last few long
    /// numbers: a group's total, mean and growth repeat on every member's row.
    private mutating func appendRecent(_ value: Double) -> Bool {
      guard let recent = recentNumbers.first(where: { $0.bits == value.bitPattern }) else {
        return false
      }
      let piece = Array(bytes[recent.range])
      bytes.append(contentsOf: piece)
      return true
    }

    /// Writes `value`'s shortest round-trip digits straight from `Double.write(to:)` (no String
    /// made) when they need no exponent, which is `NumberText.format`'s spelling of any value
    /// in [1e-6, 1e15); false, writing nothing, otherwise.
    private mutating func appendShortestDigits(_ value: Double) -> Bool {
      let magnitude = abs(value)
      guard magnitude >= 1e-6, magnitude < 1e15 else { return false }
      var sink = ASCIISink()
      swap(&sink.bytes, &bytes)
      let start = sink.bytes.count
      value.write(to: &sink)
      let plain = !sink.bytes[start...].contains(UInt8(ascii: "e"))
      if !plain { sink.bytes.removeSubrange(start...) }
      swap(&sink.bytes, &bytes)
      if plain {
        if recentNumbers.count == 8 { recentNumbers.removeFirst() }
        recentNumbers.append((value.bitPattern, start..<bytes.count))
      }
      return plain
    }

    /// Writes a non-integral `value` that has at most 4 decimals and 15 significant digits, the
    /// common case for data values (132.6, 0.05), and returns true; false, writing nothing,
    /// for any other value. The digits are those of `NumberText.format`: k / 10^d with the
    /// fewest decimals d such that the correctly rounded quotient k / 10^d is `value` (exactly
    /// what parsing "k·10^-d" gives) is the shortest round-trip spelling, since two decimals of
    /// at most 15 significant digits never round to the same double.
    private mutating func appendShortDecimal(_ value: Double) -> Bool {
      let magnitude = abs(value)
      guard magnitude < 1e11, magnitude >= 1e-4 else { return false }
      // One multiplication rejects the long fractions (growth rates, shares) at once.
      let scaled = magnitude * 10_000
      let nearest = scaled.rounded()
      guard abs(scaled - nearest) <= scaled * 1e-12 else { return false }
      var digits = Int(nearest)
      var decimals = 4
      while decimals > 1, digits % 10 == 0 {
        digits /= 10
        decimals -= 1
      }
      guard Double(digits) / Self.decimalScales[decimals] == magnitude else { return false }
      append(digits: digits, negative: value < 0, decimals: decimals)
      return true
    }

    private static let decimalScales: [Double] = [1, 10, 100, 1_000, 10_000]

    private mutating func append(integer value: Int) {
      append(digits: value.magnitude, negative: value < 0, decimals: 0)
    }

    /// Writes `digits` in decimal with a point before the last `decimals` of them (at least one
    /// digit before the point), after a `-` when `negative`. Built back to front in a small
    /// stack buffer, then appended once.
    private mutating func append(digits: some BinaryInteger, negative: Bool, decimals: Int) {
      var rest = UInt(digits)
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
        var position = buffer.count
        var written = 0
        repeat {
          if written == decimals, decimals > 0 {
            position -= 1
            buffer[position] = UInt8(ascii: ".")
          }
          position -= 1
          buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
          rest /= 10
          written += 1
        } while rest > 0 || written <= decimals
        if negative {
          position -= 1
          buffer[position] = UInt8(ascii: "-")
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[position...]))
      }
    }

    /// The rows' bytes.
    public consuming func finish() -> [UInt8] { bytes }
  }

  /// Collects what `Double.write(to:)` prints. Swift's floating-point types hand their digits
  /// to `_writeASCII` as bytes; without it they would build a String for each number.
  private struct ASCIISink: TextOutputStream {
    var bytes: [UInt8] = []
    mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
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

  /// The row's cells in column order (`columns`), one call of `body` each, without building
  /// an array (the streaming writer calls this once per row).
  @inline(__always)
  static func forEachCell(_ r: ComparisonRow, _ body: (Cell) -> Void) {
    body(.string(r.indicator.rawValue))
    body(.period(r.period))
    body(.string(r.group.rawValue))
    body(.string(r.region.rawValue))
    body(.number(r.value))
    body(.string(r.unit?.symbol))
    body(.string(r.status.rawValue))
    body(.integer(r.rank))
    body(.integer(r.rankOf))
    body(.integer(r.bottomRank))
    body(.integer(r.rankOverall))
    body(.integer(r.rankOverallOf))
    body(.integer(r.growthRank))
    body(.integer(r.growthRankOf))
    body(.period(r.priorPeriod))
    body(.number(r.priorValue))
    body(.number(r.growthPct))
    body(.period(r.prevPeriod))
    body(.number(r.prevValue))
    body(.number(r.prevGrowthPct))
    body(.number(r.groupTotal))
    body(.number(r.groupMean))
    body(.number(r.groupGrowthPct))
    body(.number(r.sharePct))
    body(.number(r.target))
    body(.number(r.completionPct))
    body(.number(r.timeProgressPct))
    body(.number(r.progressGapPp))
    body(.integer(r.rankChange))
    // Extra columns.
    body(.bool(r.isGroupRow))
    body(.number(r.officialGrowthPct))
    body(.number(r.computedGrowthPct))
    body(.number(r.growthChangePp))
    body(.number(r.growthGapToGroupPp))
    body(.number(r.gapToLeader))
    body(.number(r.gapToAbove))
    body(.number(r.shareChangePp))
    body(.number(r.contributionPp))
    body(.number(r.progressGapAmount))
    body(.number(r.remaining))
    body(.number(r.monthlyPaceNeeded))
    body(.number(r.targetGrowthPct))
    body(.bool(r.targetGrowthMet))
    body(.integer(r.growthRankChange))
  }

  static func cells(_ r: ComparisonRow) -> [Cell] {
    var cells: [Cell] = []
    cells.reserveCapacity(columns.count)
    forEachCell(r) { cells.append($0) }
    return cells
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
