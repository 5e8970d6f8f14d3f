import BriefingCore

// MARK: - Streaming writer

extension AnalyzeExport {
  /// Writes rows of the CSV, JSON or worksheet export into UTF-8 bytes: one part of the export,
  /// without `opening`, `closing` or the `separator` to a previous part. Parts written
  /// separately (on separate threads) and joined that way give the same bytes as one `Writer`
  /// for all rows.
  ///
  /// The spellings are those of `Cell.text` (CSV, quoted by `quoteCSV`), `Cell.json`, and for
  /// the worksheet inline strings (escaped by `escapeXML`), numbers as `NumberText.format`,
  /// booleans as 1/0, nothing for an empty cell; produced byte by byte, no string per cell.
  public struct Writer: ~Copyable, Sendable {
    private let format: Format
    /// CSV: text fields that a spreadsheet would take for a formula get a leading `'`
    /// (`AnalyzeExport.neutralized`).
    private let neutralizesFormulas: Bool
    private var bytes: ByteBuffer
    /// The last few periods written and their codes: rows come period by period.
    private var periodCodes: [(period: Period, code: [UInt8])] = []
    /// The column about to be written in the current row.
    private var column = 0
    /// Rows appended so far.
    public private(set) var rowCount = 0
    /// Worksheet: the sheet row number of the first row, and where the current row's number
    /// is in `bytes` (every cell reference repeats it).
    private let firstRow: Int
    private var rowNumber = 0..<0
    /// The last figure of each group column (`groupColumns`): its bits and where its text is in
    /// `bytes` (empty: none yet).
    private var groupFigures = InlineArray<3, (bits: UInt64, text: Range<Int>)>(repeating: (0, 0..<0))
    /// `group_total`, `group_mean` and `group_growth_pct` (adjacent columns from this one) repeat
    /// on every member row of a group and on its group row, mostly numbers of 15–17 digits: a
    /// repeat copies the text written above instead of spelling the number again.
    private static let groupColumns = columns.firstIndex(of: "group_total")!
    private static let jsonKeys = columns.map { Array((quoteJSON($0) + ":").utf8) }
    private static let cellStarts = columns.indices.map { Array("<c r=\"\(columnName($0))".utf8) }

    /// `expectedRows` only reserves room (about 320 bytes a CSV row, 1,200 a JSON or worksheet
    /// row), so the buffer does not grow by copying. Default: 0. `firstRow`: the worksheet row
    /// number of the first row appended (row 1 is the header). Default: 2. `neutralizingFormulas`:
    /// CSV text fields starting like a formula get a leading `'` (OWASP). Default: true.
    /// `recycling`: the bytes of an earlier part, whose memory is written again when it is large
    /// enough (`ByteBuffer.init(capacity:recycling:)`). Default: none.
    public init(
      _ format: Format, expectedRows: Int = 0, firstRow: Int = 2, neutralizingFormulas: Bool = true,
      recycling spare: consuming [UInt8] = []
    ) {
      self.format = format
      self.neutralizesFormulas = neutralizingFormulas
      self.firstRow = firstRow
      bytes = ByteBuffer(capacity: expectedRows * (format == .csv ? 320 : 1_200), recycling: consume spare)
    }

    public mutating func append(_ row: ComparisonRow) {
      switch format {
      case .csv: break
      case .json: append(ascii: rowCount == 0 ? "{" : ",\n{")
      case .xlsxSheet:
        append(ascii: "<row r=\"")
        let start = bytes.count
        append(integer: firstRow + rowCount)
        rowNumber = start..<bytes.count
        append(ascii: "\">")
      }
      column = 0
      visitCells(row, &self)
      switch format {
      case .csv: append(ascii: "\r\n")
      case .json: append(ascii: "}")
      case .xlsxSheet: append(ascii: "</row>")
      }
      rowCount += 1
    }

    /// The rows' bytes.
    public consuming func finish() -> [UInt8] { bytes.array() }

    // MARK: - Pieces

