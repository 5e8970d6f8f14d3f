// MARK: - Regions

/// A region of the data set, or a named peer frame (level `frame`).
public struct Region: Hashable, Sendable, Codable {
  public var id: RegionID
  /// Display name, e.g. `肃州区`. Default: the id.
  public var name: String
  /// Short name for narrow columns, e.g. `肃州`. Default: the name.
  public var shortName: String
  /// Other spellings that resolve to this region (Traditional forms, old names).
  public var aliases: [String]
  /// The parent region; the default peer group of a region is its parent's children.
  public var parent: RegionID?
  /// `city`, `county`, `district`, `township`, `park`, `state`, `country`, `frame`, … (free text).
  public var level: String
  /// Extra peer frames this region belongs to (ids of regions with level `frame`).
  public var frames: [RegionID]
  /// For a parent or frame: how the peer group is named in text, e.g. `全市9个县（市、区）`.
  public var label: String?

  public init(
    id: RegionID, name: String? = nil, shortName: String? = nil, aliases: [String] = [],
    parent: RegionID? = nil, level: String = "", frames: [RegionID] = [], label: String? = nil
  ) {
    self.id = id
    self.name = name ?? id.rawValue
    self.shortName = shortName ?? name ?? id.rawValue
    self.aliases = aliases
    self.parent = parent
    self.level = level
    self.frames = frames
    self.label = label
  }
}

// MARK: - Indicators

/// Which direction is good. Ranks are ascending for `lower` and descending otherwise.
public enum Polarity: String, Sendable, Codable, CaseIterable {
  case higher, lower, neutral

  /// False for `neutral` (population, capital stock): shown and ranked by size, never praised or
  /// blamed: no highlight, no shortfall, no red or green place, never called "last".
  public var isJudged: Bool { self != .neutral }
}

/// How members add up to a group figure.
public enum Aggregation: Hashable, Sendable, Codable {
  /// Additive (flows, stocks, counts): the group total is the sum; the group growth is the total's.
  case sum
  /// Unweighted mean of members.
  case mean
  /// Mean weighted by another indicator's values (e.g. energy intensity weighted by GDP).
  case weightedMean(by: IndicatorID)
  /// No group figure.
  case none
}

/// What kind of quantity an indicator is.
public enum IndicatorKind: String, Sendable, Codable, CaseIterable {
  /// Cumulative year-to-date flow: resets each year, H1 ≥ Q1, has annual targets.
  case flow
  /// A level at a date (balance, population).
  case stock
  /// A rate, share or intensity.
  case ratio
  /// A count of items.
  case count
}

/// What an indicator's published growth measures.
public enum GrowthBasis: String, Sendable, Codable, CaseIterable {
  /// Growth of the values themselves (current prices, counts): computable from the data.
  case nominal
  /// Growth at constant prices (可比价, e.g. GDP and value added): it legitimately differs from
  /// the growth of the current-price values, so only the published `yoy` is a growth figure.
  case real
}

/// A red-line (veto) threshold: `max` means the value must stay ≤ threshold, `min` ≥ threshold.
public struct RedLine: Hashable, Sendable, Codable {
  public enum Kind: String, Sendable, Codable { case max, min }
  public var threshold: Double
  public var kind: Kind
  public init(threshold: Double, kind: Kind) {
    self.threshold = threshold
    self.kind = kind
  }
  /// True when `value` breaks the line as printed: value and threshold both rounded to
  /// `decimals` by the one rule (`DecimalRounding`), so a value printed 76 never breaks a limit
  /// printed 76. The one red-line rule of the table, the red-line panel and the scoring veto.
  public func isBreached(by value: Double, decimals: Int) -> Bool {
    let v = DecimalRounding.key(value, decimals: decimals)
    let t = DecimalRounding.key(threshold, decimals: decimals)
    switch kind {
    case .max: return v > t
    case .min: return v < t
    }
  }
}

