import BriefingCore
import BriefingStats
import Testing

@testable import BriefingNarrative

// MARK: - Simplified sentences

/// One comparison row → the exact sentence a statistics bureau writes.
struct SentenceCase: CustomTestStringConvertible, Sendable {
  var label: String
  var row: ComparisonRow
  var indicator: Indicator
  var expected: String
  var testDescription: String { label }
}

private typealias F = Fixture

/// `row` with its growth rank marked as shared (并列), as the comparison table flags it.
private func growthTied(_ row: ComparisonRow, _ tied: Bool = true) -> ComparisonRow {
  var copy = row
  copy.growthRankIsTied = tied
  return copy
}

private let simplifiedCases: [SentenceCase] = [
  SentenceCase(
    label: "the brief's headline", row: F.gdpRow, indicator: F.gdp,
    expected: "上半年，全区实现地区生产总值86.3亿元，同比增长7.2%，增速居全市第2位，高于全市平均1.1个百分点；"
      + "完成全年目标的51.4%，超序时进度1.4个百分点。"),
  SentenceCase(
    label: "decline, last, below average",
    row: F.row(F.fai, value: 40.2, growth: -3.2, growthRank: (9, of: 9), groupGrowth: 4.8),
    indicator: F.fai,
    expected: "上半年，全区实现固定资产投资40.2亿元，同比下降3.2%，增速居全市末位，低于全市平均8.0个百分点。"),
  SentenceCase(
    label: "zero growth and level with the average",
    row: F.row(F.retail, value: 123, growth: 0.04, groupGrowth: 0.01), indicator: F.retail,
    expected: "上半年，全区实现社会消费品零售总额123.0亿元，与上年同期持平，与全市平均持平。"),
  SentenceCase(
    label: "negative zero growth is flat",
    row: F.row(F.retail, value: 123, growth: -0.04), indicator: F.retail,
    expected: "上半年，全区实现社会消费品零售总额123.0亿元，与上年同期持平。"),
  SentenceCase(
    label: "lower is better: decline ranked by decline, both declined",
    row: F.row(F.energy, value: 0.52, growth: -4.1, growthRank: (1, of: 9), groupGrowth: -3.0),
    indicator: F.energy,
    expected: "上半年，全区单位GDP能耗0.52吨标准煤/万元，同比下降4.1%，降幅居全市第1位，比全市平均多下降1.1个百分点。"),
  SentenceCase(
    label: "lower is better: a rise is 上升",
    row: F.row(F.energy, value: 0.55, growth: 2.0, growthRank: (8, of: 9), groupGrowth: -3.0),
    indicator: F.energy,
    expected: "上半年，全区单位GDP能耗0.55吨标准煤/万元，同比上升2.0%，降幅居全市倒数第二位，高于全市平均5.0个百分点。"),
  SentenceCase(
    label: "tie (the row says another member shares the growth rank)",
    row: growthTied(F.row(F.gdp, value: 86.3, growth: 7.2, growthRank: (2, of: 9))),
    indicator: F.gdp,
    expected: "上半年，全区实现地区生产总值86.3亿元，同比增长7.2%，增速并列全市第2位。"),
  SentenceCase(
    label: "no tie when the row says the place is not shared",
    row: growthTied(F.row(F.gdp, value: 86.3, growth: 7.2, growthRank: (2, of: 9)), false),
    indicator: F.gdp,
    expected: "上半年，全区实现地区生产总值86.3亿元，同比增长7.2%，增速居全市第2位。"),
  SentenceCase(
    label: "second to last, growth only (S002-1 caveat)",
    row: F.row(F.industry, growth: 11.4, growthRank: (8, of: 9), groupGrowth: 8.6),
    indicator: F.industry,
    expected: "上半年，全区规模以上工业增加值同比增长11.4%，增速居全市倒数第二位，高于全市平均2.8个百分点。"),
  SentenceCase(
    label: "rank 2 of 3 is not 倒数第二",
    row: F.row(F.gdp, value: 86.3, growth: 7.2, growthRank: (2, of: 3)), indicator: F.gdp,
    expected: "上半年，全区实现地区生产总值86.3亿元，同比增长7.2%，增速居全市第2位。"),
  SentenceCase(
    label: "total rank after the value",
    row: F.row(F.gdp, value: 158, growth: 8.8, rank: (3, of: 9), growthRank: (4, of: 9)),
    indicator: F.gdp,
    expected: "上半年，全区实现地区生产总值158.0亿元，居全市第3位，同比增长8.8%，增速居全市第4位。"),
  SentenceCase(
    label: "masked value keeps the rank (S003)",
    row: F.row(F.gdp, status: .masked, growthRank: (1, of: 9)), indicator: F.gdp,
    expected: "上半年，全区地区生产总值数据未公开，增速居全市第1位。"),
  SentenceCase(
    label: "estimate",
    row: F.row(F.gdp, value: 121.59, status: .estimate, growth: 9.2), indicator: F.gdp,
    expected: "上半年，全区预计实现地区生产总值121.6亿元，同比增长9.2%。"),
  SentenceCase(
    label: "preliminary estimate",
    row: F.row(F.gdp, value: 121.59, status: .preliminary, growth: 9.2), indicator: F.gdp,
    expected: "上半年，全区初步预计实现地区生产总值121.6亿元，同比增长9.2%。"),
  SentenceCase(
    label: "missing", row: F.row(F.gdp, status: .missing), indicator: F.gdp,
    expected: "上半年，全区地区生产总值暂无数据。"),
  SentenceCase(
    label: "below time progress",
    row: F.row(F.revenue, value: 52340, growth: 5.0, completion: 47.2, timeProgress: 50),
    indicator: F.revenue,
    expected: "上半年，全区实现一般公共预算收入52340万元，同比增长5.0%；完成全年目标的47.2%，低于序时进度2.8个百分点。"),
  SentenceCase(
    label: "level with time progress",
    row: F.row(F.revenue, value: 52340, completion: 50.04, timeProgress: 50), indicator: F.revenue,
    expected: "上半年，全区实现一般公共预算收入52340万元；完成全年目标的50.0%，与序时进度持平。"),
  SentenceCase(
    label: "completion only, no value",
    row: F.row(F.revenue, completion: 47.2, timeProgress: 50), indicator: F.revenue,
    expected: "上半年，全区一般公共预算收入完成全年目标的47.2%，低于序时进度2.8个百分点。"),
  SentenceCase(
    label: "元", row: F.row(F.income, value: 21530.4, growth: 8.1), indicator: F.income,
    expected: "上半年，全区实现城镇居民人均可支配收入21530元，同比增长8.1%。"),
  SentenceCase(
    label: "万美元", row: F.row(F.exports, value: 882, growth: 92.4), indicator: F.exports,
    expected: "上半年，全区实现出口总额882万美元，同比增长92.4%。"),
  SentenceCase(
    label: "% (a ratio indicator has no verb)",
    row: F.row(F.urbanization, value: 56.25), indicator: F.urbanization,
    expected: "上半年，全区城镇化率56.3%。"),
]

