import BriefingCore
import BriefingSpec
import BriefingStats

// MARK: - From a component spec to its composer

/// Picks the composer for each component kind (an exhaustive switch: a new kind does not compile
/// until it is handled here) and builds the composer's input from the sheet context.
struct ComponentDispatch {
  let context: SheetContext
  let theme: ResolvedTheme
  let measurer: any TextMeasuring

  private var text: NarrativeComponents {
    NarrativeComponents(context: context, theme: theme, measurer: measurer)
  }

  var format: NumberFormat { context.format }

  // MARK: - Composing

  func compose(_ spec: ComponentSpec, in rect: Rect) -> ComposedFrame {
    let location = spec.location
    switch spec.body {
    case .headline(let headline): return text.headline(headline, in: rect)
    case .narrative(let narrative): return text.lists(narrative, in: rect)
    case .text(let free): return text.text(free, in: rect)
    case .rankedBar(let bar): return rankedBar(bar, at: location, in: rect)
    case .kpiTable(let table): return kpiTable(table, in: rect)
    case .scatter(let scatter): return self.scatter(scatter, at: location, in: rect)
    case .groupedBar(let bars): return groupedBar(bars, at: location, in: rect)
    case .trendLine(let line): return trendLine(line, at: location, in: rect)
    case .smallMultiples(let grid): return smallMultiples(grid, at: location, in: rect)
    case .progressBullet(let bullets): return progressBullet(bullets, in: rect)
    case .rankMatrix(let matrix): return rankMatrix(matrix, in: rect)
    case .subRegionTable(let table): return subRegionTable(table, at: location, in: rect)
    case .redLinePanel: return redLinePanel(at: location, in: rect)
    case .rankingTable(let table): return rankingTable(table, in: rect)
    }
  }

  /// The height a component needs at `width`, or nil when it takes whatever it is given.
  func naturalHeight(_ spec: ComponentSpec, width: Double) -> Double? {
    switch spec.body {
    case .headline(let headline): text.headlineHeight(headline, width: width)
    case .narrative(let narrative): text.listsHeight(narrative, width: width)
    case .text(let free): text.textHeight(free, width: width)
    case .kpiTable, .rankMatrix, .progressBullet, .rankingTable: tableHeight(spec, width: width)
    case .rankedBar, .groupedBar, .trendLine, .scatter, .smallMultiples,
      .subRegionTable, .redLinePanel:
      nil
    }
  }

  /// The least height, in points, a component needs to draw everything at the theme's minimum
  /// text size when it takes a share of its section: a ranked bar's `requiredHeight` (so a
  /// long ranking grows its section, or moves it to a page of its own, instead of shrinking or
  /// leaving out bars); 0 for the others.
  func minimumHeight(_ spec: ComponentSpec, width: Double) -> Double {
    switch spec.body {
    case .rankedBar(let bar):
      guard let input = rankedBarInput(bar) else { return 0 }
      let composer = RankedBarComposer()
      return composer.requiredHeight(
        composer.prepare(input), width: width, theme: theme, measurer: measurer)
    case .headline, .narrative, .text, .kpiTable, .scatter, .groupedBar, .trendLine,
      .smallMultiples, .progressBullet, .rankMatrix, .subRegionTable, .redLinePanel, .rankingTable:
      return 0
    }
  }

  // MARK: - Charts

  private func rankedBar(_ spec: RankedBarSpec, at location: SourceLocation?, in rect: Rect)
    -> ComposedFrame
  {
    guard let input = rankedBarInput(spec) else {
      return ComposedFrame(findings: [Finding(.error, .unboundIndicator, at: location)], bounds: rect)
    }
    return RankedBarComposer().compose(input: input, in: rect, theme: theme, measurer: measurer)
  }

