import BriefingCore
// MARK: - The comparison table as an Excel worksheet

extension AnalyzeExport {
  /// Rows an Excel worksheet holds after its header row (1,048,576 rows in all).
  public static let worksheetRowLimit = 1_048_575

  // The worksheet (format `.xlsxSheet`): the header row, then one row per comparison row, with
  // numbers as numeric cells (full precision, so Excel formulas work), booleans as booleans,
  // text as inline strings and undefined values as empty cells; the first row is frozen.
  // Streamed as `opening`, the rows of `Writer`s, `closing`.

  /// The worksheet up to and including its header row (row 1).
  static var worksheetOpening: String {
    let header = columns.enumerated().map { column, name in
      "<c r=\"\(columnName(column))1\" t=\"inlineStr\"><is><t>\(escapeXML(name))</t></is></c>"
    }
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
      <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" state="frozen"/>\
      </sheetView></sheetViews><sheetData>
      """ + "<row r=\"1\">" + header.joined() + "</row>"
  }

  static let worksheetClosing = "</sheetData></worksheet>"

  /// 0 → A, 25 → Z, 26 → AA.
  static func columnName(_ index: Int) -> String {
    var n = index + 1
    var name = ""
    while n > 0 {
      let remainder = (n - 1) % 26
      name = String(UnicodeScalar(UInt8(65 + remainder))) + name
      n = (n - 1) / 26
    }
    return name
  }

  /// True for a byte `escapeXML` changes or drops: `&`, `<`, `>`, `"` and the control
  /// characters XML 1.0 forbids.
  static func needsXMLEscape(_ byte: UInt8) -> Bool {
    byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22
      || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D)
  }

  static func escapeXML(_ text: String) -> String {
    TextEscaping.xmlEscaped(text)
  }
}
