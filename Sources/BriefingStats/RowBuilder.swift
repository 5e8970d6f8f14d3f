import BriefingCore

// MARK: - Row builder

/// Assembles `ComparisonRow`s from the index, cell metrics, group stats and targets.
struct RowBuilder: Sendable {
  let index: CompareIndex
  let metrics: [CellMetrics]
  let targets: AnnualTargetTable
  let options: CompareOptions

  struct GroupContext {
    var indicator: Int
    var period: Int
    var group: Int
    var groupID: RegionID
    var stats: GroupStats
    var prev: GroupStats?
    /// The stats of the period's comparison basis (`CompareIndex.priorPeriod`).
    var prior: GroupStats?
    /// Annual targets of the period's year by region (nil: no region has one).
    var yearTargets: [AnnualTarget?]?
    /// Overall rank and rank-of by region in this period (nil: no region is ranked overall).
    var overall: (rank: [Int?], of: [Int?])?
  }

  /// Overall ranks of one indicator per period: rank and rank-of per region (dense arrays).
  struct OverallRanks {
    var ranks: [Int: (rank: [Int?], of: [Int?])]
  }

  func cellMetrics(_ i: Int, _ p: Int?, _ r: Int) -> CellMetrics? {
    guard let p, let n = index.cell[index.cellNumber(i, p, r)] else { return nil }
    return metrics[n]
  }

  // MARK: - Overall ranks

  /// Ranks every region among all regions whose parent has the same level (competition ranks,
  /// same rounding and direction as the group ranks).
  func overallRanks(indicator i: Int) -> OverallRanks {
    var buckets: [String: [Int]] = [:]
    var bucketOrder: [String] = []
    for (r, level) in index.parentLevel.enumerated() {
      guard let level else { continue }
      if buckets[level] == nil { bucketOrder.append(level) }
      buckets[level, default: []].append(r)
    }
    var result = OverallRanks(ranks: [:])
    let regionCount = index.regionIDs.count
    let indicator = index.indicators[i]
    for p in index.periodsOfIndicator[i] {
      var rank = [Int?](repeating: nil, count: regionCount)
      var of = [Int?](repeating: nil, count: regionCount)
      for level in bucketOrder {
        let members = buckets[level] ?? []
        let values = members.map { cellMetrics(i, p, $0)?.value }
        let ranking = competitionRank(
          values, decimals: indicator.decimals, ascending: indicator.polarity.ranksAscending)
        for (k, r) in members.enumerated() {
          rank[r] = ranking.ranks[k]
          of[r] = ranking.rankedCount
        }
      }
      result.ranks[p] = (rank, of)
    }
    return result
  }

  // MARK: - Member rows

  // Rows read indicator fields in place (`index.indicators[i].unit`): a local copy of the
  // whole indicator would retain and release its names and aliases on every row.

  func memberRow(_ c: GroupContext, position k: Int) -> ComparisonRow {
    let polarity = index.indicators[c.indicator].polarity
    let r = c.stats.members[k]
    let period = index.periods[c.period]
    let m = cellMetrics(c.indicator, c.period, r)
    var row = ComparisonRow(
      indicator: index.indicators[c.indicator].id, period: period, group: c.groupID,
      region: index.regionIDs[r], value: m?.value, unit: index.indicators[c.indicator].unit,
      status: m?.status ?? .missing)
    let s = c.stats
    // Asked of the unit, not of `row`: a computed property of the row copied the whole row
    // (retaining its strings) on each call, twice a row.
    let inPoints = ComparisonRow.changesInPoints(unit: row.unit)
    // Ranks (a rate has no growth ranking: its change is in points).
    row.rank = s.valueRanking.ranks[k]
    row.rankOf = s.valueRanking.rankedCount
    row.bottomRank = s.valueRanking.bottomRanks[k]
    row.rankIsTied = s.valueRanking.isTied[k]
    let judged = index.indicators[c.indicator].polarity.isJudged
    row.bottomPlace = ComparisonRow.bottomPlace(rank: row.rank, bottom: row.bottomRank, judged: judged)
    if let growthRanking = s.growthRanking {
      row.growthRank = growthRanking.ranks[k]
      row.growthRankOf = growthRanking.rankedCount
      row.growthBottomRank = growthRanking.bottomRanks[k]
      row.growthRankIsTied = growthRanking.isTied[k]
      row.growthBottomPlace = ComparisonRow.bottomPlace(
        rank: row.growthRank, bottom: row.growthBottomRank, judged: judged)
    }
    if let entry = c.overall {
      row.rankOverall = entry.rank[r]
      row.rankOverallOf = entry.of[r]
    }
    if let prev = c.prev, let j = prev.position(of: r, likely: k) {
      if let before = prev.valueRanking.ranks[j], let now = row.rank { row.rankChange = before - now }
      if let before = prev.growthRanking?.ranks[j], let now = row.growthRank {
        row.growthRankChange = before - now
      }
    }
    // Growth.
    fillBasis(&row, period: c.period)
    if m?.official != nil, index.priorBasis[c.period] != .yearAgo {
      // The growth shown is the published yoy: its basis is a year ago, whatever the calendar.
      row.priorPeriod = period.samePeriodLastYear
      row.priorBasis = .yearAgo
    }
    row.priorValue = m?.prior
    row.officialGrowthPct = m?.official
    row.computedGrowthPct = m?.computed
    row.growthPct = m?.growth
    if let prev = index.prevPeriod[c.period] {
      row.prevPeriod = index.periods[prev]
      let pm = cellMetrics(c.indicator, prev, r)
      row.prevValue = pm?.value
      row.prevGrowthPct = pm?.growth
    }
    if !inPoints, let g = row.growthPct,
      let before = cellMetrics(c.indicator, index.priorPeriod[c.period], r)?.growth
    {
      row.growthChangePp = g - before
    }
    // Group.
    fillGroupFields(&row, stats: s)
    if let value = row.value {
      if let mean = s.mean { row.gapToGroupMean = value - mean }
      if let leaderIndex = s.valueRanking.order.first, let leader = s.values[leaderIndex] {
        row.gapToLeader = abs(leader - value)
      }
      if let rank = row.rank, rank > 1 {
        let aboveIndex = s.valueRanking.order[rank - 2]
        if let above = s.values[aboveIndex] {
          row.gapToAbove = polarity.ranksAscending ? value - above : above - value
        }
      }
    }
    if !inPoints, let g = row.growthPct, let groupGrowth = s.growth {
      row.growthGapToGroupPp = g - groupGrowth
    }
    if case .sum = index.indicators[c.indicator].aggregation {
      row.sharePct = share(stats: s, position: k)
      if let now = row.sharePct, let prior = c.prior, let j = prior.position(of: r, likely: k),
        let before = share(stats: prior, position: j)
      {
        row.shareChangePp = now - before
      }
      if let value = row.value, let prior = m?.prior, let base = s.matchedPriorTotal, base > 0 {
        row.contributionPp = (value - prior) / base * 100
      }
    }
    // Targets.
    fillTargets(&row, indicator: c.indicator, annual: c.yearTargets?[r] ?? nil)
    fillRedLine(&row, indicator: c.indicator)
    return row
  }

