import BriefingCore
import BriefingStats
import Testing

@testable import BriefingNarrative

// MARK: - "One owner per number": the narrative formats what the comparison row decided

private typealias F = Fixture

/// A narrative context for `region` in `group`, built from the regions' metadata.
private func context(
  _ region: Region, in group: Region, _ language: NarrativeLanguage = .simplified,
  period: Period = F.h1
) -> NarrativeContext {
  NarrativeContext(region: region, group: group, period: period, language: language)
}

private let china = Region(id: "中国", level: "country", label: "全国31个省（区、市）")
private let beijing = Region(id: "北京市", parent: "中国", level: "province")
private let henan = Region(id: "河南省", parent: "中国", level: "province")
private let xuchang = Region(id: "许昌市", level: "city", label: "全市9个县（市、区）")
private let yuzhou = Region(id: "禹州市", parent: "许昌市", level: "county")
private let midwest = Region(
  id: "Midwest", level: "country", label: "the 8 Midwest states")
private let ohio = Region(id: "Ohio", parent: "Midwest", level: "state")

/// `row` with its fields changed by `change`.
private func with(_ row: ComparisonRow, _ change: (inout ComparisonRow) -> Void) -> ComparisonRow {
  var copy = row
  change(&copy)
  return copy
}

private func sentence(_ row: ComparisonRow, _ indicator: Indicator, _ context: NarrativeContext)
  throws -> String
{
  try Narrator(context: context).sentence(for: row, indicator: indicator)
}

// MARK: - 9. Frame words from the group's metadata

@Suite struct FrameWordTests {
  @Test func beijingAmongProvincesIsRankedInTheCountry() throws {
    let row = F.row(
      F.gdp, region: "北京市", value: 43760.7, growth: 5.2, rank: (2, of: 31),
      growthRank: (9, of: 31), groupGrowth: 5.0)
    let text = try sentence(row, F.gdp, context(beijing, in: china))
    #expect(
      text
        == "上半年，全市实现地区生产总值43760.7亿元，居全国第2位，同比增长5.2%，增速居全国第9位，"
        + "高于全国平均0.2个百分点。")
    #expect(!text.contains("我市"))
    #expect(!text.contains("居全市"))
  }

  @Test func provinceSelfReferenceAndFrame() throws {
    let row = F.row(F.gdp, region: "河南省", value: 31000, rank: (1, of: 31))
    #expect(
      try sentence(row, F.gdp, context(henan, in: china))
        == "上半年，全省实现地区生产总值31000.0亿元，居全国第1位。")
  }

  /// A province in a macro-region frame: the frame is the group's label, never 全市.
  @Test func provinceInAMacroRegion() throws {
    let central = Region(id: "华中", level: "frame", label: "华中地区6个省份")
    let row = F.row(F.gdp, region: "河南省", value: 31000, rank: (1, of: 6))
    #expect(
      try sentence(row, F.gdp, context(henan, in: central))
        == "上半年，全省实现地区生产总值31000.0亿元，居华中地区6个省份第1位。")
  }

  @Test func countyLevelCityInItsCityIsWoShi() throws {
    let row = F.row(F.gdp, region: "禹州市", value: 300, rank: (1, of: 9))
    #expect(
      try sentence(row, F.gdp, context(yuzhou, in: xuchang))
        == "上半年，我市实现地区生产总值300.0亿元，居全市第1位。")
  }

  @Test func frameWordIsTheGroups() {
    #expect(context(beijing, in: china).frameWord == "全国")
    #expect(context(yuzhou, in: xuchang).frameWord == "全市")
    #expect(context(beijing, in: china).selfReference == "全市")
    #expect(context(henan, in: china).selfReference == "全省")
  }

  @Test func englishUsesTheGroupLabelAndNeverSaysCity() throws {
    let row = F.row(
      F.gdp, region: "Ohio", value: 412.3, growth: 2.1, rank: (3, of: 8), growthRank: (8, of: 8),
      groupGrowth: 1.7)
    let english = context(ohio, in: midwest, .english)
    let text = try sentence(row, F.gdp, english)
    #expect(text.contains("3rd of the 8 Midwest states"))
    #expect(text.contains("last of the 8 Midwest states"))
    #expect(!text.lowercased().contains("city"))
    let items = try Narrator(context: english).shortfalls(rows: [row], indicators: [F.gdp])
    #expect(items.allSatisfy { !$0.text.lowercased().contains("city") })
  }
}

