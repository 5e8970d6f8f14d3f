#if canImport(Glibc)
import Glibc
#endif
import BriefingCore

// MARK: - Items of a long table

/// What the reading of a long table hands the observation builder, in file order.
enum LongItem: Sendable {
  /// A row read the usual way (`DelimitedParser`, `TableRow`), with its cells parsed ahead.
  /// Boxed: `ObservationCells` is twice the size of a `FastRow`, and every item is as large as
  /// its largest case.
  indirect case row(TableRow, ObservationCells?)
  /// The text that the `fast` rows after it are cut from (sent once, before them).
  case text(LongText)
  /// A data line read straight from its bytes.
  case fast(FastRow)
}

/// A data line of a long table read from its bytes without a `TableRow`: every cell parsed
/// and converted to the indicator's canonical unit, no finding to make about it on its own. The
/// builder still checks it against the rows before (duplicate keys, targets) and reads it the
/// usual way (`LongText.row`) when that needs a finding.
struct FastRow: Sendable {
  var line: Int
  /// The line in the text, its line end included.
  var bytes: Range<Int>
  /// Positions in the fixed catalogs.
  var region: Int
  var indicator: Int
  var period: Period
  /// In the indicator's canonical unit; nil when masked or missing.
  var value: Double?
  /// Fraction digits of the value in the canonical unit (`Converted.decimals`).
  var decimals: Int
  var status: ValueStatus
  var qualifier: ValueQualifier?
  /// Canonical unit.
  var target: Double?
  /// %.
  var targetGrowth: Double?
  var officialGrowth: Double?
  var note: String?
  var source: String?
  /// Character column of the value cell (1-based, as `TableCell.column`).
  var valueColumn: Int
}

/// The decoded text of a long table, for reading a `FastRow` the usual way.
struct LongText: Sendable {
  let utf8: [UInt8]
  let delimiter: UInt8
  let file: String

  /// The row as `DelimitedParser` reads it from the whole file (same cells, line and columns).
  func row(_ fast: FastRow) -> TableRow {
    utf8.withUnsafeBufferPointer { record($0, fast.bytes, line: fast.line).row }
      ?? TableRow(line: fast.line, cells: [])
  }

  /// The record of the line at `bytes` of `buffer` (this text's bytes), numbered `line`, as
  /// `DelimitedParser` reads it from the whole text, with the parser's findings (a limit
  /// passed; then no row).
  func record(_ buffer: UnsafeBufferPointer<UInt8>, _ bytes: Range<Int>, line: Int)
    -> (row: TableRow?, findings: [Finding])
  {
    var row: TableRow?
    let findings = DelimitedParser(delimiter: delimiter).parse(
      UnsafeBufferPointer(rebasing: buffer[bytes]), file: file, firstLine: line
    ) { row = $0 }
    return (row, findings)
  }
}

// MARK: - Reading

extension TableReading {
  /// The rows of a long observations table for `DatasetLoader.streamLong`, each prepared by
  /// `preparer`, with the findings of `forEachRow` in the same order. A UTF-8 text that
  /// `FastLongReader.canRead` is read line by line instead, and its ordinary data lines become
  /// `FastRow`s when the catalogs are fixed (`FastCellReader`).
  static func forEachLongItem(
    of file: InputFile, options: LoadOptions, preparer: ObservationCellParser, regions: Catalog<Region>,
    indicators: Catalog<Indicator>, _ onItem: (LongItem) -> Void
  ) -> [Finding] {
    var preparer = preparer
    guard case .delimited(let preferred) = TableFormat.guess(path: file.path, bytes: file.bytes) else {
      return forEachRow(of: file, options: options) { onItem(.row($0, preparer.prepare($0))) }
    }
    let decoded = TextDecoding.decode(file.bytes, as: options.encoding, file: file.path)
    guard let utf8 = decoded.utf8 else { return decoded.findings }
    let delimiter = DelimitedParser.sniff(utf8, preferred: preferred)
    let clean = ControlCharacterScreen.isClean(utf8)
    if clean, let cells = FastCellReader(regions: regions, indicators: indicators, delimiter: delimiter),
      FastLongReader.canRead(utf8)
    {
      let text = LongText(utf8: utf8, delimiter: delimiter, file: file.path)
      var reader = FastLongReader(text: text, preparer: preparer, cells: cells)
      return decoded.findings + reader.read(onItem)
    }
    return decoded.findings
      + forEachRow(ofText: utf8, delimiter: delimiter, file: file.path, clean: clean) {
        onItem(.row($0, preparer.prepare($0)))
      }
  }
}

