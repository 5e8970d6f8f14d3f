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

/// Where a rank sits, as the speeches name it. Read from the row, never worked out here: the
/// row's rank, its bottom rank (competition rank from the bottom; two tied last are both 1) and
/// its tie flag.
enum RankPosition: Hashable, Sendable {
  /// 第N位 / Nth.
  case nth(Int)
  /// 并列第N位 / tied Nth: another member of the group shares the place.
  case tied(Int)
  /// 倒数第二位 / second to last (bottom rank 2, only in groups of 4 or more, where it differs
  /// from 第2位/第3位); shared: 并列倒数第二 / tied second to last.
  case secondToLast(tied: Bool)
  /// 末位 / last (bottom rank 1); shared: 并列倒数第一 / tied last.
  case last(tied: Bool)

  /// nil without a rank. `bottomPlace` is the row's (`ComparisonRow.bottomPlace`: judged and
  /// nearer the bottom than the top, decided by the table); bottom words only for places 1 and 2.
  init?(rank: Int?, bottomPlace: Int?, tied: Bool?) {
    guard let rank else { return nil }
    let tied = tied ?? false
    switch bottomPlace {
    case 1?: self = .last(tied: tied)
    case 2?: self = .secondToLast(tied: tied)
    default: self = tied ? .tied(rank) : .nth(rank)
    }
  }
}

/// What a change is measured against: the row's `priorBasis` and `priorPeriod`.
enum ChangeBasis: Hashable, Sendable {
  /// The same period a year earlier: 同比 / 上年同期, "year on year".
  case yearAgo
  /// The dataset's previous period of that kind (a 5-yearly panel: 2002 for 2007):
  /// 「较2002年」, "vs 2002". Never worded as year-on-year.
  case period(Period)
  /// The previous period, not named in the row: 「较上期」, "vs the previous period".
  case previousPeriod

  /// `.yearAgo` when the row says so or says nothing (today's wording).
  init(row: ComparisonRow) {
    switch row.priorBasis {
    case .previousPeriod?: self = row.priorPeriod.map(ChangeBasis.period) ?? .previousPeriod
    case .yearAgo?, nil: self = .yearAgo
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

  /// The row decides (`ComparisonRow.changesInPoints`); its unit says which points.
  init(row: ComparisonRow) {
    guard row.changesInPoints else {
      self = .percent
      return
    }
    self = row.unit?.symbol == "‰" ? .permillePoints : .percentagePoints
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
/// already taken (signs, tie and bottom-rank words). Language-neutral: the Chinese and English
/// wordings render the same facts.
///
/// Every figure is the row's: value, ranks, bottom ranks, tie flags, gaps, the basis period and
/// whether a change is in points. Nothing is ranked, averaged or compared across members here;
/// numbers are rounded only through `NumberText` (Core's `DecimalRounding`).
struct IndicatorFacts: Hashable, Sendable {
  var indicator: Indicator
  /// The row's unit (the table's canonical unit), else the indicator's.
  var unit: Unit?
  /// As in the row. A `.missing` value may still come with a published growth or a rank.
  var status: ValueStatus
  /// Shown value; nil when masked or missing.
  var value: Double?
  var valueRank: RankPosition?
  /// Change against the basis period: growth %, or for a rate its change in points (see
  /// `changeMeasure`).
  var growth: Trend?
  var changeMeasure: ChangeMeasure
  /// What the change is measured against (同比 or 较2002年).
  var basis: ChangeBasis
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

  /// False for a neutral indicator: no rule fires, it is never a highlight or a shortfall.
  var isJudged: Bool
  /// Growth − group growth in the good direction (negated for lower-is-better), pp.
  var favourableGapPp: Double?
  /// Completion − time progress, pp.
  var progressGapPp: Double?
  /// The table's verdict (`ComparisonRow.isBehindTimeProgress`).
  var isBehindTimeProgress: Bool
  var growthRankNumber: Int?
  var valueRankNumber: Int?
  /// The row's growth bottom rank, as given.
  var growthFromBottom: Int?
  var growthRankCount: Int?
  var valueRankCount: Int?
  /// Growth moved in the bad direction (a decline, or a rise of a lower-is-better indicator).
  var isAdverseTrend: Bool

  // MARK: Initialization

  /// Facts of `row`, read from its fields.
  init(row: ComparisonRow, indicator: Indicator) {
    let hidden = row.status == .masked || row.status == .missing
    let judged = indicator.polarity.isJudged
    // A rate's growth rate (4.4% over 3.9% = +12.8%) is not what anyone says: its change is worded
    // in points, and growth ranks, their moves, gaps and growth targets (all on relative growth)
    // are left out. The row decides which indicators are rates.
    let inPoints = row.changesInPoints
    self.indicator = indicator
    unit = row.unit ?? indicator.unit
    status = row.status
    value = hidden ? nil : row.value
    isJudged = judged
    valueRank = RankPosition(rank: row.rank, bottomPlace: row.bottomPlace, tied: row.rankIsTied)
    growthRank =
      inPoints
      ? nil
      : RankPosition(rank: row.growthRank, bottomPlace: row.growthBottomPlace, tied: row.growthRankIsTied)
    changeMeasure = ChangeMeasure(row: row)
    basis = ChangeBasis(row: row)
    growth = Trend(growthPct: inPoints ? row.changeFromPrior : row.growthPct)

    let rawGap = inPoints ? nil : row.growthGapToGroupPp
    gap = Self.gap(
      growth: row.growthPct, groupGrowth: row.groupGrowthPct, rawGap: rawGap,
      polarity: indicator.polarity)
    let sign: Double = indicator.polarity == .lower ? -1 : 1
    favourableGapPp = rawGap.map { NumberText.roundedOneDecimal($0 * sign) }

    // The gap to the target growth is the row's (nil for rates, decided by the table).
    targetGrowth = Comparison(difference: row.targetGrowthGapPp.map { $0 * sign })

    completionPct = row.completionPct
    progress = Comparison(difference: row.progressGapPp)
    progressGapPp = row.progressGapPp.map(NumberText.roundedOneDecimal)
    isBehindTimeProgress = row.isBehindTimeProgress ?? false

    valueRankChange = row.rankChange
    growthRankChange = inPoints ? nil : row.growthRankChange
    growthRankNumber = inPoints ? nil : row.growthRank
    valueRankNumber = row.rank
    growthRankCount = inPoints ? nil : row.growthRankOf
    valueRankCount = row.rankOf
    growthFromBottom = row.growthBottomPlace
    isAdverseTrend = judged && Self.isAdverse(growth, polarity: indicator.polarity)
  }

  // MARK: - Private

  private static func gap(
    growth: Double?, groupGrowth: Double?, rawGap: Double?, polarity: Polarity
  ) -> GrowthGap? {
    guard let comparison = Comparison(difference: rawGap) else { return nil }
    // "Declined" as printed: a growth that rounds to 0.0 is 持平, not a decline.
    guard polarity == .lower, let growth, let groupGrowth,
      NumberText.roundedOneDecimal(growth) < 0, NumberText.roundedOneDecimal(groupGrowth) < 0
    else {
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
