import BriefingCore

// MARK: - Tables as read

/// One cell as read from a CSV/TSV line or an XLSX row.
public struct TableCell: Hashable, Sendable {
  /// The text, untrimmed; quotes of a quoted CSV field removed.
  public var text: String
  /// 1-based column: the character column of the field start in CSV/TSV (Unicode scalars,
  /// counting the opening quote), the spreadsheet column (A = 1) in XLSX.
  public var column: Int

  public init(_ text: String, column: Int) {
    self.text = text
    self.column = column
  }
}

/// One record: the line where it starts (CSV) or the sheet row number (XLSX), and its cells.
public struct TableRow: Hashable, Sendable {
  public var line: Int
  public var cells: [TableCell]

  public init(line: Int, cells: [TableCell]) {
    self.line = line
    self.cells = cells
  }

  /// True when every cell is empty or spaces (such rows are skipped).
  var isBlank: Bool { cells.allSatisfy { $0.text.trimmedCell.isEmpty } }
}

/// The shape of an input table, from the file name or its first bytes.
public enum TableFormat: Hashable, Sendable {
  /// Delimited text; `delimiter` nil means sniffed from the header line.
  case delimited(delimiter: UInt8?)
  case xlsx
  /// Excel 97–2003 (BIFF8 in a compound file).
  case xls

  /// `.csv` → comma, `.tsv`/`.tab` → tab, `.xlsx` or a ZIP signature → XLSX, `.xls` or a
  /// compound-file signature → XLS, else sniffed.
  static func guess(path: String, bytes: [UInt8]) -> TableFormat {
    let lower = path.lowercased()
    if lower.hasSuffix(".xlsx") || bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
    if lower.hasSuffix(".xls") || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .xls }
    if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") { return .delimited(delimiter: 0x09) }
    if lower.hasSuffix(".csv") { return .delimited(delimiter: 0x2C) }
    return .delimited(delimiter: nil)
  }
}
