import BriefingCore
import BriefingStats
import Testing

@testable import BriefingNarrative

@Suite struct ProgressSummaryEnglishTests {
  @Test(arguments: [
    (60.0, "The one indicator with a target is on or ahead of the time-progress line."),
    (40.0, "The one indicator with a target is behind the time-progress line."),
  ])
  func singleIndicatorReadsNaturally(_ completion: Double, _ expected: String) throws {
    var row = ComparisonRow(
      indicator: "x", period: Period(year: 2024, kind: .cumulative(through: 6)), group: "g",
      region: "A", value: 1, status: .actual)
    row.completionPct = completion
    row.timeProgressPct = 50
    row.progressGapPp = completion - 50
    let context = NarrativeContext(
      region: Region(id: "A"), group: Region(id: "g", label: "the group"), period: row.period,
      language: .english)
    let narrator = try Narrator(context: context)
    let text = try #require(narrator.progressSummary(rows: [row], indicators: [Indicator(id: "x")]))
    #expect(text == expected)
  }
}