/// Reads a delimited text without quotes line by line: a line is then exactly one record. An
/// ordinary data line (`FastCellReader.read`) becomes a `FastRow`; any other line (the header,
/// blank, ragged or odd lines, one longer than a field may be) is parsed alone by
/// `DelimitedParser` from its line on, which gives the same row or limit error as parsing the
/// whole text.
struct FastLongReader {
  let text: LongText
  var preparer: ObservationCellParser
  var cells: FastCellReader

  /// True when every line of `utf8` is one record: no quote, and every carriage return ends a
  /// line before its line feed (a lone one ends a record on its own).
  static func canRead(_ utf8: [UInt8]) -> Bool {
    utf8.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return true }
      if memchr(base, 0x22, buffer.count) != nil { return false }
      var cursor = base
      let end = base + buffer.count
      while let found = memchr(cursor, 0x0D, end - cursor) {
        let carriageReturn = UnsafeRawPointer(found)
        guard carriageReturn + 1 < end, carriageReturn.load(fromByteOffset: 1, as: UInt8.self) == 0x0A else {
          return false
        }
        cursor = carriageReturn + 2
      }
      return true
    }
  }

  /// Lines read before `read` may give up the fast way: when more than half of them needed the
  /// usual reading (say, rows with units for indicators that declare none), the rest of the text
  /// is parsed in one pass instead of line by line (measured on 1.15 M such rows: 2.75 s line
  /// by line against 1.41 s in one pass).
  static let trialLines = 1_000

  /// Hands over the items of every line; returns the limit error that stopped the reading, if
  /// any (then no later line is read, as `DelimitedParser.parse` stops).
  mutating func read(_ onItem: (LongItem) -> Void) -> [Finding] {
    onItem(.text(text))
    let utf8 = text.utf8
    return utf8.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return [] }
      var start = 0
      var line = 1
      var usualLines = 0
      while start < buffer.count {
        if line > Self.trialLines, usualLines * 2 > line {
          return DelimitedParser(delimiter: text.delimiter).parse(
            UnsafeBufferPointer(rebasing: buffer[start...]), file: text.file, firstLine: line
          ) { onItem(.row($0, preparer.prepare($0))) }
        }
        let newline = memchr(base + start, 0x0A, buffer.count - start).map {
          UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base
        }
        let next = newline.map { $0 + 1 } ?? buffer.count
        var contentEnd = newline ?? buffer.count
        if contentEnd > start, buffer[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        if let header = preparer.header, next - start <= DelimitedParser.maximumFieldBytes,
          let fast = cells.read(buffer, line: line, bytes: start..<next, contentEnd: contentEnd, header: header)
        {
          onItem(.fast(fast))
        } else {
          usualLines += 1
          let (row, findings) = text.record(buffer, start..<next, line: line)
          if let row { onItem(.row(row, preparer.prepare(row))) }
          if !findings.isEmpty { return findings }
        }
        start = next
        line += 1
      }
      return []
    }
  }
}

// MARK: - Cells from bytes

