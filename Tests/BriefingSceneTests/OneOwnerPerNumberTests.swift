import BriefingCore
import BriefingSpec
import BriefingStats
import Testing

@testable import BriefingScene

/// The comparison table decides every figure (rank, bottom rank, average, basis, judgement); the
/// scene only formats what the row holds. Regression tests of the places that decided on their own.
@Suite struct OneOwnerPerNumberTests {
  let rect = Rect(x: 36, y: 100, width: 523, height: 260)

  static let population = Indicator(
    id: "population", name: "常住人口", unit: Unit.parse("万人"), polarity: .neutral, decimals: 1)
  static let unemployment = Indicator(
    id: "unemployment", name: "城镇登记失业率", unit: .percent, polarity: .lower, decimals: 1)
  static let basis2002 = Period(year: 2002, kind: .cumulative(through: 12))

  func bars(
    _ rows: [ComparisonRow], indicator: Indicator = Fixtures.gdp, metric: BarMetric = .growthPct,
    groupRow: ComparisonRow? = nil,
    options: RankedBarOptions = .init(showRanks: true, bottomMarks: 2)
  ) -> RankedBarInput {
    RankedBarInput(
      rows: rows, groupRow: groupRow, indicator: indicator, regions: Fixtures.regions,
      focus: rows.first?.region, metric: metric, options: options)
  }

  func texts(_ frame: ComposedFrame) -> [String] { LayoutCheck.texts(frame.items).map(\.text) }

  /// Rates of unemployment: value now and a year earlier, ranked lower-is-better, with growth
  /// ranks set as an old table did (the scene must not show them).
  func rateRows() -> [ComparisonRow] {
    let data: [(String, Double, Double)] = [("a", 4.4, 3.9), ("b", 3.1, 3.4), ("c", 5.0, 5.0)]
    let rows = data.map { id, value, prior -> ComparisonRow in
      var row = Fixtures.row(id, value: value, growth: (value / prior - 1) * 100, indicator: Self.unemployment)
      row.priorValue = prior
      return row
    }
    return Fixtures.ranked(rows, polarity: .lower).enumerated().map { index, row in
      var copy = row
      copy.growthRank = index + 1
      copy.growthRankOf = 3
      copy.growthBottomRank = 3 - index
      return copy
    }
  }

  func previousPeriodRows(_ indicator: Indicator = Fixtures.gdp) -> [ComparisonRow] {
    Fixtures.ranked(
      Fixtures.luzhou.map { Fixtures.row($0.0, value: $0.3, growth: $0.4, indicator: indicator) }
    ).map { row in
      var copy = row
      copy.priorBasis = .previousPeriod
      copy.priorPeriod = Self.basis2002
      copy.priorValue = (row.value ?? 0) / 1.1
      return copy
    }
  }

  // MARK: - 5. Ranks, bottom marks and averages come from the row

  @Test func chartRanksAreTheTableRanks() {
    // Raw values differ, the printed figures (+7.2%) are equal: the table ties them.
    let rows = Fixtures.ranked(Fixtures.rows([("a", 7.2000001), ("b", 7.2), ("c", 5)]))
    #expect(rows.map(\.growthRank) == [1, 1, 3])
    let data = RankedBarComposer().prepare(bars(rows))
    #expect(data.bars.map(\.label) == ["+7.2%", "+7.2%", "+5.0%"])
    #expect(data.bars.map(\.rank) == [1, 1, 3])
  }

  @Test func valueMetricShowsTheValueRank() {
    let rows = Fixtures.ranked([
      Fixtures.row("a", value: 100.04, growth: 1), Fixtures.row("b", value: 100.0, growth: 9),
      Fixtures.row("c", value: 50, growth: 5),
    ])
    let data = RankedBarComposer().prepare(bars(rows, metric: .value))
    #expect(data.bars.map(\.rank) == [1, 1, 3])
  }

  @Test func firstOfTwoIsNeverSecondLast() {
    let rows = Fixtures.ranked(Fixtures.rows([("a", 5), ("b", 3)]))
    let data = RankedBarComposer().prepare(bars(rows))
    #expect(data.bars.map(\.bottomMark) == [nil, 1])
  }

