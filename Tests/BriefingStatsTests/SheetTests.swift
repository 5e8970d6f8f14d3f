import BriefingCore
import Testing
@testable import BriefingStats

@Suite struct SheetTests {
  static let data = Fixture.dataset(
    members: ["A", "B", "C"],
    indicators: [Indicator(id: "gdp"), Indicator(id: "inv"), Indicator(id: "pm", aggregation: .mean, kind: .ratio, redLine: RedLine(threshold: 35, kind: .max))],
    observations: [
      Fixture.obs("A", "2024-M03", 20, official: 9), Fixture.obs("B", "2024-M03", 20), Fixture.obs("C", "2024-M03", 20),
      Fixture.obs("A", "2024-H1", 60, target: 100, targetGrowth: 6, official: 8),
      Fixture.obs("B", "2024-H1", 40, target: 100, official: 5),
      Fixture.obs("C", "2024-H1", 20, target: 100, official: 4),
      Fixture.obs("A", "2024-H1", 10, indicator: "inv", target: 100, official: -2),
      Fixture.obs("B", "2024-H1", 30, indicator: "inv", target: 20, official: 3),
      Fixture.obs("C", "2024-H1", 20, indicator: "inv", target: 200, official: 1),
      Fixture.obs("A", "2024-H1", 40, indicator: "pm"), Fixture.obs("B", "2024-H1", 30, indicator: "pm"),
    ])

  @Test func sheetCounts() throws {
    let table = compare(Self.data)
    let h1 = try #require(Period(code: "2024-H1"))
    let a = SheetCounts(table, region: "A", group: Fixture.city, period: h1, indicators: ["gdp", "inv", "pm"])
    #expect(a.onTimeProgress == ["gdp"] && a.onTimeProgressCount == 1)
    #expect(a.withTarget == ["gdp", "inv"])
    #expect(a.firstByValue == ["gdp", "pm"])
    #expect(a.firstByGrowth == ["gdp"])
    #expect(a.bottomTwoByValue == ["inv"])
    #expect(a.bottomTwoByGrowth == ["inv"])
    #expect(a.slowerThanTargetGrowth == [])
    #expect(a.decelerating == ["gdp"])
  }

  @Test func subRegionSummary() throws {
    let table = compare(Self.data)
    let h1 = try #require(Period(code: "2024-H1"))
    let s = SubRegionSummary(table, group: Fixture.city, indicator: "inv", period: h1)
    #expect(s.entries.map(\.region) == ["B", "A", "C"])
    #expect(s.minCompletionPct == 10 && s.maxCompletionPct == 150 && s.medianCompletionPct == 10)
    #expect(s.belowThreshold.map(\.region) == ["A", "C"])
    #expect(s.behindTimeProgress.map(\.region) == ["A", "C"])
    #expect(s.doneAhead.map(\.region) == ["B"])
  }

  @Test func redLines() {
    let statuses = RedLineStatus.all(compare(Self.data), indicators: Self.data.indicators)
    let members = statuses.filter { $0.region != Fixture.city }
    #expect(members.map(\.region) == ["A", "B"])
    #expect(members.map(\.breached) == [true, false])
    #expect(members.map(\.distance) == [-5, 5])
  }

  @Test func dataQuality() {
    let regions = (0..<6).map { "R\($0)" }
    var observations: [Observation] = []
    for (k, r) in regions.enumerated() {
      observations.append(Fixture.obs(r, "2024-M03", 30))
      // H1 per month = M03 per month for most; R5 grows 80% (outlier growth) and R0 is estimated.
      observations.append(Fixture.obs(r, "2024-H1", 60, status: k == 0 ? .estimate : .actual, official: k == 5 ? 80 : 5 + Double(k)))
    }
    observations.append(Fixture.obs("R6", "2024-H1", nil, status: .masked))
    let table = compare(Fixture.dataset(members: regions + ["R6"], observations: observations))
    let codes = dataQualityFindings(table).map(\.message.code)
    #expect(codes == ["growth-outlier", "estimated-values", "masked-values"])
    // A structural break: every member's monthly pace doubles.
    let jumped = compare(
      Fixture.dataset(
        members: ["A", "B"],
        observations: [Fixture.obs("A", "2024-Q1", 10), Fixture.obs("B", "2024-Q1", 10), Fixture.obs("A", "2024-Q2", 20), Fixture.obs("B", "2024-Q2", 15)]))
    #expect(dataQualityFindings(jumped).map(\.message.code) == ["structural-break"])
  }
}
