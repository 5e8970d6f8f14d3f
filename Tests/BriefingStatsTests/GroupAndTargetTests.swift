import BriefingCore
import Testing
@testable import BriefingStats

@Suite struct GroupTests {
  static let twoYears = Fixture.dataset(
    members: ["A", "B", "C"],
    observations: [
      Fixture.obs("A", "2023-H1", 100), Fixture.obs("B", "2023-H1", 50), Fixture.obs("C", "2023-H1", 50),
      Fixture.obs("A", "2024-M03", 30), Fixture.obs("B", "2024-M03", 60), Fixture.obs("C", "2024-M03", 20),
      Fixture.obs("A", "2024-H1", 120), Fixture.obs("B", "2024-H1", 45), Fixture.obs("C", "2024-H1", 60),
    ])

  @Test func groupTotalGrowthAndGap() throws {
    let table = compare(Self.twoYears)
    let group = try #require(Fixture.groupRow(table))
    #expect(group.region == Fixture.city && group.isGroupRow)
    #expect(group.value == 225 && group.groupTotal == 225)
    #expect(group.groupTotalIsPartial == false)
    #expect(group.groupMean == 75)
    let groupGrowth = try #require(group.groupGrowthPct)
    #expect(abs(groupGrowth - 12.5) < 1e-9)  // 225 / 200
    #expect(group.priorValue == 200)
    let c = try #require(Fixture.row(table, "C"))
    #expect(close(c.growthGapToGroupPp, 7.5))
    #expect(c.gapToGroupMean == -15)
    // Members' rows carry the same group figures.
    #expect(table.rows.filter { $0.period.code == "2024-H1" }.allSatisfy { $0.groupTotal == 225 })
  }

  @Test func shareAndContributionsSumToGroupGrowth() throws {
    let table = compare(Self.twoYears)
    let rows = table.rows(indicator: "gdp", period: try #require(Period(code: "2024-H1")), group: Fixture.city)
    let shares = rows.compactMap(\.sharePct)
    #expect(shares.count == 3)
    #expect(abs(shares.reduce(0, +) - 100) < 1e-9)
    let contributions = rows.compactMap(\.contributionPp)
    #expect(contributions.count == 3)
    let groupGrowth = try #require(Fixture.groupRow(table)?.groupGrowthPct)
    #expect(abs(contributions.reduce(0, +) - groupGrowth) < 1e-9)
    let expected: Double = 120.0 / 225 * 100 - 50
    #expect(close(Fixture.row(table, "A")?.shareChangePp, expected))
  }

  /// region → rank change from 2024-M03 to 2024-H1 (M03 ranks B, A, C; H1 ranks A, C, B)
  static let rankChanges: [(String, Int)] = [("A", 1), ("B", -2), ("C", 1)]

  @Test(arguments: rankChanges)
  func rankChangeSign(_ region: String, _ change: Int) throws {
    let row = try #require(Fixture.row(compare(Self.twoYears), region))
    #expect(row.rankChange == change)
  }

  @Test func meanAggregationHasNoTotalOrShare() throws {
    let indicator = Indicator(id: "gdp", aggregation: .mean, kind: .ratio)
    let table = compare(Fixture.single([2, 4, nil], indicator: indicator))
    let group = try #require(Fixture.groupRow(table))
    #expect(group.value == 3 && group.groupMean == 3 && group.groupTotal == nil)
    #expect(Fixture.row(table, "A")?.sharePct == nil)
  }

  @Test func weightedMean() throws {
    let data = Fixture.dataset(
      members: ["A", "B"],
      indicators: [Indicator(id: "energy", aggregation: .weightedMean(by: "gdp"), kind: .ratio), Indicator(id: "gdp")],
      observations: [
        Fixture.obs("A", "2024", 1, indicator: "energy"), Fixture.obs("B", "2024", 4, indicator: "energy"),
        Fixture.obs("A", "2024", 300), Fixture.obs("B", "2024", 100),
      ])
    let table = compare(data)
    let group = try #require(table.rows.first { $0.isGroupRow && $0.indicator == "energy" })
    #expect(group.value == 1.75)
  }

  @Test func rowOrderIsDeterministic() {
    let indicators = [Indicator(id: "b", order: 2), Indicator(id: "a", order: 1), Indicator(id: "c", order: 1)]
    let observations = ["b", "c", "a"].flatMap { id in
      ["2024", "2023-H1"].flatMap { p in ["Y", "X"].map { Fixture.obs($0, p, 1, indicator: IndicatorID(id)) } }
    }
    let table = compare(Fixture.dataset(members: ["Y", "X"], indicators: indicators, observations: observations))
    let keys = table.rows.map { "\($0.indicator) \($0.period.code) \($0.region)" }
    #expect(keys.prefix(6) == ["a 2023-H1 Y", "a 2023-H1 X", "a 2023-H1 市", "a 2024 Y", "a 2024 X", "a 2024 市"])
    #expect(table.rows.map(\.indicator.rawValue).uniqued() == ["a", "c", "b"])
  }
}

@Suite struct TargetTests {
  /// period, value, target, options → completion, time progress, gap pp
  static let cases: [(String, Double, Double, CompareOptions, Double?, Double?, Double?)] = [
    ("2024-H1", 60, 100, .init(), 60, 50, 10),
    ("2024-M09", 70, 100, .init(), 70, 75, -5),
    ("2024-H1", 60, 100, .init(timeProgress: [Period(year: 2024, kind: .cumulative(through: 6)): 0.55]), 60, 55, 5),
    ("2024", 130, 100, .init(), 130, 100, 30),
    ("2024-H1", 60, 0, .init(), nil, 50, nil),
    ("2024-Q2", 60, 100, .init(), nil, nil, nil),
  ]