  @Test func bottomTiesShareTheBetterBottomPlace() {
    let rows = Fixtures.ranked(Fixtures.rows([("a", 9), ("b", 5), ("c", 1.04), ("d", 1.0)]))
    #expect(rows.map(\.growthBottomRank) == [4, 3, 1, 1])
    let data = RankedBarComposer().prepare(bars(rows))
    #expect(data.bars.map(\.bottomMark) == [nil, nil, 1, 1])
  }

  @Test func averageLineOnlyFromTheGroupRow() {
    let rows = Fixtures.ranked(Fixtures.luzhouRows)
    let data = RankedBarComposer().prepare(bars(rows))
    #expect(data.references.isEmpty)
    let frame = RankedBarComposer().compose(
      input: bars(rows), in: rect, theme: Fixtures.theme, measurer: Fixtures.measurer)
    #expect(frame.findings.map(\.message.code) == ["no-group-average"])
    #expect(!texts(frame).contains { $0.hasPrefix("平均") })
    let withGroup = RankedBarComposer().prepare(
      bars(rows, metric: .value, groupRow: Fixtures.groupRow(mean: 230.71)))
    #expect(withGroup.references.map(\.label) == ["平均 230.7"])
  }

  /// The average line leaves a gap where it crosses a value label (issue 15: it struck through
  /// 「+4.2%」 when the group growth was 4.7%). Every group growth from 3.0 to 6.6 is tried.
  @Test func averageLineNeverStrikesThroughAValueLabel() {
    let rows = Fixtures.ranked(Fixtures.luzhouRows)
    for tenth in 30...66 {
      let frame = RankedBarComposer().compose(
        input: bars(rows, groupRow: Fixtures.groupRow(growth: Double(tenth) / 10)), in: rect,
        theme: Fixtures.theme, measurer: Fixtures.measurer)
      let labels = frame.items.compactMap { item -> Rect? in
        guard case .text(let run) = item, run.text.hasSuffix("%"), !run.text.hasPrefix("平均") else { return nil }
        return run.bounds
      }
      let verticals = frame.items.compactMap { item -> (x: Double, top: Double, bottom: Double)? in
        guard case .shape(let shape) = item, case .line(let from, let to) = shape.geometry, from.x == to.x,
          shape.stroke?.dash.isEmpty == false
        else { return nil }
        return (from.x, min(from.y, to.y), max(from.y, to.y))
      }
      #expect(!verticals.isEmpty, "growth \(tenth): an average line is drawn")
      for line in verticals {
        for label in labels where label.minX < line.x && line.x < label.maxX {
          #expect(line.bottom <= label.minY || line.top >= label.maxY, "growth \(tenth): the line crosses \(label)")
        }
      }
    }
  }

  @Test func ratesShowTheChangeInPointsWithoutAGrowthRank() throws {
    let rows = rateRows()
    let data = RankedBarComposer().prepare(bars(rows, indicator: Self.unemployment))
    #expect(data.bars.map(\.region.rawValue) == ["b", "c", "a"])
    #expect(data.bars.map(\.label) == ["-0.3", "0.0", "+0.5"])
    #expect(data.bars.allSatisfy { $0.rank == nil && $0.bottomMark == nil })
    #expect(data.axisTitle == "较上年同期增减（个百分点）")
  }

  @Test func kpiTableHasNoGrowthRankForRates() {
    let row = rateRows()[0]
    let input = KPITableInput(
      entries: [KPIEntry(indicator: Self.unemployment, row: row)],
      columns: [.indicator, .growth, .rankByValue, .rankByGrowth])
    let cells = KPITableComposer().prepare(input).rows[0].cells
    #expect(cells.map(\.text) == ["城镇登记失业率", "+0.5个百分点", "2/3", "—"])
  }

