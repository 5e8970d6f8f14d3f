import BriefingCore
import BriefingStats
import Testing

@testable import BriefingNarrative

private typealias F = Fixture

// MARK: - English

private let gsp = Indicator(
  id: "gsp", name: "gross state product", unit: Unit.parse("billion USD"), decimals: 1)
private let jobless = Indicator(
  id: "jobless", name: "unemployment rate", unit: .percent, polarity: .lower, aggregation: .none,
  kind: .ratio)
private let factories = Indicator(id: "mfg", name: "manufacturing output", unit: nil)

private func ohio(
  _ indicator: Indicator = gsp, value: Double? = nil, status: ValueStatus = .actual,
  growth: Double? = nil, growthRank: (Int, of: Int)? = nil, rank: (Int, of: Int)? = nil,
  groupGrowth: Double? = nil, completion: Double? = nil
) -> ComparisonRow {
  F.row(
    indicator, region: "Ohio", group: "Midwest", value: value, status: status, growth: growth,
    rank: rank,
    growthRank: growthRank, groupGrowth: groupGrowth, completion: completion,
    timeProgress: completion.map { _ in 50 })
}

/// `row` with its growth rank marked as shared (并列).
private func growthTied(_ row: ComparisonRow) -> ComparisonRow {
  var copy = row
  copy.growthRankIsTied = true
  return copy
}

private let englishCases: [SentenceCase] = [
  SentenceCase(
    label: "the brief's example",
    row: ohio(
      value: 412.3, growth: 2.1, growthRank: (3, of: 8), groupGrowth: 1.7, completion: 51.4),
    indicator: gsp,
    expected:
      "In H1 2024, Ohio's gross state product reached 412.3 billion USD, up 2.1% year on year, "
      + "ranking 3rd of the 8 Midwest states and 0.4 points above the group average; "
      + "51.4% of the annual target was met, 1.4 points ahead of the time-progress line."),
  SentenceCase(
    label: "decline, last, below average",
    row: ohio(value: 98, growth: -3.2, growthRank: (8, of: 8), groupGrowth: 1.9), indicator: gsp,
    expected:
      "In H1 2024, Ohio's gross state product reached 98.0 billion USD, down 3.2% year on year, "
      + "ranking last of the 8 Midwest states and 5.1 points below the group average."),
  SentenceCase(
    label: "flat, in line, behind schedule",
    row: ohio(value: 98, growth: 0.02, groupGrowth: 0.0, completion: 47.2), indicator: gsp,
    expected:
      "In H1 2024, Ohio's gross state product reached 98.0 billion USD, unchanged year on year, "
      + "in line with the group average; 47.2% of the annual target was met, "
      + "2.8 points behind the time-progress line."),
  SentenceCase(
    label: "tied", row: growthTied(ohio(value: 98, growth: 1, growthRank: (2, of: 8))),
    indicator: gsp,
    expected:
      "In H1 2024, Ohio's gross state product reached 98.0 billion USD, up 1.0% year on year, "
      + "ranking tied 2nd of the 8 Midwest states."),
  SentenceCase(
    label: "second to last, total rank in brackets",
    row: ohio(value: 98, growth: 1, growthRank: (7, of: 8), rank: (5, of: 8)), indicator: gsp,
    expected:
      "In H1 2024, Ohio's gross state product reached 98.0 billion USD (5th of the 8 Midwest "
      + "states), up 1.0% year on year, ranking second to last of the 8 Midwest states."),
  SentenceCase(
    label: "estimate", row: ohio(value: 412.3, status: .estimate), indicator: gsp,
    expected: "In H1 2024, Ohio's gross state product reached an estimated 412.3 billion USD."),
  SentenceCase(
    label: "masked", row: ohio(status: .masked, growthRank: (1, of: 8)), indicator: gsp,
    expected: "In H1 2024, Ohio's gross state product was not published, ranking 1st of the 8 "
      + "Midwest states."),
  SentenceCase(
    label: "missing", row: ohio(status: .missing), indicator: gsp,
    expected: "In H1 2024, no data is available for Ohio's gross state product."),
  SentenceCase(
    label: "growth only", row: ohio(factories, growth: 4, growthRank: (5, of: 8)),
    indicator: factories,
    expected:
      "In H1 2024, Ohio's manufacturing output was up 4.0% year on year, ranking 5th of the "
      + "8 Midwest states."),
  SentenceCase(
    label: "a rate's change is worded in points; its growth rank and gap are left out",
    row: withPrior(
      4.4, ohio(jobless, value: 4.1, growth: -6.8, growthRank: (1, of: 8), groupGrowth: -2.0)),
    indicator: jobless,
    expected: "In H1 2024, Ohio's unemployment rate stood at 4.1%, down 0.3 points year on year."),
  SentenceCase(
    label: "a rate without a prior value states no change",
    row: ohio(jobless, value: 4.1, growth: -6.5, growthRank: (1, of: 8)),
    indicator: jobless,
    expected: "In H1 2024, Ohio's unemployment rate stood at 4.1%."),
  SentenceCase(
    label: "capitalised names are lowered mid-sentence, numbers grouped",
    row: ohio(
      Indicator(id: "jobs", name: "Nonfarm payroll employment", unit: Unit.parse("thousand persons"), decimals: 1),
      value: 5620, growth: 0.9),
    indicator: Indicator(
      id: "jobs", name: "Nonfarm payroll employment", unit: Unit.parse("thousand persons"), decimals: 1),
    expected: "In H1 2024, Ohio's nonfarm payroll employment reached 5,620.0 thousand persons, up 0.9% year on year."),
]