/// Metadata of one indicator.
public struct Indicator: Hashable, Sendable, Codable {
  public var id: IndicatorID
  public var name: String
  public var shortName: String
  public var aliases: [String]
  /// Canonical unit; observations in another unit of the same dimension are converted to it.
  public var unit: Unit?
  public var polarity: Polarity
  public var aggregation: Aggregation
  public var kind: IndicatorKind
  /// Decimals shown for values, and the precision values are ranked at (two values tie exactly
  /// when they print the same). Default when indicators.csv leaves it empty: the most fraction
  /// digits written in the indicator's values, counted in its canonical unit, at most 6 (set by
  /// the loader); 1 for indicators built in code without it.
  public var decimals: Int
  /// A "main indicator" of the sheet (主要指标).
  public var isMain: Bool
  /// Display order. Default: file order.
  public var order: Int
  /// 牵头单位.
  public var leadUnit: String?
  public var redLine: RedLine?
  /// What the published growth measures. Default: `.nominal`.
  public var growthBasis: GrowthBasis

  public init(
    id: IndicatorID, name: String? = nil, shortName: String? = nil, aliases: [String] = [],
    unit: Unit? = nil, polarity: Polarity = .higher, aggregation: Aggregation = .sum,
    kind: IndicatorKind = .flow, decimals: Int = 1, isMain: Bool = true, order: Int = 0,
    leadUnit: String? = nil, redLine: RedLine? = nil, growthBasis: GrowthBasis = .nominal
  ) {
    self.id = id
    self.name = name ?? id.rawValue
    self.shortName = shortName ?? name ?? id.rawValue
    self.aliases = aliases
    self.unit = unit
    self.polarity = polarity
    self.aggregation = aggregation
    self.kind = kind
    self.decimals = decimals
    self.isMain = isMain
    self.order = order
    self.leadUnit = leadUnit
    self.redLine = redLine
    self.growthBasis = growthBasis
  }
}

// MARK: - Observations

/// Whether a value is final. Masked and missing values are never treated as 0.
public enum ValueStatus: String, Sendable, Codable, CaseIterable {
  case actual, estimate, preliminary, masked, missing
}

/// A qualifier carried over from text (近9亿元, 6000多万元, 不足18.1%).
public enum ValueQualifier: String, Sendable, Codable {
  /// 近, 约, 左右: about.
  case approximately
  /// 多, 余, 以上, 超过, 突破: at least.
  case atLeast
  /// 不足, 不到, 以内: at most.
  case atMost
}

/// One cell of the cube: region × period × indicator, value in the indicator's canonical unit.
public struct Observation: Hashable, Sendable, Codable {
  public var region: RegionID
  public var period: Period
  public var indicator: IndicatorID
  /// In the indicator's canonical unit; nil when masked or missing.
  public var value: Double?
  public var status: ValueStatus
  public var qualifier: ValueQualifier?
  /// Annual target for this region × indicator × year (canonical unit).
  public var target: Double?
  /// Annual target growth, %.
  public var targetGrowth: Double?
  /// Officially published YoY growth, %; takes precedence over the computed one.
  public var officialGrowth: Double?
  public var note: String?
  public var source: String?
  /// Where the row was read.
  public var location: SourceLocation?

  public init(
    region: RegionID, period: Period, indicator: IndicatorID, value: Double?,
    status: ValueStatus = .actual, qualifier: ValueQualifier? = nil, target: Double? = nil,
    targetGrowth: Double? = nil, officialGrowth: Double? = nil, note: String? = nil,
    source: String? = nil, location: SourceLocation? = nil
  ) {
    self.region = region
    self.period = period
    self.indicator = indicator
    self.value = value
    self.status = value == nil && status == .actual ? .missing : status
    self.qualifier = qualifier
    self.target = target
    self.targetGrowth = targetGrowth
    self.officialGrowth = officialGrowth
    self.note = note
    self.source = source
    self.location = location
  }
}
