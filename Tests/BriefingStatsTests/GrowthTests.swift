import BriefingCore
import Testing
@testable import BriefingStats

@Suite struct GrowthTests {
  /// prior value (nil = no row), prior status, current → expected computed growth, finding code
  static let cases: [(Double?, ValueStatus, Double, Double?, String?)] = [
    (100, .actual, 110, 10.000000000000009, nil),
    (nil, .missing, 110, nil, nil),
    (0, .actual, 110, nil, nil),
    (nil, .masked, 110, nil, nil),
    (-50, .actual, 110, nil, "negative-base"),
    (200, .actual, 100, -50, nil),
  ]

  @Test(arguments: cases)
  func computedGrowth(_ prior: Double?, _ status: ValueStatus, _ value: Double, _ expected: Double?, _ finding: String?) throws {
    var observations = [Fixture.obs("A", "2024-H1", value)]
    if prior != nil || status == .masked {
      observations.append(Fixture.obs("A", "2023-H1", prior, status: status))
    }
    let table = compare(Fixture.dataset(members: ["A"], observations: observations))
    let row = try #require(Fixture.row(table, "A"))
    #expect(row.computedGrowthPct == expected)
    #expect(row.growthPct == expected)
    // The basis is a period of the dataset: without a 2023-H1 row there is none.
    let hasPrior = observations.count == 2
    #expect(row.priorPeriod?.code == (hasPrior ? "2023-H1" : nil))
    #expect(row.priorBasis == (hasPrior ? .yearAgo : nil))
    #expect(table.findings.map(\.message.code) == (finding.map { [$0] } ?? []))
    if finding != nil { #expect(table.findings.first?.severity == .warning) }
  }

  /// official, computed base → mismatch warning expected
  static let mismatch: [(Double, Bool)] = [(10.0, false), (10.1, false), (10.2, true), (9.85, true)]

  @Test(arguments: mismatch)
  func officialOverridesAndMismatchWarns(_ official: Double, _ warns: Bool) throws {
    let table = compare(
      Fixture.dataset(
        members: ["A"],
        observations: [Fixture.obs("A", "2023-H1", 100), Fixture.obs("A", "2024-H1", 110, official: official)]))
    let row = try #require(Fixture.row(table, "A"))
    #expect(row.growthPct == official)
    #expect(row.officialGrowthPct == official)
    #expect(abs((row.computedGrowthPct ?? 0) - 10) < 1e-9)
    let codes = table.findings.map(\.message.code)
    #expect(codes == (warns ? ["growth-mismatch"] : []))
    if warns {
      let text = table.findings[0].message.text
      #expect(text.contains(NumberText.format(official)) && text.contains("10.000000000000009"))
    }
  }

  /// Real (constant-price) growth: the published yoy is the growth; a gap to the nominal value
  /// growth is a notice, not a warning; without a yoy there is no growth; the group growth is
  /// the group's own published growth; no contributions from nominal sums.
  @Test func realGrowthBasisUsesPublishedGrowthOnly() throws {
    let gdp = Indicator(id: "gdp", growthBasis: .real)
    func table(groupYoy: Double?) -> ComparisonTable {
      var observations = [
        Fixture.obs("A", "2023-H1", 100), Fixture.obs("A", "2024-H1", 110, official: 5.5),
        Fixture.obs("B", "2023-H1", 100), Fixture.obs("B", "2024-H1", 104),
      ]
      if let groupYoy {
        observations.append(Fixture.obs(Fixture.city.rawValue, "2024-H1", 214, official: groupYoy))
      }
      return compare(Fixture.dataset(members: ["A", "B"], indicators: [gdp], observations: observations))
    }
    let plain = table(groupYoy: nil)
    #expect(plain.findings.map(\.message.code) == ["real-growth-differs"])
    #expect(plain.findings.map(\.severity) == [.notice])
    let a = try #require(Fixture.row(plain, "A"))
    #expect(a.growthPct == 5.5 && close(a.computedGrowthPct, 10))
    #expect(a.growthRank == 1 && a.growthRankOf == 1)
    let b = try #require(Fixture.row(plain, "B"))
    #expect(b.growthPct == nil && close(b.computedGrowthPct, 4) && b.growthRank == nil)
    #expect(a.groupGrowthPct == nil && a.contributionPp == nil && a.sharePct != nil)
    let published = table(groupYoy: 6.1)
    #expect(Fixture.row(published, "A")?.groupGrowthPct == 6.1)
    #expect(Fixture.groupRow(published)?.growthPct == 6.1)
    #expect(close(Fixture.row(published, "A")?.growthGapToGroupPp, -0.6))
  }

  /// period codes in data → (period, expected prev period)
  static let calendars: [([String], String, String?)] = [
    (["2024-M03", "2024-H1", "2024-Q1", "2024-Q2"], "2024-H1", "2024-M03"),
    (["2024-M03", "2024-H1", "2024-Q1", "2024-Q2"], "2024-Q2", "2024-Q1"),
    (["2024-M03", "2024-H1", "2024-Q1", "2024-Q2"], "2024-M03", nil),
    (["2023-M09", "2024-M03", "2024-M09"], "2024-M03", "2023-M09"),
    (["2024-M03", "2024-M09", "2024-05"], "2024-M09", "2024-M03"),
  ]

  @Test(arguments: calendars)
  func prevPeriodFollowsDatasetCalendarOfSameFamily(_ codes: [String], _ period: String, _ prev: String?) throws {
    // B has only the current period: its prev value is from the calendar, not its own history.
    var observations = codes.enumerated().map { Fixture.obs("A", $0.element, Double($0.offset + 1)) }
    observations.append(Fixture.obs("B", period, 7))
    let table = compare(Fixture.dataset(members: ["A", "B"], observations: observations))
    let a = try #require(Fixture.row(table, "A", period))
    #expect(a.prevPeriod?.code == prev)
    #expect(a.prevValue == prev.flatMap { p in codes.firstIndex(of: p).map { Double($0 + 1) } })
    let b = try #require(Fixture.row(table, "B", period))
    #expect(b.prevPeriod?.code == prev)
    #expect(b.prevValue == nil)
  }

  @Test func growthChangeAndPrevGrowth() throws {
    let observations = [
      Fixture.obs("A", "2022-H1", 100), Fixture.obs("A", "2023-M03", 40), Fixture.obs("A", "2023-H1", 110),
      Fixture.obs("A", "2024-M03", 50, official: 8), Fixture.obs("A", "2024-H1", 121),
    ]
    let table = compare(Fixture.dataset(members: ["A"], observations: observations))
    let row = try #require(Fixture.row(table, "A"))
    #expect(row.prevPeriod?.code == "2024-M03")
    #expect(row.prevGrowthPct == 8)
    let growth = try #require(row.growthPct)
    #expect(abs(growth - 10) < 1e-9)
    #expect(abs((row.growthChangePp ?? .nan) - 0) < 1e-9)
  }
}
