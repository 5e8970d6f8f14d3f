import BriefingCore
import Testing
@testable import BriefingStats

/// Rates (`%`, `‰`) change in points and have no growth rank; other units keep both.
@Suite struct RateTests {
  /// unemployment rates of A, B, C: 2023-H1 → 2024-H1
  static let rates: [(String, Double, Double)] = [("A", 3.9, 4.4), ("B", 5.0, 4.8), ("C", 4.0, 4.1)]

  static func table(unit: Unit?, aggregation: Aggregation = .mean) -> ComparisonTable {
    let indicator = Indicator(
      id: "jobless", unit: unit, polarity: .lower, aggregation: aggregation, kind: .ratio)
    let observations = rates.flatMap { name, before, now in
      [
        Fixture.obs(name, "2023-H1", before, indicator: "jobless"),
        Fixture.obs(name, "2024-H1", now, indicator: "jobless"),
      ]
    }
    return compare(Fixture.dataset(members: ["A", "B", "C"], indicators: [indicator], observations: observations))
  }

  /// unit → whether the table ranks growth
  static let units: [(Unit?, Bool)] = [(.percent, false), (.permille, false), (.yiYuan, true), (nil, true)]

  @Test(arguments: units)
  func ratesHaveNoGrowthRank(_ unit: Unit?, _ ranksGrowth: Bool) throws {
    let table = Self.table(unit: unit)
    for (name, before, now) in Self.rates {
      let row = try #require(Fixture.row(table, name))
      #expect(row.changesInPoints == !ranksGrowth)
      #expect(close(row.changeFromPrior, now - before))
      // The relative growth stays in the export either way.
      #expect(close(row.growthPct, (now / before - 1) * 100))
      #expect(close(row.groupGrowthPct, Fixture.groupRow(table)?.growthPct))
      #expect(row.rank != nil && row.bottomRank != nil && row.rankIsTied != nil)
      if ranksGrowth {
        #expect(row.growthRank != nil && row.growthRankOf == 3 && row.growthBottomRank != nil)
        #expect(row.growthRankIsTied == false && row.growthGapToGroupPp != nil)
      } else {
        #expect(row.growthRank == nil && row.growthRankOf == nil && row.growthBottomRank == nil)
        #expect(row.growthRankIsTied == nil && row.growthRankChange == nil)
        #expect(row.growthGapToGroupPp == nil)
      }
    }
    let group = try #require(Fixture.groupRow(table))
    #expect(close(group.changeFromPrior, (4.4 + 4.8 + 4.1) / 3 - (3.9 + 5.0 + 4.0) / 3))
  }

  /// A rate's growth rank change is nil too, even with a previous period in the calendar.
  @Test func rateHasNoGrowthRankChange() throws {
    let indicator = Indicator(id: "jobless", unit: .percent, aggregation: .none, kind: .ratio)
    var observations: [Observation] = []
    for (n, name) in ["A", "B"].enumerated() {
      for (code, value) in [("2023-M03", 4.0), ("2023-H1", 4.0), ("2024-M03", 4.5), ("2024-H1", 4.2)] {
        observations.append(Fixture.obs(name, code, value + Double(n) / 10, indicator: "jobless"))
      }
    }
    let table = compare(Fixture.dataset(members: ["A", "B"], indicators: [indicator], observations: observations))
    let a = try #require(Fixture.row(table, "A"))
    #expect(a.prevPeriod?.code == "2024-M03" && a.rankChange == 0)
    #expect(a.growthRank == nil && a.growthRankChange == nil)
    // `.none`: no group aggregate, so no group growth and no group change.
    #expect(a.groupGrowthPct == nil && Fixture.groupRow(table)?.changeFromPrior == nil)
  }

