import BriefingCore

// MARK: - Comparison table

/// The output of the compare phase: every comparison for every (indicator, period, group, region),
/// plus the findings produced while computing it. A `Sendable` value that can be dumped.
public struct ComparisonTable: Sendable, Codable {
  public var rows: [ComparisonRow]
  public var findings: [Finding]

  public init(rows: [ComparisonRow], findings: [Finding] = []) {
    self.rows = rows
    self.findings = findings
  }

  // MARK: - Lookups

  /// Member rows of one group for one indicator and period, in group member order.
  public func rows(indicator: IndicatorID, period: Period, group: RegionID) -> [ComparisonRow] {
    rows.filter {
      $0.indicator == indicator && $0.period == period && $0.group == group && !$0.isGroupRow
    }
  }

  /// The group row (aggregates) for one indicator and period.
  public func groupRow(indicator: IndicatorID, period: Period, group: RegionID) -> ComparisonRow? {
    rows.first {
      $0.indicator == indicator && $0.period == period && $0.group == group && $0.isGroupRow
    }
  }

  /// One region's row.
  public func row(indicator: IndicatorID, period: Period, group: RegionID, region: RegionID)
    -> ComparisonRow?
  {
    rows.first {
      $0.indicator == indicator && $0.period == period && $0.group == group && $0.region == region
        && !$0.isGroupRow
    }
  }
}
