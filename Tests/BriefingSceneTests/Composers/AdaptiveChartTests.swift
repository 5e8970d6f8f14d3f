import BriefingCore
import Foundation
import BriefingStats
import Testing

@testable import BriefingScene

/// Issue 15, "charts that adapt": long time axes, crowded labels and panels without data.
@Suite struct AdaptiveChartTests {
  let rect = Rect(x: 10, y: 10, width: 400, height: 200)
  let theme = Fixture.theme
  let m = Fixture.measurer

  // MARK: - Generated data

  /// `n` consecutive periods from 1981: full years, or half-years (H1, full year) when `halves`.
  func periods(_ n: Int, halves: Bool = false) -> [Period] {
    (0..<n).map { i in
      halves
        ? Period(year: 1981 + i / 2, kind: .cumulative(through: i % 2 == 0 ? 6 : 12))
        : Period(year: 1981 + i, kind: .cumulative(through: 12))
    }
  }

  /// The fixture's rows for every period, with values and growths that wave up and down.
  func trendRows(_ periods: [Period]) -> [ComparisonRow] {
    periods.enumerated().flatMap { index, period in
      Fixture.rows(period: period).map { row in
        var row = row
        let wave = 5 * sin(Double(index) / 3)
        row.value = (row.value ?? 0) + wave * 3
        row.growthPct = (row.growthPct ?? 0) + wave * 0.8
        row.groupGrowthPct = (row.groupGrowthPct ?? 0) + wave * 0.3
        return row
      }
    }
  }

  func trend(
    _ rows: [ComparisonRow], metric: TrendMetric = .growth, format: NumberFormat = .chinese
  ) -> ComposedFrame {
    TrendLineComposer().compose(
      TrendLineInput(
        rows: rows, names: Fixture.names, indicator: Fixture.gdp, focus: Fixture.focus,
        metric: metric, format: format),
      in: rect, theme: theme, measurer: m)
  }

  /// Every way a period may be named under the axis: its title, or (Chinese, two lines) its year
  /// and its label, or its year alone when sub-year periods collapse to years.
  func periodTexts(_ periods: [Period], _ format: NumberFormat) -> Set<String> {
    Set(
      periods.flatMap { p in
        format.style == .chinese
          ? [p.chineseTitle, "\(p.year)年", p.chineseLabel] : [p.englishTitle, "\(p.year)"]
      })
  }

  // MARK: - 1. Time axes

  @Test(arguments: [17, 44, 60])
  func timeAxisLabelsAreWholeAndApart(count: Int) throws {
    for halves in [false, true] {
      for format in [NumberFormat.chinese, .english] {
        let ps = periods(count, halves: halves)
        let out = trend(trendRows(ps), format: format)
        LayoutCheck.expectClean(out, in: rect)
        let names = periodTexts(ps, format)
        let axisStyle = theme.text(.axisTextX)
        let labels = LayoutCheck.texts(out.items).filter {
          $0.style == axisStyle && $0.bounds.minY > rect.maxY - 30
        }
        #expect(labels.count >= 2, "\(count) periods, halves \(halves): \(labels.map(\.text))")
        for label in labels {
          #expect(names.contains(label.text), "“\(label.text)” is no whole period title")
        }
        #expect(!out.findings.contains { $0.message.code == "label-shortened" })
        // The first period is always named.
        let first = ps[0]
        let firstNames: Set = [first.chineseTitle, first.englishTitle, "\(first.year)年", "\(first.year)"]
        #expect(labels.contains { firstNames.contains($0.text) })
      }
    }
  }

  @Test func sixPeriodsKeepEveryLabel() {
    let ps = periods(6, halves: true)
    let out = trend(trendRows(ps))
    let texts = Set(LayoutCheck.texts(out.items).map(\.text))
    #expect(ps.allSatisfy { texts.contains($0.chineseTitle) || texts.contains($0.chineseLabel) })
  }

  // MARK: - 2. Data labels on lines

  @Test(arguments: [6, 17, 44])
  func valueLabelsSitNextToTheirPoints(count: Int) throws {
    let ps = periods(count)
    let out = trend(trendRows(ps))
    LayoutCheck.expectClean(out, in: rect)
    let markers = LayoutCheck.shapes(out.items).filter {
      if case .circle = $0.geometry { $0.fill == Fixture.focusColor } else { false }
    }.map(LayoutCheck.bounds)
    #expect(markers.count == count)
    let labels = LayoutCheck.texts(out.items).filter { $0.style.color == Fixture.focusColor }
      .filter { $0.text.hasSuffix("%") }
    #expect(!labels.isEmpty)
    let gap = theme.length(.labelSpacing) + 0.5
    for label in labels {
      let near = label.bounds.inset(top: -gap, left: -gap, bottom: -gap, right: -gap)
      #expect(markers.contains { $0.intersects(near) }, "“\(label.text)” floats away")
    }
    // The last point is always labelled.
    let last = try #require(markers.max { $0.midX < $1.midX })
    let lastNear = last.inset(top: -gap, left: -gap, bottom: -gap, right: -gap)
    #expect(labels.contains { $0.bounds.intersects(lastNear) })
  }

  // MARK: - 3. Scatter