/// `row` with a prior-year value (the source of a rate's change in points).
private func withPrior(_ prior: Double, _ row: ComparisonRow) -> ComparisonRow {
  var copy = row
  copy.priorValue = prior
  return copy
}

@Suite struct MidSentenceNameTests {
  @Test(arguments: [
    ("Gross state product", "gross state product"),
    ("GDP growth", "GDP growth"),
    ("CPI", "CPI"),
    ("gross output", "gross output"),
    ("地区生产总值", "地区生产总值"),
    ("A", "A"),
  ])
  func lowered(_ name: String, _ expected: String) {
    #expect(EnglishWording.midSentence(name) == expected)
  }
}

@Suite struct RateChangeWordingTests {
  @Test(arguments: [
    (Trend.up(0.5), false, ChangeMeasure.percentagePoints, "同比提高0.5个百分点"),
    (Trend.up(0.5), true, ChangeMeasure.percentagePoints, "同比上升0.5个百分点"),
    (Trend.down(0.2), true, ChangeMeasure.percentagePoints, "同比下降0.2个百分点"),
    (Trend.down(1.2), false, ChangeMeasure.permillePoints, "同比下降1.2个千分点"),
    (Trend.flat, false, ChangeMeasure.percentagePoints, "与上年同期持平"),
    (Trend.up(7.2), false, ChangeMeasure.percent, "同比增长7.2%"),
  ])
  func chinese(_ trend: Trend, _ lowerIsBetter: Bool, _ measure: ChangeMeasure, _ expected: String) {
    #expect(ChineseWording.trend(trend, lowerIsBetter: lowerIsBetter, measure: measure) == expected)
  }

  @Test(arguments: [
    (Trend.up(0.5), ChangeMeasure.percentagePoints, "up 0.5 points year on year"),
    (Trend.down(3.4), ChangeMeasure.percent, "down 3.4% year on year"),
  ])
  func english(_ trend: Trend, _ measure: ChangeMeasure, _ expected: String) {
    #expect(EnglishWording.trend(trend, measure: measure) == expected)
  }

  @Test(arguments: [
    (Unit.percent, ChangeMeasure.percentagePoints), (Unit.permille, .permillePoints),
    (Unit.yiYuan, .percent),
  ])
  func measureFollowsTheRow(_ unit: Unit, _ expected: ChangeMeasure) {
    let row = ComparisonRow(indicator: "x", period: F.h1, group: F.city, region: "A", unit: unit)
    #expect(ChangeMeasure(row: row) == expected)
  }

  @Test(arguments: [
    ("42300", "42,300"), ("-5620.0", "-5,620.0"), ("999.9", "999.9"), ("1234567.25", "1,234,567.25"),
    ("0.5", "0.5"), ("—", "—"),
  ])
  func grouped(_ text: String, _ expected: String) {
    #expect(NumberText.grouped(text) == expected)
  }
}

