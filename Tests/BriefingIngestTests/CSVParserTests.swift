import BriefingCore
import Testing

@testable import BriefingIngest

@Suite struct CSVParserTests {
  @Test func quotesDoubledQuotesAndEmbeddedNewlines() {
    let (rows, findings) = parseCSV("a,b,c\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,2,3\n")
    #expect(findings.isEmpty)
    #expect(rows.count == 3)
    #expect(rows[1].cells.map(\.text) == ["x,1", "say \"hi\"", "two\nlines"])
    #expect(rows[1].cells.map(\.column) == [1, 7, 20])
    #expect(rows[2].line == 4)
  }

  @Test func crlfAndMissingFinalNewline() {
    let (rows, findings) = parseCSV("a,b\r\n1,2\r\n3,4")
    #expect(findings.isEmpty)
    #expect(rows.map { $0.cells.map(\.text) } == [["a", "b"], ["1", "2"], ["3", "4"]])
    #expect(rows.map(\.line) == [1, 2, 3])
  }

  @Test func columnsCountCharactersNotBytes() {
    let (rows, _) = parseCSV("地区,指标,数值\n肃州区,生产总值,x\n")
    #expect(rows[1].cells.map(\.column) == [1, 5, 10])
  }

  @Test func unterminatedQuoteIsAnError() {
    let (_, findings) = parseCSV("a,b\n1,\"never closed\n")
    #expect(findings.map(\.message.code) == ["unterminated-quote"])
    #expect(findings.first?.location?.line == 2)
    #expect(findings.first?.location?.column == 3)
  }

  @Test func textAfterClosingQuoteIsAnError() {
    let (_, findings) = parseCSV("a,b\n\"x\"y,2\n")
    #expect(findings.map(\.message.code) == ["bad-quote"])
  }

  @Test(arguments: [
    ("a,b,c\n1;2;3\n", UInt8(0x2C)), ("a\tb\tc\n", UInt8(0x09)), ("a;b;c\n", UInt8(0x3B)),
    ("\"x,y\"\tb\n", UInt8(0x09)),
  ])
  func sniffsDelimiter(_ text: String, _ expected: UInt8) {
    #expect(DelimitedParser.sniff(Array(text.utf8), preferred: nil) == expected)
  }

  @Test func preferredDelimiterWinsWhenPresent() {
    #expect(DelimitedParser.sniff(Array("a,b\tc\td\n".utf8), preferred: 0x2C) == 0x2C)
    #expect(DelimitedParser.sniff(Array("a\tb\tc\n".utf8), preferred: 0x2C) == 0x09)
  }
}

@Suite struct CSVLoadTests {
  static let header = "region,period,indicator,value\n"

  @Test func loadsMinimalFile() throws {
    let result = loadCSV(Self.header + "肃州区,2024-H1,GDP,86.3\n甘州区,2024年上半年,GDP,70\n")
    let dataset = try #require(result.dataset)
    #expect(result.findings.isEmpty)
    #expect(dataset.observations.count == 2)
    #expect(dataset.regions.map(\.id.rawValue) == ["肃州区", "甘州区"])
    #expect(result.observation("甘州区", "GDP", "2024-H1")?.value == 70)
  }