@Suite struct ChineseSentenceTests {
  @Test(arguments: simplifiedCases)
  func simplified(_ testCase: SentenceCase) throws {
    let narrator = try Narrator(context: Fixture.context())
    let text = narrator.sentence(for: testCase.row, indicator: testCase.indicator)
    #expect(text == testCase.expected)
  }

  @Test(arguments: [
    ("魏都区", "全市", "全区"), ("魏都區", "全市", "全区"), ("长兴县", "全市", "全县"),
    ("准格尔旗", "全市", "全旗"), ("禹州市", "全市", "我市"), ("禹州市", "全省", "全市"),
    ("北京市", "全国", "全市"), ("河南省", "全国", "全省"), ("Ohio", "the 8 Midwest states", "Ohio"),
  ])
  func selfReference(name: String, frame: String, expected: String) {
    #expect(GroupFrame.chineseSelfReference(for: Region(id: RegionID(name)), frameWord: frame) == expected)
  }

  @Test func countyAndQ3() throws {
    let context = Fixture.context(region: "长兴县", period: Fixture.q3)
    let row = Fixture.row(
      Fixture.gdp, region: "长兴县", period: Fixture.q3, value: 124.67, growth: 11.2,
      completion: 76.1, timeProgress: 75)
    #expect(
      try Narrator(context: context).sentence(for: row, indicator: Fixture.gdp)
        == "前三季度，全县实现地区生产总值124.7亿元，同比增长11.2%；完成全年目标的76.1%，超序时进度1.1个百分点。")
  }
}