  /// `.mean` indicators: the group growth is the growth of the matched mean (members with both
  /// a value and a prior; a member without prior stays out of both means), which is the growth
  /// of the matched sums.
  @Test func meanGroupGrowthIsGrowthOfTheMatchedMean() throws {
    let indicator = Indicator(id: "income", unit: .yuan, aggregation: .mean)
    let observations = [
      Fixture.obs("A", "2023", 100, indicator: "income"), Fixture.obs("A", "2024", 110, indicator: "income"),
      Fixture.obs("B", "2023", 200, indicator: "income"), Fixture.obs("B", "2024", 230, indicator: "income"),
      Fixture.obs("C", "2024", 900, indicator: "income"),
    ]
    let table = compare(Fixture.dataset(members: ["A", "B", "C"], indicators: [indicator], observations: observations))
    let group = try #require(Fixture.groupRow(table, "2024"))
    let mean: Double = (110 + 230 + 900) / 3
    #expect(group.value == mean)
    let matched: Double = ((110 + 230) / 2) / ((100 + 200) / 2)
    #expect(close(group.growthPct, (matched - 1) * 100))
    #expect(close(Fixture.row(table, "A", "2024")?.groupGrowthPct, group.growthPct))
  }

  /// The gap to the target growth is the table's (the narrative used to subtract it itself);
  /// a rate has neither a target-growth verdict nor a growth change.
  @Test func targetGrowthGapIsDecidedByTheTable() throws {
    func rows(_ unit: Unit) throws -> ComparisonRow {
      let indicator = Indicator(id: "x", unit: unit, polarity: .higher, aggregation: .mean, kind: .flow)
      let observations = [
        Fixture.obs("A", "2023-H1", 100, indicator: "x"), Fixture.obs("B", "2023-H1", 10, indicator: "x"),
        Fixture.obs("A", "2024-H1", 101.25, indicator: "x", targetGrowth: 3),
        Fixture.obs("B", "2024-H1", 11, indicator: "x"),
      ]
      let table = compare(Fixture.dataset(members: ["A", "B"], indicators: [indicator], observations: observations))
      return try #require(table.rows.first { $0.region == "A" && $0.period.code == "2024-H1" })
    }
    let amount = try rows(.yiYuan)
    #expect(close(amount.targetGrowthGapPp, 1.25 - 3) && amount.targetGrowthMet == false)
    let rate = try rows(.percent)
    #expect(rate.targetGrowthGapPp == nil && rate.targetGrowthMet == nil && rate.growthChangePp == nil)
  }
}

// MARK: - Red lines

/// The table decides breaches on the printed figures and counts them per group; the red-line
/// panel used to compare raw values itself (a PM10 of 76.4 printed 76 "breached" a limit of 76).
@Suite struct RedLineTests {
  @Test func breachesAreDecidedOnThePrintedFigures() throws {
    let pm10 = Indicator(
      id: "pm10", unit: .count("微克/立方米"), polarity: .lower, aggregation: .mean, kind: .ratio,
      decimals: 0, redLine: RedLine(threshold: 76, kind: .max))
    let values: [(String, Double)] = [("A", 76.4), ("B", 76.6), ("C", 70), ("D", 90)]
    let observations = values.map { Fixture.obs($0.0, "2024-H1", $0.1, indicator: "pm10") }
    let table = compare(Fixture.dataset(members: values.map(\.0), indicators: [pm10], observations: observations))
    let breached = values.map { name, _ in table.rows.first { $0.region == RegionID(name) }?.redLineBreached }
    #expect(breached == [false, true, false, true])
    let gap = try #require(table.rows.first { $0.region == "D" }?.redLineGap)
    #expect(abs(gap - 14) < 1e-9)
    #expect(table.rows.first(where: \.isGroupRow)?.redLineBreaches == 2)
    // The gap is between the printed figures: 76.6 prints 77, one over the limit of 76.
    #expect(table.rows.first { $0.region == "B" }?.redLineGap == 1)
  }

  /// A completion that prints 100.0 meets the target (the sub-region table said 99.96 was not).
  @Test func annualTargetMetAsPrinted() {
    var row = ComparisonRow(indicator: "x", period: Period(year: 2024, kind: .cumulative(through: 12)), group: "g", region: "A")
    row.completionPct = 99.96
    #expect(row.isAnnualTargetMet == true)
    row.completionPct = 99.94
    #expect(row.isAnnualTargetMet == false)
    row.completionPct = nil
    #expect(row.isAnnualTargetMet == nil)
  }
}