  @Test func utf8BOMIsStripped() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array((Self.header + "a,2024,x,1\n").utf8)
    let result = DatasetLoader.load(observations: InputFile(path: "o.csv", bytes: bytes))
    #expect(result.findings.isEmpty)
    #expect(result.dataset?.observations.count == 1)
  }

  @Test func raggedRowsAreErrorsWithLine() {
    let result = loadCSV(Self.header + "a,2024,x,1\na,2024,y\nb,2024,x,1,extra\n")
    #expect(result.dataset == nil)
    #expect(result.codes == ["ragged-row", "ragged-row"])
    #expect(result.findings.map { $0.location?.line } == [3, 4])
    #expect(result.findings[1].location?.column == 12)
  }

  @Test func truncatedFileIsAnError() {
    let result = loadCSV(Self.header + "a,2024,x,\"1")
    #expect(result.dataset == nil)
    #expect(result.codes.contains("unterminated-quote"))
  }

  @Test(arguments: ["", "\n\n", "region,period,indicator,value\n", "region,period,indicator,value"])
  func emptyOrHeaderOnlyIsAnError(_ text: String) {
    let result = loadCSV(text)
    #expect(result.dataset == nil)
    #expect(result.codes == ["empty-file"])
  }

  @Test func blankLinesAreSkipped() {
    let result = loadCSV(Self.header + "\na,2024,x,1\n,,,\n\n")
    #expect(result.findings.isEmpty)
    #expect(result.dataset?.observations.count == 1)
  }

  @Test func tsvByExtension() {
    let text = "region\tperiod\tindicator\tvalue\na\t2024\tx\t1,234\n"
    let result = loadCSV(text, name: "observations.tsv")
    #expect(result.findings.isEmpty)
    #expect(result.observation("a", "x", "2024")?.value == 1234)
  }

  @Test func chineseHeadersAndCaseInsensitiveNames() {
    let text = "地區, 時期 ,指標,數值,單位,狀態,目標\n魏都区,2016-M09,GDP,158,億元,預計,200\n"
    let result = loadCSV(text)
    #expect(result.findings.isEmpty, "\(result.findings)")
    let observation = result.observation("魏都区", "GDP", "2016-M09")
    #expect(observation?.status == .estimate)
    #expect(observation?.target == 200)
    let upper = loadCSV("REGION,Period,Indicator,VALUE,Target Growth\na,2024,x,1,8%\n")
    #expect(upper.findings.isEmpty)
    #expect(upper.observation("a", "x", "2024")?.targetGrowth == 8)
  }

  @Test func unknownColumnsGiveOneNotice() throws {
    let result = loadCSV("region,period,indicator,value,speaker,page\na,2024,x,1,李,3\n")
    #expect(result.dataset != nil)
    #expect(result.codes == ["unknown-column"])
    let finding = try #require(result.findings.first)
    #expect(finding.severity == .notice)
    #expect(finding.message.text.contains("speaker, page"))
  }

  @Test func missingRequiredColumn() {
    let result = loadCSV("region,period,value\na,2024,1\n")
    #expect(result.dataset == nil)
    #expect(result.codes == ["missing-column"])
    #expect(result.findings.first?.message.text.contains("indicator") == true)
  }

  @Test func badNumberIsLocatedAtTheCell() throws {
    let result = loadCSV(Self.header + "a,2024,x,1\na,2024-H1,x,12a.5\n")
    #expect(result.dataset == nil)
    let finding = try #require(result.errors.first)
    #expect(finding.message.code == "bad-number")
    #expect(finding.location?.description == "observations.csv:3:13")
  }

  @Test func badPeriodAndStatus() {
    let result = loadCSV(
      "region,period,indicator,value,status\na,2024-H3,x,1,\nb,2024,x,1,guess\n")
    #expect(result.codes == ["bad-period", "bad-status"])
    #expect(result.findings.map { $0.location?.column } == [3, 12])
  }

  @Test func maskedAndMissingValues() throws {
    let result = loadCSV(
      "region,period,indicator,value,status\na,2024,x,*,\nb,2024,x,—,\nc,2024,x,5,初步预计\n")
    let dataset = try #require(result.dataset)
    let byRegion = Dictionary(uniqueKeysWithValues: dataset.observations.map { ($0.region, $0) })
    #expect(byRegion["a"]?.status == .masked)
    #expect(byRegion["a"]?.value == nil)
    #expect(byRegion["b"]?.status == .missing)
    #expect(byRegion["c"]?.status == .preliminary)
  }

  @Test func qualifierIsKept() {
    let result = loadCSV(Self.header + "a,2024,x,近9亿元\n")
    #expect(result.observation("a", "x", "2024")?.qualifier == .approximately)
    #expect(result.dataset?.indicators.first?.unit == .yiYuan)
  }

  @Test func duplicateKeyNamesBothLines() throws {
    let result = loadCSV(Self.header + "a,2024-H1,x,1\nb,2024-H1,x,2\na,2024年上半年,x,3\n")
    #expect(result.dataset == nil)
    let finding = try #require(result.errors.first)
    #expect(finding.message.code == "duplicate-key")
    #expect(finding.location?.line == 4)
    #expect(finding.message.text.contains("line 2"))
  }

  @Test func conflictingTargetsNameBothLines() throws {
    let text = "region,period,indicator,value,target\na,2024-H1,x,1,100\na,2024-M09,x,2,100\n"
      + "a,2024,x,3,120\n"
    let result = loadCSV(text)
    let finding = try #require(result.errors.first)
    #expect(result.errors.count == 1)
    #expect(finding.message.code == "conflicting-target")
    #expect(finding.location?.line == 4)
    #expect(finding.message.text.contains("line 2"))
  }

  @Test func yoyAndTargetGrowthArePercent() {
    let result = loadCSV("region,period,indicator,value,yoy,同比\na,2024,x,1,8.8%,1\n")
    #expect(result.codes.contains("duplicate-column"))
    let ok = loadCSV("region,period,indicator,value,yoy,target_growth\na,2024,x,1,8.8%,７％\n")
    #expect(ok.observation("a", "x", "2024")?.officialGrowth == 8.8)
    #expect(ok.observation("a", "x", "2024")?.targetGrowth == 7)
    let bad = loadCSV("region,period,indicator,value,yoy\na,2024,x,1,8.8亿元\n")
    #expect(bad.codes == ["unit-dimension-mismatch"])
  }

  /// The observation schema's hand-written ordinals must be the positions in `allCases`
  /// (header maps index their column table with them).
  @Test func observationColumnOrdinalsArePositions() {
    for (position, column) in ObservationColumn.allCases.enumerated() {
      #expect(column.ordinal == position, "\(column)")
    }
  }
}
