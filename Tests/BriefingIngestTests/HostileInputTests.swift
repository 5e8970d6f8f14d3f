import BriefingCore
import Foundation
import Testing
import TestSupport

@testable import BriefingIngest

// MARK: - Control characters

/// True for C0, DEL and C1 control characters.
private func isControl(_ scalar: Unicode.Scalar) -> Bool {
  scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
}

@Suite struct ControlCharacterTests {
  /// NUL, BEL, ESC, DEL and CSI (the C1 escape that some terminals act on).
  static let controls: [UInt32] = [0x00, 0x07, 0x1B, 0x7F, 0x9B]

  private func control(_ value: UInt32) -> String { String(Unicode.Scalar(value)!) }

  /// A region named with a control character in a long table: refused at load (not drawn and
  /// failed on later), located at its cell, the character written as an escape.
  @Test(arguments: controls)
  func inARegionOfTheObservations(_ value: UInt32) throws {
    let csv = "region,period,indicator,value\n肃州区,2024-H1,gdp,1\n\"肃州\(control(value))[31m区\",2024-H1,gdp,2\n"
    let result = loadCSV(csv)
    #expect(result.dataset == nil)
    let finding = try #require(result.findings.first { $0.message.code == "control-character" }, "\(result.findings)")
    #expect(finding.severity == .error)
    #expect(finding.location == SourceLocation(file: "observations.csv", line: 3, column: 1))
    let hex = String(value, radix: 16, uppercase: true)
    #expect(finding.message.text.contains("U+" + String(repeating: "0", count: 4 - hex.count) + hex))
    for finding in result.findings {
      #expect(!finding.description.unicodeScalars.contains(where: isControl), "\(finding)")
    }
  }

  /// The regions file's names (drawn on every sheet) are checked the same way.
  @Test func inANameOfTheRegionsFile() throws {
    let result = loadCSV(
      "region,period,indicator,value\n肃州区,2024-H1,gdp,1\n",
      regions: "id,name,short_name\n肃州区,肃州区,肃\u{07}州\n")
    #expect(result.dataset == nil)
    let finding = try #require(result.findings.first { $0.message.code == "control-character" }, "\(result.findings)")
    #expect(finding.location == SourceLocation(file: "regions.csv", line: 2, column: 9))
  }

  /// An office table read whole (a cross table: regions down, indicators across).
  @Test func inARegionOfACrossTable() throws {
    let csv = "地区,生产总值（亿元）,规上工业增加值增速（%）\n肃州区,86.3,5.1\n玉门\u{1B}市,77.0,6.2\n"
    let result = loadCSV(csv, options: LoadOptions())
    #expect(result.dataset == nil)
    let finding = try #require(result.findings.first { $0.message.code == "control-character" }, "\(result.findings)")
    #expect(finding.location?.line == 3)
  }

  /// Tabs and line breaks inside a quoted cell (a note over two lines) stay allowed.
  @Test func tabsAndLineBreaksInACellStayAllowed() throws {
    let csv = "region,period,indicator,value,note\n肃州区,2024-H1,gdp,1,\"a\tb\r\nc\"\n"
    let result = loadCSV(csv)
    #expect(result.dataset != nil, "\(result.findings)")
  }
}

// MARK: - Delimited limits

@Suite struct DelimitedLimitTests {
  /// A line of 20,000 commas is refused at the 16,385th field, without building its cells.
  @Test func aRowOfTooManyFieldsIsRefused() throws {
    let (rows, findings) = parseCSV("a,b\n" + String(repeating: ",", count: 20_000) + "\nc,d\n")
    #expect(findings.map(\.message.code) == ["too-many-fields"])
    #expect(findings.first?.location == SourceLocation(file: "t.csv", line: 2, column: 16_385))
    #expect(rows.count == 1)
  }

  /// One field of 200 KB, unquoted or quoted.
  @Test(arguments: [false, true])
  func aFieldTooLongIsRefused(quoted: Bool) throws {
    let field = String(repeating: "x", count: 200_000)
    let (rows, findings) = parseCSV("a,b\nc," + (quoted ? "\"\(field)\"" : field) + "\n")
    #expect(findings.map(\.message.code) == ["field-too-long"])
    #expect(findings.first?.location == SourceLocation(file: "t.csv", line: 2, column: 3))
    #expect(rows.count == 1)
  }

  /// A record of 10,000 fields of 1,000 bytes (10 MB): every field and the count are allowed,
  /// the record is not.
  @Test func aRecordTooLongIsRefused() throws {
    let field = String(repeating: "y", count: 1_000)
    let line = Array(repeating: field, count: 10_000).joined(separator: ",")
    let (rows, findings) = parseCSV("a,b\n" + line + "\n")
    #expect(findings.map(\.message.code) == ["record-too-long"])
    #expect(findings.first?.location?.line == 2)
    #expect(rows.count == 1)
  }

  /// The limits leave ordinary wide files alone: 16,384 fields of 100 bytes.
  @Test func aWideRowWithinTheLimitsIsRead() throws {
    let line = Array(repeating: String(repeating: "z", count: 100), count: 16_384).joined(separator: ",")
    let (rows, findings) = parseCSV("a\n" + line + "\n")
    #expect(findings.isEmpty)
    #expect(rows.last?.cells.count == 16_384)
  }
}

// MARK: - ZIP bombs

@Suite struct ZIPBombTests {
  /// A sheet that declares 2 KB and inflates to 8 MB is refused once it passes its declared
  /// size, not read whole.
  @Test func aPartInflatingPastItsDeclaredSizeIsRefused() throws {
    let book = try HostileFixtures.understatedWorkbook(inflated: 8 << 20, declared: 2_000)
    let findings = XLSXReader.forEachRow(of: InputFile(path: "bomb.xlsx", bytes: book), sheet: nil) { _ in }
    let finding = try #require(findings.first, "no finding: the part was read whole")
    #expect(finding.message.code == "bad-xlsx")
    #expect(finding.message.text.contains("xl/worksheets/sheet1.xml"), "\(finding)")
    #expect(finding.message.text.contains("2000 bytes"), "\(finding)")
  }

  /// The same workbook with its true size declared is read (the check is the lie, not the size).
  @Test func anHonestPartIsRead() throws {
    let book = try HostileFixtures.understatedWorkbook(inflated: 1 << 20, declared: 1 << 20)
    var rows = 0
    let findings = XLSXReader.forEachRow(of: InputFile(path: "ok.xlsx", bytes: book), sheet: nil) { _ in rows += 1 }
    #expect(findings.isEmpty, "\(findings)")
    #expect(rows == 1)
  }
}