  @Test func rankMatrixHasNoGrowthRankForRatesAndNoInventedBottomRank() {
    var entry = RankMatrixComposerTests.entry("gdp", "地区生产总值", level: (8, nil), growth: (9, nil))
    entry.row?.bottomRank = nil
    let data = RankMatrixComposer().prepare(RankMatrixInput(entries: [entry]))
    #expect(data.rows[0].level.tone == .normal)
    #expect(data.rows[0].growth.tone == .alarm)
    let rate = RankMatrixComposer().prepare(
      RankMatrixInput(entries: [KPIEntry(indicator: Self.unemployment, row: rateRows()[0])]))
    #expect(rate.rows[0].level.text == "2/3")
    #expect(rate.rows[0].growth.text == "—")
  }

  @Test func rankingTableShowsRatesInPoints() {
    let input = RankingTableInput(
      groups: [RankingGroup(indicator: Self.unemployment, rows: rateRows())],
      order: ["a", "b", "c"], names: [:], focus: "a")
    let frame = RankingTableComposer().compose(
      input, in: Rect(x: 0, y: 0, width: 500, height: 300), theme: Fixtures.theme,
      measurer: Fixtures.measurer)
    let shown = texts(frame)
    #expect(shown.contains("+0.5"))
    #expect(shown.contains("-0.3"))
    #expect(!shown.contains("+12.8"))
    #expect(shown.filter { $0 == "—" }.count == 3)
    #expect(shown.contains("增减(个百分点)"))
  }

  @Test func smallMultiplesShowRatesInPoints() {
    let input = SmallMultiplesInput(
      panels: [SmallMultiplePanel(indicator: Self.unemployment, rows: rateRows())],
      names: [:], focus: "a", columns: 1)
    let frame = SmallMultiplesComposer().compose(
      input, in: Rect(x: 0, y: 0, width: 300, height: 200), theme: Fixtures.theme,
      measurer: Fixtures.measurer)
    #expect(texts(frame).contains("+0.5个百分点"))
    #expect(!texts(frame).contains("+12.8%"))
  }

  @Test func timeProgressLabelRoundsLikeEveryFigure() {
    // 50.05 with binary noise prints 50.1 everywhere (DecimalRounding), not a whole 50%.
    let data = ProgressBulletComposer().prepare(
      ProgressBulletInput(entries: [], timeProgressPct: 50.04999999999999))
    #expect(data.timeProgressLabel == "时序进度50.1%")
    let whole = ProgressBulletComposer().prepare(
      ProgressBulletInput(entries: [], timeProgressPct: 49.99999999999999))
    #expect(whole.timeProgressLabel == "时序进度50%")
  }

  // MARK: - 8. Neutral indicators are shown and ranked, never judged

  func neutralRows() -> [ComparisonRow] {
    Fixtures.ranked(
      Fixtures.luzhou.map {
        Fixtures.row($0.0, value: $0.3, growth: $0.4, indicator: Self.population)
      }, polarity: .neutral)
  }

  @Test func neutralKPICellsAreNotColoured() {
    let rows = neutralRows()
    for row in rows {
      let cells = KPITableComposer().prepare(
        KPITableInput(
          entries: [KPIEntry(indicator: Self.population, row: row)],
          columns: [.rankByValue, .rankByGrowth])
      ).rows[0].cells
      #expect(cells.allSatisfy { $0.tone == .normal }, "\(row.region): \(cells)")
    }
  }

  @Test func neutralRankMatrixCellsAreNotColoured() {
    for row in neutralRows() {
      let data = RankMatrixComposer().prepare(
        RankMatrixInput(entries: [KPIEntry(indicator: Self.population, row: row)]))
      #expect(data.rows[0].level.tone == .normal)
      #expect(data.rows[0].growth.tone == .normal)
    }
  }

