import BriefingCore

// MARK: - Group statistics

/// Ranks and aggregates of one peer group for one indicator and period.
///
/// Aggregation conventions (all over members only; the group's own observation is not used):
/// - `.sum`: `total` = Σ values of members that have one (`totalIsPartial` when some member is
///   missing or masked); `mean` = total / count; `growth = (ΣV / ΣP − 1) × 100` over members
///   with both a value and a prior (全市平均增速), nil when ΣP ≤ 0; `matchedPriorTotal` = that ΣP.
///   The prior is that of the period's comparison basis (`CompareIndex.priorPeriod`).
/// - `.mean`: `mean` = unweighted mean; growth as for `.sum` over matched members, which is the
///   growth of the matched mean (mean of the members with both figures, now vs prior); a
///   member without a prior stays out of both means.
/// - `.weightedMean(by: w)`: `mean = Σ v·w / Σ w` with w the other indicator's value of the same
///   period and region; growth compares the matched weighted means (prior weights from the basis
///   period).
/// - `.none`: no aggregates.
/// - For a `real` growth basis the value sums say nothing about constant-price growth: the
///   group growth is the group region's own published growth (its `yoy`, when the data has a row
///   for the group) or nil, and there is no matched prior total (so no contributions).
struct GroupStats {
  var members: [Int]
  var values: [Double?]
  var growths: [Double?]
  var valueRanking: Ranking
  /// Growth ranks at the printed 1 decimal; nil for a rate (`ComparisonRow.changesInPoints`),
  /// whose change is in points and which has no growth rank.
  var growthRanking: Ranking?
  var total: Double?
  var totalIsPartial: Bool?
  var mean: Double?
  var growth: Double?
  var matchedPriorTotal: Double?
  var memberPositions: [Int: Int]

  /// The aggregate shown as the group row's value: total for `.sum`, mean for (weighted) means.
  func aggregateValue(_ aggregation: Aggregation) -> Double? {
    switch aggregation {
    case .sum: total
    case .mean, .weightedMean: mean
    case .none: nil
    }
  }

  /// The member position of `region`; `likely` is checked first (the stats of one group in
  /// another period list the same members in the same order, so it is the row's own position).
  func position(of region: Int, likely: Int) -> Int? {
    if likely < members.count, members[likely] == region { return likely }
    return memberPositions[region]
  }
}

extension CompareIndex {
  func groupStats(
    indicator i: Int, period p: Int, members: [Int], metrics: [CellMetrics], groupRegion: Int?
  ) -> GroupStats {
    let indicator = indicators[i]
    let cells = members.map { r in cell[cellNumber(i, p, r)].map { metrics[$0] } }
    let values = cells.map { $0?.value }
    let growths = cells.map { $0?.growth }
    let ascending = indicator.polarity.ranksAscending
    var stats = GroupStats(
      members: members, values: values, growths: growths,
      valueRanking: competitionRank(values, decimals: indicator.decimals, ascending: ascending),
      growthRanking: ComparisonRow.changesInPoints(unit: indicator.unit)
        ? nil : competitionRank(growths, decimals: 1, ascending: ascending),
      memberPositions: Dictionary(
        members.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a }))
    let present = values.compactMap { $0 }
    var sumV = 0.0
    var sumP = 0.0
    var matched = 0
    for c in cells {
      if let c, let v = c.value, let prior = c.prior {
        sumV += v
        sumP += prior
        matched += 1
      }
    }
    let matchedGrowth = matched > 0 && sumP > 0 ? (sumV / sumP - 1) * 100 : nil
    switch indicator.aggregation {
    case .sum:
      if !present.isEmpty {
        let total = present.reduce(0, +)
        stats.total = total
        stats.totalIsPartial = present.count < members.count
        stats.mean = total / Double(present.count)
      }
      stats.growth = matchedGrowth
      stats.matchedPriorTotal = matched > 0 ? sumP : nil
    case .mean:
      if !present.isEmpty { stats.mean = present.reduce(0, +) / Double(present.count) }
      stats.growth = matchedGrowth
    case .weightedMean(let by):
      guard let w = indicatorIndex[by] else { break }
      let q = priorPeriod[p]
      var sumVW = 0.0
      var sumW = 0.0
      var nowVW = 0.0
      var nowW = 0.0
      var priorVW = 0.0
      var priorW = 0.0
      for (k, r) in members.enumerated() {
        guard let v = values[k], let weight = value(w, p, r, metrics: metrics) else { continue }
        sumVW += v * weight
        sumW += weight
        if let q, let prior = cells[k]?.prior, let priorWeight = value(w, q, r, metrics: metrics) {
          nowVW += v * weight
          nowW += weight
          priorVW += prior * priorWeight
          priorW += priorWeight
        }
      }
      if sumW > 0 { stats.mean = sumVW / sumW }
      if nowW > 0, priorW > 0, priorVW / priorW > 0 {
        stats.growth = ((nowVW / nowW) / (priorVW / priorW) - 1) * 100
      }
    case .none:
      break
    }
    if indicator.growthBasis == .real {
      let groupCell = groupRegion.flatMap { cell[cellNumber(i, p, $0)] }
      stats.growth = groupCell.flatMap { metrics[$0].official }
      stats.matchedPriorTotal = nil
    }
    return stats
  }

  /// The value of (indicator, period, region) from the per-cell metrics (the same as the
  /// observation's: the rows are built after `releaseObservations`).
  private func value(_ i: Int, _ p: Int, _ r: Int, metrics: [CellMetrics]) -> Double? {
    cell[cellNumber(i, p, r)].flatMap { metrics[$0].value }
  }
}
