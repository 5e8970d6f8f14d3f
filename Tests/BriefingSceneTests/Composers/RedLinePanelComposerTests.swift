import BriefingCore
import BriefingStats
import Testing

@testable import BriefingScene

@Suite struct RedLinePanelComposerTests {
  let rect = Rect(x: 20, y: 20, width: 460, height: 120)
  let pm10 = Indicator(
    id: "pm10", name: "PM10平均浓度", shortName: "PM10", unit: .count("微克/立方米"),
    polarity: .lower, decimals: 0, redLine: RedLine(threshold: 76, kind: .max))
  let forest = Indicator(
    id: "forest", name: "森林覆盖率", unit: .percent, decimals: 1,
    redLine: RedLine(threshold: 30, kind: .min))

  /// Focus value first, then peers 70, 72, …, 84: the members' rows and the group row as the
  /// comparison table gives them (the table decides breaches and gaps; the panel only prints).
  func rows(_ indicator: Indicator, focus: Double?, status: ValueStatus = .actual)
    -> [ComparisonRow]
  {
    let observations = Fixture.ids.enumerated().map { i, id in
      Observation(
        region: id, period: Fixture.period, indicator: indicator.id,
        value: i == 0 ? (status == .masked ? nil : focus) : 68 + Double(i) * 2,
        status: i == 0 ? status : .actual)
    }
    let regions = [Region(id: "city")] + Fixture.ids.map { Region(id: $0, parent: "city") }
    return compare(Dataset(regions: regions, indicators: [indicator], observations: observations))
      .rows
  }

  func compose(_ entries: [RedLineEntry], format: NumberFormat = .chinese) -> ComposedFrame {
    RedLinePanelComposer().compose(
      RedLinePanelInput(
        entries: entries, names: Fixture.names, focus: Fixture.focus, format: format),
      in: rect, theme: Fixture.theme, measurer: Fixture.measurer)
  }

  @Test func breachedAndSafe() {
    let out = compose([
      RedLineEntry(indicator: pm10, rows: rows(pm10, focus: 78)),
      RedLineEntry(indicator: forest, rows: rows(forest, focus: 31.5)),
    ])
    LayoutCheck.expectClean(out, in: rect)
    let runs = LayoutCheck.texts(out.items)
    #expect(runs.contains { $0.text == "PM10 78 微克/立方米，限值 76，超出 2" })
    #expect(
      runs.first { $0.text == "超限" }?.style.color == Fixture.theme.text(.tableCellAlarm).color)
    #expect(runs.first { $0.text == "达标" }?.style.color == Fixture.theme.text(.tableCellGood).color)
    #expect(runs.contains { $0.text == "其余8个中4个超限" })
    #expect(Fixture.focusTexts(out).isEmpty)
  }

  /// Traditional words, converted where no number joins them into a phrase: 「8個中」, never
  /// OpenCC's 「个中」 → 「箇中」 (therein). Names and units print as written.
  @Test func traditionalWords() {
    let out = compose(
      [
        RedLineEntry(indicator: pm10, rows: rows(pm10, focus: 78)),
        RedLineEntry(indicator: forest, rows: rows(forest, focus: 31.5)),
      ], format: .traditional)
    let texts = LayoutCheck.texts(out.items).map(\.text)
    #expect(texts.contains("PM10 78 微克/立方米，限值 76，超出 2"))
    #expect(texts.contains("森林覆盖率 31.5 %，下限 30.0，餘量 1.5"))
    #expect(texts.contains("超限") && texts.contains("達標"))
    #expect(texts.contains("其餘8個中4個超限"), "\(texts)")
  }

  @Test func maskedMissingEnglishAndOverflow() {
    let out = compose([
      RedLineEntry(indicator: pm10, rows: rows(pm10, focus: 80, status: .masked)),
      RedLineEntry(indicator: forest, rows: rows(forest, focus: nil, status: .missing)),
    ])
    LayoutCheck.expectClean(out, in: rect)
    let texts = LayoutCheck.texts(out.items).map(\.text)
    #expect(texts.contains("*") && texts.contains("—"))
    let english = compose(
      [RedLineEntry(indicator: pm10, rows: rows(pm10, focus: 70))], format: .english)
    #expect(
      LayoutCheck.texts(english.items).contains { $0.text == "PM10 70 微克/立方米, limit 76, margin 6" })
    let many = compose(
      Array(repeating: RedLineEntry(indicator: pm10, rows: rows(pm10, focus: 78)), count: 12))
    LayoutCheck.expectClean(many, in: rect)
    // The rows left out are named in a warning.
    #expect(
      many.findings.contains {
        $0.severity == .warning && $0.message.code == "overflow" && $0.message.text.contains("PM10")
      })
  }
}
