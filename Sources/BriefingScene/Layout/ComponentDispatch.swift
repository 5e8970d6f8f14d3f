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

  var format: NumberFormat { context.language == .en ? .english : .chinese }

  // MARK: - Composing

  func compose(_ spec: ComponentSpec, in rect: Rect) -> ComposedFrame {
    switch spec.kind {
    case .headline: return text.headline(spec, in: rect)
    case .narrative: return text.lists(spec, in: rect)
    case .text: return text.text(spec, in: rect)
    case .rankedBar: return rankedBar(spec, in: rect)
    case .kpiTable: return kpiTable(spec, in: rect)
    case .scatter: return scatter(spec, in: rect)
    case .groupedBar: return groupedBar(spec, in: rect)
    case .trendLine: return trendLine(spec, in: rect)
    case .smallMultiples: return smallMultiples(spec, in: rect)
    case .progressBullet: return progressBullet(spec, in: rect)
    case .rankMatrix: return rankMatrix(spec, in: rect)
    case .subRegionTable: return subRegionTable(spec, in: rect)
    case .redLinePanel: return redLinePanel(spec, in: rect)
    case .rankingTable: return rankingTable(spec, in: rect)
    }
  }

  /// The height a component needs at `width`, or nil when it takes whatever it is given.
  func naturalHeight(_ spec: ComponentSpec, width: Double) -> Double? {
    switch spec.kind {
    case .headline: text.headlineHeight(spec, width: width)
    case .narrative: text.listsHeight(spec, width: width)
    case .text: text.textHeight(spec, width: width)
    case .kpiTable, .rankMatrix, .progressBullet, .rankingTable: tableHeight(spec, width: width)
    case .rankedBar, .groupedBar, .trendLine, .scatter, .smallMultiples,
      .subRegionTable, .redLinePanel:
      nil
    }
  }

  // MARK: - Charts

  private func rankedBar(_ spec: ComponentSpec, in rect: Rect) -> ComposedFrame {
    guard let id = spec.indicator, let indicator = context.dataset.indicator(id) else {
      return ComposedFrame(findings: [Finding(.error, .unboundIndicator, at: spec.location)], bounds: rect)
    }
    // The loader admits value and growthPct only (`ComponentKind.drawableMetrics`) and one
    // orientation, horizontal, which is what the composer draws.
    let metric = BarMetric(spec.metric)
    // No axis title: the chart names the rows' basis (同比 / 较2002年 / a rate's points) or the
    // indicator and unit in the sheet's language (「名称（单位）」 / "Name (unit)").
    let options = RankedBarOptions(
      showAverage: spec.showAverage ?? true, showRanks: spec.showRanks ?? true, bottomMarks: 2,
      format: format,
      averageWord: context.language == .en ? "Average" : "平均",
      targetWord: context.language == .en ? "Target" : "目标")
    let input = RankedBarInput(
      rows: context.rows(id),
      groupRow: context.table.groupRow(indicator: id, period: context.period, group: context.group.id),
      indicator: indicator, regions: context.dataset.regions, focus: context.focus, metric: metric,
      options: options)
    return RankedBarComposer().compose(input: input, in: rect, theme: theme, measurer: measurer)
  }

  /// The bound indicator and the focus of a one-indicator chart.
  private func bound(_ spec: ComponentSpec) -> (Indicator, RegionID)? {
    guard let id = spec.indicator, let indicator = context.dataset.indicator(id),
      let focus = context.focus
    else { return nil }
    return (indicator, focus)
  }

  /// The error frame for a chart whose indicator or focus is missing.
  private func unbound(_ spec: ComponentSpec, in rect: Rect) -> ComposedFrame {
    let message: Finding.Message = context.focus == nil ? .headlineNeedsFocus : .unboundIndicator
    return ComposedFrame(findings: [Finding(.error, message, at: spec.location)], bounds: rect)
  }

  private func scatter(_ spec: ComponentSpec, in rect: Rect) -> ComposedFrame {
    guard let (indicator, focus) = bound(spec) else { return unbound(spec, in: rect) }
    let input = ScatterInput(
      rows: context.rowsWithGroup(indicator.id), names: context.shortNames, indicator: indicator,
      focus: focus, format: format)
    return ScatterComposer().compose(input, in: rect, theme: theme, measurer: measurer)
  }

  private func groupedBar(_ spec: ComponentSpec, in rect: Rect) -> ComposedFrame {
    guard let (indicator, focus) = bound(spec) else { return unbound(spec, in: rect) }
    let input = GroupedBarInput(
      rows: context.rowsWithGroup(indicator.id), names: context.shortNames, indicator: indicator,
      focus: focus, format: format)
    return GroupedBarComposer().compose(input, in: rect, theme: theme, measurer: measurer)
  }

  private func trendLine(_ spec: ComponentSpec, in rect: Rect) -> ComposedFrame {
    guard let (indicator, focus) = bound(spec) else { return unbound(spec, in: rect) }
    let rows = context.table.rows(group: context.group.id).filter {
      $0.indicator == indicator.id && $0.period.family == context.period.family && $0.period <= context.period
    }
    let input = TrendLineInput(
      rows: rows, names: context.names, indicator: indicator, focus: focus,
      metric: spec.metric == .value ? .value : .growth, groupLabel: groupAverageLabel,
      format: format)
    return TrendLineComposer().compose(input, in: rect, theme: theme, measurer: measurer)
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

  private func smallMultiples(_ spec: ComponentSpec, in rect: Rect) -> ComposedFrame {
    guard let focus = context.focus else { return unbound(spec, in: rect) }
    let panels = context.indicators(spec.indicators ?? .main).map {
      SmallMultiplePanel(indicator: $0, rows: context.rowsWithGroup($0.id))
    }
    let input = SmallMultiplesInput(
      panels: panels, names: context.shortNames, focus: focus, metric: BarMetric(spec.metric),
      columns: spec.gridColumns ?? ComponentSpec.Defaults.gridColumns, format: format)
    return SmallMultiplesComposer().compose(input, in: rect, theme: theme, measurer: measurer)
  }

  private func progressBullet(_ spec: ComponentSpec, in rect: Rect) -> ComposedFrame {
    let input = ProgressBulletInput(
      entries: entries(spec), format: format,
      timeProgressWord: context.language == .en ? "Time progress" : "时序进度",
      timeProgressPct: context.timeProgress * 100)
    return ProgressBulletComposer().compose(input: input, in: rect, theme: theme, measurer: measurer)
  }

  private func rankMatrix(_ spec: ComponentSpec, in rect: Rect) -> ComposedFrame {
    let input = RankMatrixInput(entries: entries(spec), format: format)
    return RankMatrixComposer().compose(input: input, in: rect, theme: theme, measurer: measurer)
  }

  /// Townships or parks of the focus region (the group whose parent is the focus).
  private func subRegionTable(_ spec: ComponentSpec, in rect: Rect) -> ComposedFrame {
    guard let (indicator, focus) = bound(spec) else { return unbound(spec, in: rect) }
    let rows = context.table.rows(indicator: indicator.id, period: context.period, group: focus)
    let input = SubRegionTableInput(
      rows: rows, names: context.names, indicator: indicator,
      threshold: spec.threshold ?? ComponentSpec.Defaults.threshold,
      format: format)
    return SubRegionTableComposer().compose(input, in: rect, theme: theme, measurer: measurer)
  }

  /// Every indicator with a red line, for the focus region against its peers.
  private func redLinePanel(_ spec: ComponentSpec, in rect: Rect) -> ComposedFrame {
    guard let focus = context.focus else { return unbound(spec, in: rect) }
    let entries = context.dataset.indicators.filter { $0.redLine != nil }.map {
      RedLineEntry(indicator: $0, rows: context.rowsWithGroup($0.id))
    }
    let input = RedLinePanelInput(entries: entries, names: context.names, focus: focus, format: format)
    return RedLinePanelComposer().compose(input, in: rect, theme: theme, measurer: measurer)
  }

  // MARK: - Tables

  /// The focus region's row for each selected indicator, named as `spec.names` says.
  func entries(_ spec: ComponentSpec) -> [KPIEntry] {
    context.indicators(spec.indicators ?? .main).map { indicator in
      var shown = indicator
      if spec.names == .short { shown.name = indicator.shortName }
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

// MARK: - Metric → bar metric

extension BarMetric {
  /// The chart metric of a layout's `metric:`; the loader admits only `value` and `growthPct`
  /// for charts, and absent means growth.
  init(_ metric: Metric?) {
    switch metric {
    case .value: self = .value
    case .growthPct, nil: self = .growthPct
    case .growthChangePp, .targetGrowthPct, .completionPct, .progressGapPp, .progressGapAmount,
      .remaining, .monthlyPaceNeeded, .rank, .growthRank, .rankChange, .growthRankChange,
      .rankOverall, .groupGrowthPct, .growthGapToGroupPp, .gapToLeader, .sharePct,
      .shareChangePp, .contributionPp:
      self = .growthPct
    }
  }
}

// MARK: - Messages

extension Finding.Message {
  static let unboundIndicator = Self(
    code: "unknown-indicator", text: "the component's indicator is not in the data")
}