  /// The ranked bar's input, nil when its indicator is not in the data.
  private func rankedBarInput(_ spec: RankedBarSpec) -> RankedBarInput? {
    guard let indicator = context.dataset.indicator(spec.indicator) else { return nil }
    // The composer draws horizontal bars, the only orientation a layout can ask for; another
    // orientation would fail to compile here until it is drawn.
    switch spec.orientation {
    case .horizontal: break
    }
    // No axis title: the chart names the rows' basis (同比 / 较2002年 / a rate's points) or the
    // indicator and unit in the sheet's language (「名称（单位）」 / "Name (unit)").
    let options = RankedBarOptions(
      showAverage: spec.showAverage, showRanks: spec.showRanks, bottomMarks: 2,
      splitAbove: spec.splitAbove, format: format,
      averageWord: context.language == .en ? "Average" : "平均",
      targetWord: context.language == .en ? "Target" : "目标")
    let rows = context.rows(indicator.id)
    return RankedBarInput(
      rows: rows,
      groupRow: context.table.groupRow(
        indicator: indicator.id, period: context.period, group: context.group.id),
      indicator: indicator, regions: rows.compactMap { context.region($0.region) },
      focus: context.focus,
      metric: BarMetric(spec.metric), options: options)
  }

  /// The bound indicator and the focus of a one-indicator chart.
  private func bound(_ id: IndicatorID) -> (Indicator, RegionID)? {
    guard let indicator = context.dataset.indicator(id), let focus = context.focus else { return nil }
    return (indicator, focus)
  }

  /// The error frame for a chart whose indicator or focus is missing.
  private func unbound(at location: SourceLocation?, in rect: Rect) -> ComposedFrame {
    let message: Finding.Message = context.focus == nil ? .headlineNeedsFocus : .unboundIndicator
    return ComposedFrame(findings: [Finding(.error, message, at: location)], bounds: rect)
  }

  private func scatter(_ spec: ScatterSpec, at location: SourceLocation?, in rect: Rect)
    -> ComposedFrame
  {
    guard let (indicator, focus) = bound(spec.indicator) else { return unbound(at: location, in: rect) }
    let rows = context.rowsWithGroup(indicator.id)
    let input = ScatterInput(
      rows: rows, names: context.names(for: rows, short: true), indicator: indicator,
      focus: focus, format: format)
    return ScatterComposer().compose(input, in: rect, theme: theme, measurer: measurer)
  }

  private func groupedBar(_ spec: GroupedBarSpec, at location: SourceLocation?, in rect: Rect)
    -> ComposedFrame
  {
    guard let (indicator, focus) = bound(spec.indicator) else { return unbound(at: location, in: rect) }
    let rows = context.rowsWithGroup(indicator.id)
    let input = GroupedBarInput(
      rows: rows, names: context.names(for: rows, short: true), indicator: indicator,
      focus: focus, format: format)
    return GroupedBarComposer().compose(input, in: rect, theme: theme, measurer: measurer)
  }

  private func trendLine(_ spec: TrendLineSpec, at location: SourceLocation?, in rect: Rect)
    -> ComposedFrame
  {
    guard let (indicator, focus) = bound(spec.indicator) else { return unbound(at: location, in: rect) }
    let rows = context.table.rows(group: context.group.id).filter {
      $0.indicator == indicator.id && $0.period.family == context.period.family && $0.period <= context.period
    }
    let metric: TrendMetric =
      switch spec.metric {
      case .value: .value
      case .growthPct: .growth
      }
    let input = TrendLineInput(
      rows: rows, names: context.names(for: rows), indicator: indicator, focus: focus, metric: metric,
      groupLabel: groupAverageLabel, format: format)
    return TrendLineComposer().compose(input: input, in: rect, theme: theme, measurer: measurer)
  }

  /// The legend of the group series: the group's frame word and 平均 (全市平均, 全省平均, from the
  /// group's metadata via `GroupFrame`), `Group average` in English.
  private var groupAverageLabel: String {
    switch context.language {
    case .en: return "Group average"
    case .zhCN, .zhTW:
      return GroupFrame.chineseWord(for: context.groupRegion) + "平均"
    }
  }

