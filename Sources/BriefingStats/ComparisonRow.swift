import BriefingCore

// MARK: - Comparison rows

/// What the comparison basis (`priorPeriod`) of a row is.
public enum PriorBasis: String, Hashable, Sendable, Codable, CaseIterable {
  /// The same period one year earlier (上年同期): growth is year-on-year (同比).
  case yearAgo = "year_ago"
  /// No year-earlier period in the data: the previous period of the same kind in the dataset's
  /// calendar (a 5-yearly panel compares 2007 with 2002). Never worded as year-on-year.
  case previousPeriod = "previous_period"
}

/// One row of the comparison table: (indicator, period, group, region). Group rows have
/// `isGroupRow == true` and `region == group`.
///
/// Conventions (documented in README, tested table by table in `BriefingStatsTests`):
/// - `growthPct = (value / priorValue − 1) × 100`, nil when the prior is missing, masked or
///   ≤ 0 (a negative prior also gives a `negative-base` warning). When an official `yoy` is
///   published it takes precedence in `growthPct` (and its basis is a year ago);
///   `computedGrowthPct` keeps ours.
/// - Ranks are competition ranks (1, 2, 2, 4) within the group: descending for `higher`/`neutral`,
///   ascending for `lower` polarity. Missing values are unranked; `rankOf` counts ranked members.
/// - `bottomRank` is the competition rank counted from the bottom: ties share the better bottom
///   place, so two regions tied last among 9 are both 倒数第1 (并列倒数第一); `rankIsTied` says
///   a place is shared (并列), top or bottom.
/// - `priorPeriod` is the comparison basis: the same period one year earlier when the dataset
///   has it (`priorBasis == .yearAgo`, 同比), otherwise the previous period of the same kind in
///   the dataset's own calendar (`.previousPeriod`, e.g. 2002 for a 5-yearly 2007: 「较2002年」).
/// - `bottomPlace` / `growthBottomPlace`: the bottom rank when it is a bottom place by
///   `ComparisonRow.bottomPlace` (judged, nearer the bottom than the top), for every 倒数 mark.
/// - Rates (`%`, `‰`): the change is in points (`changeFromPrior`); no growth rank.
/// - `rankChange = previous rank − rank` (positive = moved up).
/// - Group average growth (全市平均增速) for additive indicators is the group total's growth.
/// - `completionPct = value / target × 100`; `timeProgressPct` = elapsed share of the year × 100;
///   `progressGapPp = completionPct − timeProgressPct`.
public struct ComparisonRow: Hashable, Sendable, Codable {
  // MARK: Keys
  public var indicator: IndicatorID
  public var period: Period
  public var group: RegionID
  public var region: RegionID
  public var isGroupRow: Bool

  // MARK: Value
  /// In the indicator's canonical unit.
  public var value: Double?
  public var unit: Unit?
  public var status: ValueStatus

  // MARK: Ranks
  public var rank: Int?
  public var rankOf: Int?
  /// Competition rank from the bottom (ties share the better bottom place): 倒数第k.
  public var bottomRank: Int?
  /// True when another ranked member shares this `rank` (并列).
  public var rankIsTied: Bool?
  /// `bottomRank` when this is a bottom place (倒数第k) by `ComparisonRow.bottomPlace`: a judged
  /// indicator and nearer the bottom than the top; nil otherwise.
  public var bottomPlace: Int?
  public var rankOverall: Int?
  public var rankOverallOf: Int?
  /// Competition rank by growth at 1 decimal; nil for a rate (`changesInPoints`), as are
  /// `growthRankOf`, `growthBottomRank`, `growthRankIsTied` and `growthRankChange`.
  public var growthRank: Int?
  public var growthRankOf: Int?
  public var growthBottomRank: Int?
  /// True when another ranked member shares this `growthRank` (并列).
  public var growthRankIsTied: Bool?
  /// `growthBottomRank` when it is a bottom place (see `bottomPlace`); nil otherwise.
  public var growthBottomPlace: Int?
  /// Previous period's rank by value minus this rank (positive = moved up).
  public var rankChange: Int?
  /// Previous period's growth rank minus this growth rank.
  public var growthRankChange: Int?

  // MARK: Growth
  /// The basis period of `priorValue` and `growthPct` (see `priorBasis`).
  public var priorPeriod: Period?
  /// What `priorPeriod` is: a year ago (同比) or the dataset's previous period of that kind.
  public var priorBasis: PriorBasis?
  public var priorValue: Double?
  /// Published growth if any, else computed, %.
  public var growthPct: Double?
  /// Our computation from value and prior, %.
  public var computedGrowthPct: Double?
  /// The officially published growth (`yoy` column), %.
  public var officialGrowthPct: Double?
  public var prevPeriod: Period?
  public var prevValue: Double?
  /// Growth of the previous period against its own prior, %.
  public var prevGrowthPct: Double?
  /// Growth now minus the growth of the basis period (`priorPeriod`), percentage points.
  public var growthChangePp: Double?

  // MARK: Group
  public var groupTotal: Double?
  /// True when some member's value is missing or masked, so `groupTotal` covers fewer members
  /// than the group has (nil when there is no total).
  public var groupTotalIsPartial: Bool?
  public var groupMean: Double?
  /// The group's own growth (total vs prior total for additive indicators), %.
  public var groupGrowthPct: Double?
  /// growthPct − groupGrowthPct, pp; nil for a rate.
  public var growthGapToGroupPp: Double?
  /// value − group mean, in the unit.
  public var gapToGroupMean: Double?
  /// Leader's value − value (≥ 0 for everyone but the leader).
  public var gapToLeader: Double?
  /// Value of the region ranked just above minus value (nil for the leader).
  public var gapToAbove: Double?
  public var sharePct: Double?
  public var shareChangePp: Double?
  /// Contribution to the group's growth, pp: (value − prior) / prior group total × 100.
  public var contributionPp: Double?

  // MARK: Targets
  public var target: Double?
  public var targetGrowthPct: Double?
  public var targetGrowthMet: Bool?
  /// growthPct − targetGrowthPct, pp (negative: slower than the target growth); nil for a rate.
  public var targetGrowthGapPp: Double?
  public var completionPct: Double?
  public var timeProgressPct: Double?
  public var progressGapPp: Double?
  /// completion amount ahead (+) or behind (−) the time-progress line, in the unit.
  public var progressGapAmount: Double?
  /// target − value, when positive.
  public var remaining: Double?
  /// remaining / months left in the year.
  public var monthlyPaceNeeded: Double?

  // MARK: Red lines
  /// For an indicator with a red line: the value breaks it, on the printed figures (member rows).
  public var redLineBreached: Bool?
  /// |value − threshold|, in the unit (member rows).
  public var redLineGap: Double?
  /// Members of the group that break the red line (group rows).
  public var redLineBreaches: Int?

  public init(
    indicator: IndicatorID, period: Period, group: RegionID, region: RegionID,
    isGroupRow: Bool = false, value: Double? = nil, unit: Unit? = nil,
    status: ValueStatus = .missing
  ) {
    self.indicator = indicator
    self.period = period
    self.group = group
    self.region = region
    self.isGroupRow = isGroupRow
    self.value = value
    self.unit = unit
    self.status = status
  }
}