// MARK: - 4. Shared places (并列) and bottom places as given

@Suite struct TiedPlaceTests {
  @Test func tiedGrowthRankFromTheRow() throws {
    let row = with(F.row(F.gdp, value: 86.3, growth: 7.2, growthRank: (2, of: 9))) {
      $0.growthRankIsTied = true
    }
    #expect(
      try sentence(row, F.gdp, F.context())
        == "上半年，全区实现地区生产总值86.3亿元，同比增长7.2%，增速并列全市第2位。")
  }

  @Test func tiedTotalRankFromTheRow() throws {
    let row = with(F.row(F.gdp, value: 86.3, rank: (4, of: 9))) { $0.rankIsTied = true }
    #expect(
      try sentence(row, F.gdp, F.context()) == "上半年，全区实现地区生产总值86.3亿元，并列全市第4位。")
  }

  /// Two regions tied last among 9: competition ranks 8 and 8, both bottom rank 1.
  @Test func tiedLast() throws {
    let row = with(F.row(F.fai, value: 40.2, growth: -3.2, growthRank: (8, of: 9))) {
      $0.growthBottomRank = 1
      $0.growthBottomPlace = 1
      $0.growthRankIsTied = true
    }
    #expect(
      try sentence(row, F.fai, F.context())
        == "上半年，全区实现固定资产投资40.2亿元，同比下降3.2%，增速并列全市倒数第一。")
    #expect(
      try sentence(row, F.fai, F.context(.english)).contains("ranking tied last of 全市9个县（市、区）"))
    let items = try Narrator(context: F.context()).shortfalls(rows: [row], indicators: [F.fai])
    #expect(items.map(\.text) == ["固定资产投资同比下降3.2%，增速并列全市倒数第一"])
    #expect(items.first?.rules == [.growthLast, .adverseTrend])
  }

  /// 10 members, two tied 8th, one 10th: the tied pair is 倒数第2 (not 10 − 8 + 1 = 3).
  @Test func bottomRankIsReadNotRecomputed() throws {
    let row = with(F.row(F.gdp, value: 86.3, growth: 1.0, growthRank: (8, of: 10))) {
      $0.growthBottomRank = 2
      $0.growthBottomPlace = 2
      $0.growthRankIsTied = true
    }
    #expect(
      try sentence(row, F.gdp, F.context())
        == "上半年，全区实现地区生产总值86.3亿元，同比增长1.0%，增速并列全市倒数第二。")
    let shortfall = try Narrator(context: F.context()).shortfalls(rows: [row], indicators: [F.gdp])
    #expect(shortfall.first?.rules == [.growthSecondToLast])
  }

  /// Without a bottom place in the row (the table's decision) the narrative says no bottom word.
  @Test func noBottomRankNoBottomWord() throws {
    let row = with(F.row(F.gdp, value: 86.3, growth: 1.0, growthRank: (9, of: 9))) {
      $0.growthBottomRank = nil
      $0.growthBottomPlace = nil
    }
    #expect(
      try sentence(row, F.gdp, F.context())
        == "上半年，全区实现地区生产总值86.3亿元，同比增长1.0%，增速居全市第9位。")
    #expect(try Narrator(context: F.context()).shortfalls(rows: [row], indicators: [F.gdp]).isEmpty)
  }

  @Test func englishTied() throws {
    let row = with(F.row(F.gdp, value: 86.3, growth: 7.2, growthRank: (2, of: 9))) {
      $0.growthRankIsTied = true
    }
    #expect(try sentence(row, F.gdp, F.context(.english)).contains("ranking tied 2nd of"))
  }
}

// MARK: - 8. Neutral indicators are ranked by size, never judged

@Suite struct NeutralIndicatorTests {
  static let population = Indicator(
    id: "pop", name: "常住人口", unit: Unit.parse("万人"), polarity: .neutral, kind: .stock,
    leadUnit: "区统计局")

