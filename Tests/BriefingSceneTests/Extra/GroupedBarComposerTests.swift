import BriefingCore
import BriefingStats
import Testing

@testable import BriefingScene

@Suite struct GroupedBarComposerTests {
  let rect = Rect(x: 10, y: 10, width: 420, height: 220)

  func compose(_ rows: [ComparisonRow], names: [RegionID: String] = Fixture.names)
    -> ComposedFrame
  {
    GroupedBarComposer().compose(
      GroupedBarInput(rows: rows, names: names, indicator: Fixture.gdp, focus: Fixture.focus),
      in: rect, theme: Fixture.theme, measurer: Fixture.measurer)
  }

  @Test func nineRegionsWithLegend() {
    let out = compose(Fixture.rows())
    LayoutCheck.expectClean(out, in: rect)
    let texts = LayoutCheck.texts(out.items).map(\.text)
    #expect(texts.contains("2024年上半年"))
    #expect(texts.contains("2023年上半年"))
    #expect(Fixture.focusShapes(out).count == 1)
    #expect(Set(Fixture.focusTexts(out)).isSubset(of: ["肃州区", "100.0"]))
    #expect(Fixture.focusTexts(out).contains("肃州区"))
  }

  @Test func missingAndMaskedShownAsMarks() {
    let out = compose(Fixture.rowsWithGaps())
    LayoutCheck.expectClean(out, in: rect)
    let texts = LayoutCheck.texts(out.items).map(\.text)
    #expect(texts.contains("—"))
    #expect(texts.contains("*"))
    #expect(out.findings.contains { $0.message.code == "value-not-shown" })
  }

  @Test func edgeCases() {
    LayoutCheck.expectClean(compose(Array(Fixture.rows().prefix(1))), in: rect)
    var negative = Fixture.rows()
    for i in negative.indices { negative[i].value = -(negative[i].value ?? 0) }
    LayoutCheck.expectClean(compose(negative), in: rect)
    let long = compose(Fixture.rows(), names: Fixture.longNames)
    LayoutCheck.expectClean(long, in: rect)
    #expect(LayoutCheck.texts(long.items).contains { $0.text.hasSuffix("…") })
    #expect(long.findings.contains { $0.message.code == "label-shortened" })
  }
}
