import BriefingCore
import BriefingStats
import Testing

@testable import BriefingScene

@Suite struct RankedBarComposerTests {
  let composer = RankedBarComposer()
  let rect = Rect(x: 36, y: 100, width: 523, height: 260)

  func input(
    _ rows: [ComparisonRow], indicator: Indicator = Fixtures.gdp, metric: BarMetric = .growthPct,
    focus: RegionID? = "泸县", options: RankedBarOptions = .init(),
    regions: [Region] = Fixtures.regions
  ) -> RankedBarInput {
    // Ranks and the group row as the comparison table gives them (the chart only reads them).
    let ranked = Fixtures.ranked(rows, polarity: indicator.polarity, decimals: indicator.decimals)
    return RankedBarInput(
      rows: ranked, groupRow: Fixtures.groupRow(averaging: rows, indicator: indicator),
      indicator: indicator, regions: regions, focus: focus, metric: metric, options: options)
  }

  func compose(_ input: RankedBarInput, in rect: Rect? = nil) -> ComposedFrame {
    composer.compose(
      input: input, in: rect ?? self.rect, theme: Fixtures.theme, measurer: Fixtures.measurer)
  }

  // MARK: - Stat

  @Test func sortsBestFirstAndRanksTies() {
    let data = composer.prepare(
      input(Fixtures.rows([("a", 3), ("b", 7), ("c", 3), ("d", nil), ("e", -2)])))
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
    rows[0].value = nil
    let data = composer.prepare(input(rows, metric: .value))
    #expect(data.bars.map(\.label) == ["100.0", "*"])
    #expect(data.bars[1].value == nil)
  }

  /// 规上工业增加值 often arrives as growth only: the table ranks a published yoy beside a
  /// missing or masked level, so the growth chart draws and ranks it the same.
  @Test func publishedGrowthBesideAnAbsentLevelIsABar() {
    var rows = Fixtures.rows([("a", 3), ("b", 7), ("c", nil)])
    rows[0].status = .masked
    rows[0].value = nil
    rows[1].status = .missing
    rows[1].value = nil
    let data = composer.prepare(input(rows, options: .init(showRanks: true)))
    #expect(data.bars.map(\.label) == ["+7.0%", "+3.0%", "—"])
    #expect(data.bars.map(\.rank) == [1, 2, nil])
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
    let data = composer.prepare(
      input(Fixtures.luzhouRows, options: .init(showRanks: true, bottomMarks: 2)))
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

  // MARK: - Many bars

  /// `count` regions 区县1…区县n with growths wandering over −4.5…+7.5 %.
  func manyRows(_ count: Int) -> [ComparisonRow] {
    (1...count).map { Fixtures.row("区县\($0)", value: 1, growth: Double($0 % 13) - 4.5) }
  }

  /// The names a `bars-left-out` warning lists (each in “…”).
  func leftOutNames(_ frame: ComposedFrame) -> [String] {
    frame.findings.filter { $0.message.code == "bars-left-out" }.flatMap { finding in
      finding.message.text.split(separator: "“").dropFirst().compactMap {
        $0.split(separator: "”").first.map(String.init)
      }
    }
  }

  /// Every region is drawn (its name is a text of the chart) or named in a warning, never both,
  /// and no text is below the theme's minimum size.
  func expectEveryBarAccountedFor(
    _ frame: ComposedFrame, count: Int, in area: Rect,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let runs = frame.items.flatMap(\.textRuns)
    let minimum = Fixtures.theme.length(.minTextSize)
    for run in runs where run.style.size < minimum - 1e-9 {
      Issue.record("'\(run.text)' at \(run.style.size) pt", sourceLocation: sourceLocation)
    }
    let drawn = Set(runs.map(\.text))
    let leftOut = leftOutNames(frame)
    for index in 1...count {
      let name = "区县\(index)"
      #expect(
        drawn.contains(name) != leftOut.contains(name), "\(name)", sourceLocation: sourceLocation)
    }
    expectLegible(frame.items, in: area, sourceLocation: sourceLocation)
    expectShapesInside(frame.items, area, sourceLocation: sourceLocation)
  }

