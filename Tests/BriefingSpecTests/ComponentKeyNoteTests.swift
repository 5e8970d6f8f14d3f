import BriefingCore
import BriefingSpec
import Testing

/// A key a kind does not use is an error at its line and column, with a "did you mean" over that
/// kind's keys and, when the key belongs to other kinds, a note naming them.
@Suite struct ComponentKeyNoteTests {
  func unknownKey(_ component: String) throws -> Finding {
    let yaml = "sections:\n  - components:\n      - \(component)\n"
    let result = LayoutLoader.load(yaml: yaml, file: "n.yaml")
    #expect(result.document == nil)
    return try #require(result.findings.first { $0.message.code == "unknown-key" })
  }

  @Test func typoOfTheKindsOwnKeyGetsDidYouMean() throws {
    let finding = try unknownKey("{kind: rankedBar, indicator: gdp, showRank: false}")
    #expect(finding.severity == .error)
    #expect(finding.location == SourceLocation(file: "n.yaml", line: 3, column: 43))
    #expect(finding.notes == ["did you mean 'showRanks'?"])
  }

  @Test func keyOfAnotherKindNamesThatKind() throws {
    let finding = try unknownKey("{kind: rankedBar, indicator: gdp, threshold: 30}")
    #expect(finding.location == SourceLocation(file: "n.yaml", line: 3, column: 43))
    #expect(finding.message.text == "unknown key 'threshold' in sections[0].components[0] (rankedBar)")
    #expect(finding.notes == ["'threshold' is a key of subRegionTable"])
  }

  @Test func keyOfSeveralKindsNamesThemAll() throws {
    let finding = try unknownKey("{kind: kpiTable, metric: value}")
    // In `ComponentKind` order; a kind added later with a `metric` joins the end.
    #expect(finding.notes.count == 1)
    #expect(finding.notes.first?.hasPrefix("'metric' is a key of rankedBar, trendLine, smallMultiples") == true)
  }

  @Test func nearKeyAndOtherKindBothNoted() throws {
    // `indicators` is close to rankedBar's own `indicator` and a key of the list kinds.
    let finding = try unknownKey("{kind: rankedBar, indicator: gdp, indicators: [gdp]}")
    #expect(finding.notes.first == "did you mean 'indicator'?")
    #expect(finding.notes.last?.hasPrefix("'indicators' is a key of kpiTable, progressBullet") == true)
  }

  @Test func keyOfNoKindGetsNoKindNote() throws {
    let finding = try unknownKey("{kind: text, colour: red}")
    #expect(finding.notes.isEmpty)
  }
}
