import BriefingCore
import BriefingSpec
import BriefingStats
import Testing

@testable import BriefingScene

/// English sheets bracket units with ASCII parentheses, "GDP per capita (USD per person)", in
/// every component: full-width 「（USD per person）」 came out of a chart on English sheets.
@Suite struct EnglishBracketTests {
  static let gdppc = Indicator(
    id: "gdppc", name: "GDP per capita", unit: Unit.parse("USD per person"), decimals: 0)
  static let rate = Indicator(
    id: "jobless", name: "Unemployment rate", unit: Unit.parse("%"), decimals: 1)

  /// The 泸州 fixture in English, for two indicators with units (one a rate).
  func context() -> SheetContext {
    let rows = [Self.gdppc, Self.rate].flatMap { indicator in
      Fixtures.luzhou.map { entry -> ComparisonRow in
        var row = Fixtures.row(
          entry.0, value: (entry.3 ?? 0) * 40, growth: entry.4, indicator: indicator)
        row.priorValue = (row.value ?? 0) / 1.05
        return row
      }
    }
    let dataset = Dataset(
      regions: Fixtures.regions, indicators: [Self.gdppc, Self.rate], observations: [])
    return SheetContext(
      dataset: dataset, table: ComparisonTable(rows: Fixtures.ranked(rows)), focus: "泸县",
      group: PeerGroup(
        id: Fixtures.group, label: "the 7 counties", members: Fixtures.luzhou.map { RegionID($0.0) }
      ),
      period: Fixtures.period, language: .en)
  }

  static let components = [
    "{kind: rankedBar, indicator: gdppc, metric: value}",
    "{kind: rankedBar, indicator: jobless, metric: growthPct}",
    "{kind: scatter, indicator: gdppc}", "{kind: scatter, indicator: jobless}",
    "{kind: groupedBar, indicator: gdppc}", "{kind: trendLine, indicator: gdppc, metric: value}",
    "{kind: smallMultiples, indicators: [gdppc, jobless], metric: value}",
    "{kind: kpiTable, indicators: [gdppc, jobless]}",
    "{kind: rankingTable, indicators: [gdppc, jobless]}",
  ]

  @Test(arguments: components)
  func unitsTakeAsciiBrackets(component: String) throws {
    let yaml = "language: en\nsections:\n  - components:\n      - \(component)\n"
    let loaded = LayoutLoader.load(yaml: yaml, file: "en.yaml")
    let spec = try #require(loaded.document?.sections.first?.components.first, "\(loaded.findings)")
    let (theme, _) = ThemeSpec.default.resolved(language: .en)
    let frame = ComponentDispatch(context: context(), theme: theme, measurer: Fixtures.measurer)
      .compose(spec, in: Rect(x: 0, y: 0, width: 500, height: 300))
    let texts = LayoutCheck.texts(frame.items).map(\.text)
    #expect(!texts.isEmpty)
    for text in texts where text.contains("（") || text.contains("）") {
      Issue.record("full-width bracket in an English sheet: “\(text)”")
    }
    #expect(
      texts.contains {
        $0.contains("(USD per person)") || $0.contains("(pp)") || $0.contains("(%)")
      }, "\(texts)")
  }
}
