import BriefingCore
import BriefingStats
import Testing

@testable import BriefingScene

@Suite struct SubRegionTableComposerTests {
  let rect = Rect(x: 20, y: 20, width: 480, height: 320)
  let task = Indicator(id: "fai", name: "固定资产投资", unit: .wanYuan, decimals: 0)

  /// 15 townships: completion 5%…145% in steps of 10, time progress 50%.
  func rows(_ n: Int = 15) -> [ComparisonRow] {
    (0..<n).map { i in
      var row = ComparisonRow(
        indicator: task.id, period: Fixture.period, group: "r1", region: RegionID("t\(i)"),
        value: Double(5 + 10 * i) * 100, unit: task.unit, status: .actual)
      row.target = 10_000
      row.completionPct = Double(5 + 10 * i)
      row.timeProgressPct = 50
      row.progressGapPp = Double(5 + 10 * i) - 50
      return row
    }
  }

  var names: [RegionID: String] {
    Dictionary(uniqueKeysWithValues: (0..<15).map { (RegionID("t\($0)"), "第\($0 + 1)乡镇") })
  }

  func compose(
    _ rows: [ComparisonRow], in rect: Rect? = nil, format: NumberFormat = .chinese,
    names: [RegionID: String]? = nil
  ) -> PagedFrame {
    let composer = SubRegionTableComposer()
    return composer.composeFitting(
      composer.prepare(
        SubRegionTableInput(rows: rows, names: names ?? self.names, indicator: task, format: format)),
      in: rect ?? self.rect, theme: Fixture.theme, measurer: Fixture.measurer)
  }

  @Test func summaryCountsAndMarks() {
    let out = compose(rows())
    LayoutCheck.expectClean(out.frame, in: rect)
    let texts = LayoutCheck.texts(out.frame.items).map(\.text)
    #expect(texts.contains("15个乡镇中，3个完成率低于30%，5个未达序时进度，5个提前完成全年任务"))
    #expect(texts.filter { $0 == "低于30%" }.count == 3)
    #expect(texts.filter { $0 == "未达序时" }.count == 2)
    #expect(texts.first { $0.hasPrefix("第") } == "第1乡镇", "furthest behind first")
    #expect(out.remaining.isEmpty)
    #expect(Fixture.focusTexts(out.frame).isEmpty)
  }

  @Test func paginatesWholeRows() {
    let small = Rect(x: 20, y: 20, width: 480, height: 120)
    let out = compose(rows(), in: small)
    LayoutCheck.expectClean(out.frame, in: small)
    let shown = LayoutCheck.texts(out.frame.items).filter { $0.text.hasPrefix("第") }.count
    #expect(shown + out.remaining.count == 15)
    #expect(!out.remaining.isEmpty)
  }

  /// Rows that do not fit (the laggards come first) are counted on the sheet, in the summary
  /// line: the scene checker accepts that, and no warning is needed.
  @Test func rowsLeftOutAreCountedInTheSummary() throws {
    let small = Rect(x: 20, y: 20, width: 480, height: 120)
    let out = compose(rows(), in: small)
    let left = out.remaining.count
    try #require(left > 0)
    let texts = LayoutCheck.texts(out.frame.items).map(\.text)
    #expect(texts.contains { $0.hasPrefix("15个乡镇中") && $0.hasSuffix("；另有\(left)个未列出") }, "\(texts)")
    #expect(!out.frame.findings.contains { $0.severity >= .warning })
    let page = Page(
      size: .a4, items: out.frame.items,
      panels: [
        Panel(
          component: "subRegionTable", key: "table", rect: small, items: 0..<out.frame.items.count,
          coverage: out.frame.coverage)
      ])
    #expect(SceneChecker(theme: Fixture.theme).check([page], reported: out.frame.findings).isEmpty)
    let english = compose(rows(), in: small, format: .english)
    #expect(
      LayoutCheck.texts(english.frame.items).contains { $0.text.hasSuffix("; \(english.remaining.count) more not listed") })
  }

  @Test func missingMaskedEnglishLongNames() {
    var r = rows(9)
    r[0].status = .masked
    r[1].value = nil
    r[1].status = .missing
    let out = compose(r)
    LayoutCheck.expectClean(out.frame, in: rect)
    let texts = LayoutCheck.texts(out.frame.items).map(\.text)
    #expect(texts.contains("*") && texts.contains("—"))
    let english = compose(rows(1), format: .english)
    LayoutCheck.expectClean(english.frame, in: rect)
    #expect(
      LayoutCheck.texts(english.frame.items).contains { $0.text.hasPrefix("Of 1 sub-regions") })
    let long = Dictionary(
      uniqueKeysWithValues: (0..<15).map { (RegionID("t\($0)"), "第\($0 + 1)号经济技术开发区高新技术产业园区") })
    LayoutCheck.expectClean(compose(rows(), names: long).frame, in: rect)
  }

  @Test func prepareCountsAndNarrowSummaryWraps() {
    let data = SubRegionTableComposer().prepare(
      SubRegionTableInput(rows: rows(), names: names, indicator: task))
    #expect((data.belowThreshold, data.behind, data.done) == (3, 5, 5))
    #expect(data.standings.first == .belowThreshold && data.standings.last == .done)
    let narrow = Rect(x: 0, y: 0, width: 200, height: 300)
    let out = compose(rows(), in: narrow)
    LayoutCheck.expectClean(out.frame, in: narrow)
    let summary = LayoutCheck.texts(out.frame.items).first { $0.text.hasPrefix("15个乡镇中") }
    #expect(summary?.wrapWidth == 200)
  }
}