  /// Last by size and by growth, a decline, far below the average: all facts, no verdict.
  static let smallest = F.row(
    population, value: 12.3, growth: -1.0, rank: (9, of: 9), growthRank: (9, of: 9),
    groupGrowth: 3.0, rankChange: -3)

  static let largest = F.row(
    population, value: 120, growth: 9.0, rank: (1, of: 9), growthRank: (1, of: 9),
    groupGrowth: 3.0, rankChange: 3)

  @Test func neverAHighlightOrAShortfall() throws {
    let narrator = try Narrator(context: F.context())
    for row in [Self.smallest, Self.largest] {
      #expect(narrator.highlights(rows: [row], indicators: [Self.population]).isEmpty)
      #expect(narrator.shortfalls(rows: [row], indicators: [Self.population]).isEmpty)
    }
  }

  @Test func rankedBySizeWithoutBottomWords() throws {
    let text = try sentence(Self.smallest, Self.population, F.context())
    #expect(
      text
        == "上半年，全区常住人口12.3万人，居全市第9位，同比下降1.0%，增速居全市第9位，低于全市平均4.0个百分点。")
    #expect(!text.contains("倒数") && !text.contains("末位"))
    let english = try sentence(Self.smallest, Self.population, F.context(.english))
    #expect(!english.contains("last"))
    #expect(english.contains("9th of"))
  }

  @Test func tiedLastNeutralIsTiedNth() throws {
    let row = with(Self.smallest) {
      $0.rank = 8
      $0.bottomRank = 1
      $0.rankIsTied = true
    }
    #expect(try sentence(row, Self.population, F.context()).contains("并列全市第8位"))
  }
}

// MARK: - 3. The basis period: 同比 only when the basis is a year ago

@Suite struct PriorBasisTests {
  static let census2007 = Period(year: 2007, kind: .cumulative(through: 12))

  /// A row of a 5-yearly dataset: 2007 compared with 2002.
  static func fiveYearly(
    _ indicator: Indicator, value: Double, growth: Double? = nil, prior: Double? = nil
  ) -> ComparisonRow {
    with(F.row(indicator, period: census2007, value: value, growth: growth)) {
      $0.priorPeriod = Period(year: 2002, kind: .cumulative(through: 12))
      $0.priorBasis = .previousPeriod
      $0.priorValue = prior
    }
  }

  static func fiveYearlyContext(_ language: NarrativeLanguage = .simplified) -> NarrativeContext {
    F.context(language, period: census2007)
  }

  @Test(arguments: [
    (35.2, "较2002年增长35.2%"), (-4.0, "较2002年下降4.0%"), (0.01, "与2002年持平"),
  ])
  func chineseGrowth(_ growth: Double, _ expected: String) throws {
    let text = try sentence(
      Self.fiveYearly(F.gdp, value: 86.3, growth: growth), F.gdp, Self.fiveYearlyContext())
    #expect(text.contains(expected))
    #expect(!text.contains("同比") && !text.contains("上年同期"))
  }

  @Test func lowerIsBetterRise() throws {
    let text = try sentence(
      Self.fiveYearly(F.energy, value: 0.55, growth: 2.0), F.energy, Self.fiveYearlyContext())
    #expect(text.contains("较2002年上升2.0%"))
  }

  @Test func rateInPoints() throws {
    let text = try sentence(
      Self.fiveYearly(F.urbanization, value: 56.7, prior: 56.2), F.urbanization,
      Self.fiveYearlyContext())
    #expect(text == "全年，全区城镇化率56.7%，较2002年提高0.5个百分点。")
  }

  @Test func english() throws {
    let text = try sentence(
      Self.fiveYearly(F.gdp, value: 86.3, growth: 35.2), F.gdp, Self.fiveYearlyContext(.english))
    #expect(text.contains("up 35.2% vs 2002"))
    #expect(!text.contains("year on year"))
    let flat = try sentence(
      Self.fiveYearly(F.gdp, value: 86.3, growth: 0), F.gdp, Self.fiveYearlyContext(.english))
    #expect(flat.contains("unchanged vs 2002"))
  }

