import BriefingCore

// MARK: - Comparison table

/// The output of the compare phase: every comparison for every (indicator, period, group, region),
/// plus the findings produced while computing it. A `Sendable` value that can be dumped.
public struct ComparisonTable: Sendable, Codable {
  public var rows: [ComparisonRow] {
    didSet { positionsByGroup = Self.positions(rows) }
  }
  public var findings: [Finding]
  /// Row positions of each group (members and group row), ascending: a lookup reads one group's
  /// rows instead of the whole table (national data: 337 groups, 380,000 rows).
  private var positionsByGroup: [RegionID: [Int]]

  public init(rows: [ComparisonRow], findings: [Finding] = []) {
    self.rows = rows
    self.findings = findings
    positionsByGroup = Self.positions(rows)
  }

  private enum CodingKeys: String, CodingKey { case rows, findings }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      rows: try container.decode([ComparisonRow].self, forKey: .rows),
      findings: try container.decode([Finding].self, forKey: .findings))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(rows, forKey: .rows)
    try container.encode(findings, forKey: .findings)
  }

  private static func positions(_ rows: [ComparisonRow]) -> [RegionID: [Int]] {
    var result: [RegionID: [Int]] = [:]
    for (position, row) in rows.enumerated() { result[row.group, default: []].append(position) }
    return result
  }

  // MARK: - Lookups

  /// Every row of one group (members and group rows, all indicators and periods), in table order.
  public func rows(group: RegionID) -> [ComparisonRow] {
    (positionsByGroup[group] ?? []).map { rows[$0] }
  }

  /// Every row of one group in one period (members and group rows, all indicators), in table order.
  public func rows(period: Period, group: RegionID) -> [ComparisonRow] {
    select(group) { $0.period == period }
  }

  /// Member rows of one group for one indicator and period, in group member order.
  public func rows(indicator: IndicatorID, period: Period, group: RegionID) -> [ComparisonRow] {
    select(group) { $0.indicator == indicator && $0.period == period && !$0.isGroupRow }
  }

  /// The group row (aggregates) for one indicator and period.
  public func groupRow(indicator: IndicatorID, period: Period, group: RegionID) -> ComparisonRow? {
    first(group) { $0.indicator == indicator && $0.period == period && $0.isGroupRow }
  }

  /// One region's row.
  public func row(indicator: IndicatorID, period: Period, group: RegionID, region: RegionID)
    -> ComparisonRow?
  {
    first(group) {
      $0.indicator == indicator && $0.period == period && $0.region == region && !$0.isGroupRow
    }
  }

  private func select(_ group: RegionID, where matches: (borrowing ComparisonRow) -> Bool) -> [ComparisonRow] {
    (positionsByGroup[group] ?? []).compactMap { matches(rows[$0]) ? rows[$0] : nil }
  }

  private func first(_ group: RegionID, where matches: (borrowing ComparisonRow) -> Bool) -> ComparisonRow? {
    (positionsByGroup[group] ?? []).first { matches(rows[$0]) }.map { rows[$0] }
  }
}
