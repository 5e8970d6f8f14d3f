import BriefingCore
import BriefingStats

@testable import BriefingNarrative

// MARK: - Fixtures

/// Hand-built comparison rows, indicators and contexts shared by the narrative tests.
enum Fixture {
  static let h1 = Period(year: 2024, kind: .cumulative(through: 6))
  static let q3 = Period(year: 2016, kind: .cumulative(through: 9))
  static let city: RegionID = "许昌市"
  /// The peer group of 魏都区: a city whose label names the frame (全市).
  static let cityGroup = Region(id: city, level: "city", label: "全市9个县（市、区）")
  static let midwest = Region(id: "Midwest", level: "country", label: "the 8 Midwest states")

  // MARK: Indicators

  static let gdp = Indicator(
    id: "gdp", name: "地区生产总值", unit: .yiYuan, decimals: 1, leadUnit: "区发改委")
  static let industry = Indicator(
    id: "industry", name: "规模以上工业增加值", unit: .yiYuan, leadUnit: "区工信委")
  static let fai = Indicator(id: "fai", name: "固定资产投资", unit: .yiYuan, leadUnit: "区统计局")
  static let retail = Indicator(
    id: "retail", name: "社会消费品零售总额", unit: .yiYuan, leadUnit: "区商务局")
  static let revenue = Indicator(
    id: "revenue", name: "一般公共预算收入", unit: .wanYuan, decimals: 0, leadUnit: "区财政局")
  static let exports = Indicator(
    id: "exports", name: "出口总额", unit: .wanUSD, decimals: 0, isMain: false,
    leadUnit: "区商务局")
  static let income = Indicator(
    id: "income", name: "城镇居民人均可支配收入", unit: .yuan, decimals: 0, leadUnit: "区人社局")
  static let energy = Indicator(
    id: "energy", name: "单位GDP能耗", unit: Unit.parse("吨标准煤/万元"), polarity: .lower,
    aggregation: .none, kind: .ratio, decimals: 2, leadUnit: "区发改委")
  static let urbanization = Indicator(
    id: "urban", name: "城镇化率", unit: .percent, aggregation: .none, kind: .ratio)

  // MARK: Contexts

  static func context(
    _ language: NarrativeLanguage = .simplified, region: String = "魏都区", period: Period = h1
  ) -> NarrativeContext {
    NarrativeContext(
      region: Region(id: RegionID(region), parent: city), group: cityGroup, period: period,
      language: language)
  }

  static let ohio = NarrativeContext(
    region: Region(id: "Ohio", parent: "Midwest", level: "state"), group: midwest, period: h1,
    language: .english)

  // MARK: Rows

  /// A member row with only the given comparisons set. Bottom ranks are those of untied ranks;
  /// tests of ties set `rankIsTied` / `growthRankIsTied` and the bottom ranks themselves.
  static func row(
    _ indicator: Indicator, region: String = "魏都区", group: RegionID = city,
    period: Period = h1, value: Double? = nil, status: ValueStatus = .actual, growth: Double? = nil,
    rank: (Int, of: Int)? = nil, growthRank: (Int, of: Int)? = nil, groupGrowth: Double? = nil,
    gap: Double? = nil, completion: Double? = nil, timeProgress: Double? = nil,
    targetGrowth: Double? = nil, rankChange: Int? = nil, growthRankChange: Int? = nil
  ) -> ComparisonRow {
    var row = ComparisonRow(
      indicator: indicator.id, period: period, group: group, region: RegionID(region),
      value: value, unit: indicator.unit,
      status: value == nil && status == .actual ? .missing : status)
    row.growthPct = growth
    if let (rank, count) = rank {
      row.rank = rank
      row.rankOf = count
      row.bottomRank = count - rank + 1
      row.bottomPlace = ComparisonRow.bottomPlace(
        rank: rank, bottom: count - rank + 1, judged: indicator.polarity.isJudged)
    }
    if let (rank, count) = growthRank {
      row.growthRank = rank
      row.growthRankOf = count
      row.growthBottomRank = count - rank + 1
      row.growthBottomPlace = ComparisonRow.bottomPlace(
        rank: rank, bottom: count - rank + 1, judged: indicator.polarity.isJudged)
    }
    row.groupGrowthPct = groupGrowth
    row.growthGapToGroupPp = gap ?? growth.flatMap { own in groupGrowth.map { own - $0 } }
    row.completionPct = completion
    row.timeProgressPct = timeProgress
    row.progressGapPp = completion.flatMap { done in timeProgress.map { done - $0 } }
    row.targetGrowthPct = targetGrowth
    row.targetGrowthMet = growth.flatMap { own in targetGrowth.map { own >= $0 } }
    row.targetGrowthGapPp = growth.flatMap { own in targetGrowth.map { own - $0 } }
    row.rankChange = rankChange
    row.growthRankChange = growthRankChange
    return row
  }

  /// The brief's example: GDP 86.3亿元, +7.2%, growth 2nd of 9, +1.1 pp, 51.4% vs 50%.
  static let gdpRow = row(
    gdp, value: 86.3, growth: 7.2, growthRank: (2, of: 9), groupGrowth: 6.1, completion: 51.4,
    timeProgress: 50)
}
