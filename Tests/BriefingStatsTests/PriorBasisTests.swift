import BriefingCore
import Testing
@testable import BriefingStats

/// The comparison basis of a period (`priorPeriod`, `priorBasis`): a year ago when the dataset
/// has that period, else the previous period of the same kind in the dataset's calendar.
@Suite struct PriorBasisTests {
  /// period codes of the dataset (A has a value in each), period → expected prior code, basis
  static let bases: [([String], String, String?, PriorBasis?)] = [
    // Yearly data: 同比.
    (["2023", "2024"], "2024", "2023", .yearAgo),
    (["2023", "2024"], "2023", nil, nil),
    // Five-yearly panel: the previous observed year of the same kind.
    (["1952", "1957", "2002", "2007"], "2007", "2002", .previousPeriod),
    (["1952", "1957", "2002", "2007"], "1957", "1952", .previousPeriod),
    (["1952", "1957", "2002", "2007"], "1952", nil, nil),
    // A gap in a quarterly calendar; another kind never serves as basis.
    (["2022-Q2", "2023-Q1", "2024-Q2"], "2024-Q2", "2022-Q2", .previousPeriod),
    (["2023-M09", "2024-M03", "2024-H1"], "2024-H1", nil, nil),
    // A year ago wins over a nearer period of the same kind.
    (["2021-H1", "2022-H1", "2023-H1", "2024-H1"], "2024-H1", "2023-H1", .yearAgo),
  ]

  @Test(arguments: bases)
  func basisFollowsTheDatasetCalendar(
    _ codes: [String], _ period: String, _ prior: String?, _ basis: PriorBasis?
  ) throws {
    let observations = codes.enumerated().flatMap { n, code in
      [Fixture.obs("A", code, Double(100 + 10 * n)), Fixture.obs("B", code, Double(200 + 10 * n))]
    }
    let table = compare(Fixture.dataset(members: ["A", "B"], observations: observations))
    let a = try #require(Fixture.row(table, "A", period))
    let group = try #require(Fixture.groupRow(table, period))
    for row in [a, group] {
      #expect(row.priorPeriod?.code == prior)
      #expect(row.priorBasis == basis)
    }
    let n = try #require(codes.firstIndex(of: period))
    if let prior, let m = codes.firstIndex(of: prior) {
      #expect(a.priorValue == Double(100 + 10 * m))
      #expect(close(a.growthPct, (Double(100 + 10 * n) / Double(100 + 10 * m) - 1) * 100))
      #expect(a.growthRank != nil && a.growthRankOf == 2)
      #expect(group.priorValue == Double(300 + 20 * m))
      #expect(close(group.growthPct, (Double(300 + 20 * n) / Double(300 + 20 * m) - 1) * 100))
    } else {
      #expect(a.priorValue == nil && a.growthPct == nil && a.growthRank == nil)
      #expect(group.priorValue == nil && group.growthPct == nil)
    }
  }

  /// The basis is the dataset's, not the indicator's: a year-ago period observed only for
  /// another indicator is still the basis (with no prior value), never an older period.
  @Test func basisIsChosenOncePerDatasetPeriod() throws {
    let observations = [
      Fixture.obs("A", "2022-H1", 80), Fixture.obs("A", "2024-H1", 100),
      Fixture.obs("A", "2023-H1", 5, indicator: "pop"),
    ]
    let data = Fixture.dataset(
      members: ["A"], indicators: [Indicator(id: "gdp"), Indicator(id: "pop")], observations: observations)
    let row = try #require(compare(data).rows.first { $0.indicator == "gdp" && $0.period.code == "2024-H1" })
    #expect(row.priorPeriod?.code == "2023-H1" && row.priorBasis == .yearAgo)
    #expect(row.priorValue == nil && row.growthPct == nil)
  }

  /// Growth change, share change and contributions follow the basis of a five-yearly panel.
  @Test func secondOrderFiguresFollowTheBasis() throws {
    let values: [(String, Double, Double)] = [("1997", 100, 100), ("2002", 120, 80), ("2007", 150, 80)]
    let observations = values.flatMap { [Fixture.obs("A", $0.0, $0.1), Fixture.obs("B", $0.0, $0.2)] }
    let table = compare(Fixture.dataset(members: ["A", "B"], observations: observations))
    let a = try #require(Fixture.row(table, "A", "2007"))
    #expect(close(a.growthPct, 25))
    #expect(close(a.growthChangePp, 25 - 20))
    #expect(close(a.sharePct, 150.0 / 230 * 100))
    #expect(close(a.shareChangePp, 150.0 / 230 * 100 - 60))
    #expect(close(a.contributionPp, 30.0 / 200 * 100))
    #expect(a.growthRankChange == 0 && a.rankChange == 0)
    let group = try #require(Fixture.groupRow(table, "2007"))
    #expect(close(group.growthPct, 15))
    #expect(close(group.growthChangePp, 15 - 0))
  }

  /// `prevPeriod` (rank change, prev value): the period just before in the same family.
  /// Annual periods have one too, and a year's prev may be that year's Jan–Sep: the previous
  /// report of the cumulative calendar (一季度 → 上半年 → 前三季度 → 全年).
  static let prevs: [([String], String, String?)] = [
    (["2023", "2024"], "2024", "2023"),
    (["2023", "2024"], "2023", nil),
    (["1952", "1957", "2002", "2007"], "2007", "2002"),
    (["2023", "2024-M09", "2024"], "2024", "2024-M09"),
    (["2023", "2024-M09", "2024"], "2024-M09", "2023"),
  ]

  @Test(arguments: prevs)
  func prevPeriodOfAnnualData(_ codes: [String], _ period: String, _ prev: String?) throws {
    let observations = codes.enumerated().flatMap { n, code in
      [Fixture.obs("A", code, Double(10 - n)), Fixture.obs("B", code, Double(5 + n))]
    }
    let table = compare(Fixture.dataset(members: ["A", "B"], observations: observations))
    let a = try #require(Fixture.row(table, "A", period))
    #expect(a.prevPeriod?.code == prev)
    if let prev, let m = codes.firstIndex(of: prev) {
      #expect(a.prevValue == Double(10 - m))
      #expect(a.rankChange != nil)
    } else {
      #expect(a.prevValue == nil && a.rankChange == nil)
    }
  }
}

/// A published yoy is year-on-year whatever the data's calendar: on a row that shows it, the
/// basis is a year ago (never worded 「较2022年」), and it is not checked against a growth over
/// another span (no spurious growth-mismatch warning).
@Suite struct PublishedGrowthBasisTests {
  @Test func publishedYoyKeepsAYearAgoBasis() throws {
    let observations = [
      Fixture.obs("A", "2022", 100), Fixture.obs("B", "2022", 100),
      Fixture.obs("A", "2024", 120, official: 5), Fixture.obs("B", "2024", 110),
    ]
    let table = compare(Fixture.dataset(members: ["A", "B"], observations: observations))
    let a = try #require(table.rows.first { $0.region == "A" && $0.period.code == "2024" })
    let b = try #require(table.rows.first { $0.region == "B" && $0.period.code == "2024" })
    #expect(a.priorBasis == .yearAgo && a.priorPeriod?.code == "2023" && a.growthPct == 5)
    #expect(a.priorValue == nil && a.computedGrowthPct == nil)
    #expect(b.priorBasis == .previousPeriod && b.priorPeriod?.code == "2022")
    #expect(table.findings.allSatisfy { $0.message.code != "growth-mismatch" }, "\(table.findings)")
  }
}
