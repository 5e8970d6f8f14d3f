import BriefingCore

// MARK: - Component kinds

/// The closed set of components a layout can place. Each kind has its own composer in
/// `BriefingScene`; adding a kind fails to compile until every switch handles it.
public enum ComponentKind: String, Sendable, Codable, CaseIterable {
  /// Headline KPI table of the focus region: one row per indicator.
  case kpiTable
  /// Ranked horizontal bars of one metric across the peer group, focus highlighted.
  case rankedBar
  /// Paired bars: this year vs the same period last year, per region.
  case groupedBar
  /// Completion % per indicator against the time-progress line.
  case progressBullet
  /// Focus region vs group over the periods in the data.
  case trendLine
  /// Level vs growth scatter with quadrant lines at the group averages.
  case scatter
  /// Indicators × (rank by total, rank by growth) with first/bottom places coloured.
  case rankMatrix
  /// Every region × every indicator: value, growth and ranks (the 排名通报).
  case rankingTable
  /// Townships/parks of the focus region by completion of their tasks.
  case subRegionTable
  /// Red-line (veto) indicators against their thresholds.
  case redLinePanel
  /// Generated headline paragraph: value, growth, rank, gap to average, completion per indicator.
  case headline
  /// Generated highlights (亮点) and shortfalls (短板) with their lead units.
  case narrative
  /// Free text from the layout.
  case text
  /// One mini chart per indicator in a grid.
  case smallMultiples

  /// Keys (besides `kind`, `span`, `height`, `title`) this kind accepts.
  public var acceptedKeys: Set<String> {
    switch self {
    case .kpiTable: ["indicators", "columns", "names"]
    case .rankedBar: ["indicator", "metric", "showAverage", "showRanks", "orientation"]
    case .groupedBar: ["indicator"]
    case .progressBullet: ["indicators", "names"]
    case .trendLine: ["indicator", "metric"]
    case .scatter: ["indicator"]
    case .rankMatrix: ["indicators", "names"]
    case .rankingTable: ["indicators", "columns"]
    case .subRegionTable: ["indicator", "threshold"]
    case .redLinePanel: []
    case .headline: ["indicators"]
    case .narrative: ["indicators", "lines"]
    case .text: ["text"]
    case .smallMultiples: ["indicators", "metric", "columns"]
    }
  }

  /// The metrics a chart can draw from a comparison row (its `metric:` values), nil for kinds
  /// without a `metric` key. Any other metric is an error naming these.
  public var drawableMetrics: [Metric]? {
    switch self {
    case .rankedBar, .trendLine, .smallMultiples: [.value, .growthPct]
    case .kpiTable, .groupedBar, .progressBullet, .scatter, .rankMatrix, .rankingTable,
      .subRegionTable, .redLinePanel, .headline, .narrative, .text:
      nil
    }
  }
}

extension ComponentKind {
  /// The metrics a table kind has a column for (its `columns:` values), nil when the kind's
  /// columns are not checked here. Any other metric is an error naming these; it used to be
  /// dropped from the table without a word. Keep in step with `Metric.kpiColumn` and
  /// `Metric.rankingColumn` in BriefingScene (a test compares them).
  public var columnMetrics: [Metric]? {
    switch self {
    case .kpiTable:
      [
        .value, .growthPct, .growthChangePp, .targetGrowthPct, .completionPct, .progressGapPp,
        .rank, .growthRank, .growthGapToGroupPp, .sharePct, .rankChange,
      ]
    case .rankingTable: [.value, .growthPct, .rank, .growthRank, .sharePct, .rankChange]
    case .rankedBar, .groupedBar, .progressBullet, .trendLine, .scatter,
      .rankMatrix, .subRegionTable, .redLinePanel, .headline, .narrative, .text, .smallMultiples:
      nil
    }
  }
}

// MARK: - Bar orientation

/// Which way a ranked bar chart's bars run. Only `horizontal` is drawn: a vertical variant would
/// need rotated region names, and a value that is accepted and drawn the other way is worse than
/// an error.
public enum BarOrientation: String, CaseIterable, Hashable, Sendable {
  /// Bars from left to right, regions ranked top to bottom. The default.
  case horizontal
}

// MARK: - Indicator selection

/// Which indicators a component or page covers.
public enum IndicatorSelection: Hashable, Sendable {
  /// Every indicator flagged `main` in the metadata, in display order. The default.
  case main
  /// Exactly these, in this order.
  case list([IndicatorID])
}

