import BriefingCore
import BriefingStats

// MARK: - Fact vocabulary

/// A signed difference reduced to what a sentence says: above or below by a positive magnitude
/// (rounded to 1 decimal), or level when it rounds to 0.0.
enum Comparison: Hashable, Sendable {
  case above(Double)
  case below(Double)
  case level

  /// nil for nil; `.level` when `difference` rounds to 0.0 at 1 decimal.
  init?(difference: Double?) {
    guard let difference, difference.isFinite else { return nil }
    let rounded = NumberText.roundedOneDecimal(difference)
    if rounded > 0 {
      self = .above(rounded)
    } else if rounded < 0 {
      self = .below(-rounded)
    } else {
      self = .level
    }
  }
}

/// Where a rank sits, as the speeches name it.
enum RankPosition: Hashable, Sendable {
  /// 第N位 / Nth.
  case nth(Int)
  /// 并列第N位 / tied Nth: another member of the group has the same rank.
  case tied(Int)
  /// 倒数第二 / second to last (only in groups of 4 or more, where it differs from 第2位/第3位).
  case secondToLast
  /// 末位 / last (the last of 2 or more).
  case last

  /// Precedence: tie, then last, then second to last, then plain.
  init?(rank: Int?, of count: Int?, bottom: Int?, tied: Bool) {
    guard let rank else { return nil }
    if tied {
      self = .tied(rank)
      return
    }
    if let count, count > 1, rank == count {
      self = .last
      return
    }
    let fromBottom = bottom ?? count.map { $0 - rank + 1 }
    if let count, count >= 4, fromBottom == 2 {
      self = .secondToLast
    } else {
      self = .nth(rank)
    }
  }
}

/// Year-on-year change reduced to its word: up or down by a rounded positive percentage, or flat.
enum Trend: Hashable, Sendable {
  case up(Double)
  case down(Double)
  case flat

  init?(growthPct: Double?) {
    switch Comparison(difference: growthPct) {
    case .above(let magnitude): self = .up(magnitude)
    case .below(let magnitude): self = .down(magnitude)
    case .level: self = .flat
    case nil: return nil
    }
  }
}

/// How a year-on-year change is measured: a growth rate, or for a rate indicator (`%`, `‰`) the
/// change in percentage (per-mille) points, 「上升0.5个百分点」.
enum ChangeMeasure: Hashable, Sendable {
  case percent
  case percentagePoints
  case permillePoints

  init(unit: Unit?) {
    switch unit?.isRatio == true ? unit?.symbol : nil {
    case "‰": self = .permillePoints
    case .some: self = .percentagePoints
    case nil: self = .percent
    }
  }
}

/// The gap between our growth and the group's, and what is compared.
struct GrowthGap: Hashable, Sendable {
  enum Basis: Hashable, Sendable {
    /// Growth rates compared as signed numbers (高于/低于全市平均).
    case growth
    /// Both declined and lower is better: the sizes of the declines are compared (降幅高于/低于).
    case decline
  }
  var basis: Basis
  var comparison: Comparison
}

/// Which facts a clause states.
enum FactKind: Hashable, Sendable, CaseIterable {
  case value, valueRank, growth, growthRank, gap, targetGrowth, completion
  case valueRankChange, growthRankChange

  /// What the headline states for every indicator.
  static let headline: Set<FactKind> = [
    .value, .valueRank, .growth, .growthRank, .gap, .completion,
  ]
}

// MARK: - Indicator facts

/// Everything the narrative may say about one indicator of the region, with the wording decisions
/// already taken (rounding, signs, tie and bottom-rank words). Language-neutral: the Chinese and
/// English wordings render the same facts.
struct IndicatorFacts: Hashable, Sendable {
  var indicator: Indicator
  /// As in the row. A `.missing` value may still come with a published growth or a rank.
  var status: ValueStatus
  /// Shown value; nil when masked or missing.
  var value: Double?
  var valueRank: RankPosition?
  /// Year-on-year change: growth %, or for a rate its change in points (see `changeMeasure`).
  var growth: Trend?
  var changeMeasure: ChangeMeasure
  var growthRank: RankPosition?
  var gap: GrowthGap?
  /// Growth − target growth.
  var targetGrowth: Comparison?
  var completionPct: Double?
  /// Completion − time progress.
  var progress: Comparison?
  /// Places moved since the previous period (positive = up).
  var valueRankChange: Int?
  var growthRankChange: Int?

  // MARK: Rule inputs (rounded to 1 decimal, signed so that positive is good)

