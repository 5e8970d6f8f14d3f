import BriefingCore

// MARK: - Sheet counts

/// Counts for the summary sentence of one region's sheet ("N项指标实现双过半，M项增速居全市第一…").
/// Every list keeps the order of the `indicators` argument; counts are the lists' lengths.
public struct SheetCounts: Hashable, Sendable {
  /// completionPct ≥ timeProgressPct (双过半 / on time progress).
  public var onTimeProgress: [IndicatorID]
  /// Indicators with a completion figure (the denominator of "N of M on time progress").
  public var withTarget: [IndicatorID]
  /// rank == 1 by value (total).
  public var firstByValue: [IndicatorID]
  /// growthRank == 1.
  public var firstByGrowth: [IndicatorID]
  /// bottomRank ≤ 2 by value (倒数后两位), only when at least 3 members are ranked.
  public var bottomTwoByValue: [IndicatorID]
  /// growthBottomRank ≤ 2, only when at least 3 members are ranked.
  public var bottomTwoByGrowth: [IndicatorID]
  /// targetGrowthMet == false (slower than the target growth).
  public var slowerThanTargetGrowth: [IndicatorID]
  /// growth below the previous period's growth, both rounded to 1 decimal (增速回落).
  public var decelerating: [IndicatorID]

  public var onTimeProgressCount: Int { onTimeProgress.count }
}

extension SheetCounts {
  /// Counts for `region` in `group` at `period` over `indicators` (rows missing in the table
  /// count nowhere).
  public init(
    _ table: ComparisonTable, region: RegionID, group: RegionID, period: Period,
    indicators: [IndicatorID]
  ) {
    self.init(
      onTimeProgress: [], withTarget: [], firstByValue: [], firstByGrowth: [],
      bottomTwoByValue: [], bottomTwoByGrowth: [], slowerThanTargetGrowth: [], decelerating: [])
    var byIndicator: [IndicatorID: ComparisonRow] = [:]
    for row in table.rows
    where row.region == region && row.group == group && row.period == period && !row.isGroupRow {
      if byIndicator[row.indicator] == nil { byIndicator[row.indicator] = row }
    }
    for id in indicators {
      guard let row = byIndicator[id] else { continue }
      if let completion = row.completionPct {
        withTarget.append(id)
        if let progress = row.timeProgressPct, completion >= progress { onTimeProgress.append(id) }
      }
      if row.rank == 1 { firstByValue.append(id) }
      if row.growthRank == 1 { firstByGrowth.append(id) }
      if let bottom = row.bottomRank, bottom <= 2, (row.rankOf ?? 0) >= 3 { bottomTwoByValue.append(id) }
      if let bottom = row.growthBottomRank, bottom <= 2, (row.growthRankOf ?? 0) >= 3 {
        bottomTwoByGrowth.append(id)
      }
      if row.targetGrowthMet == false { slowerThanTargetGrowth.append(id) }
      if let now = row.growthPct, let before = row.prevGrowthPct,
        DecimalRounding.key(now, decimals: 1) < DecimalRounding.key(before, decimals: 1)
      {
        decelerating.append(id)
      }
    }
  }
}

// MARK: - Sub-region summary

/// Completion spread of a group of sub-regions (townships) for one indicator and period.
/// Lists are sorted by completion, highest first (ties in group order).
public struct SubRegionSummary: Hashable, Sendable {
  public struct Entry: Hashable, Sendable {
    public var region: RegionID
    public var completionPct: Double
  }

  /// Members with a completion figure, sorted.
  public var entries: [Entry]
  public var minCompletionPct: Double?
  /// Median (mean of the two middle values for an even count).
  public var medianCompletionPct: Double?
  public var maxCompletionPct: Double?
  /// completion < threshold (default 30%).
  public var belowThreshold: [Entry]
  /// completion < time progress.
  public var behindTimeProgress: [Entry]
  /// completion ≥ 100% (提前完成).
  public var doneAhead: [Entry]
}

extension SubRegionSummary {
  public init(
    _ table: ComparisonTable, group: RegionID, indicator: IndicatorID, period: Period,
    thresholdPct: Double = 30
  ) {
    let rows = table.rows(indicator: indicator, period: period, group: group)
    var entries: [(Int, Entry, Double?)] = []
    for (k, row) in rows.enumerated() {
      guard let c = row.completionPct else { continue }
      entries.append((k, Entry(region: row.region, completionPct: c), row.timeProgressPct))
    }
    entries.sort { a, b in
      a.1.completionPct != b.1.completionPct ? a.1.completionPct > b.1.completionPct : a.0 < b.0
    }
    let sorted = entries.map(\.1)
    let values = sorted.map(\.completionPct).reversed() as [Double]
    self.entries = sorted
    minCompletionPct = values.first
    maxCompletionPct = values.last
    medianCompletionPct = median(values)
    belowThreshold = sorted.filter { $0.completionPct < thresholdPct }
    behindTimeProgress = entries.filter { e in e.2.map { e.1.completionPct < $0 } ?? false }.map(\.1)
    doneAhead = sorted.filter { $0.completionPct >= 100 }
  }
}

/// Median of values sorted ascending or not (sorts a copy); nil when empty.
func median(_ values: [Double]) -> Double? {
  let s = values.sorted()
  guard !s.isEmpty else { return nil }
  let mid = s.count / 2
  return s.count % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

// MARK: - Red lines

/// A region's position relative to an indicator's red line (veto threshold).
public struct RedLineStatus: Hashable, Sendable {
  public var indicator: IndicatorID
  public var period: Period
  public var region: RegionID
  public var value: Double
  public var redLine: RedLine
  public var breached: Bool
  /// Margin to the line in the indicator's unit: threshold − value for `max`, value − threshold
  /// for `min`; negative when breached.
  public var distance: Double

  /// Statuses for every region row (each region once per indicator and period, first group
  /// wins; group rows included) of indicators with a red line, in table order.
  public static func all(_ table: ComparisonTable, indicators: [Indicator]) -> [RedLineStatus] {
    var lines: [IndicatorID: RedLine] = [:]
    for indicator in indicators { if let line = indicator.redLine { lines[indicator.id] = line } }
    struct Key: Hashable { var i: IndicatorID; var p: Period; var r: RegionID }
    var seen = Set<Key>()
    var result: [RedLineStatus] = []
    for row in table.rows {
      guard let line = lines[row.indicator], let value = row.value,
        seen.insert(Key(i: row.indicator, p: row.period, r: row.region)).inserted
      else { continue }
      let distance: Double =
        switch line.kind {
        case .max: line.threshold - value
        case .min: value - line.threshold
        }
      result.append(
        RedLineStatus(
          indicator: row.indicator, period: row.period, region: row.region, value: value,
          redLine: line, breached: line.isBreached(by: value), distance: distance))
    }
    return result
  }
}