  @Test func itemsFollowTheBasis() throws {
    let row = with(Self.fiveYearly(F.fai, value: 40.2, growth: -3.2)) {
      $0.growthRank = 9
      $0.growthRankOf = 9
      $0.growthBottomRank = 1
      $0.growthBottomPlace = 1
    }
    let items = try Narrator(context: Self.fiveYearlyContext())
      .shortfalls(rows: [row], indicators: [F.fai])
    #expect(items.map(\.text) == ["固定资产投资较2002年下降3.2%，增速居全市末位"])
  }

  @Test func yearAgoKeepsTheYearOnYearWording() throws {
    let row = with(F.row(F.gdp, value: 86.3, growth: 7.2)) {
      $0.priorPeriod = Period(year: 2023, kind: .cumulative(through: 6))
      $0.priorBasis = .yearAgo
    }
    #expect(
      try sentence(row, F.gdp, F.context()) == "上半年，全区实现地区生产总值86.3亿元，同比增长7.2%。")
    #expect(
      try sentence(with(row) { $0.growthPct = 0 }, F.gdp, F.context())
        == "上半年，全区实现地区生产总值86.3亿元，与上年同期持平。")
  }
}

// MARK: - 11. Rates: the change in points, decided by the row

@Suite struct RateDecisionTests {
  /// The indicator's metadata lacks a unit; the row (the table) says it is a rate.
  @Test func theRowDecides() throws {
    let share = Indicator(id: "share", name: "服务业增加值比重", kind: .ratio)
    let row = with(F.row(share, value: 40.4, growth: 15.8)) {
      $0.unit = .percent
      $0.priorValue = 34.9
      $0.growthRank = 1
      $0.growthRankOf = 9
      $0.growthBottomRank = 9
    }
    #expect(row.changesInPoints)
    let text = try sentence(row, share, F.context())
    #expect(text == "上半年，全区服务业增加值比重40.4%，同比提高5.5个百分点。")
    let highlights = try Narrator(context: F.context()).highlights(rows: [row], indicators: [share])
    #expect(highlights.isEmpty)
  }

  /// A rate has no growth rank, so no move of it either (no 「增速位次」).
  @Test func noGrowthRankMoveForARate() throws {
    let row = with(F.row(F.urbanization, value: 56.7, growthRankChange: 3)) {
      $0.priorValue = 56.2
    }
    let narrator = try Narrator(context: F.context())
    #expect(narrator.highlights(rows: [row], indicators: [F.urbanization]).isEmpty)
    let headline = narrator.headline(rows: [row], indicators: [F.urbanization])
    #expect(headline == "上半年，全区城镇化率56.7%，同比提高0.5个百分点。")
  }
}

// MARK: - Nothing computed here: gaps and numbers come from the row

@Suite struct ReadNotComputedTests {
  /// The row has no gap to the group: none is stated, even though both growths are known.
  @Test func noGapWithoutTheRowsGap() throws {
    let row = with(F.row(F.gdp, value: 86.3, growth: 7.2, groupGrowth: 6.1)) {
      $0.growthGapToGroupPp = nil
    }
    #expect(
      try sentence(row, F.gdp, F.context()) == "上半年，全区实现地区生产总值86.3亿元，同比增长7.2%。")
  }

  /// The row has no progress gap: completion is stated, the gap is not computed here.
  @Test func noProgressGapWithoutTheRowsGap() throws {
    let row = with(F.row(F.revenue, completion: 47.2, timeProgress: 50)) { $0.progressGapPp = nil }
    #expect(
      try sentence(row, F.revenue, F.context()) == "上半年，全区一般公共预算收入完成全年目标的47.2%。")
  }

  /// Binary noise is removed by Core's rounding before half-away-from-zero.
  @Test func numbersGoThroughCoreRounding() throws {
    let row = F.row(
      F.gdp, value: 86.25, growth: 1.2499999999999956, gap: 1.1, completion: 50.05)
    #expect(
      try sentence(row, F.gdp, F.context())
        == "上半年，全区实现地区生产总值86.3亿元，同比增长1.3%，高于全市平均1.1个百分点；"
        + "完成全年目标的50.1%。")
  }
}
