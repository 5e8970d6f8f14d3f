import BriefingCore
import Testing

@testable import BriefingIngest

@Suite struct ResolutionTests {
  static let regions = """
    id,name,short_name,aliases,parent,level,frames,label
    xuchang,许昌市,许昌,,,city,,全市9个县（市、区）
    weidu,魏都区,魏都,魏都區,许昌市,district,urban,
    jian,建安区,建安,,xuchang,district,urban,
    urban,市辖区,,,,frame,,全市4个市辖区

    """
  static let indicators = """
    id,name,short_name,aliases,unit,polarity,aggregate,kind,decimals,main,order,lead_unit,redline,redline_kind
    gdp,地区生产总值,GDP,生產總值;GDP总量,亿元,higher,sum,flow,2,是,1,发改委,,
    energy,单位GDP能耗,能耗,,%,lower,weighted:GDP,ratio,1,no,2,,0.5,
    rank,名次,,,,lower,none,count,0,no,3,,,
    fdi,实际利用外资,外资,實際利用外資,万美元,,,,,,,,,

    """

  @Test func traditionalSpellingsResolveToIDs() throws {
    let observations = """
      地區,时期,指標,數值
      魏都區,2016-M09,生產總值,158億元
      建安区,2016-M09,地区生产总值,120
      魏都区,2016-M09,實際利用外資,2.2亿美元
      """
    let result = loadCSV(observations, regions: Self.regions, indicators: Self.indicators)
    #expect(result.dataset != nil, "\(result.findings)")
    #expect(result.observation("weidu", "gdp", "2016-M09")?.value == 158)
    #expect(result.observation("jian", "gdp", "2016-M09")?.value == 120)
    #expect(result.observation("weidu", "fdi", "2016-M09")?.value == 22000)
    let dataset = try #require(result.dataset)
    #expect(dataset.region("weidu")?.parent == "xuchang")
    #expect(dataset.region("weidu")?.frames == ["urban"])
    let energy = try #require(dataset.indicator("energy"))
    #expect(energy.aggregation == .weightedMean(by: "gdp"))
    #expect(energy.redLine == RedLine(threshold: 0.5, kind: .max))
    #expect(energy.isMain == false)
    #expect(dataset.indicator("gdp")?.decimals == 2)
    #expect(dataset.indicator("rank")?.aggregation == Aggregation.none)
    #expect(dataset.peerGroups(of: "weidu").map(\.id) == ["xuchang", "urban"])
  }

  @Test func unknownRegionSuggestsTheClosestName() throws {
    let observations = "region,period,indicator,value\n魏都,2016,gdp,1\n魏部区,2016,gdp,1\n"
    let result = loadCSV(observations, regions: Self.regions, indicators: Self.indicators)
    #expect(result.dataset != nil || true)
    let finding = try #require(result.errors.first)
    #expect(result.errors.count == 1)
    #expect(finding.message.code == "unknown-region")
    #expect(finding.location?.description == "observations.csv:3:1")
    #expect(finding.notes == ["did you mean '魏都区' (weidu)?"])
  }

  @Test func unknownIndicatorWithoutCloseMatchHasNoHint() throws {
    let observations = "region,period,indicator,value\nweidu,2016,完全不同的指标名,1\n"
    let result = loadCSV(observations, regions: Self.regions, indicators: Self.indicators)
    let finding = try #require(result.errors.first)
    #expect(finding.message.code == "unknown-indicator")
    #expect(finding.location?.column == 12)
    #expect(finding.notes.isEmpty)
  }

  @Test func unitsConvertWithinADimension() {
    let observations = """
      region,period,indicator,value,unit,target
      weidu,2016,gdp,1580000,万元,2000000
      jian,2016,gdp,120,,150
      """
    let result = loadCSV(observations, regions: Self.regions, indicators: Self.indicators)
    #expect(result.findings.isEmpty, "\(result.findings)")
    #expect(result.observation("weidu", "gdp", "2016")?.value == 158)
    #expect(result.observation("weidu", "gdp", "2016")?.target == 200)
  }

  @Test func otherDimensionIsAnErrorAtTheCell() throws {
    let observations = "region,period,indicator,value,unit\nweidu,2016,gdp,9412,万美元\n"
    let result = loadCSV(observations, regions: Self.regions, indicators: Self.indicators)
    #expect(result.dataset == nil)
    let finding = try #require(result.errors.first)
    #expect(finding.message.code == "unit-dimension-mismatch")
    #expect(finding.location?.description == "observations.csv:2:21")
    let inCell = loadCSV(
      "region,period,indicator,value\nweidu,2016,gdp,7.2%\n", regions: Self.regions,
      indicators: Self.indicators)
    #expect(inCell.errors.first?.location?.column == 16)
  }

  @Test func withoutMetadataTheFirstUnitIsCanonical() throws {
    let observations = """
      region,period,indicator,value,unit,parent,polarity
      a,2024,exports,,,city,lower
      a,2023,exports,1.5,亿元,city,
      b,2024,exports,20000万元,,city,
      b,2023,exports,3,个亿,city,
      """
    let result = loadCSV(observations)
    let dataset = try #require(result.dataset, "\(result.findings)")
    #expect(dataset.indicators.first?.unit == .yiYuan)
    #expect(dataset.indicators.first?.polarity == .lower)
    #expect(result.observation("b", "exports", "2024")?.value == 2)
    #expect(dataset.peerGroups.map(\.id) == ["city"])
    #expect(dataset.peerGroups.first?.members == ["a", "b"])
  }

  @Test func implicitNamesMergeTraditionalAndSimplified() throws {
    let result = loadCSV("region,period,indicator,value\n魏都区,2016,生产总值,1\n魏都區,2015,生產總值,2\n")
    let dataset = try #require(result.dataset)
    #expect(dataset.regions.map(\.id) == ["魏都区"])
    #expect(dataset.indicators.map(\.id) == ["生产总值"])
  }

  @Test func metadataErrors() {
    let regions = "id,name,frames\na,甲,\nb,乙,nosuch\na,丙,\n"
    let indicators = "id,name,polarity,aggregate\nx,X,sideways,weighted:y\n"
    let result = loadCSV(
      "region,period,indicator,value\na,2024,x,1\n", regions: regions, indicators: indicators)
    #expect(result.dataset == nil)
    #expect(
      Set(result.codes) == ["duplicate-id", "unknown-region", "bad-metadata", "unknown-indicator"])
    let duplicate = result.findings.first { $0.message.code == "duplicate-id" }
    #expect(duplicate?.message.text.contains("line 2") == true)
  }
}