    /// Before each cell: the comma, and in JSON the key (the worksheet writes its cells whole,
    /// see `startSheetCell`).
    @inline(__always)
    private mutating func startCell() {
      if format != .xlsxSheet, column > 0 { bytes.append(UInt8(ascii: ",")) }
      if format == .json { Self.jsonKeys[column].withUnsafeBufferPointer { bytes.append($0) } }
      column += 1
    }

    /// A worksheet cell's start up to its value: `<c r="B7"` + `attributes` + `>`. Call after
    /// `startCell`.
    private mutating func startSheetCell(_ attributes: StaticString) {
      Self.cellStarts[column - 1].withUnsafeBufferPointer { bytes.append($0) }
      bytes.appendCopy(of: rowNumber)
      bytes.append(UInt8(ascii: "\""))
      append(ascii: attributes)
    }

    private mutating func append(ascii text: StaticString) {
      bytes.append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends `text` unless one of its bytes is `special`; returns whether it appended.
    private mutating func append(text: String, unless special: (UInt8) -> Bool) -> Bool {
      var text = text
      return text.withUTF8 { utf8 in
        for byte in utf8 where special(byte) { return false }
        bytes.append(utf8)
        return true
      }
    }

    /// `Period.code` (plain ASCII, needs no quoting), from the last few codes when it is one.
    private mutating func append(period: Period) {
      if let known = periodCodes.first(where: { $0.period == period }) {
        bytes.append(known.code)
        return
      }
      let code = Array(period.code.utf8)
      if periodCodes.count == 4 { periodCodes.removeFirst() }
      periodCodes.append((period, code))
      bytes.append(code)
    }

    // MARK: - Numbers

    /// `append(number:)` for the current cell (after `startCell`); in a group column, a copy of
    /// the column's previous text when the figure has the same bits.
    @inline(__always)
    private mutating func appendFigure(_ value: Double) {
      let slot = column - 1 - Self.groupColumns
      guard slot >= 0, slot < groupFigures.count else { return append(number: value) }
      let bits = value.bitPattern
      let last = groupFigures[slot]
      let start = bytes.count
      if last.bits == bits, !last.text.isEmpty {
        bytes.appendCopy(of: last.text)
      } else {
        append(number: value)
      }
      groupFigures[slot] = (bits, start..<bytes.count)
    }

    /// `NumberText.format`: whole numbers digit by digit, others by their shortest round-trip
    /// digits (`ShortestDigits`), no String made.
    mutating func append(number value: Double) {
      if value == 0 {
        bytes.append(UInt8(ascii: "0"))
      } else if abs(value) < 1e15, value == value.rounded(.towardZero) {
        append(integer: Int(value))
      } else if var digits = Self.thousandths(abs(value)) {
        // Not whole, so at least one decimal stays once the zeros at the end are dropped.
        var decimals = 3
        while digits % 10 == 0 {
          digits /= 10
          decimals -= 1
        }
        append(digits: digits, negative: value < 0, decimals: decimals)
      } else if let (significand, exponent) = ShortestDigits.decimal(abs(value)), exponent < 0 {
        // In [1e-6, 1e15) and not whole: NumberText's plain spelling of the shortest digits.
        append(digits: UInt(significand), negative: value < 0, decimals: -exponent)
      } else {
        var text = NumberText.format(value)
        text.withUTF8 { bytes.append($0) }
      }
    }

    /// `magnitude` × 1000 when that is a whole number whose thousandths are exactly this double
    /// (`digits / 1000` rounds to it), for magnitudes in [0.001, 1e12); else nil. The shortest
    /// digits are then those thousandths without their zeros at the end, found with one
    /// multiplication and one division instead of a digit search (`ShortestDigits`): a decimal
    /// of at most 15 significant digits is the only decimal that short converting to its double
    /// (two such decimals converting to the same double would print alike at 15 digits). 40 % of
    /// the township table's fractional numbers have at most 3 decimals (values as published).
    @inline(__always)
    static func thousandths(_ magnitude: Double) -> UInt? {
      guard magnitude >= 1e-3, magnitude < 1e12 else { return nil }
      // The nearest whole number by truncating (a conversion instruction, where `rounded()`
      // called the C library's `round`: 1 % of the rows' time): any whole number passing the
      // check below is the right one, and one missed at a tie goes to the digit search.
      let scaled = Int(magnitude * 1_000 + 0.5)
      guard Double(scaled) / 1_000 == magnitude else { return nil }
      return UInt(scaled)
    }

    private mutating func append(integer value: Int) {
      append(digits: value.magnitude, negative: value < 0, decimals: 0)
    }

    /// Writes `digits` in decimal with a point before the last `decimals` of them (at least one
    /// digit before the point, zeros after it as needed), after a `-` when `negative`: the
    /// length is counted first, then the digits are written back to front, two at a time.
    private mutating func append(digits: UInt, negative: Bool, decimals: Int) {
      let length = Self.decimalLength(digits)
      let shown = max(length, decimals + 1)
      let total = shown + (decimals > 0 ? 1 : 0) + (negative ? 1 : 0)
      bytes.appendWritten(maximum: total) { space in
        let end = space.baseAddress! + total
        if decimals == 0 {
          Self.write(digits, count: shown, before: end)
        } else if decimals >= length {
          // 0.000ddd: the digits with leading zeros, then "0."
          Self.write(digits, count: decimals, before: end)
          (end - decimals - 2).initialize(to: UInt8(ascii: "0"))
          (end - decimals - 1).initialize(to: UInt8(ascii: "."))
        } else {
          // decimals < length ≤ 20, so 10^decimals < 2^64.
          let (whole, fraction) = digits.quotientAndRemainder(dividingBy: Self.powersOfTen[decimals])
          Self.write(fraction, count: decimals, before: end)
          (end - decimals - 1).initialize(to: UInt8(ascii: "."))
          Self.write(whole, count: length - decimals, before: end - decimals - 1)
        }
        if negative { space[0] = UInt8(ascii: "-") }
        return total
      }
    }

    /// Decimal digits of `value` (1 for 0): from its bit length (log₁₀ 2 ≈ 1233 / 4096), then
    /// one comparison.
    @inline(__always)
    private static func decimalLength(_ value: UInt) -> Int {
      let estimate = ((64 - (value | 1).leadingZeroBitCount) * 1_233) >> 12
      return estimate + (value >= powersOfTen[estimate] ? 1 : 0)
    }

    /// 10^0 … 10^19 (the last power of ten below 2^64).
    private static let powersOfTen: [UInt] = [
      1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
      10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
      1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000,
      1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
    ]

    /// "00" … "99".
    private static let digitPairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    /// Writes `value` (below 10^`count`) as `count` decimal digits, zeros in front, into the
    /// `count` bytes before `end`: eight digits at a time (one 64-bit division, then 32-bit
    /// arithmetic whose four pairs do not wait on each other: two digits at a time made one
    /// chain of dependent divisions through a 17-digit number), then two at a time.
    @inline(__always)
    private static func write(_ value: UInt, count: Int, before end: UnsafeMutablePointer<UInt8>) {
      var rest = value
      var position = end
      var remaining = count
      while remaining >= 8 {
        let (next, eight) = rest.quotientAndRemainder(dividingBy: 100_000_000)
        let (high, low) = UInt32(truncatingIfNeeded: eight).quotientAndRemainder(dividingBy: 10_000)
        writePair(high / 100, at: position - 8)
        writePair(high % 100, at: position - 6)
        writePair(low / 100, at: position - 4)
        writePair(low % 100, at: position - 2)
        rest = next
        position -= 8
        remaining -= 8
      }
      var small = UInt32(truncatingIfNeeded: rest)  // below 10^7 now
      while remaining >= 2 {
        let (next, pair) = small.quotientAndRemainder(dividingBy: 100)
        writePair(pair, at: position - 2)
        small = next
        position -= 2
        remaining -= 2
      }
      if remaining == 1 {
        (position - 1).initialize(to: UInt8(ascii: "0") + UInt8(truncatingIfNeeded: small))
      }
    }

    /// Writes `pair` (below 100) as two digits at `position`.
    @inline(__always)
    private static func writePair(_ pair: UInt32, at position: UnsafeMutablePointer<UInt8>) {
      let pairs = digitPairs.utf8Start
      position.initialize(to: pairs[2 * Int(pair)])
      (position + 1).initialize(to: pairs[2 * Int(pair) + 1])
    }
  }
}

// MARK: - Cells

extension AnalyzeExport.Writer: AnalyzeExport.CellVisitor {
  mutating func string(_ value: String?) {
    startCell()
    switch (format, value) {
    case (.csv, var text?):
      if neutralizesFormulas { text = AnalyzeExport.neutralized(text) }
      if !append(text: text, unless: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) {
        var quoted = AnalyzeExport.quoteCSV(text)
        quoted.withUTF8 { bytes.append($0) }
      }
    case (.json, let text?):
      bytes.append(UInt8(ascii: "\""))
      if append(text: text, unless: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
        bytes.append(UInt8(ascii: "\""))
      } else {
        bytes.removeLast(1)
        var quoted = AnalyzeExport.quoteJSON(text)
        quoted.withUTF8 { bytes.append($0) }
      }
    case (.xlsxSheet, let text?):
      startSheetCell(" t=\"inlineStr\"><is><t>")
      if !append(text: text, unless: AnalyzeExport.needsXMLEscape) {
        var escaped = AnalyzeExport.escapeXML(text)
        escaped.withUTF8 { bytes.append($0) }
      }
      append(ascii: "</t></is></c>")
    case (.csv, nil), (.xlsxSheet, nil): break
    case (.json, nil): append(ascii: "null")
    }
  }

