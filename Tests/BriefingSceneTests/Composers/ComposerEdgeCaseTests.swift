import BriefingCore
import BriefingStats
import Testing

@testable import BriefingScene

/// Degenerate inputs every composer must survive without overlaps or escaping its rect.
@Suite struct ComposerEdgeCaseTests {
  let rect = Rect(x: 5, y: 5, width: 300, height: 180)
  let theme = Fixture.theme
  let m = Fixture.measurer

  @Test func emptyInputs() {
    let gdp = Fixture.gdp
    let outs = [
      ScatterComposer().compose(
        ScatterInput(rows: [], names: [:], indicator: gdp, focus: "x"), in: rect, theme: theme,
        measurer: m),
      GroupedBarComposer().compose(
        GroupedBarInput(rows: [], names: [:], indicator: gdp, focus: "x"), in: rect, theme: theme,
        measurer: m),
      TrendLineComposer().compose(
        TrendLineInput(rows: [], names: [:], indicator: gdp, focus: "x"), in: rect, theme: theme,
        measurer: m),
      SmallMultiplesComposer().compose(
        SmallMultiplesInput(panels: [], names: [:], focus: "x"), in: rect, theme: theme,
        measurer: m),
      SubRegionTableComposer().compose(
        input: SubRegionTableInput(rows: [], names: [:], indicator: gdp), in: rect, theme: theme,
        measurer: m),
      RedLinePanelComposer().compose(
        RedLinePanelInput(entries: [], names: [:], focus: "x"), in: rect, theme: theme,
        measurer: m),
      RankingTableComposer().compose(
        RankingTableInput(groups: [], order: [], names: [:], focus: "x"), in: rect, theme: theme,
        measurer: m),
    ]
    for out in outs { LayoutCheck.expectClean(out, in: rect) }
  }

  @Test func allMissingAndHugeValues() {
    var missing = Fixture.rows()
    for i in missing.indices {
      missing[i].value = nil
      missing[i].status = .missing
      missing[i].growthPct = nil
      missing[i].priorValue = nil
    }
    var huge = Fixture.rows()
    for i in huge.indices { huge[i].value = (huge[i].value ?? 0) * 1e7 }
    for rows in [missing, huge] {
      let scatter = ScatterComposer().compose(
        ScatterInput(
          rows: rows, names: Fixture.names, indicator: Fixture.gdp, focus: Fixture.focus),
        in: rect, theme: theme, measurer: m)
      LayoutCheck.expectClean(scatter, in: rect)
      let bars = GroupedBarComposer().compose(
        GroupedBarInput(
          rows: rows, names: Fixture.names, indicator: Fixture.gdp, focus: Fixture.focus),
        in: rect, theme: theme, measurer: m)
      LayoutCheck.expectClean(bars, in: rect)
    }
  }

  @Test func longIndicatorTitlesAreShortened() {
    let long = Indicator(id: "long", name: String(repeating: "规模以上工业企业营业收入", count: 3))
    let out = SmallMultiplesComposer().compose(
      SmallMultiplesInput(
        panels: [SmallMultiplePanel(indicator: long, rows: Fixture.rows(long))],
        names: Fixture.names, focus: Fixture.focus), in: rect, theme: theme, measurer: m)
    LayoutCheck.expectClean(out, in: rect)
    #expect(LayoutCheck.texts(out.items).contains { $0.text.hasSuffix("…") })
  }
}
