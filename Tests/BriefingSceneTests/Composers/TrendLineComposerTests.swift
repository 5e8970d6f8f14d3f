import BriefingCore
import BriefingStats
import Testing

@testable import BriefingScene

@Suite struct TrendLineComposerTests {
  let rect = Rect(x: 10, y: 10, width: 400, height: 200)

  func periods(_ n: Int) -> [Period] {
    (0..<n).map { i in
      Period(
        year: 2021 + i / 2, kind: i % 2 == 0 ? .cumulative(through: 6) : .cumulative(through: 12))
    }
  }

  func rows(_ n: Int) -> [ComparisonRow] {
    periods(n).flatMap { Fixture.rows(period: $0) }
  }

  func compose(_ rows: [ComparisonRow], metric: TrendMetric = .growth) -> ComposedFrame {
    TrendLineComposer().compose(
      TrendLineInput(
        rows: rows, names: Fixture.names, indicator: Fixture.gdp, focus: Fixture.focus,
        metric: metric),
      in: rect, theme: Fixture.theme, measurer: Fixture.measurer)
  }

  @Test func sixPeriodsBothMetrics() {
    for metric in TrendMetric.allCases {
      let out = compose(rows(6), metric: metric)
      LayoutCheck.expectClean(out, in: rect)
      let texts = LayoutCheck.texts(out.items).map(\.text)
      #expect(texts.contains("2021年上半年") || texts.contains("上半年"))
      // Without a group label the legend names no frame (全市 is the dispatch's, from metadata).
      #expect(texts.contains("平均"))
      #expect(!texts.contains("全市平均"))
      #expect(Fixture.focusShapes(out).count == 6)
    }
  }

  /// In a panel 94 pt high the value axis takes as many ticks as the measured heights of their
  /// labels allow (the one rule of every value axis, `NumericAxis.fitted`), at least two, and no
  /// tick label lies over another.
  @Test(arguments: [94.0, 80.0, 120.0])
  func valueAxisTickLabelsKeepApartInShortPanels(height: Double) {
    let area = Rect(x: 10, y: 10, width: 260, height: height)
    var all = rows(6)
    for index in all.indices { all[index].value = (all[index].value ?? 0) * 2 }
    for metric in TrendMetric.allCases {
      let out = TrendLineComposer().compose(
        TrendLineInput(
          rows: all, names: Fixture.names, indicator: Fixture.gdp, focus: Fixture.focus,
          metric: metric),
        in: area, theme: Fixture.theme, measurer: Fixture.measurer)
      LayoutCheck.expectClean(out, in: area)
      let ticks = LayoutCheck.texts(out.items).filter {
        $0.alignment == .right && Double($0.text) != nil
      }
      #expect(ticks.count >= 2, "\(metric): \(ticks.map(\.text))")
      for (a, b) in zip(ticks, ticks.dropFirst()) {
        #expect(!a.bounds.intersects(b.bounds), "\(metric): “\(a.text)” over “\(b.text)”")
      }
    }
  }

  @Test func legendSharesTheTitleLineOrTakesTheNext() throws {
    let input = TrendLineInput(
      rows: rows(4), names: Fixture.names, indicator: Fixture.gdp, focus: Fixture.focus,
      groupLabel: "全市9个县（市、区）")
    for (width, sameLine) in [(400.0, true), (200.0, false)] {
      let area = Rect(x: 10, y: 10, width: width, height: 200)
      let out = TrendLineComposer().compose(
        input, in: area, theme: Fixture.theme, measurer: Fixture.measurer)
      LayoutCheck.expectClean(out, in: area)
      let texts = LayoutCheck.texts(out.items)
      let title = try #require(texts.first { $0.text.hasSuffix("同比增长（%）") })
      let group = try #require(texts.first { $0.text == "全市9个县（市、区）" }, "shown in full")
      #expect((group.origin.y == title.origin.y) == sameLine, "width \(width)")
      #expect(!out.findings.contains { $0.message.code == "label-shortened" })
    }
  }

  @Test func missingPointBreaksTheLine() {
    var all = rows(4)
    if let i = all.firstIndex(where: { $0.region == Fixture.focus && $0.period == periods(4)[2] }) {
      all[i].status = .masked
      all[i].growthPct = nil
    }
    let out = compose(all)
    LayoutCheck.expectClean(out, in: rect)
    #expect(LayoutCheck.texts(out.items).contains { $0.text == "*" || $0.text == "—" })
    #expect(Fixture.focusShapes(out).count == 3)
  }

  @Test func edgeCases() {
    LayoutCheck.expectClean(compose(rows(1)), in: rect)
    LayoutCheck.expectClean(
      compose(periods(12).flatMap { Fixture.rows(negative: true, period: $0) }), in: rect)
    LayoutCheck.expectClean(compose([]), in: rect)
  }

  /// Sixty periods in a narrow panel: slots narrower than a marker; the end markers stay inside.
  @Test func sixtyPeriodsKeepTheirMarkersInside() {
    let narrow = Rect(x: 300, y: 100, width: 200, height: 200)
    let rows = (0..<60).flatMap { i in
      Fixture.rows(period: Period(year: 1965 + i, kind: .cumulative(through: 12)))
    }
    let out = TrendLineComposer().compose(
      TrendLineInput(rows: rows, names: Fixture.names, indicator: Fixture.gdp, focus: Fixture.focus),
      in: narrow, theme: Fixture.theme, measurer: Fixture.measurer)
    LayoutCheck.expectClean(out, in: narrow)
    #expect(Fixture.focusShapes(out).count == 60)
  }
}