/// Parses the cells of one data line from its bytes, the way `ObservationCellParser` and the
/// builder read them from `TableCell`s; nil for any line that is not ordinary: another field
/// count than the header's, a name, period or status that needs trimming or is unknown, a
/// number that does not parse. Such a line is read the usual way, which reports it.
struct FastCellReader: Sendable {
  private var regions: Catalog<Region>
  private var indicators: Catalog<Indicator>
  private var regionNames = ByteMemo<Int?>()
  private var indicatorNames = ByteMemo<Int?>()
  private var periods = ByteMemo<Period?>()
  private var units = ByteMemo<Unit?>()
  private var statuses = ByteMemo<ValueStatus?>()
  /// The previous line's note and source: a text repeated down the column is one `String`, as
  /// `DelimitedParser` shares it (a 30-byte source on every row cost 73 bytes per row without).
  private var notes = RepeatedText()
  private var sources = RepeatedText()
  private let delimiter: UInt8
  /// Field ranges of the current line (kept to reuse its storage).
  private var fields: [Range<Int>] = []

  /// Only for fixed catalogs (regions.csv and indicators.csv): an open one grows as the builder
  /// reads, so names are resolved there.
  init?(regions: Catalog<Region>, indicators: Catalog<Indicator>, delimiter: UInt8) {
    guard regions.isFixed, indicators.isFixed else { return nil }
    self.delimiter = delimiter
    self.regions = regions
    self.indicators = indicators
  }

  /// The line `bytes` of `buffer` as a `FastRow`, or nil; its line end starts at `contentEnd`.
  mutating func read(
    _ buffer: UnsafeBufferPointer<UInt8>, line: Int, bytes: Range<Int>, contentEnd: Int,
    header: HeaderMap<ObservationColumn>
  ) -> FastRow? {
    let range = bytes.lowerBound..<contentEnd
    fields.removeAll(keepingCapacity: true)
    var fieldStart = range.lowerBound
    for index in range where buffer[index] == delimiter {
      fields.append(fieldStart..<index)
      fieldStart = index + 1
    }
    fields.append(fieldStart..<range.upperBound)
    guard fields.count == header.width else { return nil }
    let fields = fields
    let cell = { (column: ObservationColumn) in
      header.position(column).map { UnsafeBufferPointer(rebasing: buffer[fields[$0]]) }
    }
    guard let regionCell = cell(.region), let indicatorCell = cell(.indicator), let periodCell = cell(.period),
      let valueCell = cell(.value),
      let region = Self.name(regionCell, &regionNames, &regions),
      let indicator = Self.name(indicatorCell, &indicatorNames, &indicators),
      let period = Self.trimmed(periodCell).flatMap({ periods.value(for: $0) { Period(code: $0) } }),
      let value = Self.number(valueCell),
      let targetGrowth = Self.growth(cell(.targetGrowth)), let officialGrowth = Self.growth(cell(.yoy)),
      let statusText = Self.ifPresent(cell(.status).flatMap { $0.isEmpty ? nil : $0 }, { bytes in
        Self.trimmed(bytes).flatMap { text in
          statuses.value(for: text) { ValueStatus(rawValue: $0) ?? FieldSyntax.status($0) }
        }
      }),
      let note = Self.ifPresent(cell(.note).flatMap { $0.isEmpty ? nil : $0 }, { notes.text(Self.trimmed($0)) }),
      let source = Self.ifPresent(cell(.source).flatMap { $0.isEmpty ? nil : $0 }, { sources.text(Self.trimmed($0)) })
    else { return nil }
    // Units as the builder converts them, when that needs none of its state: the indicator's
    // unit is declared, or no cell of the line has a unit (then numbers are taken as written).
    let columnUnit = cell(.unit).flatMap { units.value(for: $0) { ValueParser.parseUnit($0) } }
    if let inCell = value.unit, let columnUnit, inCell != columnUnit { return nil }  // a warning
    let unit = value.unit ?? columnUnit
    let canonical = indicators.entries[indicator].unit
    guard canonical != nil || unit == nil, let converted = Converter.convert(value, from: unit, to: canonical),
      let target = Self.target(cell(.target), columnUnit: columnUnit, canonical: canonical)
    else { return nil }
    var status = value.content == .masked ? .masked : statusText ?? .actual
    if converted.number != nil, status == .masked || status == .missing { return nil }  // a warning
    if converted.number == nil, status == .actual { status = .missing }
    var valueColumn = 1
    for byte in buffer[range.lowerBound..<fields[header.position(.value)!].lowerBound] where byte & 0xC0 != 0x80 {
      valueColumn += 1
    }
    return FastRow(
      line: line, bytes: bytes, region: region, indicator: indicator, period: period, value: converted.number,
      decimals: converted.decimals, status: status, qualifier: value.qualifier, target: target,
      targetGrowth: targetGrowth, officialGrowth: officialGrowth, note: note, source: source,
      valueColumn: valueColumn)
  }

