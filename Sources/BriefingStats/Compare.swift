import BriefingCore
import Dispatch
import Synchronization

// MARK: - Compare

/// Builds the comparison table: for every indicator (by `order`, then file order) and every
/// period in which it has observations (ascending), for every group of `dataset.peerGroups`
/// (in that order) in which a member has an observation of the indicator in some period, one
/// row per member (group order) and then one group row
/// (`isGroupRow == true`, `region == group id`, `value` = the aggregate). A group whose members
/// have no observation of an indicator at all gets no rows for it: the national data's 2,845 township
/// groups carry one township indicator, and rows for the 14 others (all missing, 5.5 M rows,
/// 4.8 GB per process) were most of a national job's memory.
///
/// Conventions (see `ComparisonRow` and the helpers' docs):
/// - comparison basis (`priorPeriod`, one per dataset period, the same for every indicator):
///   the same period kind, year − 1, when the dataset has that period (`priorBasis` `.yearAgo`),
///   else the latest earlier period of the same kind (`.previousPeriod`), else none. prior =
///   same region in the basis period; growth, growth ranks, growth change, share change and
///   contributions all use it. Computed growth nil when the prior is missing, masked or ≤ 0
///   (negative ⇒ `negative-base` warning); `growthPct = official ?? computed`; official vs
///   computed differing by more than 0.1 pp ⇒ `growth-mismatch` warning (for a `real` growth
///   basis: growth = official only, and a `real-growth-differs` notice).
/// - prev period (rank change, prev value) = the period just before in the dataset's calendar
///   of the same family (cumulative, quarter, month): 2023 for a yearly 2024, and 2024-M09 for
///   2024 when the data has both (the previous report of the year-to-date calendar).
/// - ranks: competition ranks (1, 2, 2, 4) on `DecimalRounding.key` at the indicator's decimals
///   (growth: 1 decimal), ascending for `lower` polarity; missing/masked values are unranked.
///   Bottom ranks count from the bottom with ties sharing the better place (9, 8, 7, 7 → 倒数
///   4, 3, 1, 1); `rankIsTied` flags a shared place.
/// - rates (`%`, `‰`, `ComparisonRow.changesInPoints`): no growth ranks, no growth rank change
///   and no growth gap to the group; the change is `changeFromPrior` (points).
/// - `rankOverall` ranks among all regions whose parent has the same `level` as this region's
///   parent (regions without a parent are not ranked overall).
/// - targets are annual: completion etc. only for cumulative periods of `flow`/`count` indicators.
/// Runs in O(observations + rows) with hashed lookups.
public func compare(_ dataset: Dataset, options: CompareOptions = .init()) -> ComparisonTable {
  let plan = ComparisonPlan(dataset, options: options)
  var rows: [ComparisonRow] = []
  rows.reserveCapacity(plan.rowCount)
  for i in 0..<plan.indicatorCount {
    plan.forEachRow(ofIndicator: i) { rows.append($0) }
  }
  return ComparisonTable(rows: rows, findings: plan.findings)
}

// MARK: - Plan

/// The work of `compare` that spans indicators (index, cell metrics, annual targets, peer
/// groups), done once; the rows of each indicator are then built independently of the others,
/// so large exports stream them one indicator at a time, on several threads.
public struct ComparisonPlan: Sendable {
  private let index: CompareIndex
  private let groups: [(id: RegionID, members: [Int])]
  /// Per indicator, the positions in `groups` of the groups that have an observation of it.
  private let groupsOfIndicator: [[Int]]
  private let builder: RowBuilder
  /// Findings of the whole comparison (duplicates, growth checks, targets), in a fixed order.
  public let findings: [Finding]

  /// Holds no reference to `dataset`'s observations once built: a caller that lets go of the
  /// dataset frees them before the rows are built.
  public init(_ dataset: Dataset, options: CompareOptions = .init()) {
    var index = CompareIndex(dataset)
    // Independent of each other: the annual targets, the peer groups and the groups of each
    // indicator are gathered on a second thread while the cell metrics are computed.
    let ((metrics, growthFindings), (targets, targetFindings, groups, groupsOfIndicator)) = concurrently(
      { index.cellMetrics(options: options) },
      { [index, dataset] in
        let (targets, findings) = index.annualTargets()
        let groups = dataset.peerGroups.map { group in
          (id: group.id, members: group.members.compactMap { index.regionIndex[$0] })
        }
        return (targets, findings, groups, Self.groupsWithObservations(groups, index: index))
      })
    findings = index.findings + targetFindings + growthFindings
    self.groups = groups
    self.groupsOfIndicator = groupsOfIndicator
    index.releaseObservations()
    self.index = index
    builder = RowBuilder(index: index, metrics: metrics, targets: targets, options: options)
  }

  /// Number of indicators, the unit of `forEachRow(ofIndicator:)`: 0..<indicatorCount in order.
  public var indicatorCount: Int { index.indicators.count }

  /// Number of rows of the whole table (members plus one group row per group and period).
  public var rowCount: Int { (0..<indicatorCount).reduce(0) { $0 + rowCount(ofIndicator: $1) } }

  /// Number of rows of indicator `i`.
  public func rowCount(ofIndicator i: Int) -> Int {
    index.periodsOfIndicator[i].count * groupsOfIndicator[i].reduce(0) { $0 + groups[$1].members.count + 1 }
  }

  /// For each indicator, the positions of the groups in which a member has an observation of it
  /// (in any period), in group order. The group region's own observations do not count: a
  /// county has every indicator, its townships one, and the county's figures are ranked among
  /// its own peers.
  private static func groupsWithObservations(
    _ groups: [(id: RegionID, members: [Int])], index: CompareIndex
  ) -> [[Int]] {
    let regionCount = index.regionIDs.count
    var observed = [Bool](repeating: false, count: index.indicators.count * regionCount)
    for (i, _, r) in index.observationKeys { observed[i * regionCount + r] = true }
    return index.indicators.indices.map { i in
      groups.indices.filter { g in groups[g].members.contains { observed[i * regionCount + $0] } }
    }
  }

  /// The rows of indicator `i` (in table order), handed to `emit` one at a time.
  public func forEachRow(ofIndicator i: Int, _ emit: (ComparisonRow) -> Void) {
    let groupCount = max(groups.count, 1)
    var stats: [Int: GroupStats] = [:]
    for p in index.periodsOfIndicator[i] {
      for g in groupsOfIndicator[i] {
        let group = groups[g]
        stats[p * groupCount + g] = index.groupStats(
          indicator: i, period: p, members: group.members, metrics: builder.metrics,
          groupRegion: index.regionIndex[group.id])
      }
    }
    let overall = builder.overallRanks(indicator: i)
    for p in index.periodsOfIndicator[i] {
      let yearTargets = builder.targets.byRegion(indicator: i, period: p)
      for g in groupsOfIndicator[i] {
        let group = groups[g]
        guard let s = stats[p * groupCount + g] else { continue }
        let context = RowBuilder.GroupContext(
          indicator: i, period: p, group: g, groupID: group.id, stats: s,
          prev: index.prevPeriod[p].flatMap { stats[$0 * groupCount + g] },
          prior: index.priorPeriod[p].flatMap { stats[$0 * groupCount + g] },
          yearTargets: yearTargets, overall: overall.ranks[p])
        for k in group.members.indices {
          emit(builder.memberRow(context, position: k))
        }
        emit(builder.groupRow(context))
      }
    }
  }
}
