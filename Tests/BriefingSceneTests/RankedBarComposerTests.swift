import BriefingCore
import BriefingStats
import Testing

@testable import BriefingScene

@Suite struct RankedBarComposerTests {
  let composer = RankedBarComposer()
  let rect = Rect(x: 36, y: 100, width: 523, height: 260)

  func input(
    _ rows: [ComparisonRow], indicator: Indicator = Fixtures.gdp, metric: BarMetric = .growthPct,
    focus: RegionID? = "泸县", options: RankedBarOptions = .init(), regions: [Region] = Fixtures.regions
  ) -> RankedBarInput {
    // Ranks and the group row as the comparison table gives them (the chart only reads them).
    let ranked = Fixtures.ranked(rows, polarity: indicator.polarity, decimals: indicator.decimals)
    return RankedBarInput(
      rows: ranked, groupRow: Fixtures.groupRow(averaging: rows, indicator: indicator),
      indicator: indicator, regions: regions, focus: focus, metric: metric, options: options)
  }

  func compose(_ input: RankedBarInput, in rect: Rect? = nil) -> ComposedFrame {
    composer.compose(input: input, in: rect ?? self.rect, theme: Fixtures.theme, measurer: Fixtures.measurer)
  }

  // MARK: - Stat

  @Test func sortsBestFirstAndRanksTies() {
    let data = composer.prepare(input(Fixtures.rows([("a", 3), ("b", 7), ("c", 3), ("d", nil), ("e", -2)])))
    #expect(data.bars.map(\.region.rawValue) == ["b", "a", "c", "e", "d"])
    #expect(data.bars.map(\.rank) == [1, 2, 2, 4, nil])
    #expect(data.bars.map(\.label) == ["+7.0%", "+3.0%", "+3.0%", "-2.0%", "—"])
    #expect(data.references.first?.label == "平均 2.8%")
  }

  @Test func lowerIsBetterSortsAscending() {
    let rows = [("a", 3.0), ("b", -7.0), ("c", 1.0)].map {
      Fixtures.row($0.0, value: 1, growth: $0.1, indicator: Fixtures.energy)
    }
    let data = composer.prepare(input(rows, indicator: Fixtures.energy))
    #expect(data.bars.map(\.region.rawValue) == ["b", "c", "a"])
  }

  @Test func maskedValuesAreNotBars() {
    var rows = Fixtures.rows([("a", 3), ("b", 7)])
    rows[0].status = .masked
    let data = composer.prepare(input(rows))
    #expect(data.bars.map(\.label) == ["+7.0%", "*"])
    #expect(data.bars[1].value == nil)
  }

  @Test func groupRowGivesTheAverage() {
    var group = ComparisonRow(
      indicator: "gdp", period: Fixtures.period, group: Fixtures.group, region: Fixtures.group,
      isGroupRow: true)
    group.groupGrowthPct = 5.55
    var bars = input(Fixtures.luzhouRows)
    bars.groupRow = group
    bars.options.target = 6.5
    let data = composer.prepare(bars)
    #expect(data.references.map(\.label) == ["平均 5.6%", "目标 6.5%"])
  }

  @Test func bottomMarks() {
    let data = composer.prepare(input(Fixtures.luzhouRows, options: .init(showRanks: true, bottomMarks: 2)))
    #expect(data.bars.compactMap(\.bottomMark) == [2, 1])
    #expect(data.bars.last?.region == "合江县")
  }

  // MARK: - Geometry

  @Test func focusIsRedAndPeersBlue() {
    let frame = compose(input(Fixtures.luzhouRows))
    let fills = frame.items.shapes.compactMap(\.fill).map(\.description)
    #expect(fills.filter { $0 == "#D62728" }.count == 1)
    #expect(fills.filter { $0 == "#A6BDD7" }.count == 6)
    #expect(frame.findings.isEmpty)
  }

  @Test func negativeLabelsSitLeftOfTheirBars() throws {
    let frame = compose(input(Fixtures.luzhouRows))
    let runs = frame.items.flatMap(\.textRuns)
    let label = try #require(runs.first { $0.text == "-1.3%" })
    let bar = try #require(
      frame.items.shapes.compactMap { shape -> Rect? in
        if case .rect(let r) = shape.geometry, abs(r.midY - label.bounds.midY) < 0.01 { return r }
        return nil
      }.first)
    #expect(label.bounds.maxX <= bar.minX)
    #expect(label.alignment == .right)
  }

  @Test func missingValueHasNoBar() {
    let rows = Fixtures.rows([("a", 3), ("b", nil), ("c", 1)])
    let frame = compose(input(rows))
    let bars = frame.items.shapes.filter { if case .rect = $0.geometry { true } else { false } }
    #expect(bars.count == 2)
    #expect(frame.items.flatMap(\.textRuns).contains { $0.text == "—" })
  }

  @Test(arguments: [
    [("a", -3.0), ("b", -7.0), ("c", -0.5)], [("a", 4.0)], [("a", 2.0), ("b", 2.0), ("c", 2.0)],
    [("a", 0.0), ("b", 0.0)], [("a", 120.0), ("b", -80.0)], [("a", 0.01), ("b", -0.01)],
  ])
  func edgeCasesStayLegible(_ data: [(String, Double)]) {
    let frame = compose(input(Fixtures.rows(data.map { ($0.0, Optional($0.1)) }), focus: "a"))
    expectLegible(frame.items, in: rect)
    expectShapesInside(frame.items, rect)
  }

  @Test func fortyRegionsShrinkButNeverOverlap() {
    let rows = (1...40).map { Fixtures.row("区县\($0)", value: 1, growth: Double($0 % 13) - 4.5) }
    let frame = compose(input(rows, focus: "区县7", options: .init(showRanks: true, bottomMarks: 2)))
    expectLegible(frame.items, in: rect)
    expectShapesInside(frame.items, rect)
    #expect(frame.findings.map(\.message.code) == ["text-shrunk"])
  }

  @Test func longNamesAreShortenedVisibly() {
    let long = Region(id: "a", name: "某某自治州某某某某某某某某某自治县", shortName: "某某某某某某某某某某某某某某某县")
    let regions = [long, Region(id: "b", name: "乙县")]
    let frame = compose(
      input(Fixtures.rows([("a", 5), ("b", 3)]), focus: "a", regions: regions),
      in: Rect(x: 0, y: 0, width: 200, height: 120))
    let names = frame.items.flatMap(\.textRuns).map(\.text)
    #expect(names.contains { $0.hasSuffix("…") })
    #expect(frame.findings.map(\.message.code) == ["label-truncated"])
    expectLegible(frame.items, in: Rect(x: 0, y: 0, width: 200, height: 120))
  }

  @Test func referenceLabelsStackWhenTheyCollide() {
    let frame = compose(input(Fixtures.luzhouRows, options: .init(target: 4.5, title: "增速")))
    let labels = frame.items.flatMap(\.textRuns).filter { $0.text.hasPrefix("平均") || $0.text.hasPrefix("目标") }
    #expect(labels.count == 2)
    #expect(labels[0].origin.y != labels[1].origin.y)
    expectLegible(frame.items, in: rect)
  }

  @Test func emptyInputIsANotice() {
    let frame = compose(input([]))
    #expect(frame.items.isEmpty)
    #expect(frame.findings.map(\.message.code) == ["no-data"])
  }

  @Test func labelFittingWidensTheDomain() {
    let domain = RankedBarLayout<FixedMetricsMeasurer>.fitted(
      0...10, labels: [(10, 40)], width: 100, gap: 0)
    #expect(abs(domain.upperBound - 10 / 0.6) < 1e-9)
  }
}
