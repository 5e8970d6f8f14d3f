import BriefingCore

// MARK: - Data quality

/// Plausibility checks over a comparison table (member rows only; group rows are derived).
///
/// - `growth-outlier` (warning): a member whose growth differs from the group's median growth
///   by more than 20 pp *and* by more than 3 × MAD (median absolute deviation), per
///   (indicator, period, group), with at least 3 growths.
/// - `structural-break` (warning): more than half of a group's members (with both values) jump by
///   more than 40% from the previous period. Cumulative periods are compared per month covered
///   (H1 / 6 vs 1—3月 / 3), since year-to-date values grow by construction.
/// - `estimated-values` / `masked-values` (notice): one per (indicator, period) listing the
///   regions with estimated/preliminary or masked values.
public func dataQualityFindings(_ table: ComparisonTable) -> [Finding] {
  var findings: [Finding] = []
  var slices: [SliceKey: [ComparisonRow]] = [:]
  var sliceOrder: [SliceKey] = []
  for row in table.rows where !row.isGroupRow {
    let key = SliceKey(indicator: row.indicator, period: row.period, group: row.group)
    if slices[key] == nil { sliceOrder.append(key) }
    slices[key, default: []].append(row)
  }
  for key in sliceOrder {
    let rows = slices[key] ?? []
    findings += growthOutliers(rows, key)
    if let f = structuralBreak(rows, key) { findings.append(f) }
  }
  findings += statusNotices(table)
  return findings
}

struct SliceKey: Hashable {
  var indicator: IndicatorID
  var period: Period
  var group: RegionID
}

private func growthOutliers(_ rows: [ComparisonRow], _ key: SliceKey) -> [Finding] {
  let growths = rows.compactMap(\.growthPct)
  guard growths.count >= 3, let med = median(growths),
    let mad = median(growths.map { abs($0 - med) })
  else { return [] }
  return rows.compactMap { row in
    guard let g = row.growthPct, abs(g - med) > 20, abs(g - med) > 3 * mad else { return nil }
    return Finding(.warning, .growthOutlier(row, median: med))
  }
}

private func structuralBreak(_ rows: [ComparisonRow], _ key: SliceKey) -> Finding? {
  var pairs = 0
  var jumps = 0
  for row in rows {
    guard let v = row.value, let pv = row.prevValue, let prev = row.prevPeriod else { continue }
    let now = v / Double(row.period.monthsCovered)
    let before = pv / Double(prev.monthsCovered)
    guard before > 0 else { continue }
    pairs += 1
    if abs(now / before - 1) > 0.4 { jumps += 1 }
  }
  guard pairs > 0, Double(jumps) > Double(rows.count) / 2 else { return nil }
  return Finding(.warning, .structuralBreak(key, jumps: jumps, members: rows.count))
}

private func statusNotices(_ table: ComparisonTable) -> [Finding] {
  struct Key: Hashable { var i: IndicatorID; var p: Period }
  var order: [Key] = []
  var estimated: [Key: [RegionID]] = [:]
  var masked: [Key: [RegionID]] = [:]
  var seen = Set<String>()
  for row in table.rows where !row.isGroupRow {
    let key = Key(i: row.indicator, p: row.period)
    guard seen.insert("\(row.indicator)|\(row.period.code)|\(row.region)").inserted else { continue }
    switch row.status {
    case .estimate, .preliminary:
      if estimated[key] == nil && masked[key] == nil { order.append(key) }
      estimated[key, default: []].append(row.region)
    case .masked:
      if estimated[key] == nil && masked[key] == nil { order.append(key) }
      masked[key, default: []].append(row.region)
    case .actual, .missing: break
    }
  }
  var findings: [Finding] = []
  for key in order {
    if let regions = estimated[key] {
      findings.append(Finding(.notice, .statusNotice("estimated-values", "estimated or preliminary", key.i, key.p, regions)))
    }
    if let regions = masked[key] {
      findings.append(Finding(.notice, .statusNotice("masked-values", "masked", key.i, key.p, regions)))
    }
  }
  return findings
}

extension Finding.Message {
  static func growthOutlier(_ row: ComparisonRow, median: Double) -> Self {
    .init(
      code: "growth-outlier",
      text: "\(row.indicator) \(row.period.code) \(row.region): growth \(NumberText.format(row.growthPct ?? 0))% is far from the \(row.group) median \(NumberText.format(median))%")
  }

  static func structuralBreak(_ key: SliceKey, jumps: Int, members: Int) -> Self {
    .init(
      code: "structural-break",
      text: "\(key.indicator) \(key.period.code) \(key.group): \(jumps) of \(members) members jump by more than 40% from the previous period")
  }

  static func statusNotice(
    _ code: String, _ what: String, _ indicator: IndicatorID, _ period: Period, _ regions: [RegionID]
  ) -> Self {
    .init(
      code: code,
      text: "\(indicator) \(period.code): \(what) values for \(regions.map(\.rawValue).joined(separator: ", "))")
  }
}

/// The median of `values` (nil when empty): the middle value, or the mean of the two middle ones.
func median(_ values: [Double]) -> Double? {
  let s = values.sorted()
  guard !s.isEmpty else { return nil }
  let mid = s.count / 2
  return s.count % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}
