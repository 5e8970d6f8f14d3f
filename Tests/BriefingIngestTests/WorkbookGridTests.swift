import BriefingCore
import Foundation
import Testing
import TestSupport

@testable import BriefingIngest

/// Workbooks read whole for intake: Excel 97–2003 through FreeXL (the fixtures are written by
/// xlwt) and the merged ranges of an .xlsx.
@Suite struct WorkbookGridTests {
  static func fixture(_ name: String) throws -> InputFile {
    let path = try IntakeFixtures.folder.get() + "/" + name
    return InputFile(path: path, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
  }

  static func workbook() throws -> InputFile { try fixture("office.xls") }

  @Test func readsTheSheetAsAGrid() throws {
    let (grid, findings) = XLSReader.grid(of: try Self.workbook(), sheet: nil)
    #expect(findings.isEmpty)
    let read = try #require(grid)
    #expect(read.sheet == "主要指标" && read.sheets == ["主要指标"])
    #expect(read.rows.first?.cells.first?.text == "2024年1—6月各县（市、区）主要经济指标")
    let total = try #require(read.rows.first { $0.cells.first?.text == "全市" })
    #expect(total.line == 5)
    // Numbers come as their shortest decimal; a number stored as text keeps its text.
    #expect(total.cells[1].text == "352.96" && total.cells[1].column == 2)
    let suzhou = try #require(read.rows.first { $0.cells.first?.text == "肃州区" })
    #expect(suzhou.cells[1].text == "135.20")
    // FreeXL reports no merged ranges: the merged heading's text is in its first cell only.
    #expect(read.merges.isEmpty)
  }

  @Test func unknownSheetListsTheSheets() throws {
    let (grid, findings) = XLSReader.grid(of: try Self.workbook(), sheet: "Sheet9")
    #expect(grid == nil)
    #expect(findings.map(\.message.code) == ["unknown-sheet"])
    #expect(findings.first?.message.text.contains("主要指标") == true)
  }

  @Test func damagedWorkbookIsAFinding() throws {
    var bytes = try Self.workbook().bytes
    bytes.removeLast(bytes.count / 2)
    let result = DatasetLoader.load(observations: InputFile(path: "broken.xls", bytes: bytes))
    #expect(result.dataset == nil)
    #expect(result.codes == ["bad-xls"])
    let signature = DatasetLoader.load(observations: InputFile(path: "x.xls", bytes: [0xD0, 0xCF, 0x11, 0xE0]))
    #expect(signature.codes == ["bad-xls"])
  }

  /// A long table in an .xls loads as a long table: the same observations as the CSV.
  @Test func longTableInAnXLSWorkbook() throws {
    let regions = try Self.fixture("regions.csv")
    let fromXLS = DatasetLoader.load(observations: try Self.fixture("long.xls"), regions: regions)
    let fromCSV = DatasetLoader.load(observations: try Self.fixture("long.csv"), regions: regions)
    #expect(fromXLS.findings.isEmpty, "\(fromXLS.findings)")
    let xls = try #require(fromXLS.dataset).observations.map { "\($0.region) \($0.period) \($0.indicator) \(String(describing: $0.value)) \(String(describing: $0.officialGrowth))" }
    let csv = try #require(fromCSV.dataset).observations.map { "\($0.region) \($0.period) \($0.indicator) \(String(describing: $0.value)) \(String(describing: $0.officialGrowth))" }
    #expect(xls == csv && xls.count == 25)
  }

  @Test func xlsxMergedRangesAreRead() throws {
    let (grid, findings) = XLSXReader.grid(of: try Self.fixture("office.xlsx"), sheet: nil)
    #expect(findings.isEmpty)
    let merges = try #require(grid).merges
    #expect(merges.contains(MergedRange(lines: 3...3, fields: 1...3)))  // B3:D3 地区生产总值
    #expect(merges.contains(MergedRange(lines: 3...4, fields: 0...0)))  // A3:A4 地区
    #expect(MergedRange(reference: "AA10:AB12") == MergedRange(lines: 10...12, fields: 26...27))
    #expect(MergedRange(reference: "B3") == nil && MergedRange(reference: "C3:B3") == nil)
  }
}
