import BriefingCore

// MARK: - Compare

/// Builds the comparison table: for every indicator (by `order`, then file order) and every
/// period in which it has observations (ascending), for every group of `dataset.peerGroups`
/// (in that order), one row per member (group order) and then one group row
/// (`isGroupRow == true`, `region == group id`, `value` = the aggregate).
///
/// Conventions (see `ComparisonRow` and the helpers' docs):
/// - prior = same region, same period kind, year − 1; computed growth nil when the prior is
///   missing, masked or ≤ 0 (negative ⇒ `negative-base` warning); `growthPct = official ??
///   computed`; official vs computed differing by more than 0.1 pp ⇒ `growth-mismatch` warning
///   (for a `real` growth basis: growth = official only, and a `real-growth-differs` notice).
/// - prev period = the period just before in the dataset's calendar of the same family.
/// - ranks: competition ranks (1, 2, 2, 4) on values rounded to the indicator's decimals
///   (growth: 1 decimal), ascending for `lower` polarity; missing/masked values are unranked.
/// - `rankOverall` ranks among all regions whose parent has the same `level` as this region's
///   parent (regions without a parent are not ranked overall).
/// - targets are annual: completion etc. only for cumulative periods of `flow`/`count` indicators.
/// Runs in O(observations + rows) with hashed lookups.
public func compare(_ dataset: Dataset, options: CompareOptions = .init()) -> ComparisonTable {
  var rows: [ComparisonRow] = []
  let findings = compareRows(dataset, options: options, reserve: { rows.reserveCapacity($0) }) {
    rows.append($0)
  }
  return ComparisonTable(rows: rows, findings: findings)
}

/// The rows of `compare`, in the same order, handed to `emit` one at a time instead of kept
/// (for exports of large data sets); returns the findings. `reserve` learns the row count first.
public func compareRows(
  _ dataset: Dataset, options: CompareOptions = .init(), reserve: (Int) -> Void = { _ in },
  _ emit: (ComparisonRow) -> Void
) -> [Finding] {
  let index = CompareIndex(dataset)
  var findings = index.findings
  let (metrics, growthFindings) = index.cellMetrics(options: options)
  let (targets, targetFindings) = index.annualTargets()
  findings += targetFindings + growthFindings

  let groups = fastPeerGroups(dataset).map { group in
    (id: group.id, members: group.members.compactMap { index.regionIndex[$0] })
  }
  let builder = RowBuilder(
    index: index, metrics: metrics, targets: targets, options: options, groupCount: groups.count)
  var stats: [Int: GroupStats] = [:]
  for i in index.indicators.indices {
    for p in index.periodsOfIndicator[i] {
      for (g, group) in groups.enumerated() {
        stats[builder.statsKey(i, p, g)] = index.groupStats(
          indicator: i, period: p, members: group.members, metrics: metrics,
          groupRegion: index.regionIndex[group.id])
      }
    }
  }
  let overall = builder.overallRanks()

  reserve(
    index.periodsOfIndicator.reduce(0) { $0 + $1.count }
      * groups.reduce(0) { $0 + $1.members.count + 1 })
  for i in index.indicators.indices {
    for p in index.periodsOfIndicator[i] {
      for (g, group) in groups.enumerated() {
        guard let s = stats[builder.statsKey(i, p, g)] else { continue }
        let context = RowBuilder.GroupContext(
          indicator: i, period: p, group: g, groupID: group.id, stats: s,
          prev: index.prevPeriod[p].flatMap { stats[builder.statsKey(i, $0, g)] },
          lastYear: index.lastYearPeriod[p].flatMap { stats[builder.statsKey(i, $0, g)] })
        for k in group.members.indices {
          emit(builder.memberRow(context, position: k, overall: overall))
        }
        emit(builder.groupRow(context))
      }
    }
  }
  return findings
}
