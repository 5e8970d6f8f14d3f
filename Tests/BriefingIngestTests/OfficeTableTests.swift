import BriefingCore
import Testing

@testable import BriefingIngest

/// Cross tables as statistics offices publish them, read without code: detected, or by a map.
@Suite struct OfficeTableTests {
  /// A 统计月报-style table saved as CSV (its merged headings keep their text in the first cell
  /// only): a title naming the period, a unit line, a two-row header, a 全市 row, numbers as
  /// text (`"1,034.8"`), a spacer column, a blank spacer row, a footnote.
  static let office = """
    2024年1—6月各县（市、区）主要经济指标,,,,,,
    单位：亿元、%,,,,,,
    地区,地区生产总值,,,一般公共预算收入,,固定资产投资增速
    ,1—6月,同比±%,,1—6月,同比±%,同比±%
    全市,"1,205.0",5.9,,40.0,3.0,6.1
    肃州区,135.2,5.6,,10.5,2.1,7.5

    玉门市,"1,034.8",6.4,,29.5,4.0,—
    注：地区生产总值增速按可比价计算。,,,,,,

    """

  @Test func officeTableLoadsWithoutAMap() throws {
    let result = loadCSV(Self.office)
    #expect(result.errors.isEmpty, "\(result.errors)")
    // Read without a map: one warning says how, and how to keep that reading.
    #expect(
      result.findings.filter { $0.severity == .warning }.map(\.message.code) == ["intake-detected", "published-total-differs"])
    let suzhou = try #require(result.observation("肃州区", "地区生产总值", "2024-H1"))
    #expect(suzhou.value == 135.2 && suzhou.officialGrowth == 5.6)
    #expect(result.observation("玉门市", "地区生产总值", "2024-H1")?.value == 1034.8)
    #expect(result.observation("玉门市", "一般公共预算收入", "2024-H1")?.officialGrowth == 4)
    // A growth column without its value: growth kept, value missing (never 0).
    let investment = try #require(result.observation("肃州区", "固定资产投资", "2024-H1"))
    #expect(investment.value == nil && investment.status == .missing && investment.officialGrowth == 7.5)
    // The 全市 row is the group's published total, not a member.
    let dataset = try #require(result.dataset)
    #expect(dataset.peerGroups.map(\.id.rawValue) == ["全市"])
    #expect(dataset.peerGroups.first?.members.map(\.rawValue) == ["肃州区", "玉门市"])
    #expect(result.observation("全市", "地区生产总值", "2024-H1")?.value == 1205)
    // Findings about a value name the table's own cell: row 8 (玉门市), column B.
    #expect(result.observation("玉门市", "地区生产总值", "2024-H1")?.location?.line == 8)
  }

  @Test func totalIsCheckedAgainstItsMembers() throws {
    let result = loadCSV(Self.office)
    // 135.2 + 1034.8 = 1170 ≠ 1205; 10.5 + 29.5 = 40 = 40.
    let finding = try #require(result.findings.first { $0.message.code == "published-total-differs" })
    #expect(finding.severity == .warning)
    #expect(finding.message.text.contains("1205.0") && finding.message.text.contains("1170.0"))
    #expect(finding.location?.line == 5)
    #expect(result.findings.filter { $0.message.code == "published-total-differs" }.count == 1)
  }

  @Test func detectionExplainsWhatItRead() throws {
    let report = Intake.inspect(observations: InputFile(path: "t.csv", bytes: Array(Self.office.utf8)))
    let map = try #require(report.map)
    #expect(map.shape == .table)
    #expect(map.header == IntakeMap.Rows(3, 4) && map.data == IntakeMap.Rows(5, 8))
    #expect(map.keys == [0: .region] && map.headings == [.indicator, .measure])
    #expect(map.period == .title && map.unit == "亿元" && map.total == "全市")
    #expect(report.questions.isEmpty)
    #expect(report.lines.first?.hasPrefix("row 1: title '2024年1—6月各县（市、区）主要经济指标': report period '2024年1—6月' → 2024-H1") == true)
    #expect(report.columns.first == "B: '地区生产总值 / 1—6月' → value of 地区生产总值, 2024-H1")
    let leftOut = report.leftOut.joined(separator: "\n")
    #expect(leftOut.contains("row 9: footnote '注：地区生产总值增速按可比价计算。'"))
    #expect(leftOut.contains("column D: empty (a spacer)"))
    #expect(leftOut.contains("C3 is empty: read as part of the heading '地区生产总值'"))
    #expect(leftOut.contains("1 blank row among the data"))
    #expect(report.rows.count == 9)
  }

  /// The same table with regions.csv and indicators.csv: names match through names, short
  /// names and aliases (Traditional too); the group is the members' parent.
  @Test func namesMatchMetadata() throws {
    let regions = """
      id,name,short_name,aliases,parent
      jq,酒泉市,酒泉,,
      sz,肃州区,肃州,肅州區,jq
      ym,玉门市,玉门,,jq
      """
    let indicators = """
      id,name,short_name,aliases,unit
      gdp,地区生产总值,生产总值,GDP,亿元
      revenue,一般公共预算收入,财政收入,,亿元
      fai,固定资产投资,投资,,亿元
      """
    let traditional = Self.office.replacing("肃州区", with: "肅州區")
    let result = loadCSV(traditional, regions: regions, indicators: indicators)
    #expect(result.errors.isEmpty, "\(result.errors)")
    #expect(result.observation("sz", "gdp", "2024-H1")?.value == 135.2)
    #expect(result.observation("jq", "gdp", "2024-H1")?.value == 1205)
    #expect(result.observation("ym", "fai", "2024-H1")?.officialGrowth == nil)
  }

  @Test func unknownNamesSayDidYouMean() throws {
    let regions = "id,name,parent\njq,酒泉市,\nsz,肃州区,jq\nym,玉门市,jq\n"
    let indicators = "id,name\ngdp,地区生产总值\nrevenue,一般公共预算收入\nfai,固定资产投资\n"
    let result = loadCSV(Self.office.replacing("玉门市", with: "玉门巿"), regions: regions, indicators: indicators)
    let finding = try #require(result.errors.first { $0.message.code == "unknown-region" })
    #expect(finding.location?.description == "observations.csv:8:1")
    #expect(finding.notes.contains { $0.contains("玉门市") })
  }

  /// Regions across, indicators down (a transposed table), with a unit column.
  @Test func transposedTable() throws {
    let text = """
      2024年上半年主要指标,,,,
      指标,单位,肃州区,玉门市,合计
      地区生产总值,亿元,135.2,34.8,170.0
      一般公共预算收入,万元,"105,000",29500,134500

      """
    let result = loadCSV(text)
    #expect(result.errors.isEmpty, "\(result.errors)")
    #expect(result.observation("玉门市", "地区生产总值", "2024-H1")?.value == 34.8)
    #expect(result.observation("肃州区", "一般公共预算收入", "2024-H1")?.value == 105_000)
    #expect(result.observation("合计", "地区生产总值", "2024-H1")?.value == 170)
    #expect(!result.findings.contains { $0.message.code == "published-total-differs" })
  }

  /// Wide by period: one row per region × indicator, periods across.
  @Test func wideByPeriod() throws {
    let text = """
      地区,指标,单位,2022年,2023年,2024年
      肃州区,地区生产总值,亿元,250.1,261.6,276.2
      ,一般公共预算收入,亿元,20.1,21.0,22.3
      玉门市,地区生产总值,亿元,180.0,190.5,200.5

      """
    let result = loadCSV(text)
    #expect(result.errors.isEmpty, "\(result.errors)")
    #expect(result.observation("肃州区", "地区生产总值", "2023")?.value == 261.6)
    // The empty region cell takes the label above it (a merged cell written once).
    #expect(result.observation("肃州区", "一般公共预算收入", "2022")?.value == 20.1)
    #expect(result.dataset?.observations.count == 9)
  }

  /// Tidy wide: region and period keys, indicators across (units in brackets).
  @Test func tidyWide() throws {
    let text = """
      region,period,GDP (亿元),population (万人)
      a,2024-H1,10.5,3.2
      b,2024-H1,8.25,4
      """
    let result = loadCSV(text)
    #expect(result.errors.isEmpty, "\(result.errors)")
    #expect(result.observation("b", "GDP", "2024-H1")?.value == 8.25)
    #expect(result.dataset?.indicators.first { $0.id.rawValue == "population" }?.unit?.symbol == "万人")
  }

  /// A title naming a month without its span: cumulative or the month alone? Loading stops and
  /// says which map key decides.
  @Test func bareMonthAsksForTheReading() throws {
    let text = """
      2024年6月各县区主要指标,,
      地区,地区生产总值,增速
      肃州区,135.2,5.6

      """
    let result = loadCSV(text)
    #expect(result.dataset == nil)
    let finding = try #require(result.errors.first)
    #expect(finding.message.code == "intake-undecided")
    #expect(finding.message.text.contains("'monthly'"))
    #expect(finding.notes.prefix(2) == ["monthly: cumulative: 2024-H1 (2024年上半年)", "monthly: single: 2024-06 (2024年6月)"])
    #expect(finding.notes.last?.contains("briefing import") == true)
    let map = """
      version: 1
      shape: table
      header: 2
      data: 3
      keys: {A: region}
      headings: [indicator]
      period: title
      monthly: cumulative
      """
    let replayed = loadCSV(text, map: map)
    #expect(replayed.errors.isEmpty, "\(replayed.errors)")
    #expect(replayed.observation("肃州区", "地区生产总值", "2024-H1")?.officialGrowth == 5.6)
    // With a map there is nothing to warn about.
    #expect(!replayed.findings.contains { $0.message.code == "intake-detected" })
  }

  /// 本月 | 累计 | 上年同期: the month alone, the year to date, and the year before.
  @Test func monthAndCumulativeColumns() throws {
    let text = """
      2024年6月主要指标,,,,
      地区,规上工业增加值,,,
      ,本月,累计,上年同期,同比±%
      肃州区,30.1,150.2,140.0,7.3

      """
    let result = loadCSV(text)
    #expect(result.errors.isEmpty, "\(result.errors)")
    #expect(result.observation("肃州区", "规上工业增加值", "2024-06")?.value == 30.1)
    let cumulative = try #require(result.observation("肃州区", "规上工业增加值", "2024-H1"))
    #expect(cumulative.value == 150.2 && cumulative.officialGrowth == 7.3)
    #expect(result.observation("肃州区", "规上工业增加值", "2023-H1")?.value == 140)
  }

  /// Subtotals and a rank column are left out, each said so.
  @Test func subtotalsAndDerivedColumnsAreLeftOut() throws {
    let text = """
      2024年上半年,,,
      地区,地区生产总值,增速,位次
      全市,100,5,
      其中：县（市）小计,60,4,
      肃州区,40,6,1
      玉门市,60,4,2

      """
    let report = Intake.inspect(observations: InputFile(path: "t.csv", bytes: Array(text.utf8)))
    #expect(report.map?.skipRows == ["其中：县（市）小计"])
    #expect(report.leftOut.contains { $0.hasPrefix("column D: '位次'") && $0.contains("computes itself") })
    #expect(report.leftOut.contains("row 4: '其中：县（市）小计' is a subtotal (skipRows)"))
    #expect(report.members == ["肃州区", "玉门市"], "\(report.lines) \(report.findings) \(report.questions)")
  }

  /// The map's data rows end before rows that hold values: a warning names the row.
  @Test func rowsBelowTheMappedDataAreWarnedAbout() throws {
    let map = """
      version: 1
      shape: table
      sheet: ~
      header: 3-4
      data: 5-6
      keys: {A: region}
      headings: [indicator, measure]
      period: title
      unit: 亿元
      total: 全市
      """
    let result = loadCSV(Self.office, map: map)
    let warning = try #require(result.findings.first { $0.message.code == "intake-row-outside-map" })
    #expect(warning.location?.line == 8)
    #expect(result.observation("玉门市", "地区生产总值", "2024-H1") == nil)
  }

  /// A long table missing a column says which, and that other shapes load through import.
  @Test func longTableMissingAColumnPointsToImport() throws {
    let result = loadCSV("region,period,value\na,2024,1\n")
    let finding = try #require(result.errors.first)
    #expect(finding.message.code == "missing-column")
    #expect(finding.notes.contains { $0.contains("briefing import") })
  }
}
