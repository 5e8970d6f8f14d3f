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
    case .ranking(let input): input.order.map { ChartText.name($0, input.names) }
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
    switch spec.body {
    case .rankingTable: context.group.members.count
    case .kpiTable(let table): context.indicators(table.indicators).count
    default: 0
    }
  }

  /// Composes a continuing table's header and as many whole rows as fit in `rect` (points);
  /// returns what is left, nil when every row was drawn. Other components compose as usual.
  func composeFitting(_ spec: ComponentSpec, in rect: Rect) -> (ComposedFrame, TableRemainder?) {
    switch spec.body {
    case .rankingTable(let table):
      let input = rankingInput(table)
      let (frame, remaining) = RankingTableComposer().composeFitting(
        input, in: rect, theme: theme, measurer: measurer)
      return (frame, remaining.isEmpty ? nil : .ranking(input.continuing(with: remaining)))
    case .kpiTable(let table):
      let data = kpiData(table)
      let (frame, remaining) = KPITableComposer().composeFitting(
        data, in: rect, theme: theme, measurer: measurer)
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
  func rankingTable(_ spec: RankingTableSpec, in rect: Rect) -> ComposedFrame {
    RankingTableComposer().compose(rankingInput(spec), in: rect, theme: theme, measurer: measurer)
  }

  /// The KPI table in `rect` alone: rows that do not fit are left out with an `overflow` warning.
  func kpiTable(_ spec: KPITableSpec, in rect: Rect) -> ComposedFrame {
    KPITableComposer().compose(kpiData(spec), in: rect, theme: theme, measurer: measurer)
  }

  // MARK: - Inputs

  /// Every member of the group × the selected indicators, with the layout's columns.
  private func rankingInput(_ spec: RankingTableSpec) -> RankingTableInput {
    let groups = context.indicators(spec.indicators).map {
      RankingGroup(indicator: $0, rows: context.rows($0.id))
    }
    return RankingTableInput(
      groups: groups, order: context.group.members,
      names: context.names(of: context.group.members + (context.focus.map { [$0] } ?? [])),
      focus: context.focus ?? RegionID(""), columns: spec.columns.map(\.rankingColumn),
      format: format)
  }

  /// The focus region's KPI rows with the layout's columns.
  private func kpiData(_ spec: KPITableSpec) -> KPITableData {
    let input = KPITableInput(
      entries: entries(spec.indicators, names: spec.names),
      columns: [.indicator, .unit] + spec.columns.map(\.kpiColumn), format: format)
    return KPITableComposer().prepare(input)
  }
}

// MARK: - Layout column → table column

extension KPITableSpec.Column {
  /// The KPI table column a layout's `columns:` entry names.
  var kpiColumn: KPIColumn {
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
    }
  }
}

extension RankingTableSpec.Column {
  /// The ranking table column a layout's `columns:` entry names.
  var rankingColumn: RankingColumn {
    switch self {
    case .value: .value
    case .growthPct: .growth
    case .rank: .rank
    case .growthRank: .growthRank
    case .sharePct: .share
    case .rankChange: .rankChange
    }
  }
}
