#if canImport(Glibc)
import Glibc
#endif
import BriefingCore

// MARK: - Messages

extension Finding.Message {
  static let unterminatedQuote = Self(
    code: "unterminated-quote", text: "quoted field is never closed (truncated file?)")
  static func badQuote() -> Self {
    .init(code: "bad-quote", text: "unexpected text after a closing quote")
  }
  static let tooManyFields = Self(
    code: "too-many-fields",
    text: "a record with more than \(DelimitedParser.maximumFieldsPerRecord) fields (the columns of an Excel sheet): "
      + "the file is refused here (wrong delimiter, or not a table?)")
  static let fieldTooLong = Self(
    code: "field-too-long",
    text: "a field longer than \(DelimitedParser.maximumFieldBytes) bytes (a spreadsheet cell holds 32,767 characters): "
      + "the file is refused here (an unclosed quote, or not a table?)")
  static let recordTooLong = Self(
    code: "record-too-long",
    text: "a record longer than \(DelimitedParser.maximumRecordBytes) bytes: the file is refused here (not a table?)")
}

// MARK: - Parser

/// An RFC 4180 parser for CSV/TSV over UTF-8 bytes: quotes, doubled quotes, delimiters and
/// newlines inside quotes, CRLF, LF or lone CR line ends. Rows are handed to a callback one at a
/// time, so memory stays bounded by the input plus one row, and a row is bounded by the limits
/// below: past one, parsing stops with an error at the field where it was passed (a 100 MB line
/// of commas once cost 3.2 GB of cells before anything refused it).
struct DelimitedParser {
  /// Most fields in one record: 16,384, the columns of an Excel sheet.
  static let maximumFieldsPerRecord = 16_384
  /// Longest field in bytes: 128 KiB (a spreadsheet cell's 32,767 characters at up to 4 bytes).
  static let maximumFieldBytes = 128 << 10
  /// Longest record in bytes: 8 MiB.
  static let maximumRecordBytes = 8 << 20

  /// Field separator (ASCII). Default: sniffed from the header line.
  var delimiter: UInt8

  static let comma: UInt8 = 0x2C
  static let tab: UInt8 = 0x09
  static let semicolon: UInt8 = 0x3B
  private static let quote: UInt8 = 0x22
  private static let newline: UInt8 = 0x0A
  private static let carriageReturn: UInt8 = 0x0D

  /// Uses `preferred` unless the header line has none of it but has another candidate
  /// (comma, tab, semicolon); then the most frequent candidate wins.
  static func sniff(_ bytes: [UInt8], preferred: UInt8?) -> UInt8 {
    var counts: [UInt8: Int] = [comma: 0, tab: 0, semicolon: 0]
    var inQuotes = false
    for byte in bytes {
      if byte == quote { inQuotes.toggle() }
      if !inQuotes, byte == newline || byte == carriageReturn { break }
      if !inQuotes, counts[byte] != nil { counts[byte, default: 0] += 1 }
    }
    if let preferred, counts[preferred, default: 0] > 0 { return preferred }
    let best = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }
    if let best, best.value > 0 { return best.key }
    return preferred ?? comma
  }

  /// Parses `bytes` (UTF-8, no BOM) and calls `onRow` for every record, blank lines included.
  /// Returns syntax findings (`unterminated-quote`, `bad-quote`) located in `file`, or the limit
  /// passed (`too-many-fields`, `field-too-long`, `record-too-long`), after which no row is
  /// delivered. `firstLine`: the line number of the first byte (default 1; more for a part cut
  /// from a file at a line start, as `FastLongReader` reads single lines).
  func parse(_ bytes: [UInt8], file: String, firstLine: Int = 1, onRow: (TableRow) -> Void) -> [Finding] {
    bytes.withUnsafeBufferPointer { parse($0, file: file, firstLine: firstLine, onRow: onRow) }
  }

  /// `parse` over bytes held elsewhere: a part of a larger text, read without a copy.
  func parse(
    _ buffer: UnsafeBufferPointer<UInt8>, file: String, firstLine: Int = 1, onRow: (TableRow) -> Void
  ) -> [Finding] {
    var state = ParserState(firstLine: firstLine)
    var findings: [Finding] = []
    // A nested function, so that a limit or syntax error ends the scan with `return`.
    func scan() {
      let count = buffer.count
      var index = 0
      while index < count {
        let byte = buffer[index]
        if state.inQuotes {
          if byte == Self.quote {
            if index + 1 < count, buffer[index + 1] == Self.quote {
              state.quoted.append(Self.quote)
              index += 2
              state.column += 2
              continue
            }
            state.inQuotes = false
            state.closedQuote = true
          } else {
            state.quoted.append(byte)
            if byte == Self.newline {
              state.line += 1
              state.column = 1
            } else {
              state.advance(over: byte)
            }
            index += 1
            continue
          }
          state.column += 1
          index += 1
          continue
        }
        switch byte {
        case delimiter:
          if let passed = state.endField(buffer, at: index) {
            findings.append(Finding(.error, passed, at: state.fieldLocation(file)))
            return
          }
          state.column += 1
          state.startField(at: index + 1)
        case Self.newline, Self.carriageReturn:
          if let passed = state.endField(buffer, at: index) {
            findings.append(Finding(.error, passed, at: state.fieldLocation(file)))
            return
          }
          onRow(state.takeRow())
          if byte == Self.carriageReturn, index + 1 < count, buffer[index + 1] == Self.newline {
            index += 1
          }
          state.line += 1
          state.column = 1
          state.recordLine = state.line
          state.recordStart = index + 1
          state.startField(at: index + 1)
        case Self.quote where state.fieldIsEmpty(at: index) && !state.wasQuoted:
          state.inQuotes = true
          state.wasQuoted = true
          state.openLine = state.line
          state.openColumn = state.column
          state.column += 1
        default:
          if !state.wasQuoted {
            // An unquoted field: skip to the next delimiter or line end in one tight loop
            // (a quote inside it is an ordinary character), counting characters for columns.
            var scan = index + 1
            var characters = byte & 0xC0 != 0x80 ? 1 : 0
            while scan < count {
              let next = buffer[scan]
              if next == delimiter || next == Self.newline || next == Self.carriageReturn { break }
              if next & 0xC0 != 0x80 { characters += 1 }
              scan += 1
            }
            state.column += characters
            index = scan
            continue
          }
          if state.closedQuote, byte != 0x20, byte != Self.tab, !state.reportedBadQuote {
            state.reportedBadQuote = true
            findings.append(
              Finding(
                .error, .badQuote(),
                at: .init(file: file, line: state.line, column: state.column)))
          }
          if state.wasQuoted, !state.closedQuote { state.quoted.append(byte) }
          state.advance(over: byte)
        }
        index += 1
      }
      if state.inQuotes {
        findings.append(
          Finding(
            .error, .unterminatedQuote,
            at: .init(file: file, line: state.openLine, column: state.openColumn)))
        return
      }
      if state.hasPendingRecord(at: count) {
        if let passed = state.endField(buffer, at: count) {
          findings.append(Finding(.error, passed, at: state.fieldLocation(file)))
          return
        }
        onRow(state.takeRow())
      }
    }
    scan()
    return findings
  }
}