  /// Growth − group growth in the good direction (negated for lower-is-better), pp.
  var favourableGapPp: Double?
  /// Completion − time progress, pp.
  var progressGapPp: Double?
  var growthRankNumber: Int?
  var valueRankNumber: Int?
  var growthFromBottom: Int?
  var growthRankCount: Int?
  var valueRankCount: Int?
  /// Growth moved in the bad direction (a decline, or a rise of a lower-is-better indicator).
  var isAdverseTrend: Bool

  // MARK: Initialization

  /// Facts of `row`; `peers` are other rows of the same indicator, period and group, used only to
  /// detect ties (a peer with the same rank).
  init(row: ComparisonRow, indicator: Indicator, peers: [ComparisonRow]) {
    let others = peers.filter { !$0.isGroupRow && $0.region != row.region }
    let hidden = row.status == .masked || row.status == .missing
    self.indicator = indicator
    status = row.status
    value = hidden ? nil : row.value
    valueRank = RankPosition(
      rank: row.rank, of: row.rankOf, bottom: row.bottomRank,
      tied: row.rank.map { rank in others.contains { $0.rank == rank } } ?? false)
    growthRank = RankPosition(
      rank: row.growthRank, of: row.growthRankOf, bottom: row.growthBottomRank,
      tied: row.growthRank.map { rank in others.contains { $0.growthRank == rank } } ?? false)
    changeMeasure = ChangeMeasure(unit: indicator.unit)
    let isRate = changeMeasure != .percent
    // A rate's growth rate (4.4% over 3.9% = +12.8%) is not what anyone says: its change is worded
    // in points, and growth ranks, gaps and growth targets (all on relative growth) are left out.
    growth = Trend(growthPct: isRate ? row.changeFromPrior : row.growthPct)
    if isRate { growthRank = nil }

    let groupRow = peers.first(where: \.isGroupRow)
    let groupGrowth = row.groupGrowthPct ?? groupRow?.groupGrowthPct ?? groupRow?.growthPct
    let rawGap =
      row.growthGapToGroupPp
      ?? row.growthPct.flatMap { own in groupGrowth.map { own - $0 } }
    gap = isRate ? nil : Self.gap(
      growth: row.growthPct, groupGrowth: groupGrowth, rawGap: rawGap,
      polarity: indicator.polarity)
    let sign: Double = indicator.polarity == .lower ? -1 : 1
    favourableGapPp = isRate ? nil : rawGap.map { NumberText.roundedOneDecimal($0 * sign) }

    let targetDifference = row.growthPct.flatMap { own in row.targetGrowthPct.map { own - $0 } }
    targetGrowth = isRate ? nil : Comparison(difference: targetDifference.map { $0 * sign })

    completionPct = row.completionPct
    let rawProgress =
      row.progressGapPp
      ?? row.completionPct.flatMap { done in row.timeProgressPct.map { done - $0 } }
    progress = Comparison(difference: rawProgress)
    progressGapPp = rawProgress.map(NumberText.roundedOneDecimal)

    valueRankChange = row.rankChange
    growthRankChange = row.growthRankChange
    growthRankNumber = isRate ? nil : row.growthRank
    valueRankNumber = row.rank
    growthRankCount = isRate ? nil : row.growthRankOf
    valueRankCount = row.rankOf
    growthFromBottom =
      isRate ? nil : row.growthBottomRank
      ?? row.growthRank.flatMap { rank in row.growthRankOf.map { $0 - rank + 1 } }
    isAdverseTrend = Self.isAdverse(growth, polarity: indicator.polarity)
  }

  // MARK: - Private

  private static func gap(
    growth: Double?, groupGrowth: Double?, rawGap: Double?, polarity: Polarity
  ) -> GrowthGap? {
    guard let comparison = Comparison(difference: rawGap) else { return nil }
    guard polarity == .lower, let growth, let groupGrowth, growth < 0, groupGrowth < 0 else {
      return GrowthGap(basis: .growth, comparison: comparison)
    }
    // Both declined: a larger decline (more negative growth) is a 降幅 above the average.
    return GrowthGap(basis: .decline, comparison: Comparison(difference: -(rawGap ?? 0)) ?? .level)
  }

  private static func isAdverse(_ trend: Trend?, polarity: Polarity) -> Bool {
    switch (trend, polarity) {
    case (.down, .higher), (.up, .lower): true
    case (.down, .lower), (.down, .neutral), (.up, _), (.flat, _), (nil, _): false
    }
  }
}
