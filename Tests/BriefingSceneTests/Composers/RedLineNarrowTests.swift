import BriefingCore
import BriefingStats
import Testing

@testable import BriefingScene

@Suite struct RedLineNarrowTests {
  @Test func narrowPanelKeepsTheWholeSentenceAndDropsPeerCounts() {
    let panel = RedLinePanelComposerTests()
    let narrow = Rect(x: 0, y: 0, width: 230, height: 60)
    let out = RedLinePanelComposer().compose(
      RedLinePanelInput(
        entries: [RedLineEntry(indicator: panel.pm10, rows: panel.rows(panel.pm10, focus: 78))],
        names: Fixture.names, focus: Fixture.focus),
      in: narrow, theme: Fixture.theme, measurer: Fixture.measurer)
    let texts = LayoutCheck.texts(out.items).map(\.text)
    #expect(texts.contains("PM10 78 微克/立方米，限值 76，超出 2"), "\(texts)")
    #expect(!texts.contains { $0.hasPrefix("其余") })
    #expect(out.findings.map(\.message.code).contains("columns-dropped"))
  }
}