// MARK: - Headline

@Suite struct HeadlineTests {
  @Test func severalIndicatorsJoinedBySemicolons() throws {
    let rows = [
      Fixture.gdpRow,
      Fixture.row(Fixture.industry, growth: 11.4, growthRank: (8, of: 9), groupGrowth: 8.6),
      Fixture.row(
        Fixture.fai, value: 40.2, status: .estimate, growth: -3.2, growthRank: (9, of: 9),
        completion: 40.0, timeProgress: 50),
    ]
    let text = try Narrator(context: Fixture.context())
      .headline(rows: rows, indicators: [Fixture.gdp, Fixture.industry, Fixture.fai])
    #expect(
      text
        == "上半年，全区实现地区生产总值86.3亿元，同比增长7.2%，增速居全市第2位，高于全市平均1.1个百分点，"
        + "完成全年目标的51.4%，超序时进度1.4个百分点；"
        + "规模以上工业增加值同比增长11.4%，增速居全市倒数第二位，高于全市平均2.8个百分点；"
        + "固定资产投资预计40.2亿元，同比下降3.2%，增速居全市末位，完成全年目标的40.0%，低于序时进度10.0个百分点。")
  }

  @Test func oneIndicatorMatchesTheSentence() throws {
    let narrator = try Narrator(context: Fixture.context())
    #expect(
      narrator.headline(rows: [Fixture.gdpRow], indicators: [Fixture.gdp])
        == narrator.sentence(for: Fixture.gdpRow, indicator: Fixture.gdp))
  }

  @Test func keepsOnlyTheRegionPeriodAndGroup() throws {
    var other = Fixture.gdpRow
    other.region = "禹州市"
    var earlier = Fixture.gdpRow
    earlier.period = Period(year: 2023, kind: .cumulative(through: 6))
    earlier.value = 1
    var group = Fixture.gdpRow
    group.isGroupRow = true
    group.region = Fixture.city
    let text = try Narrator.headline(
      rows: [other, earlier, group, Fixture.gdpRow], indicators: [Fixture.gdp, Fixture.retail],
      context: Fixture.context())
    #expect(text.hasPrefix("上半年，全区实现地区生产总值86.3亿元"))
    #expect(!text.contains("社会消费品零售总额"))
  }

  /// The gap to the group is the row's: a group row's growth is not subtracted here.
  @Test func groupRowDoesNotSupplyAGap() throws {
    var row = Fixture.row(Fixture.gdp, value: 86.3, growth: 7.2)
    row.growthGapToGroupPp = nil
    var group = Fixture.row(Fixture.gdp, region: Fixture.city.rawValue, value: 900, growth: 6.1)
    group.isGroupRow = true
    #expect(
      try Narrator.headline(
        rows: [row, group], indicators: [Fixture.gdp], context: Fixture.context())
        == "上半年，全区实现地区生产总值86.3亿元，同比增长7.2%。")
  }

  @Test func rowsOfAnotherGroupAreIgnored() throws {
    var row = Fixture.gdpRow
    row.group = "市辖区组"
    #expect(
      try Narrator.headline(rows: [row], indicators: [Fixture.gdp], context: Fixture.context())
        == "")
  }

  @Test func emptyWithoutRows() throws {
    #expect(
      try Narrator.headline(rows: [], indicators: [Fixture.gdp], context: Fixture.context()) == "")
  }
}