  @Test func neutralRankingTableIsNotColoured() {
    let input = RankingTableInput(
      groups: [RankingGroup(indicator: Self.population, rows: neutralRows())],
      order: Fixtures.luzhou.map { RegionID($0.0) }, names: [:], focus: "")
    let frame = RankingTableComposer().compose(
      input, in: Rect(x: 0, y: 0, width: 500, height: 300), theme: Fixtures.theme,
      measurer: Fixtures.measurer)
    let judged = [Fixtures.theme.text(.tableCellGood).color, Fixtures.theme.text(.tableCellAlarm).color]
    #expect(!LayoutCheck.texts(frame.items).contains { judged.contains($0.style.color) })
  }

  @Test func neutralBarsAreNeverMarkedLast() {
    let data = RankedBarComposer().prepare(bars(neutralRows(), indicator: Self.population))
    #expect(data.bars.allSatisfy { $0.bottomMark == nil })
    #expect(data.bars.map(\.rank) == [1, 2, 3, 4, 5, 6, 7])
  }

  // MARK: - 3. Labels follow the comparison basis

  @Test func rankedBarAxisTitleFollowsTheBasis() {
    let rows = previousPeriodRows()
    #expect(RankedBarComposer().prepare(bars(rows)).axisTitle == "较2002年增长（%）")
    let english = bars(rows, options: .init(format: .english))
    #expect(RankedBarComposer().prepare(english).axisTitle == "Growth vs 2002 (%)")
    let yearAgo = Fixtures.ranked(Fixtures.luzhouRows).map { row -> ComparisonRow in
      var copy = row
      copy.priorBasis = .yearAgo
      copy.priorPeriod = Fixtures.period.samePeriodLastYear
      return copy
    }
    #expect(RankedBarComposer().prepare(bars(yearAgo)).axisTitle == "同比增长（%）")
  }

  @Test func kpiGrowthHeaderFollowsTheBasis() {
    let row = previousPeriodRows()[0]
    let data = KPITableComposer().prepare(
      KPITableInput(entries: [KPIEntry(indicator: Fixtures.gdp, row: row)], columns: [.growth]))
    #expect(data.headers == ["较2002年增长（%）"])
  }

  /// The growth-change and share headers name no year-ago basis and no frame the data lacks
  /// (they said 「增速较上年同期」 and 「占全市比重」 on any data).
  @Test func kpiGrowthChangeAndShareHeadersFollowTheData() {
    let row = previousPeriodRows()[0]
    let data = KPITableComposer().prepare(
      KPITableInput(entries: [KPIEntry(indicator: Fixtures.gdp, row: row)], columns: [.growthChange, .share]))
    #expect(data.headers == ["增速较2002年（个百分点）", "占比（%）"])
  }

  @Test func scatterGrowthTitleFollowsTheBasis() {
    let input = ScatterInput(
      rows: previousPeriodRows(), names: [:], indicator: Fixtures.gdp, focus: "泸县")
    let frame = ScatterComposer().compose(
      input, in: Rect(x: 0, y: 0, width: 400, height: 300), theme: Fixtures.theme,
      measurer: Fixtures.measurer)
    #expect(texts(frame).contains("较2002年增长（%）"))
    #expect(!texts(frame).contains("同比增长（%）"))
  }

  @Test func groupedBarLegendNamesTheRowsBasisOnly() {
    var rows = Fixtures.ranked(Fixtures.luzhouRows)
    for index in rows.indices {
      rows[index].priorValue = 100
      rows[index].priorBasis = nil
      rows[index].priorPeriod = nil
    }
    let input = GroupedBarInput(rows: rows, names: [:], indicator: Fixtures.gdp, focus: "泸县")
    let frame = GroupedBarComposer().compose(
      input, in: Rect(x: 0, y: 0, width: 500, height: 300), theme: Fixtures.theme,
      measurer: Fixtures.measurer)
    // No basis in the rows: the legend does not invent "the same period last year".
    #expect(!texts(frame).contains("2023年上半年"))
    let based = GroupedBarInput(
      rows: previousPeriodRows(), names: [:], indicator: Fixtures.gdp, focus: "泸县")
    let basedFrame = GroupedBarComposer().compose(
      based, in: Rect(x: 0, y: 0, width: 500, height: 300), theme: Fixtures.theme,
      measurer: Fixtures.measurer)
    #expect(texts(basedFrame).contains("2002年"))
  }