// MARK: - Name style

/// Which indicator name a table or bullet list shows.
public enum NameStyle: String, CaseIterable, Hashable, Sendable {
  /// The metadata's `name` (地区生产总值, Nonfarm payroll employment). The default.
  case full
  /// The metadata's `short_name` (生产总值, Employment), falling back to the name: for long
  /// names that would wrap a table row onto three lines.
  case short
}

// MARK: - Component

/// One component in a section cell. Fields a kind does not use stay nil; after loading, every
/// field a kind uses holds its effective value (`defaulted(layoutIndicators:)`), so composers
/// and `dump-layout` see the same thing.
public struct ComponentSpec: Hashable, Sendable {
  public var kind: ComponentKind
  /// Optional heading drawn above the component.
  public var title: String?
  /// Grid columns the component spans. Default: 1. Range: 1...section columns.
  public var span: Int
  /// Height in points; nil shares the section height. Range: > 0.
  public var height: Double?
  public var indicator: IndicatorID?
  public var indicators: IndicatorSelection?
  public var metric: Metric?
  /// Table columns (KPI table, ranking table) or grid columns (small multiples, as one number).
  public var columns: [Metric]?
  public var gridColumns: Int?
  /// Sub-region threshold, % of task. Default: 30.
  public var threshold: Double?
  /// Narrative lines per list (highlights and shortfalls). Default: 3.
  public var lines: Int?
  public var text: String?
  /// Draw the group average reference line. Default: true.
  public var showAverage: Bool?
  /// Print rank numbers beside the bars. Default: true.
  public var showRanks: Bool?
  /// Indicator names in tables and bullet lists. Default: `.full`.
  public var names: NameStyle?
  /// Ranked bar direction. Default: `.horizontal` (the only one drawn).
  public var orientation: BarOrientation?
  /// Where the finding should point for this component (`sections[1].components[0]`).
  public var location: SourceLocation?

  public init(kind: ComponentKind, span: Int = 1) {
    self.kind = kind
    self.span = span
  }
}

// MARK: - Defaults

extension ComponentSpec {
  /// The effective defaults of component keys, in one place (composers fall back to the same).
  public enum Defaults {
    /// `rankedBar.metric`, `trendLine.metric`, `smallMultiples.metric`.
    public static let metric: Metric = .growthPct
    /// `kpiTable.columns`.
    public static let kpiColumns: [Metric] = [
      .value, .growthPct, .completionPct, .progressGapPp, .rank, .growthRank, .growthGapToGroupPp,
    ]
    /// `rankingTable.columns`: value, growth, rank by value, rank by growth.
    public static let rankingColumns: [Metric] = [.value, .growthPct, .rank, .growthRank]
    /// `smallMultiples.columns` (grid columns).
    public static let gridColumns = 3
    /// `subRegionTable.threshold`, % of task.
    public static let threshold: Double = 30
    /// `narrative.lines`.
    public static let lines = 3
  }

  /// This component with every key of its kind set: absent keys take their defaults, and
  /// `indicators` takes the layout's list (`layoutIndicators`). Keys the kind does not accept
  /// stay nil.
  public func defaulted(layoutIndicators: IndicatorSelection) -> ComponentSpec {
    var spec = self
    let keys = kind.acceptedKeys
    if keys.contains("indicators") { spec.indicators = indicators ?? layoutIndicators }
    if keys.contains("metric") { spec.metric = metric ?? Defaults.metric }
    if keys.contains("names") { spec.names = names ?? .full }
    if keys.contains("showAverage") { spec.showAverage = showAverage ?? true }
    if keys.contains("showRanks") { spec.showRanks = showRanks ?? true }
    if keys.contains("orientation") { spec.orientation = orientation ?? .horizontal }
    if keys.contains("threshold") { spec.threshold = threshold ?? Defaults.threshold }
    if keys.contains("lines") { spec.lines = lines ?? Defaults.lines }
    if keys.contains("text") { spec.text = text ?? "" }
    switch kind {
    case .kpiTable: spec.columns = columns ?? Defaults.kpiColumns
    case .rankingTable: spec.columns = columns ?? Defaults.rankingColumns
    case .smallMultiples: spec.gridColumns = gridColumns ?? Defaults.gridColumns
    case .rankedBar, .groupedBar, .progressBullet, .trendLine, .scatter, .rankMatrix,
      .subRegionTable, .redLinePanel, .headline, .narrative, .text:
      break
    }
    return spec
  }
}
