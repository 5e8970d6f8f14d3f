import BriefingCore

// MARK: - Targets

extension RowBuilder {
  /// Fills the target fields of `row` from `annual`, the annual target of (region, indicator,
  /// year) of the row.
  ///
  /// - `target`, `targetGrowthPct`: the annual figures, on every row of that year.
  /// - `targetGrowthMet`: growth ≥ target growth (≤ for `lower` polarity), both rounded to
  ///   1 decimal as printed; `targetGrowthGapPp = growth − target growth`. Neither for a rate
  ///   (`changesInPoints`): its relative growth is not what a target growth of a rate means.
  /// - For cumulative periods of `flow` and `count` indicators only (a stock or ratio at
  ///   mid-year is not "part of" an annual target):
  ///   `completionPct = value / target × 100` (may exceed 100; nil when the target is 0),
  ///   `timeProgressPct` = `options.timeProgressShare(for:)` × 100,
  ///   `progressGapPp = completionPct − timeProgressPct`,
  ///   `progressGapAmount = value − target × share` (+ ahead, − behind),
  ///   `remaining = max(0, target − value)`,
  ///   `monthlyPaceNeeded = remaining / (12 − endMonth)`, nil at year end.
  func fillTargets(_ row: inout ComparisonRow, indicator i: Int, annual: AnnualTarget?) {
    let period = row.period
    row.target = annual?.target
    row.targetGrowthPct = annual?.targetGrowth
    if let goal = annual?.targetGrowth, let growth = row.growthPct, !ComparisonRow.changesInPoints(unit: row.unit) {
      row.targetGrowthGapPp = growth - goal
      let g = DecimalRounding.key(growth, decimals: 1)
      let t = DecimalRounding.key(goal, decimals: 1)
      row.targetGrowthMet = index.indicators[i].polarity.ranksAscending ? g <= t : g >= t
    }
    guard case .cumulative = period.kind, index.indicators[i].kind.hasAnnualProgress else { return }
    let share = options.timeProgressShare(for: period)
    row.timeProgressPct = share * 100
    guard let target = annual?.target, let value = row.value else { return }
    row.remaining = max(0, target - value)
    row.progressGapAmount = value - target * share
    if period.endMonth < 12, let remaining = row.remaining {
      row.monthlyPaceNeeded = remaining / Double(12 - period.endMonth)
    }
    guard target != 0 else { return }
    let completion = value / target * 100
    row.completionPct = completion
    row.progressGapPp = completion - share * 100
  }
}

extension IndicatorKind {
  /// True for kinds whose cumulative value fills an annual target (flows and counts).
  var hasAnnualProgress: Bool {
    switch self {
    case .flow, .count: true
    case .stock, .ratio: false
    }
  }
}

extension ComparisonRow {
  /// Behind the time-progress line as printed: `progressGapPp` rounds below 0.0 at 1 decimal
  /// (nil without a completion figure). The one rule of the sheets' 落后序时进度 marks.
  public var isBehindTimeProgress: Bool? {
    progressGapPp.map { DecimalRounding.key($0, decimals: 1) < 0 }
  }

  /// The annual target is met as printed: `completionPct` rounds to 100.0 or more at 1 decimal
  /// (99.96 prints 100.0 and is met); nil without a completion figure.
  public var isAnnualTargetMet: Bool? {
    completionPct.map { DecimalRounding.key($0, decimals: 1) >= 1000 }
  }
}
