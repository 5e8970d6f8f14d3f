// MARK: - Metrics a layout can bind

/// A column of the comparison table that a component can show or sort by. Names are the
/// `briefing analyze` column names in camelCase, so a layout reads like the export.
public enum Metric: String, Sendable, Codable, CaseIterable {
  case value
  case growthPct
  case growthChangePp
  case targetGrowthPct
  case completionPct
  case progressGapPp
  case progressGapAmount
  case remaining
  case monthlyPaceNeeded
  case rank
  case growthRank
  case rankChange
  case growthRankChange
  case rankOverall
  case groupGrowthPct
  case growthGapToGroupPp
  case gapToLeader
  case sharePct
  case shareChangePp
  case contributionPp

  /// True when the metric needs an annual target in the data.
  public var needsTarget: Bool {
    switch self {
    case .completionPct, .progressGapPp, .progressGapAmount, .remaining, .monthlyPaceNeeded: true
    case .value, .growthPct, .growthChangePp, .targetGrowthPct, .rank, .growthRank, .rankChange,
      .growthRankChange, .rankOverall, .groupGrowthPct, .growthGapToGroupPp, .gapToLeader,
      .sharePct, .shareChangePp, .contributionPp:
      false
    }
  }
}