  private func smallMultiples(_ spec: SmallMultiplesSpec, at location: SourceLocation?, in rect: Rect)
    -> ComposedFrame
  {
    guard let focus = context.focus else { return unbound(at: location, in: rect) }
    let panels = context.indicators(spec.indicators).map {
      SmallMultiplePanel(indicator: $0, rows: context.rowsWithGroup($0.id))
    }
    let input = SmallMultiplesInput(
      panels: panels, names: context.names(for: panels.flatMap(\.rows), short: true), focus: focus,
      metric: BarMetric(spec.metric),
      columns: spec.columns, format: format)
    return SmallMultiplesComposer().compose(input: input, in: rect, theme: theme, measurer: measurer)
  }

  private func progressBullet(_ spec: ProgressBulletSpec, in rect: Rect) -> ComposedFrame {
    let input = ProgressBulletInput(
      entries: entries(spec.indicators, names: spec.names), format: format,
      timeProgressWord: context.language == .en ? "Time progress" : "时序进度",
      timeProgressPct: context.timeProgress * 100)
    return ProgressBulletComposer().compose(input: input, in: rect, theme: theme, measurer: measurer)
  }

  private func rankMatrix(_ spec: RankMatrixSpec, in rect: Rect) -> ComposedFrame {
    let input = RankMatrixInput(entries: entries(spec.indicators, names: spec.names), format: format)
    return RankMatrixComposer().compose(input: input, in: rect, theme: theme, measurer: measurer)
  }

  /// Townships or parks of the focus region (the group whose parent is the focus).
  private func subRegionTable(_ spec: SubRegionTableSpec, at location: SourceLocation?, in rect: Rect)
    -> ComposedFrame
  {
    guard let (indicator, focus) = bound(spec.indicator) else { return unbound(at: location, in: rect) }
    let rows = context.table.rows(indicator: indicator.id, period: context.period, group: focus)
    let input = SubRegionTableInput(
      rows: rows, names: context.names(for: rows), indicator: indicator, threshold: spec.threshold,
      format: format)
    return SubRegionTableComposer().compose(input: input, in: rect, theme: theme, measurer: measurer)
  }

  /// Every indicator with a red line, for the focus region against its peers.
  private func redLinePanel(at location: SourceLocation?, in rect: Rect) -> ComposedFrame {
    guard let focus = context.focus else { return unbound(at: location, in: rect) }
    let entries = context.dataset.indicators.filter { $0.redLine != nil }.map {
      RedLineEntry(indicator: $0, rows: context.rowsWithGroup($0.id))
    }
    let input = RedLinePanelInput(
      entries: entries, names: context.names(for: entries.flatMap(\.rows)), focus: focus, format: format)
    return RedLinePanelComposer().compose(input: input, in: rect, theme: theme, measurer: measurer)
  }

  // MARK: - Tables

  /// The focus region's row for each selected indicator, named in the `names` style.
  func entries(_ indicators: IndicatorSelection, names: NameStyle) -> [KPIEntry] {
    context.indicators(indicators).map { indicator in
      var shown = indicator
      switch names {
      case .full: break
      case .short: shown.name = indicator.shortName
      }
      return KPIEntry(indicator: shown, row: context.focusRow(indicator.id))
    }
  }

  /// A list-like component's height: composed once into a very tall rectangle and measured
  /// from the items it drew.
  private func tableHeight(_ spec: ComponentSpec, width: Double) -> Double? {
    let tall = Rect(x: 0, y: 0, width: width, height: 10_000)
    return compose(spec, in: tall).usedHeight(below: 0) + 2
  }
}

// MARK: - Chart metric → bar metric

extension BarMetric {
  /// The bar metric of a layout's `metric:`.
  init(_ metric: ChartMetric) {
    switch metric {
    case .value: self = .value
    case .growthPct: self = .growthPct
    }
  }
}

// MARK: - Messages

extension Finding.Message {
  static let unboundIndicator = Self(
    code: "unknown-indicator", text: "the component's indicator is not in the data")
}
