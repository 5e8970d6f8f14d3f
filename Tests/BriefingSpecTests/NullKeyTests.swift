import BriefingCore
import BriefingSpec
import Testing

/// `null`, `~` or nothing after a key is the key left out, as for every scalar key: list keys
/// take their defaults rather than an empty list (a KPI table with no columns, a layout with no
/// indicators).
@Suite struct NullKeyTests {
  @Test func nullListsTakeTheirDefaults() throws {
    let yaml = """
      indicators: ~
      sections:
        - components:
            - {kind: kpiTable, indicators: null, columns: null}
            - {kind: rankingTable, columns: ~}
            - kind: headline
              indicators:
      """
    let layout = try #require(LayoutLoader.load(yaml: yaml, file: "z.yaml").document)
    #expect(layout.indicators == .main)
    let dumped = layout.effectiveYAML
    #expect(
      dumped.contains(
        "columns: [value, growthPct, completionPct, progressGapPp, rank, growthRank, growthGapToGroupPp]"))
    #expect(dumped.contains("columns: [value, growthPct, rank, growthRank]"))
    #expect(!dumped.contains("indicators: []"))
    #expect(!dumped.contains("columns: []"))
  }

  /// An empty list written out is kept: it is what the layout says.
  @Test func emptyListStaysEmpty() throws {
    let yaml = "sections:\n  - components:\n      - {kind: rankingTable, indicators: [], columns: []}\n"
    let layout = try #require(LayoutLoader.load(yaml: yaml, file: "z.yaml").document)
    #expect(layout.effectiveYAML.contains("indicators: []"))
    #expect(layout.effectiveYAML.contains("columns: []"))
  }
}
