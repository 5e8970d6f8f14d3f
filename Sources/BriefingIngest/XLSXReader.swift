import BriefingCore

// MARK: - XLSX (placeholder until the reader lands)

enum XLSXReader {
  static func forEachRow(of file: InputFile, sheet: String?, _ onRow: (TableRow) -> Void)
    -> [Finding]
  {
    [Finding(.error, .init(code: "bad-xlsx", text: "XLSX not supported yet"), at: .init(file: file.path))]
  }
}
