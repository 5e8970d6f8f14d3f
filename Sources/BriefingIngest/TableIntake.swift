import BriefingCore

// MARK: - Messages

extension Finding.Message {
  static func raggedRow(fields: Int, expected: Int) -> Self {
    .init(code: "ragged-row", text: "row has \(fields) fields, the header has \(expected)")
  }
  static let emptyFile = Self(code: "empty-file", text: "file is empty")
  static let noDataRows = Self(code: "empty-file", text: "no data rows (header only)")
}

// MARK: - Intake

/// Splits a row stream into a header and well-formed data rows: skips blank rows, maps the
/// header, reports ragged rows, and at the end reports an empty file or a header without data.
struct TableIntake<Column: ColumnSchema> {
  let file: String
  /// Nil until the header was read, and when the header lacks a required column.
  private(set) var header: HeaderMap<Column>?
  private var sawHeader = false
  private var dataRows = 0

  init(file: String) { self.file = file }

  /// The row when it is a data row of the right width; nil for the header, blank or bad rows.
  mutating func admit(_ row: TableRow, into sink: inout FindingSink) -> TableRow? {
    if row.isBlank { return nil }
    guard sawHeader else {
      sawHeader = true
      let (map, findings) = HeaderMap<Column>.make(row, file: file)
      header = map
      sink.add(contentsOf: findings)
      return nil
    }
    dataRows += 1
    guard let header else { return nil }
    guard row.cells.count == header.width else {
      let column = row.cells.count > header.width ? row.cells[header.width].column : nil
      sink.add(
        Finding(
          .error, .raggedRow(fields: row.cells.count, expected: header.width),
          at: .init(file: file, line: row.line, column: column)))
      return nil
    }
    return row
  }

  /// Counts a data row admitted without `admit` (one of the right width after the header).
  mutating func countDataRow() { dataRows += 1 }

  /// Reports `empty-file` when no header or no data row was seen.
  func finish(into sink: inout FindingSink) {
    if !sawHeader {
      sink.add(Finding(.error, .emptyFile, at: .init(file: file)))
    } else if dataRows == 0 {
      sink.add(Finding(.error, .noDataRows, at: .init(file: file)))
    }
  }
}
