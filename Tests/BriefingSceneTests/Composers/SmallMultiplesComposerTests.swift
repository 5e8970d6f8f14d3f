import BriefingCore
import BriefingStats
import Testing

@testable import BriefingScene

@Suite struct SmallMultiplesComposerTests {
  let rect = Rect(x: 10, y: 10, width: 520, height: 360)
  let indicators = ["地区生产总值", "规模以上工业增加值", "固定资产投资", "社会消费品零售总额"].enumerated().map {
    Indicator(id: IndicatorID("i\($0.offset)"), name: $0.element, unit: .yiYuan)
  }

  func compose(
    _ rows: (Indicator) -> [ComparisonRow], scale: SmallMultiplesScale = .shared,
    names: [RegionID: String] = Fixture.names
  ) -> ComposedFrame {
    let panels = indicators.map { SmallMultiplePanel(indicator: $0, rows: rows($0)) }
    return SmallMultiplesComposer().compose(
      SmallMultiplesInput(panels: panels, names: names, focus: Fixture.focus, scale: scale),
      in: rect, theme: Fixture.theme, measurer: Fixture.measurer)
  }

  @Test func fourPanelsBothScales() {
    for scale in SmallMultiplesScale.allCases {
      let out = compose({ Fixture.rows($0) }, scale: scale)
      LayoutCheck.expectClean(out, in: rect)
      #expect(Fixture.focusShapes(out).count == 4)
      #expect(Set(Fixture.focusTexts(out)).isSubset(of: ["肃州区", "-3.0%"]))
      let texts = LayoutCheck.texts(out.items).map(\.text)
      #expect(indicators.allSatisfy { texts.contains($0.name) })
    }
  }

  @Test func missingMaskedNegativeLongAndOne() {
    let gaps = compose({ Fixture.rowsWithGaps($0) })
    LayoutCheck.expectClean(gaps, in: rect)
    let texts = LayoutCheck.texts(gaps.items).map(\.text)
    #expect(texts.contains("—") && texts.contains("*"))
    LayoutCheck.expectClean(compose({ Fixture.rows($0, negative: true) }), in: rect)
    LayoutCheck.expectClean(compose({ Fixture.rows($0) }, names: Fixture.longNames), in: rect)
    LayoutCheck.expectClean(compose({ Fixture.rows($0, count: 1) }, scale: .free), in: rect)
  }

  /// Panels list regions in the table's growth-rank order: for a lower-is-better indicator the
  /// smallest growth first (the panel used to sort every indicator descending itself).
  @Test func orderIsTheTablesGrowthRank() {
    let lower = Indicator(id: "energy", name: "单位GDP能耗", unit: .count("吨标准煤/万元"), polarity: .lower)
    let growths: [Double] = [3, -2, 5]
    let rows = growths.enumerated().map { i, growth in
      var row = ComparisonRow(
        indicator: lower.id, period: Fixture.period, group: "city", region: Fixture.ids[i], value: 1,
        unit: lower.unit, status: .actual)
      row.growthPct = growth
      row.growthRank = [2, 1, 3][i]
      row.growthRankOf = 3
      return row
    }
    let out = SmallMultiplesComposer().compose(
      SmallMultiplesInput(
        panels: [SmallMultiplePanel(indicator: lower, rows: rows)], names: Fixture.names,
        focus: Fixture.focus, scale: .free),
      in: rect, theme: Fixture.theme, measurer: Fixture.measurer)
    let order = LayoutCheck.texts(out.items).sorted { $0.origin.y < $1.origin.y }.map(\.text)
      .filter { ["-2.0%", "+3.0%", "+5.0%"].contains($0) }
    #expect(order == ["-2.0%", "+3.0%", "+5.0%"], "\(order)")
  }
}
