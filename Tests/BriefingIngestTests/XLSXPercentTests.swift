import BriefingCore
import Foundation
import Testing
import TestSupport

@testable import BriefingIngest

/// Numbers in a percent format read as Excel shows them: 0.085 stored, `8.5%` read.
@Suite struct XLSXPercentTests {
  @Test(arguments: [
    ("0.085", "8.5%"), ("-0.021", "-2.1%"), ("1", "100%"), ("0", "0%"), ("0.07", "7%"), ("12.5", "1250%"),
    ("1e-05", "0.001%"), ("5.6000000000000001E-2", "5.6%"), ("1.5E+16", "1500000000000000000%"), ("#N/A", "#N/A"),
  ])
  func percentText(_ stored: String, _ shown: String) {
    #expect(SheetParser.percentText(stored) == shown)
  }

  @Test(arguments: [
    ("0%", true), ("0.0%", true), ("[Red]0.0%", true), ("\"增长\"0.0%", true), ("0.0\"%\"", false),
    ("0.0\\%", false), ("#,##0.00;-0.00%", false), ("0.00_%", false), ("General", false),
  ])
  func percentFormatCodes(_ code: String, _ isPercent: Bool) {
    #expect(XLSXCellStyles.isPercent(code) == isPercent)
  }

  /// The styles of the fixture: built-in 0.00% and a custom 0.0% are percent styles; the
  /// named style in `<cellStyleXfs>` does not shift the indices.
  @Test func officeTableGrowthCellsReadAsPercent() throws {
    let path = try IntakeFixtures.folder.get() + "/office-percent.xlsx"
    let file = InputFile(path: path, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    let (grid, findings) = XLSXReader.grid(of: file, sheet: nil)
    #expect(findings.isEmpty)
    let total = try #require(grid?.rows.first { $0.cells.first?.text == "全市" })
    #expect(total.cells.map(\.text).prefix(7) == ["全市", "352.96", "333.2", "5.9%", "", "26", "2.3%"])
    let suzhou = try #require(grid?.rows.first { $0.cells.first?.text == "肃州区" })
    #expect(suzhou.cells[3].text == "5.6%")  // stored as 5.6000000000000001E-2
  }
}
