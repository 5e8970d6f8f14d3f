import BriefingCore
import CFreeXL
import Foundation

// MARK: - Messages

extension Finding.Message {
  static func badXLS(_ detail: String) -> Self {
    .init(code: "bad-xls", text: "cannot read Excel 97–2003 workbook: \(detail)")
  }
}

// MARK: - Reader

/// Reads one worksheet of an Excel 97–2003 workbook (.xls, BIFF8) with FreeXL into a grid:
/// the named sheet (default: the first), text as UTF-8, numbers as their shortest round-trip
/// decimal (`86.3`, `2024`), dates as `YYYY-MM-DD`. Rows are the sheet's (1-based), columns
/// spreadsheet columns (A = 1), as for .xlsx. FreeXL does not report merged ranges: a merged
/// heading arrives as one filled cell followed by empty ones, which shape detection fills.
enum XLSReader {
  /// Rows × columns read at most. Default: 20 million cells (guards against a damaged
  /// dimension record).
  static let maximumCells = 20_000_000

  static func grid(of file: InputFile, sheet: String?) -> (grid: CellGrid?, findings: [Finding]) {
    let location = SourceLocation(file: file.path)
    func failure(_ detail: String) -> (CellGrid?, [Finding]) {
      (nil, [Finding(.error, .badXLS(detail), at: location)])
    }
    // FreeXL opens a path: the bytes go to a temporary file, removed once opened.
    guard let path = temporaryCopy(file.bytes) else { return failure("cannot write a temporary copy") }
    var handle: UnsafeRawPointer?
    let opened = freexl_open(path, &handle)
    unlink(path)
    defer { if handle != nil { freexl_close(handle) } }
    guard opened == FREEXL_OK, let handle else { return failure("not a readable .xls file (FreeXL error \(opened))") }
    let names = sheetNames(handle)
    let index: Int
    if let sheet {
      guard let found = names.firstIndex(of: sheet) else {
        return (nil, [Finding(.error, .unknownSheet(sheet, available: names), at: location)])
      }
      index = found
    } else {
      guard !names.isEmpty else { return failure("workbook lists no sheets") }
      index = 0
    }
    guard freexl_select_active_worksheet(handle, UInt16(index)) == FREEXL_OK else {
      return failure("cannot select sheet \(names[index])")
    }
    var lastRow: UInt32 = 0
    var lastColumn: UInt16 = 0
    guard freexl_worksheet_dimensions(handle, &lastRow, &lastColumn) == FREEXL_OK else {
      return failure("cannot read the dimensions of sheet \(names[index])")
    }
    // FreeXL's dimensions are counts, despite its documentation's "zero based".
    let rowCount = Int(lastRow)
    let columnCount = Int(lastColumn)
    guard rowCount * max(columnCount, 1) <= maximumCells else { return failure("sheet larger than \(maximumCells) cells") }
    // As for .xlsx: rows are padded to the width of the first row that has a value, and empty
    // cells beyond it dropped, so that only real extra values make a row ragged.
    var rows: [TableRow] = []
    var width: Int?
    for row in 0..<rowCount {
      var cells: [TableCell] = []
      for column in 0..<columnCount {
        cells.append(TableCell(text(handle, row: row, column: column), column: column + 1))
      }
      let used = (cells.lastIndex { !$0.text.trimmingSpaces().isEmpty } ?? -1) + 1
      guard used > 0 || width != nil else { continue }
      width = width ?? used
      rows.append(TableRow(line: row + 1, cells: Array(cells.prefix(max(width ?? 0, used)))))
    }
    return (CellGrid(file: file.path, rows: rows, sheet: names[index], sheets: names), [])
  }

  // MARK: - Cells

  private static func text(_ handle: UnsafeRawPointer, row: Int, column: Int) -> String {
    var value = FreeXL_CellValue()
    guard freexl_get_cell_value(handle, UInt32(row), UInt16(column), &value) == FREEXL_OK else { return "" }
    switch Int32(value.type) {
    case FREEXL_CELL_INT: return String(value.value.int_value)
    case FREEXL_CELL_DOUBLE: return SheetParser.shortestNumber("\(value.value.double_value)")
    case FREEXL_CELL_TEXT, FREEXL_CELL_SST_TEXT, FREEXL_CELL_DATE, FREEXL_CELL_DATETIME, FREEXL_CELL_TIME:
      return value.value.text_value.map { String(cString: $0) } ?? ""
    default: return ""
    }
  }

  private static func sheetNames(_ handle: UnsafeRawPointer) -> [String] {
    var count: UInt32 = 0
    guard freexl_get_info(handle, UInt16(FREEXL_BIFF_SHEET_COUNT), &count) == FREEXL_OK else { return [] }
    return (0..<count).map { index in
      var name: UnsafePointer<CChar>?
      guard freexl_get_worksheet_name(handle, UInt16(index), &name) == FREEXL_OK, let name else {
        return "Sheet\(index + 1)"
      }
      return String(cString: name)
    }
  }

  /// Writes `bytes` to a new private temporary file; its path, or nil when it cannot be written.
  private static func temporaryCopy(_ bytes: [UInt8]) -> String? {
    var template = Array((NSTemporaryDirectory() + "briefing-xls-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var written = 0
    while written < bytes.count {
      let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      guard count > 0 else {
        unlink(path)
        return nil
      }
      written += count
    }
    return path
  }
}