@Suite struct EnglishSentenceTests {
  @Test(arguments: englishCases)
  func english(_ testCase: SentenceCase) throws {
    let text = try Narrator(context: Fixture.ohio)
      .sentence(for: testCase.row, indicator: testCase.indicator)
    #expect(text == testCase.expected)
  }

  @Test func headlineOfTwo() throws {
    var retail = ohio(factories, value: 61.0, growth: 3.0, completion: 55)
    retail.indicator = factories.id
    let text = try Narrator.headline(
      rows: [ohio(value: 412.3, growth: 2.1, completion: 51.4), retail],
      indicators: [gsp, factories], context: Fixture.ohio)
    #expect(
      text
        == "In H1 2024, Ohio's gross state product reached 412.3 billion USD, up 2.1% year on year, "
        + "with 51.4% of the annual target met, 1.4 points ahead of the time-progress line; "
        + "manufacturing output reached 61.0, up 3.0% year on year, with 55.0% of the annual "
        + "target met, 5.0 points ahead of the time-progress line.")
  }
}

// MARK: - Traditional (Simplified generated, then OpenCC s2tw)

private let gdpTraditionalName = Indicator(id: "gdp", name: "生產總值", unit: .yiYuan)

private let traditionalCases: [SentenceCase] = [
  SentenceCase(
    label: "Traditional data names stay as given",
    row: F.row(
      gdpTraditionalName, region: "魏都區", value: 86.3, growth: 7.2, growthRank: (2, of: 9),
      groupGrowth: 6.1, completion: 51.4, timeProgress: 50),
    indicator: gdpTraditionalName,
    expected: "上半年，全區實現生產總值86.3億元，同比增長7.2%，增速居全市第2位，高於全市平均1.1個百分點；"
      + "完成全年目標的51.4%，超序時進度1.4個百分點。"),
  SentenceCase(
    label: "estimate and tie",
    row: growthTied(
      F.row(
        gdpTraditionalName, region: "魏都區", value: 158, status: .estimate, growth: 8.8,
        growthRank: (2, of: 4))),
    indicator: gdpTraditionalName,
    expected: "上半年，全區預計實現生產總值158.0億元，同比增長8.8%，增速並列全市第2位。"),
  SentenceCase(
    label: "second to last, decline, below average",
    row: F.row(
      F.fai, region: "魏都區", value: 40.2, growth: -3.2, growthRank: (8, of: 9), groupGrowth: 4.8,
      completion: 40, timeProgress: 50),
    indicator: F.fai,
    expected: "上半年，全區實現固定资产投资40.2億元，同比下降3.2%，增速居全市倒數第二位，低於全市平均8.0個百分點；"
      + "完成全年目標的40.0%，低於序時進度10.0個百分點。"),
  SentenceCase(
    label: "masked and missing words",
    row: F.row(gdpTraditionalName, region: "魏都區", status: .masked, growthRank: (9, of: 9)),
    indicator: gdpTraditionalName,
    expected: "上半年，全區生產總值數據未公開，增速居全市末位。"),
]

@Suite struct TraditionalSentenceTests {
  @Test(arguments: traditionalCases)
  func traditional(_ testCase: SentenceCase) throws {
    let context = Fixture.context(.traditional, region: "魏都區")
    let text = try Narrator(context: context)
      .sentence(for: testCase.row, indicator: testCase.indicator)
    #expect(text == testCase.expected)
  }

  @Test func sharedConverter() throws {
    let converter = try ChineseConverter(.s2tw)
    let narrator = Narrator(context: Fixture.context(.traditional), converter: converter)
    #expect(
      narrator.sentence(for: F.row(F.gdp, status: .missing), indicator: F.gdp)
        == "上半年，全區地区生产总值暫無數據。")
  }

  @Test func convertsSimplifiedDataNamesOnRequest() throws {
    var context = Fixture.context(.traditional)
    context.convertsDataNames = true
    #expect(
      try Narrator(context: context).sentence(for: F.row(F.gdp, status: .missing), indicator: F.gdp)
        == "上半年，全區地區生產總值暫無數據。")
  }
}
