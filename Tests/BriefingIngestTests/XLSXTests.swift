import BriefingCore
import Foundation
import Testing
import ZIPFoundation

@testable import BriefingIngest

/// Builds a minimal .xlsx in memory: each sheet is rows of cells; a cell starting with `=` is a
/// number, `s:` a shared string, `b:` a boolean, anything else an inline string.
func makeXLSX(_ sheets: [(name: String, rows: [[String]])]) throws -> [UInt8] {
  var shared: [String] = []
  func cellXML(_ value: String, _ reference: String) -> String {
    if value.isEmpty { return "" }
    if value.hasPrefix("=") { return "<c r=\"\(reference)\"><v>\(value.dropFirst())</v></c>" }
    if value.hasPrefix("b:") { return "<c r=\"\(reference)\" t=\"b\"><v>\(value.dropFirst(2))</v></c>" }
    if value.hasPrefix("s:") {
      shared.append(String(value.dropFirst(2)))
      return "<c r=\"\(reference)\" t=\"s\"><v>\(shared.count - 1)</v></c>"
    }
    return "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(value)</t></is></c>"
  }
  var parts: [(String, String)] = []
  var sheetList = ""
  var relations = ""
  for (index, sheet) in sheets.enumerated() {
    var rows = ""
    for (rowIndex, row) in sheet.rows.enumerated() {
      let cells = row.enumerated().map { column, value in
        cellXML(value, String(UnicodeScalar(UInt8(65 + column))) + "\(rowIndex + 1)")
      }
      rows += "<row r=\"\(rowIndex + 1)\">\(cells.joined())</row>"
    }
    parts.append(
      ("xl/worksheets/sheet\(index + 1).xml",
       "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<sheetData>\(rows)</sheetData></worksheet>"))
    sheetList += "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
    relations += "<Relationship Id=\"rId\(index + 1)\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
  }
  parts.append(
    ("xl/workbook.xml",
     "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      + "<sheets>\(sheetList)</sheets></workbook>"))
  parts.append(("xl/_rels/workbook.xml.rels", "<Relationships>\(relations)</Relationships>"))
  let strings = shared.map { "<si><r><t>\($0)</t></r><rPh><t>ignored</t></rPh></si>" }.joined()
  parts.append(("xl/sharedStrings.xml", "<sst>\(strings)</sst>"))
  let folder = try temporaryFolder()
  defer { try? FileManager.default.removeItem(at: folder) }
  let url = folder.appendingPathComponent("book.xlsx")
  let archive = try Archive(url: url, accessMode: .create)
  for (path, xml) in parts {
    let data = Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml).utf8)
    try archive.addEntry(
      with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
    ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
  }
  return [UInt8](try Data(contentsOf: url))
}

@Suite struct XLSXTests {
  static let header = ["region", "s:period", "indicator", "value", "unit"]

  static func book() throws -> [UInt8] {
    try makeXLSX([
      (
        "Notes",
        [["region", "period", "indicator", "value"], ["x", "2024", "y", "=1"]]
      ),
      (
        "数据",
        [
          header,
          ["s:肃州区", "=2024", "生产总值", "=86.299999999999997", "亿元"],
          ["甘州区", "2024", "s:生产总值", "", ""],
          ["临泽县", "2024", "生产总值", "=12"],
          ["高台县", "2024", "生产总值", "12a.5"],
        ]
      ),
    ])
  }

  @Test func readsANamedSheet() throws {
    let result = DatasetLoader.load(
      observations: InputFile(path: "book.xlsx", bytes: try Self.book()),
      options: LoadOptions(sheet: "数据"))
    #expect(result.dataset == nil)
    #expect(result.codes == ["bad-number"])
    #expect(result.findings.first?.location?.description == "book.xlsx:5:4")
    var rows: [TableRow] = []
    let findings = XLSXReader.forEachRow(
      of: InputFile(path: "b.xlsx", bytes: try Self.book()), sheet: "数据"
    ) { rows.append($0) }
    #expect(findings.isEmpty)
    #expect(rows[1].cells.map(\.text) == ["肃州区", "2024", "生产总值", "86.3", "亿元"])
    #expect(rows[2].cells.map(\.text) == ["甘州区", "2024", "生产总值", "", ""])
    #expect(rows[3].cells.count == 5)
  }

  @Test func readsTheFirstSheetByDefault() throws {
    let result = DatasetLoader.load(
      observations: InputFile(path: "book.xlsx", bytes: try Self.book()))
    #expect(result.findings.isEmpty)
    #expect(result.observation("x", "y", "2024")?.value == 1)
  }

  @Test func unknownSheetListsTheSheets() throws {
    let result = DatasetLoader.load(
      observations: InputFile(path: "book.xlsx", bytes: try Self.book()),
      options: LoadOptions(sheet: "Data"))
    #expect(result.codes == ["unknown-sheet"])
    #expect(result.findings.first?.message.text.contains("Notes, 数据") == true)
  }

  @Test func valuesAndBooleans() throws {
    let bytes = try makeXLSX([
      (
        "S",
        [
          ["region", "period", "indicator", "value", "note"],
          ["a", "2024-H1", "x", "=1234.5", "b:1"],
        ]
      )
    ])
    let result = DatasetLoader.load(observations: InputFile(path: "o.xlsx", bytes: bytes))
    #expect(result.findings.isEmpty)
    #expect(result.observation("a", "x", "2024-H1")?.value == 1234.5)
    #expect(result.observation("a", "x", "2024-H1")?.note == "TRUE")
  }

  @Test func notAZipIsAFinding() {
    let result = DatasetLoader.load(
      observations: InputFile(path: "broken.xlsx", bytes: [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]))
    #expect(result.dataset == nil)
    #expect(result.codes == ["bad-xlsx"])
  }

  /// Damaged archives are findings, never a trap (ZIPFoundation's in-memory reader traps on an
  /// offset past the end; `ZIPBounds` refuses such archives first).
  @Test(arguments: ZIPDamage.allCases)
  func damagedArchiveIsAFinding(_ damage: ZIPDamage) throws {
    let bytes = damage.apply(to: try Self.book())
    let result = DatasetLoader.load(observations: InputFile(path: "damaged.xlsx", bytes: bytes))
    #expect(result.dataset == nil)
    #expect(result.codes == ["bad-xlsx"])
  }

  /// The input with which `make fuzz` crashed the reader (its first byte chose the XLSX reader).
  @Test func fuzzFoundArchiveIsAFinding() throws {
    var url = URL(fileURLWithPath: #filePath)
    url.deleteLastPathComponent()
    let input = try Data(contentsOf: url.appendingPathComponent("Fixtures/fuzz-zip-offset-past-end.bin"))
    let result = DatasetLoader.load(
      observations: InputFile(path: "fuzz.xlsx", bytes: Array(input.dropFirst())))
    #expect(result.dataset == nil)
    #expect(result.codes == ["bad-xlsx"])
  }

  @Test(arguments: [("C12", 3), ("AA1", 27), ("A1", 1), ("12", nil)] as [(String, Int?)])
  func columnReferences(_ reference: String, _ expected: Int?) {
    #expect(SheetParser.columnNumber(reference) == expected)
  }
}

/// Ways to damage a valid workbook's ZIP structure. The end-of-central-directory record is the
/// last 22 bytes (no comment): entry count at −12, directory size at −10, directory offset at −6.
enum ZIPDamage: CaseIterable, Sendable {
  case cutInTheCentralDirectory, cutInTheMiddle, directoryOffsetPastTheEnd, entryCountTooLarge

  func apply(to book: [UInt8]) -> [UInt8] {
    var bytes = book
    switch self {
    case .cutInTheCentralDirectory: bytes.removeLast(30)
    case .cutInTheMiddle: bytes.removeLast(bytes.count / 2)
    case .directoryOffsetPastTheEnd:
      bytes[bytes.count - 6] = 0xFF
      bytes[bytes.count - 5] = 0xFF
    case .entryCountTooLarge:
      bytes[bytes.count - 12] = 0x40
      bytes[bytes.count - 11] = 0x00
    }
    return bytes
  }
}
