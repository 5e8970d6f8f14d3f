// MARK: - Scoring schemes

/// A composite assessment (综合考评, 目标责任书考核) as a scoring file describes it: factors of
/// weighted items, each item scored by a rule, plus veto items (一票否决).
///
/// A value type without I/O: `ScoringLoader` (BriefingSpec) reads it from YAML, `scoreRegions`
/// (BriefingStats) applies it to a comparison table. Points are on the item's percentage scale:
/// an item earns `weight × points / 100`, where `points` is 100 at "full marks" and may exceed
/// 100 only where a rule allows it (completion up to its cap).
public struct ScoringScheme: Hashable, Sendable {
  // MARK: Properties

  /// File format version. Default: 1.
  public var version: Int
  /// Title of the assessment, e.g. `目标责任书考核`. Default: the file name without extension.
  public var name: String
  /// Peer group scored when the command line names none. Default: nil.
  public var group: RegionID?
  /// Decimals of the total used for rank ties (competition ranks on totals rounded to this).
  /// Default: 2. Range: 0…6.
  public var decimals: Int
  /// What a missing item does to the total. Default: `.unranked`.
  public var missing: MissingPolicy
  public var factors: [ScoringFactor]
  public var vetoes: [ScoringVeto]

  // MARK: Initialization

  public init(
    version: Int = 1, name: String = "", group: RegionID? = nil, decimals: Int = 2,
    missing: MissingPolicy = .unranked, factors: [ScoringFactor], vetoes: [ScoringVeto] = []
  ) {
    self.version = version
    self.name = name
    self.group = group
    self.decimals = decimals
    self.missing = missing
    self.factors = factors
    self.vetoes = vetoes
  }

  // MARK: Accessors

  /// Every item of every factor, in file order.
  public var items: [ScoringItem] { factors.flatMap(\.items) }
}

/// How a region with a missing item is totalled. Missing values are never scored 0.
public enum MissingPolicy: String, Hashable, Sendable, CaseIterable {
  /// The total is missing and the region is unranked (the available sum is still reported).
  case unranked
  /// The total is the available sum scaled by all weights / available weights, and ranked.
  case rescale
}

/// A named group of items (综合任务完成率, 发展贡献率, 增速完成率, 跨越发展).
public struct ScoringFactor: Hashable, Sendable {
  /// Short key used in exports (`factor:<id>`). Unique in the file.
  public var id: String
  /// Display name. Default: the id.
  public var name: String
  public var items: [ScoringItem]

  public init(id: String, name: String? = nil, items: [ScoringItem]) {
    self.id = id
    self.name = name ?? id
    self.items = items
  }
}

/// One scored indicator.
public struct ScoringItem: Hashable, Sendable {
  /// Short key used in exports (`points:<id>`, `score:<id>`). Default: the indicator id; unique
  /// in the file.
  public var id: String
  public var indicator: IndicatorID
  /// Score of the item at 100 points (e.g. 5 of a 100-point scheme). Range: > 0.
  public var weight: Double
  public var rule: ScoringRule
  /// Overrides the indicator's polarity for min–max scaling. Default: nil (the indicator's).
  public var polarity: Polarity?
  /// Where the item was written (for findings about it).
  public var location: SourceLocation?

  public init(
    id: String? = nil, indicator: IndicatorID, weight: Double, rule: ScoringRule,
    polarity: Polarity? = nil, location: SourceLocation? = nil
  ) {
    self.id = id ?? indicator.rawValue
    self.indicator = indicator
    self.weight = weight
    self.rule = rule
    self.polarity = polarity
    self.location = location
  }
}

// MARK: - Rules

/// How one item turns a region's comparison row into points (see `scoreRegions` for formulas).
public enum ScoringRule: Hashable, Sendable {
  /// Rank points: `max(0, 100 − (rank − 1) × stepPct)`; `stepPct` nil means `100 / rank_of`
  /// (first 100, last 100 / N). Ties share a rank, hence points.
  case rank(basis: RankBasis, stepPct: Double?)
  /// Completion with a cap: `min(max(completion, 0), capPct)`.
  case completion(basis: CompletionBasis, capPct: Double)
  /// Min–max scaling within the group: best 100, worst 0 (polarity-aware); 100 for all when
  /// every value is equal.
  case minMax(basis: MinMaxBasis)

  /// The rule's name in scoring files.
  public var name: String {
    switch self {
    case .rank: "rank"
    case .completion: "completion"
    case .minMax: "minmax"
    }
  }
}

/// Which rank a rank rule reads.
public enum RankBasis: String, Hashable, Sendable, CaseIterable {
  /// Rank by value (total).
  case value
  /// Rank by growth.
  case growth
}

/// Which completion a completion rule reads.
public enum CompletionBasis: String, Hashable, Sendable, CaseIterable {
  /// value / annual target × 100 (任务完成率).
  case target
  /// growth / target growth × 100 (增速完成率); missing when the target growth is 0.
  case growth
}

/// Which number a min–max rule scales.
public enum MinMaxBasis: String, Hashable, Sendable, CaseIterable {
  case value, growth, completion
}

// MARK: - Vetoes

/// A veto item: breaking the red line on `indicator` zeroes, caps or flags the total.
public struct ScoringVeto: Hashable, Sendable {
  public var indicator: IndicatorID
  /// The line; nil means the indicator's own `redLine` from the metadata.
  public var line: RedLine?
  public var effect: VetoEffect
  public var location: SourceLocation?

  public init(
    indicator: IndicatorID, line: RedLine? = nil, effect: VetoEffect = .zero,
    location: SourceLocation? = nil
  ) {
    self.indicator = indicator
    self.line = line
    self.effect = effect
    self.location = location
  }
}

/// What a breached veto does to the total.
public enum VetoEffect: Hashable, Sendable {
  /// The total becomes 0 (一票否决).
  case zero
  /// The total is at most this many points.
  case cap(Double)
  /// The total stands; the region is marked.
  case flag
}