  /// value / total × 100 (nil when either is nil or the total is 0).
  func share(stats: GroupStats, position k: Int) -> Double? {
    guard let value = stats.values[k], let total = stats.total, total != 0 else { return nil }
    return value / total * 100
  }

  /// `priorPeriod` and `priorBasis`: the comparison basis of dataset period `p`.
  func fillBasis(_ row: inout ComparisonRow, period p: Int) {
    row.priorPeriod = index.priorPeriod[p].map { index.periods[$0] }
    row.priorBasis = index.priorBasis[p]
  }

  func fillGroupFields(_ row: inout ComparisonRow, stats s: GroupStats) {
    row.groupTotal = s.total
    row.groupTotalIsPartial = s.totalIsPartial
    row.groupMean = s.mean
    row.groupGrowthPct = s.growth
  }

  // MARK: - Group rows

  /// The group row: `value` = total (`.sum`) or mean (`.mean`, `.weightedMean`), nil for
  /// `.none`; `growthPct` = the group growth; `priorValue`/`prevValue` = the same aggregate in
  /// the prior/previous period; targets from the group region's own observations, if any.
  /// `status` is the worst of the contributing members (estimate < preliminary < actual).
  func groupRow(_ c: GroupContext) -> ComparisonRow {
    let aggregation = index.indicators[c.indicator].aggregation
    let period = index.periods[c.period]
    let value = c.stats.aggregateValue(aggregation)
    var row = ComparisonRow(
      indicator: index.indicators[c.indicator].id, period: period, group: c.groupID,
      region: c.groupID, isGroupRow: true, value: value, unit: index.indicators[c.indicator].unit,
      status: value == nil ? .missing : groupStatus(c))
    fillGroupFields(&row, stats: c.stats)
    row.growthPct = c.stats.growth
    fillBasis(&row, period: c.period)
    row.priorValue = c.prior?.aggregateValue(aggregation)
    if let prev = index.prevPeriod[c.period] {
      row.prevPeriod = index.periods[prev]
      row.prevValue = c.prev?.aggregateValue(aggregation)
      row.prevGrowthPct = c.prev?.growth
    }
    if !ComparisonRow.changesInPoints(unit: row.unit), let now = c.stats.growth, let before = c.prior?.growth {
      row.growthChangePp = now - before
    }
    if let r = index.regionIndex[c.groupID] {
      fillTargets(&row, indicator: c.indicator, annual: targets.byRegion(indicator: c.indicator, period: c.period)?[r] ?? nil)
    }
    row.redLineBreaches = redLineBreaches(c.stats, indicator: c.indicator)
    return row
  }

  private func groupStatus(_ c: GroupContext) -> ValueStatus {
    var status = ValueStatus.actual
    for r in c.stats.members {
      guard let m = cellMetrics(c.indicator, c.period, r), m.value != nil else { continue }
      switch m.status {
      case .estimate: status = .estimate
      case .preliminary: if status == .actual { status = .preliminary }
      case .actual, .masked, .missing: break
      }
    }
    return status
  }
}