  mutating func period(_ value: Period?) {
    startCell()
    switch (format, value) {
    case (.csv, let period?): append(period: period)
    case (.json, let period?):
      bytes.append(UInt8(ascii: "\""))
      append(period: period)
      bytes.append(UInt8(ascii: "\""))
    case (.xlsxSheet, let period?):
      startSheetCell(" t=\"inlineStr\"><is><t>")
      append(period: period)
      append(ascii: "</t></is></c>")
    case (.csv, nil), (.xlsxSheet, nil): break
    case (.json, nil): append(ascii: "null")
    }
  }

  mutating func number(_ value: Double?) {
    startCell()
    switch (format, value) {
    case (.csv, let number?): appendFigure(number)
    case (.json, let number?) where number.isFinite: appendFigure(number)
    case (.xlsxSheet, let number?) where number.isFinite:
      startSheetCell("><v>")
      appendFigure(number)
      append(ascii: "</v></c>")
    case (.csv, nil), (.xlsxSheet, _): break
    case (.json, _): append(ascii: "null")
    }
  }

  mutating func integer(_ value: Int?) {
    startCell()
    switch (format, value) {
    case (.csv, let integer?), (.json, let integer?): append(integer: integer)
    case (.xlsxSheet, let integer?):
      startSheetCell("><v>")
      append(integer: integer)
      append(ascii: "</v></c>")
    case (.csv, nil), (.xlsxSheet, nil): break
    case (.json, nil): append(ascii: "null")
    }
  }

  mutating func bool(_ value: Bool?) {
    startCell()
    switch (format, value) {
    case (.csv, let flag?), (.json, let flag?): flag ? append(ascii: "true") : append(ascii: "false")
    case (.xlsxSheet, let flag?): flag ? startSheetCell(" t=\"b\"><v>1</v></c>") : startSheetCell(" t=\"b\"><v>0</v></c>")
    case (.csv, nil), (.xlsxSheet, nil): break
    case (.json, nil): append(ascii: "null")
    }
  }
}