  /// `.some(nil)` for an absent cell, `.some(parsed)` for one that `parse` reads, nil for one it
  /// does not (the line is then not ordinary).
  private static func ifPresent<Value>(
    _ bytes: UnsafeBufferPointer<UInt8>?, _ parse: (UnsafeBufferPointer<UInt8>) -> Value?
  ) -> Value?? {
    guard let bytes else { return .some(nil) }
    return parse(bytes).map { .some($0) }
  }

  /// A growth cell in % (`Converter.inPercent`): `.some(nil)` when absent or without a number,
  /// nil when it does not read (the line is then not ordinary).
  private static func growth(_ bytes: UnsafeBufferPointer<UInt8>?) -> Double?? {
    guard let bytes, !bytes.isEmpty else { return .some(nil) }  // an empty cell is missing
    return number(bytes).flatMap(Converter.inPercent)
  }

  /// A target cell in the canonical unit: `.some(nil)` when absent or without a number, nil when
  /// it does not read or convert, or has a unit for an indicator without a declared one. An
  /// empty cell is missing, and converts since the value did (from the same column unit).
  private static func target(_ bytes: UnsafeBufferPointer<UInt8>?, columnUnit: Unit?, canonical: Unit?) -> Double?? {
    guard let bytes, !bytes.isEmpty else { return .some(nil) }
    guard let target = number(bytes), canonical != nil || target.unit == nil,
      let converted = Converter.convert(target, from: target.unit ?? columnUnit, to: canonical)
    else { return nil }
    return .some(converted.number)
  }

  /// The bytes when they are a non-empty text that trimming leaves alone; nil otherwise.
  private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
    bytes.isEmpty || bytes.mayNeedTrimming ? nil : bytes
  }

  /// A region or indicator position, as `Catalog.resolveIndex` gives it for the cell's text.
  private static func name<Entry>(
    _ bytes: UnsafeBufferPointer<UInt8>, _ memo: inout ByteMemo<Int?>, _ catalog: inout Catalog<Entry>
  ) -> Int? {
    guard let text = trimmed(bytes) else { return nil }
    return memo.value(for: text) { catalog.resolveIndex($0) }
  }

  /// `ValueParser.parse` of the cell's text.
  private static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> CellValue? {
    ValueParser.quickParse(bytes) ?? ValueParser.parse(String(decoding: bytes, as: UTF8.self))
  }
}

// MARK: - Repeated texts

/// The text of a note or source cell, the previous one's `String` when the bytes repeat.
private struct RepeatedText: Sendable {
  private var bytes: [UInt8] = []
  private var last = ""

  /// The cell's text; nil for nil (a cell that needs trimming: the line is not ordinary).
  mutating func text(_ cell: UnsafeBufferPointer<UInt8>?) -> String? {
    guard let cell else { return nil }
    if !cell.elementsEqual(bytes) {
      bytes = Array(cell)
      last = String(decoding: cell, as: UTF8.self)
    }
    return last
  }
}