  @Test(arguments: cases)
  func completionAndTimeProgress(
    _ period: String, _ value: Double, _ target: Double, _ options: CompareOptions,
    _ completion: Double?, _ progress: Double?, _ gap: Double?
  ) throws {
    let data = Fixture.dataset(members: ["A"], observations: [Fixture.obs("A", period, value, target: target)])
    let row = try #require(Fixture.row(compare(data, options: options), "A", period))
    #expect(row.target == target)
    #expect(close(row.completionPct, completion))
    #expect(close(row.timeProgressPct, progress))
    #expect(close(row.progressGapPp, gap))
  }

  @Test func remainingPaceAndAmount() throws {
    let data = Fixture.dataset(
      members: ["A"],
      observations: [Fixture.obs("A", "2024-M09", 60, target: 100), Fixture.obs("A", "2024", 120)])
    let table = compare(data)
    let row = try #require(Fixture.row(table, "A", "2024-M09"))
    #expect(row.remaining == 40)
    #expect(close(row.monthlyPaceNeeded, 40.0 / 3))
    #expect(row.progressGapAmount == -15)
    let year = try #require(Fixture.row(table, "A", "2024"))
    #expect(year.target == 100)  // annual target found on another row of the year
    #expect(year.remaining == 0 && year.monthlyPaceNeeded == nil)
    #expect(year.completionPct == 120)
  }

  @Test func asOfDate() {
    let options = CompareOptions(asOf: CalendarDate(year: 2024, month: 7, day: 1))
    #expect(CalendarDate(year: 2024, month: 7, day: 1).dayOfYear == 183)
    #expect(options.timeProgressShare(for: Period(year: 2024, kind: .cumulative(through: 6))) == 183.0 / 366)
    #expect(options.timeProgressShare(for: Period(year: 2023, kind: .cumulative(through: 9))) == 0.75)
  }

  @Test func conflictingTargetsAreErrors() {
    let data = Fixture.dataset(
      members: ["A"],
      observations: [Fixture.obs("A", "2024-H1", 60, target: 100), Fixture.obs("A", "2024-M09", 80, target: 120)])
    let table = compare(data)
    #expect(table.findings.map(\.message.code) == ["conflicting-target"])
    #expect(table.findings.hasErrors)
  }

  /// growth, target growth, polarity → met
  static let growthTargets: [(Double, Double, Polarity, Bool)] = [
    (7, 6.5, .higher, true), (6.46, 6.5, .higher, true), (6.4, 6.5, .higher, false),
    (-3, -2, .lower, true), (-1, -2, .lower, false),
  ]

  @Test(arguments: growthTargets)
  func targetGrowthMet(_ growth: Double, _ goal: Double, _ polarity: Polarity, _ met: Bool) throws {
    let data = Fixture.dataset(
      members: ["A"], indicators: [Indicator(id: "gdp", polarity: polarity)],
      observations: [Fixture.obs("A", "2024-H1", 1, targetGrowth: goal, official: growth)])
    let row = try #require(Fixture.row(compare(data), "A"))
    #expect(row.targetGrowthPct == goal)
    #expect(row.targetGrowthMet == met)
  }
}

/// Both nil, or both present and within 1e-9.
func close(_ a: Double?, _ b: Double?) -> Bool {
  switch (a, b) {
  case (nil, nil): return true
  case (let x?, let y?): return abs(x - y) < 1e-9
  case (_, _): return false
  }
}

extension Sequence where Element: Hashable {
  func uniqued() -> [Element] {
    var seen = Set<Element>()
    return filter { seen.insert($0).inserted }
  }
}