  @Test(arguments: [40, 52, 150])
  func manyBarsNeverGoBelowTheMinimumTextSize(count: Int) {
    let focus = "区县\(count * 3 / 4)"
    let focusID = RegionID(focus)
    let frame = compose(
      input(manyRows(count), focus: focusID, options: .init(showRanks: true, bottomMarks: 2)))
    expectEveryBarAccountedFor(frame, count: count, in: rect)
    #expect(
      frame.items.flatMap(\.textRuns).contains { $0.text == focus }, "the focus is always drawn")
    #expect(!frame.findings.contains { $0.message.code == "text-shrunk" })
  }

  @Test(arguments: [40, 52, 150])
  func theRequiredHeightDrawsEveryBar(count: Int) throws {
    let bars = input(
      manyRows(count), focus: "区县1",
      options: .init(target: 6.5, showRanks: true, bottomMarks: 2, title: "各县区增速"))
    let needed = composer.requiredHeight(
      composer.prepare(bars), width: rect.width, theme: Fixtures.theme, measurer: Fixtures.measurer)
    let tall = Rect(x: rect.minX, y: rect.minY, width: rect.width, height: needed)
    let frame = compose(bars, in: tall)
    expectEveryBarAccountedFor(frame, count: count, in: tall)
    #expect(leftOutNames(frame).isEmpty)
    #expect(frame.findings.isEmpty)
    let short = Rect(x: rect.minX, y: rect.minY, width: rect.width, height: needed - 12)
    let cramped = compose(bars, in: short)
    expectEveryBarAccountedFor(cramped, count: count, in: short)
    #expect(!leftOutNames(cramped).isEmpty, "12 pt less leaves bars out")
  }

  /// The name runs of the chart, by region number.
  func nameRuns(_ frame: ComposedFrame) -> [Int: TextRun] {
    Dictionary(
      frame.items.flatMap(\.textRuns).compactMap { run in
        run.text.hasPrefix("区县") ? Int(run.text.dropFirst(2)).map { ($0, run) } : nil
      }, uniquingKeysWith: { first, _ in first })
  }

  @Test func aboveSplitAboveTheBarsTakeTwoColumnsOnOneScale() throws {
    let tall = Rect(x: 36, y: 100, width: 523, height: 600)
    let bars = input(manyRows(52), focus: "区县3", options: .init(showRanks: true, splitAbove: 40))
    let frame = compose(bars, in: tall)
    expectEveryBarAccountedFor(frame, count: 52, in: tall)
    #expect(frame.findings.isEmpty)
    let data = composer.prepare(bars)
    let names = nameRuns(frame)
    let order = data.bars.compactMap { Int($0.region.rawValue.dropFirst(2)) }
    let left = order.prefix(26).compactMap { names[$0]?.bounds.maxX }
    let right = order.dropFirst(26).compactMap { names[$0]?.bounds.maxX }
    #expect(left.count == 26 && right.count == 26)
    #expect(Set(left).count == 1 && Set(right).count == 1, "names right-aligned per column")
    #expect((right.first ?? 0) > tall.midX && (left.first ?? .infinity) < tall.midX)
    // The two columns start at the same height: rank 1 and rank 27 share a row.
    let first = try #require(names[order[0]])
    let twentySeventh = try #require(names[order[26]])
    #expect(abs(first.origin.y - twentySeventh.origin.y) < 1e-9)
    // One scale: every growth of the wave (±x gives one length) appears in both columns, and
    // equal growths give equal bar lengths there.
    let lengths = frame.items.shapes.compactMap { shape -> Double? in
      if case .rect(let r) = shape.geometry { return (r.width * 1000).rounded() / 1000 }
      return nil
    }
    #expect(Set(lengths).count == Set(data.bars.compactMap { $0.value.map(abs) }).count)
    // The average line is drawn in both columns.
    let average = frame.items.flatMap(\.textRuns).filter { $0.text.hasPrefix("平均") }
    #expect(average.count == 2)
  }

  @Test func atSplitAboveTheBarsStayInOneColumn() {
    let tall = Rect(x: 36, y: 100, width: 523, height: 600)
    let frame = compose(input(manyRows(40), options: .init(splitAbove: 40)), in: tall)
    expectEveryBarAccountedFor(frame, count: 40, in: tall)
    let rights = Set(nameRuns(frame).values.map { ($0.bounds.maxX * 1000).rounded() })
    #expect(rights.count == 1)
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
    let labels = frame.items.flatMap(\.textRuns).filter {
      $0.text.hasPrefix("平均") || $0.text.hasPrefix("目标")
    }
    #expect(labels.count == 2)
    #expect(labels[0].origin.y != labels[1].origin.y)
    expectLegible(frame.items, in: rect)
  }

  /// No bars (a group without any observation of the indicator has no rows): the 无数据 note
  /// as other panels show it, not an empty panel (the scene checker rejects one).
  @Test func emptyInputShowsTheNoDataNote() {
    let frame = compose(input([]))
    #expect(frame.items.flatMap(\.textRuns).map(\.text) == [NoDataNote.text(.chinese)])
    #expect(frame.findings.map(\.message.code) == ["no-data"])
  }

  @Test func labelFittingWidensTheDomain() {
    let domain = RankedBarLayout<FixedMetricsMeasurer>.fitted(
      0...10, labels: [(10, 40)], width: 100, gap: 0)
    #expect(abs(domain.upperBound - 10 / 0.6) < 1e-9)
  }
}