  @Test func trendLineGrowthTitleFollowsTheBasis() {
    let input = TrendLineInput(
      rows: previousPeriodRows(), names: [:], indicator: Fixtures.gdp, focus: "泸县")
    let frame = TrendLineComposer().compose(
      input, in: Rect(x: 0, y: 0, width: 500, height: 300), theme: Fixtures.theme,
      measurer: Fixtures.measurer)
    #expect(texts(frame).contains("地区生产总值较上期增长（%）"))
  }

  // MARK: - 3 and 9 through the layout dispatch

  static let province = Region(
    id: "四川省", name: "四川省", level: "province", label: "全省21个市（州）")

  func dispatch(_ rows: [ComparisonRow], language: LayoutDocument.Language = .zhCN)
    -> ComponentDispatch
  {
    let members = Fixtures.luzhou.map { Region(id: RegionID($0.0), name: $0.1, parent: "四川省") }
    let dataset = Dataset(
      regions: members + [Self.province], indicators: [Fixtures.gdp], observations: [])
    let regrouped = rows.map { row -> ComparisonRow in
      var copy = row
      copy.group = Self.province.id
      if copy.isGroupRow { copy.region = Self.province.id }
      return copy
    }
    let context = SheetContext(
      dataset: dataset, table: ComparisonTable(rows: regrouped), focus: "泸县",
      group: PeerGroup(id: Self.province.id, label: "全省21个市（州）", members: members.map(\.id)),
      period: Fixtures.period, language: language)
    return ComponentDispatch(context: context, theme: Fixtures.theme, measurer: Fixtures.measurer)
  }

  @Test func trendLineGroupSeriesIsNamedByTheFrameWord() {
    let spec = ComponentSpec(.trendLine(TrendLineSpec(indicator: Fixtures.gdp.id)))
    let rows = previousPeriodRows().map { row -> ComparisonRow in
      var copy = row
      copy.groupGrowthPct = 6.1
      return copy
    }
    let shown = texts(dispatch(rows).compose(spec, in: Rect(x: 0, y: 0, width: 500, height: 300)))
    #expect(shown.contains("全省平均"))
    #expect(!shown.contains("全市平均"))
    let bare = TrendLineComposer().compose(
      TrendLineInput(rows: rows, names: [:], indicator: Fixtures.gdp, focus: "泸县"),
      in: Rect(x: 0, y: 0, width: 500, height: 300), theme: Fixtures.theme,
      measurer: Fixtures.measurer)
    #expect(!texts(bare).contains("全市平均"))
  }

  @Test func dispatchedRankedBarTitleFollowsTheBasis() {
    let spec = ComponentSpec(.rankedBar(RankedBarSpec(indicator: Fixtures.gdp.id)))
    let rect = Rect(x: 0, y: 0, width: 500, height: 300)
    #expect(texts(dispatch(previousPeriodRows()).compose(spec, in: rect)).contains("较2002年增长（%）"))
    #expect(
      texts(dispatch(previousPeriodRows(), language: .en).compose(spec, in: rect))
        .contains("Growth vs 2002 (%)"))
  }

  /// A value bar's axis names the indicator and unit in the sheet's language: English sheets
  /// got full-width brackets 「（亿元）」 from the dispatch.
  @Test func dispatchedValueBarTitleUsesTheSheetsBrackets() {
    var bar = RankedBarSpec(indicator: Fixtures.gdp.id)
    bar.metric = .value
    let spec = ComponentSpec(.rankedBar(bar))
    let rect = Rect(x: 0, y: 0, width: 500, height: 300)
    let name = Fixtures.gdp.name
    let unit = Fixtures.gdp.unit?.symbol ?? ""
    #expect(texts(dispatch(previousPeriodRows()).compose(spec, in: rect)).contains("\(name)（\(unit)）"))
    let english = texts(dispatch(previousPeriodRows(), language: .en).compose(spec, in: rect))
    #expect(english.contains("\(name) (\(unit))"), "\(english)")
  }
}
