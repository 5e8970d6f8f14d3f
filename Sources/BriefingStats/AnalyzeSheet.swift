// MARK: - The comparison table as an Excel worksheet

extension AnalyzeExport {
  /// SpreadsheetML for one worksheet: the header row, then one row per comparison row, with
  /// numbers as numeric cells (full precision, so Excel formulas work), booleans as booleans,
  /// text as inline strings and undefined values as empty cells. The first row is frozen.
  public static func worksheetXML(_ table: ComparisonTable) -> String {
    var out = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
      <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" state="frozen"/>\
      </sheetView></sheetViews><sheetData>
      """
    out += row(1, columns.map { Cell.string($0) })
    for (index, comparison) in table.rows.enumerated() {
      out += row(index + 2, cells(comparison))
    }
    return out + "</sheetData></worksheet>"
  }

  private static func row(_ number: Int, _ cells: [Cell]) -> String {
    var out = "<row r=\"\(number)\">"
    for (column, cell) in cells.enumerated() {
      let reference = columnName(column) + "\(number)"
      switch cell {
      case .string(let text?):
        out += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escapeXML(text))</t></is></c>"
      case .period(let period?):
        out += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(period.code)</t></is></c>"
      case .number(let value?) where value.isFinite:
        out += "<c r=\"\(reference)\"><v>\(NumberText.format(value))</v></c>"
      case .integer(let value?):
        out += "<c r=\"\(reference)\"><v>\(value)</v></c>"
      case .bool(let value?):
        out += "<c r=\"\(reference)\" t=\"b\"><v>\(value ? 1 : 0)</v></c>"
      case .string(nil), .period(nil), .number, .integer(nil), .bool(nil):
        continue
      }
    }
    return out + "</row>"
  }

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

  static func escapeXML(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default:
        // XML 1.0 forbids most control characters; drop them rather than write a broken file.
        if scalar.value < 0x20, scalar != "\t", scalar != "\n", scalar != "\r" { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
