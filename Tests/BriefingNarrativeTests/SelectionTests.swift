import BriefingCore
import BriefingStats
import Testing

@testable import BriefingNarrative

private typealias F = Fixture

// MARK: - Nine-region fixture

/// 魏都区 and 8 peers. Only 魏都区's rows carry comparisons; the peers hold the other growth ranks
/// so that no rank is tied.
private enum NineRegions {
  static let peers = ["禹州市", "长葛市", "建安区", "鄢陵县", "襄城县", "东城区", "示范区", "经开区"]

  static let indicators = [
    F.gdp, F.industry, F.fai, F.retail, F.revenue, F.exports, F.income, F.energy,
  ]

  static let subject: [ComparisonRow] = [
    // growthFirst 5
    F.row(
      F.gdp, value: 86.3, growth: 8.8, growthRank: (1, of: 9), groupGrowth: 8.6, completion: 52,
      timeProgress: 50),
    // highlight aboveAverage 2; shortfall growthSecondToLast 4
    F.row(F.industry, growth: 11.4, growthRank: (8, of: 9), groupGrowth: 8.6),
    // shortfall 5 + 3 + 3 + 2 + 2 = 15
    F.row(
      F.fai, value: 40.2, growth: -3.2, growthRank: (9, of: 9), groupGrowth: 9.0, completion: 40,
      timeProgress: 50, growthRankChange: -3),
    // totalFirst 4 + aheadOfSchedule 2 = 6
    F.row(
      F.retail, value: 123, growth: 9.5, rank: (1, of: 9), growthRank: (4, of: 9),
      groupGrowth: 10.0, completion: 56, timeProgress: 50),
    // shortfall belowTargetGrowth 2 + behindSchedule 2 = 4
    F.row(
      F.revenue, value: 52340, growth: 5.0, growthRank: (5, of: 9), groupGrowth: 6.0,
      completion: 48, timeProgress: 50, targetGrowth: 8.0),
    // not main: growthFirst 5 + aboveAverage 2 = 7
    F.row(F.exports, value: 882, growth: 30, growthRank: (1, of: 9), groupGrowth: 12),
    // rankUp 3 + aboveAverage 2 = 5 (ties with gdp; gdp comes first in the list)
    F.row(
      F.income, value: 21530, growth: 9.0, growthRank: (3, of: 9), groupGrowth: 6.5,
      growthRankChange: 2),
    // lower is better: growthFirst 5 + rankUp 3 = 8; a decline is not adverse
    F.row(
      F.energy, value: 0.52, growth: -4.1, growthRank: (1, of: 9), groupGrowth: -3.0,
      growthRankChange: 2),
  ]

  /// Subject rows plus one row per peer holding each remaining growth rank.
  static var rows: [ComparisonRow] {
    subject.flatMap { row -> [ComparisonRow] in
      let taken = row.growthRank ?? 0
      let free = (1...9).filter { $0 != taken }
      let others = zip(peers, free).map { name, rank -> ComparisonRow in
        var peer = row
        peer.region = RegionID(name)
        peer.growthRank = rank
        peer.rank = nil
        return peer
      }
      return [row] + others
    }
  }
}

@Suite struct SelectionTests {
  let narrator: Narrator

  init() throws { narrator = try Narrator(context: Fixture.context()) }