  /// `count` member regions with levels 20,000…120,000 and growths spread over −5…+10 %.
  func scatterRows(_ count: Int) -> (rows: [ComparisonRow], names: [RegionID: String]) {
    var names: [RegionID: String] = [:]
    let rows = (0..<count).map { i -> ComparisonRow in
      let id = RegionID("s\(i)")
      names[id] = "区县\(i)号"
      var row = ComparisonRow(
        indicator: Fixture.gdp.id, period: Fixture.period, group: "city", region: id,
        value: 20_000 + Double((i * 37) % count) / Double(count) * 100_000, unit: Fixture.gdp.unit,
        status: .actual)
      row.growthPct = -5 + Double((i * 11) % count) / Double(count) * 15
      row.groupMean = 70_000
      row.groupGrowthPct = 2.5
      row.priorValue = (row.value ?? 0) / 1.05
      return row
    }
    return (rows, names)
  }

  func scatter(_ rows: [ComparisonRow], names: [RegionID: String], focus: RegionID = "s3", in area: Rect)
    -> ComposedFrame
  {
    ScatterComposer().compose(
      ScatterInput(rows: rows, names: names, indicator: Fixture.gdp, focus: focus),
      in: area, theme: theme, measurer: m)
  }

  @Test(arguments: [180.0, 260.0, 400.0])
  func scatterTicksDoNotCollide(width: Double) {
    let area = Rect(x: 10, y: 10, width: width, height: 200)
    let (rows, names) = scatterRows(9)
    let out = scatter(rows, names: names, in: area)
    LayoutCheck.expectClean(out, in: area)
    let ticks = LayoutCheck.texts(out.items).filter { $0.style == theme.text(.axisTextX) }
      .filter { $0.text.first?.isNumber == true }
    #expect(ticks.count >= 2)
  }

  @Test func thirtyPointLabelsAvoidEachOtherAndCountTheRest() throws {
    let area = Rect(x: 10, y: 10, width: 280, height: 180)
    let (rows, names) = scatterRows(30)
    let out = scatter(rows, names: names, in: area)
    LayoutCheck.expectClean(out, in: area)
    let shown = LayoutCheck.texts(out.items).filter { names.values.contains($0.text) }
    #expect(shown.contains { $0.text == "区县3号" }, "the focus is labelled")
    let circles = LayoutCheck.shapes(out.items).filter {
      if case .circle = $0.geometry { true } else { false }
    }.map(LayoutCheck.bounds)
    #expect(circles.count == 30)
    for label in shown {
      #expect(!circles.contains { $0.intersects(label.bounds) }, "“\(label.text)” covers a point")
    }
    // Every point not labelled is named in a finding or counted in the chart's caption.
    let caption = LayoutCheck.texts(out.items).first { $0.text.hasPrefix("另有") }?.text ?? ""
    let counted = Int(caption.filter(\.isNumber)) ?? 0
    let dropped = out.findings.filter { $0.message.code == "label-dropped" }.count
    #expect(shown.count + counted + dropped == 30)
    // Leader lines are kept for the focus and the extremes: at most five.
    let leaders = LayoutCheck.shapes(out.items).filter {
      if case .line(let from, _) = $0.geometry {
        circles.contains { abs($0.midX - from.x) < 0.01 && abs($0.midY - from.y) < 0.01 }
      } else {
        false
      }
    }
    #expect(leaders.count <= 5)
  }

  // MARK: - 4. Panels without data

  func allMissing(_ rows: [ComparisonRow]) -> [ComparisonRow] {
    rows.map { row in
      var row = row
      row.value = nil
      row.status = .missing
      row.growthPct = nil
      row.priorValue = nil
      row.groupMean = nil
      row.groupGrowthPct = nil
      return row
    }
  }

  @Test(arguments: [NumberFormat.chinese, .english])
  func emptyPanelsSayNoData(format: NumberFormat) {
    let word = format.style == .chinese ? "无数据" : "No data"
    let empty = allMissing(Fixture.rows())
    let outs: [(String, ComposedFrame)] = [
      (
        "trend-line",
        TrendLineComposer().compose(
          TrendLineInput(
            rows: allMissing(trendRows(periods(4))), names: Fixture.names, indicator: Fixture.gdp,
            focus: Fixture.focus, format: format), in: rect, theme: theme, measurer: m)
      ),
      (
        "trend-line",
        TrendLineComposer().compose(
          TrendLineInput(
            rows: allMissing(trendRows(periods(4))), names: Fixture.names, indicator: Fixture.gdp,
            focus: Fixture.focus, metric: .value, format: format), in: rect, theme: theme, measurer: m)
      ),
      (
        "scatter",
        ScatterComposer().compose(
          ScatterInput(
            rows: empty, names: Fixture.names, indicator: Fixture.gdp, focus: Fixture.focus,
            format: format), in: rect, theme: theme, measurer: m)
      ),
      (
        "grouped-bar",
        GroupedBarComposer().compose(
          GroupedBarInput(
            rows: empty, names: Fixture.names, indicator: Fixture.gdp, focus: Fixture.focus,
            format: format), in: rect, theme: theme, measurer: m)
      ),
      (
        "scatter",
        ScatterComposer().compose(
          ScatterInput(rows: [], names: [:], indicator: Fixture.gdp, focus: "x", format: format),
          in: rect, theme: theme, measurer: m)
      ),
    ]
    for (component, out) in outs {
      LayoutCheck.expectClean(out, in: rect)
      let texts = LayoutCheck.texts(out.items).map(\.text)
      #expect(texts.contains(word), "\(component): \(texts)")
      #expect(LayoutCheck.shapes(out.items).isEmpty, "\(component) draws no axes")
      #expect(!texts.contains { $0.first?.isNumber == true }, "\(component): no tick labels")
      let warning = out.findings.first { $0.severity == .warning && $0.message.code == "no-data" }
      #expect(warning?.message.text.contains(component) == true, "\(component)")
      #expect(warning?.message.text.contains(Fixture.gdp.name) == true, "\(component)")
    }
  }
}
