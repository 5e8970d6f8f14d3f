import BriefingCore

// MARK: - Reading a table whole

extension TableReading {
  /// The whole table of `file` (the sheet `options.sheet`, default the first), with the merged
  /// ranges of an .xlsx; nil when it cannot be read, with the findings.
  /// Cells with a control character are refused as in `forEachRow`.
  static func grid(of file: InputFile, options: LoadOptions) -> (grid: CellGrid?, findings: [Finding]) {
    switch TableFormat.guess(path: file.path, bytes: file.bytes) {
    case .xlsx: return screened(XLSXReader.grid(of: file, sheet: options.sheet))
    case .xls: return screened(XLSReader.grid(of: file, sheet: options.sheet))
    case .delimited:
      var rows: [TableRow] = []
      let findings = forEachRow(of: file, options: options) { rows.append($0) }
      guard !findings.hasErrors else { return (nil, findings) }
      return (CellGrid(file: file.path, rows: rows), findings)
    }
  }

  /// A workbook's grid through `ControlCharacterScreen`: nil when a cell holds a control character.
  private static func screened(_ read: (grid: CellGrid?, findings: [Finding])) -> (grid: CellGrid?, findings: [Finding]) {
    guard var grid = read.grid else { return read }
    var screen = ControlCharacterScreen(file: grid.file)
    grid.rows = grid.rows.map { screen.screen($0) }
    let findings = read.findings + screen.findings
    return (findings.hasErrors ? nil : grid, findings)
  }

  /// The first row of `file` that is not blank, read without reading the rest where the
  /// format allows (CSV and TSV: up to the first 64 KiB; .xlsx: until that row), to tell a long
  /// table from a cross table before streaming it. Nil when the table is empty or unreadable.
  static func firstRow(of file: InputFile, options: LoadOptions) -> TableRow? {
    switch TableFormat.guess(path: file.path, bytes: file.bytes) {
    case .xlsx:
      return XLSXReader.firstRow(of: file, sheet: options.sheet).row
    case .xls:
      return grid(of: file, options: options).grid?.rows.first { !$0.isBlank }
    case .delimited:
      var first: TableRow?
      _ = forEachRow(of: InputFile(path: file.path, bytes: prefix(file.bytes)), options: options) { row in
        if first == nil, !row.isBlank { first = row }
      }
      return first
    }
  }

  /// The first 64 KiB, cut after the last line feed in them (a line feed byte never occurs
  /// inside a UTF-8 or GB18030 character); the whole file when it is shorter, or UTF-16.
  private static func prefix(_ bytes: [UInt8]) -> [UInt8] {
    let limit = 1 << 16
    let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
    guard bytes.count > limit, !utf16, let cut = bytes[..<limit].lastIndex(of: 0x0A) else { return bytes }
    return Array(bytes[...cut])
  }
}