  @Test func highlightsInScoreOrder() {
    let items = narrator.highlights(rows: NineRegions.rows, indicators: NineRegions.indicators)
    #expect(items.map(\.indicator) == ["energy", "exports", "retail"])
    #expect(items.map(\.score) == [8, 7, 6])
    #expect(
      items.map(\.text) == [
        "单位GDP能耗同比下降4.1%，降幅居全市第1位，降幅位次较上期前移2位",
        "出口总额同比增长30.0%，增速居全市第1位，高于全市平均18.0个百分点",
        "社会消费品零售总额123.0亿元，居全市第1位，完成全年目标的56.0%，超序时进度6.0个百分点",
      ])
    #expect(items.allSatisfy { $0.leadUnit == nil })
  }

  @Test func tieBrokenByIndicatorOrder() {
    let items = narrator.highlights(
      rows: NineRegions.rows, indicators: NineRegions.indicators, limit: 10)
    #expect(
      items.map(\.indicator) == ["energy", "exports", "retail", "gdp", "income", "industry"])
    #expect(items[4].rules == [.rankUp, .aboveAverage])
    #expect(items[4].text == "城镇居民人均可支配收入同比增长9.0%，高于全市平均2.5个百分点，增速位次较上期前移2位")
  }

  @Test func mainIndicatorsFirstAtEqualScore() {
    var exports = F.exports
    exports.isMain = false
    var rows = NineRegions.subject.filter { $0.indicator == "gdp" || $0.indicator == "exports" }
    rows[1].growthGapToGroupPp = 0
    let items = narrator.highlights(rows: rows, indicators: [exports, F.gdp])
    #expect(items.map(\.indicator) == ["gdp", "exports"])
  }

  @Test func shortfallsWithLeadUnits() {
    let items = narrator.shortfalls(rows: NineRegions.rows, indicators: NineRegions.indicators)
    #expect(items.map(\.indicator) == ["fai", "industry", "revenue"])
    #expect(items.map(\.score) == [15, 4, 4])
    #expect(items.map(\.leadUnit) == ["区统计局", "区工信委", "区财政局"])
    #expect(
      items.map(\.rules) == [
        [.growthLast, .adverseTrend, .rankDown, .belowAverage, .behindSchedule],
        [.growthSecondToLast], [.belowTargetGrowth, .behindSchedule],
      ])
    #expect(
      items.map(\.text) == [
        "固定资产投资同比下降3.2%，增速居全市末位，低于全市平均12.2个百分点，增速位次较上期后移3位，"
          + "完成全年目标的40.0%，低于序时进度10.0个百分点",
        "规模以上工业增加值同比增长11.4%，增速居全市倒数第二位",
        "一般公共预算收入同比增长5.0%，未达到年初目标增速，相差3.0个百分点，完成全年目标的48.0%，低于序时进度2.0个百分点",
      ])
  }

  @Test func englishItems() throws {
    var context = Fixture.context(.english)
    context.groupLabel = "the 9 counties"
    let items = try Narrator(context: context)
      .shortfalls(rows: NineRegions.rows, indicators: NineRegions.indicators, limit: 1)
    #expect(
      items.map(\.text) == [
        "固定资产投资: down 3.2% year on year, ranking last of the 9 counties and 12.2 points below "
          + "the group average, down 3 places in the growth ranking since last period, with 40.0% "
          + "of the annual target met, 10.0 points behind the time-progress line"
      ])
  }

  @Test func traditionalItems() throws {
    let items = try Narrator(context: Fixture.context(.traditional))
      .shortfalls(rows: NineRegions.rows, indicators: NineRegions.indicators, limit: 2)
    #expect(items.last?.text == "规模以上工业增加值同比增長11.4%，增速居全市倒數第二位")
  }

  @Test func limitZeroAndNoRows() {
    #expect(
      narrator.highlights(rows: NineRegions.rows, indicators: NineRegions.indicators, limit: 0)
        .isEmpty)
    #expect(narrator.shortfalls(rows: [], indicators: NineRegions.indicators).isEmpty)
  }

  @Test func progressSummary() throws {
    #expect(
      narrator.progressSummary(rows: NineRegions.rows, indicators: NineRegions.indicators)
        == "4项指标中，2项达到序时进度，固定资产投资、一般公共预算收入未达到序时进度。")
    #expect(
      narrator.progressSummary(rows: NineRegions.rows, indicators: [F.gdp, F.retail])
        == "2项指标均达到序时进度，实现“双过半”。")
    #expect(narrator.progressSummary(rows: NineRegions.rows, indicators: [F.industry]) == nil)
    let context = Fixture.context(.english)
    #expect(
      try Narrator(context: context)
        .progressSummary(rows: NineRegions.rows, indicators: NineRegions.indicators)
        == "2 of 4 indicators are on or ahead of the time-progress line; "
        + "固定资产投资 and 一般公共预算收入 are behind.")
    #expect(
      try Narrator(context: Fixture.context(.traditional))
        .progressSummary(rows: NineRegions.rows, indicators: [F.gdp, F.retail])
        == "2項指標均達到序時進度，實現“雙過半”。")
  }
}