// MARK: - State

/// Mutable cursor of the parser: position, the current field and the current record.
private struct ParserState {
  var line: Int
  var column = 1
  var recordLine: Int
  /// Where the current record starts in the bytes.
  var recordStart = 0
  var fieldStart = 0
  var fieldLine: Int
  var fieldColumn = 1
  var inQuotes = false
  var wasQuoted = false
  var closedQuote = false
  var reportedBadQuote = false
  var openLine = 1
  var openColumn = 1
  var quoted: [UInt8] = []
  var cells: [TableCell] = []
  /// The previous record's unquoted fields by position: where their bytes are and their text.
  /// A field with the same bytes reuses the text, so a column that repeats down the file
  /// (region, indicator, unit, source) makes no new string per row.
  var previousFields: [(start: Int, count: Int, text: String)] = []

  init(firstLine: Int) {
    line = firstLine
    recordLine = firstLine
    fieldLine = firstLine
  }

  mutating func advance(over byte: UInt8) {
    if byte & 0xC0 != 0x80 { column += 1 }
  }

  func fieldIsEmpty(at index: Int) -> Bool { index == fieldStart }

  func hasPendingRecord(at end: Int) -> Bool { !cells.isEmpty || end > fieldStart || wasQuoted }

  mutating func startField(at index: Int) {
    fieldStart = index
    fieldLine = line
    fieldColumn = column
    wasQuoted = false
    closedQuote = false
    quoted.removeAll(keepingCapacity: true)
  }

  /// Where the current field starts, for findings.
  func fieldLocation(_ file: String) -> SourceLocation {
    SourceLocation(file: file, line: fieldLine, column: fieldColumn)
  }

  /// Ends the field at `end` and adds it to the record; the limit it passes instead, if any
  /// (checked before its text is made).
  mutating func endField(_ buffer: UnsafeBufferPointer<UInt8>, at end: Int) -> Finding.Message? {
    let fieldBytes = wasQuoted ? quoted.count : end - fieldStart
    if fieldBytes > DelimitedParser.maximumFieldBytes { return .fieldTooLong }
    if cells.count >= DelimitedParser.maximumFieldsPerRecord { return .tooManyFields }
    if end - recordStart > DelimitedParser.maximumRecordBytes { return .recordTooLong }
    let text: String
    if wasQuoted {
      text = String(decoding: quoted, as: UTF8.self)
    } else if end == fieldStart {
      text = ""
    } else {
      text = repeatedOrNewText(buffer, fieldStart..<end)
    }
    cells.append(TableCell(text, column: fieldColumn))
    return nil
  }

  /// The text of the unquoted field at `range`: the previous record's text of the same field
  /// when the bytes are the same.
  private mutating func repeatedOrNewText(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    -> String
  {
    let position = cells.count
    let base = buffer.baseAddress!
    if position < previousFields.count {
      let previous = previousFields[position]
      if previous.count == range.count,
        memcmp(base + previous.start, base + range.lowerBound, range.count) == 0
      {
        return previous.text
      }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    while previousFields.count <= position { previousFields.append((0, -1, "")) }
    previousFields[position] = (range.lowerBound, range.count, text)
    return text
  }

  mutating func takeRow() -> TableRow {
    let row = TableRow(line: recordLine, cells: cells)
    cells.removeAll(keepingCapacity: true)
    reportedBadQuote = false
    return row
  }
}
