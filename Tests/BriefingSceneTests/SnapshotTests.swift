import BriefingCore
import BriefingStats
import TestSupport
import Testing

@testable import BriefingScene

/// Scene snapshots of the composers' edge cases (FixedMetricsMeasurer, default theme).
@Suite struct SnapshotTests {
  let rect = Rect(x: 36, y: 36, width: 523, height: 240)

  func dump(_ frame: ComposedFrame) -> String {
    let lines = SceneDumper().dump(frame.group("frame"))
      + frame.findings.map { "finding \($0.severity.rawValue) \($0.message.code): \($0.message.text)" }
    return lines.joined(separator: "\n") + "\n"
  }

  func bars(
    _ rows: [ComparisonRow], focus: RegionID?, regions: [Region] = Fixtures.regions,
    options: RankedBarOptions = .init(showRanks: true, bottomMarks: 2), rect: Rect? = nil
  ) -> ComposedFrame {
    let frameRect = rect ?? self.rect
    let frame = RankedBarComposer().compose(
      input: RankedBarInput(
        rows: Fixtures.ranked(rows), groupRow: Fixtures.groupRow(averaging: rows),
        indicator: Fixtures.gdp, regions: regions, focus: focus, metric: .growthPct,
        options: options),
      in: frameRect, theme: Fixtures.theme, measurer: Fixtures.measurer)
    expectLegible(frame.items, in: frameRect)
    expectShapesInside(frame.items, frameRect)
    return frame
  }

  @Test func rankedBarReference() {
    assertSnapshot(dump(bars(Fixtures.luzhouRows, focus: "泸县", options: .init(target: 6.5, showRanks: true, bottomMarks: 2))), name: "ranked-bar-reference")
  }

  @Test func rankedBarAllNegative() {
    let rows = Fixtures.rows([("甲县", -3.2), ("乙县", -7.5), ("丙县", -0.4), ("丁县", -12.0)])
    assertSnapshot(dump(bars(rows, focus: "乙县")), name: "ranked-bar-all-negative")
  }

  @Test func rankedBarSingleRegion() {
    assertSnapshot(dump(bars(Fixtures.rows([("甲县", 5.3)]), focus: "甲县")), name: "ranked-bar-single")
  }

  @Test func rankedBarFortyRegions() {
    let rows = (1...40).map { Fixtures.row("区县\($0)", value: 1, growth: Double(($0 * 7) % 23) - 6.5) }
    let tall = Rect(x: 36, y: 36, width: 523, height: 420)
    assertSnapshot(dump(bars(rows, focus: "区县9", rect: tall)), name: "ranked-bar-forty")
  }

  @Test func rankedBarLongNames() {
    let regions = [
      Region(id: "a", name: "某某土家族苗族自治州某某某自治县", shortName: "某某某某某某某某某某某某县"),
      Region(id: "b", name: "Very Long English County Name Indeed", shortName: "Very Long English County"),
      Region(id: "c", name: "乙县"),
    ]
    let rows = Fixtures.rows([("a", 4.1), ("b", 2.2), ("c", -1.0)])
    assertSnapshot(
      dump(bars(rows, focus: "a", regions: regions, rect: Rect(x: 36, y: 36, width: 260, height: 140))),
      name: "ranked-bar-long-names")
  }

  @Test func rankedBarMissing() {
    var rows = Fixtures.rows([("甲县", 5.0), ("乙县", nil), ("丙县", 2.0), ("丁县", 3.0)])
    // Masked with no published growth: the masked mark, no bar.
    rows[3].status = .masked
    rows[3].growthPct = nil
    assertSnapshot(dump(bars(rows, focus: "乙县")), name: "ranked-bar-missing")
  }

  @Test func rankedBarTies() {
    let rows = Fixtures.rows([("甲县", 3.0), ("乙县", 5.0), ("丙县", 3.0), ("丁县", 3.0), ("戊县", 1.0)])
    assertSnapshot(dump(bars(rows, focus: "丙县")), name: "ranked-bar-ties")
  }

  @Test func kpiTable() {
    let composer = KPITableComposer()
    let frame = composer.compose(
      composer.prepare(KPITableInput(entries: KPITableComposerTests.entries)), in: rect,
      theme: Fixtures.theme, measurer: Fixtures.measurer)
    expectLegible(frame.items, in: rect)
    assertSnapshot(dump(frame), name: "kpi-table")
  }
}
