import BriefingCore

// MARK: - Component

/// One component in a section cell: the keys every kind has (`title`, `span`, `height`) and the
/// kind's own spec in `body`. After loading, every key holds its effective value (defaults filled
/// in, `indicators` resolved from the layout's), so composers and `dump-layout` see the same thing.
public struct ComponentSpec: Hashable, Sendable {
  /// The kind and its own keys.
  public var body: Body
  /// Optional heading drawn above the component. Default: none.
  public var title: String?
  /// Grid columns the component spans. Default: 1. Range: 1...section columns.
  public var span: Int
  /// Height in points; nil shares the section height. Default: nil. Range: 1...2000.
  public var height: Double?
  /// Where findings about this component point (`file:line:column` of its mapping).
  public var location: SourceLocation?

  public init(
    _ body: Body, title: String? = nil, span: Int = 1, height: Double? = nil,
    location: SourceLocation? = nil
  ) {
    self.body = body
    self.title = title
    self.span = span
    self.height = height
    self.location = location
  }

  /// The component's kind, from its body.
  public var kind: ComponentKind { body.kind }

  /// This component drawing `indicator` instead of its own (a charts layout draws its first
  /// component once per indicator); unchanged for kinds without one `indicator`.
  public func bound(to indicator: IndicatorID) -> ComponentSpec {
    var copy = self
    copy.body = body.spec.bound(to: indicator).body
    return copy
  }
}

// MARK: - Kinds

/// The closed set of components a layout can place, by their `kind:` names. Each kind has its
/// own spec type (`specType`) in `BriefingSpec` and its composer in `BriefingScene`; adding a
/// kind fails to compile until every switch over `ComponentSpec.Body` handles it.
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

  /// The spec type that owns this kind's keys.
  public var specType: any ComponentKindSpec.Type {
    switch self {
    case .kpiTable: KPITableSpec.self
    case .rankedBar: RankedBarSpec.self
    case .groupedBar: GroupedBarSpec.self
    case .progressBullet: ProgressBulletSpec.self
    case .trendLine: TrendLineSpec.self
    case .scatter: ScatterSpec.self
    case .rankMatrix: RankMatrixSpec.self
    case .rankingTable: RankingTableSpec.self
    case .subRegionTable: SubRegionTableSpec.self
    case .redLinePanel: RedLinePanelSpec.self
    case .headline: HeadlineSpec.self
    case .narrative: NarrativeSpec.self
    case .text: TextSpec.self
    case .smallMultiples: SmallMultiplesSpec.self
    }
  }

  /// The kind's own keys (besides `kind`, `title`, `span`, `height`), in `dump-layout` order.
  public var keyNames: [String] { specType.keyNames }
}

// MARK: - Body

extension ComponentSpec {
  /// One case per kind, carrying that kind's spec.
  public enum Body: Hashable, Sendable {
    case kpiTable(KPITableSpec)
    case rankedBar(RankedBarSpec)
    case groupedBar(GroupedBarSpec)
    case progressBullet(ProgressBulletSpec)
    case trendLine(TrendLineSpec)
    case scatter(ScatterSpec)
    case rankMatrix(RankMatrixSpec)
    case rankingTable(RankingTableSpec)
    case subRegionTable(SubRegionTableSpec)
    case redLinePanel(RedLinePanelSpec)
    case headline(HeadlineSpec)
    case narrative(NarrativeSpec)
    case text(TextSpec)
    case smallMultiples(SmallMultiplesSpec)

    /// The kind's spec, for what every kind has: its keys' values, its indicators.
    public var spec: any ComponentKindSpec {
      switch self {
      case .kpiTable(let spec): spec
      case .rankedBar(let spec): spec
      case .groupedBar(let spec): spec
      case .progressBullet(let spec): spec
      case .trendLine(let spec): spec
      case .scatter(let spec): spec
      case .rankMatrix(let spec): spec
      case .rankingTable(let spec): spec
      case .subRegionTable(let spec): spec
      case .redLinePanel(let spec): spec
      case .headline(let spec): spec
      case .narrative(let spec): spec
      case .text(let spec): spec
      case .smallMultiples(let spec): spec
      }
    }

    public var kind: ComponentKind { type(of: spec).kind }
  }
}
