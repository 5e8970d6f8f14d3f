import BriefingCore
import BriefingSpec
import BriefingStats

// MARK: - Tables that continue on the next page

/// What is left of a table that did not fit its page: the same table (same columns, same widths)
/// with the rows not drawn yet. `LayoutComposer` composes it on the next page, header repeated.
enum TableRemainder {
  case ranking(RankingTableInput)
  case kpi(KPITableData)

  /// Rows still to draw.
  var rowCount: Int {
    switch self {
    case .ranking(let input): input.order.count
    case .kpi(let data): data.rows.count
    }
  }

  /// Names of the rows still to draw, for findings.
  var rowNames: [String] {
    switch self {
    case .ranking(let input): input.order.map { ExtraData.name($0, input.names) }
    case .kpi(let data): data.rows.map(data.name(of:))
    }
  }
}

extension ComponentDispatch {
  /// True for the components that can continue on the next page (ranking and KPI tables).
  static func continues(_ kind: ComponentKind) -> Bool {
    kind == .rankingTable || kind == .kpiTable
  }

  /// Rows of a continuing table (0 for other components).
  func rowCount(_ spec: ComponentSpec) -> Int {
    switch spec.kind {
    case .rankingTable: context.group.members.count
    case .kpiTable: context.indicators(spec.indicators ?? .main).count
    default: 0
    }
  }

  /// Composes a continuing table's header and as many whole rows as fit in `rect` (points);
  /// returns what is left, nil when every row was drawn. Other components compose as usual.
  func composeFitting(_ spec: ComponentSpec, in rect: Rect) -> (ComposedFrame, TableRemainder?) {
    switch spec.kind {
    case .rankingTable:
      let (input, findings) = rankingInput(spec)
      var (frame, remaining) = RankingTableComposer().composeFitting(
        input, in: rect, theme: theme, measurer: measurer)
      frame.findings = findings + frame.findings
      return (frame, remaining.isEmpty ? nil : .ranking(input.continuing(with: remaining)))
    case .kpiTable:
      let (data, findings) = kpiData(spec)
      var (frame, remaining) = KPITableComposer().composeFitting(
        data, in: rect, theme: theme, measurer: measurer)
      frame.findings = findings + frame.findings
      return (frame, remaining.isEmpty ? nil : .kpi(data.continuing(with: remaining)))
    default:
      return (compose(spec, in: rect), nil)
    }
  }

  /// The next page's part of a table: header again, then as many of the remaining rows as fit.
  func composeFitting(_ remainder: TableRemainder, in rect: Rect) -> (ComposedFrame, TableRemainder?) {
    switch remainder {
    case .ranking(let input):
      let (frame, remaining) = RankingTableComposer().composeFitting(
        input, in: rect, theme: theme, measurer: measurer)
      return (frame, remaining.isEmpty ? nil : .ranking(input.continuing(with: remaining)))
    case .kpi(let data):
      let (frame, remaining) = KPITableComposer().composeFitting(
        data, in: rect, theme: theme, measurer: measurer)
      return (frame, remaining.isEmpty ? nil : .kpi(data.continuing(with: remaining)))
    }
  }

  // MARK: - Composing in one rectangle

  /// The 排名通报 in `rect` alone (beside other components, in a chart page): rows that do not
  /// fit are left out with an `overflow` warning naming them.
  func rankingTable(_ spec: ComponentSpec, in rect: Rect) -> ComposedFrame {
    let (input, findings) = rankingInput(spec)
    var frame = RankingTableComposer().compose(input, in: rect, theme: theme, measurer: measurer)
    frame.findings = findings + frame.findings
    return frame
  }

  /// The KPI table in `rect` alone: rows that do not fit are left out with an `overflow` warning.
  func kpiTable(_ spec: ComponentSpec, in rect: Rect) -> ComposedFrame {
    let (data, findings) = kpiData(spec)
    var frame = KPITableComposer().compose(data, in: rect, theme: theme, measurer: measurer)
    frame.findings = findings + frame.findings
    return frame
  }

  // MARK: - Inputs

  /// Every member of the group × the selected indicators, with the layout's columns. A metric
  /// the ranking table cannot show is an error (the layout asked for a column it would not get).
  private func rankingInput(_ spec: ComponentSpec) -> (RankingTableInput, [Finding]) {
    let groups = context.indicators(spec.indicators ?? .main).map {
      RankingGroup(indicator: $0, rows: context.rows($0.id))
    }
    var findings: [Finding] = []
    let columns: [RankingColumn] =
      spec.columns.map { metrics in
        metrics.compactMap { metric in
          guard let column = metric.rankingColumn else {
            findings.append(
              Finding(.error, .columnNotShown("rankingTable", metric), at: spec.location))
            return nil
          }
          return column
        }
      } ?? RankingColumn.standard
    let input = RankingTableInput(
      groups: groups, order: context.group.members, names: context.names,
      focus: context.focus ?? RegionID(""), columns: columns, format: format)
    return (input, findings)
  }

  /// The focus region's KPI rows with the layout's columns; a metric the KPI table cannot show
  /// is left out with a warning.
  private func kpiData(_ spec: ComponentSpec) -> (KPITableData, [Finding]) {
    var findings: [Finding] = []
    let chosen = (spec.columns ?? Metric.kpiDefault).compactMap { metric -> KPIColumn? in
      guard let column = metric.kpiColumn else {
        findings.append(Finding(.warning, .columnNotShown("kpiTable", metric), at: spec.location))
        return nil
      }
      return column
    }
    let input = KPITableInput(entries: entries(spec), columns: [.indicator, .unit] + chosen, format: format)
    return (KPITableComposer().prepare(input), findings)
  }
}

// MARK: - Metric → table column

extension Metric {
  /// The KPI table columns shown when a layout names none.
  static let kpiDefault: [Metric] = ComponentSpec.Defaults.kpiColumns

  /// The KPI table column for this metric, if the table has one.
  var kpiColumn: KPIColumn? {
    switch self {
    case .value: .value
    case .growthPct: .growth
    case .completionPct: .completion
    case .progressGapPp: .progressGap
    case .rank: .rankByValue
    case .growthRank: .rankByGrowth
    case .growthGapToGroupPp: .gapToGroup
    case .growthChangePp: .growthChange
    case .targetGrowthPct: .targetGrowth
    case .sharePct: .share
    case .rankChange: .rankChange
    case .progressGapAmount, .remaining, .monthlyPaceNeeded, .growthRankChange, .rankOverall,
      .groupGrowthPct, .gapToLeader, .shareChangePp, .contributionPp:
      nil
    }
  }

  /// The ranking table column for this metric, if the table has one.
  var rankingColumn: RankingColumn? {
    switch self {
    case .value: .value
    case .growthPct: .growth
    case .rank: .rank
    case .growthRank: .growthRank
    case .sharePct: .share
    case .rankChange: .rankChange
    case .growthChangePp, .targetGrowthPct, .completionPct, .progressGapPp, .progressGapAmount,
      .remaining, .monthlyPaceNeeded, .growthRankChange, .rankOverall, .groupGrowthPct,
      .growthGapToGroupPp, .gapToLeader, .shareChangePp, .contributionPp:
      nil
    }
  }
}

// MARK: - Messages

extension Finding.Message {
  /// A layout names a table column the table cannot show.
  static func columnNotShown(_ component: String, _ metric: Metric) -> Self {
    Self(
      code: "column-not-shown",
      text: "\(component) cannot show the column '\(metric.rawValue)'; it is left out")
  }
}
