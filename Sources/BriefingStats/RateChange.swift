import BriefingCore

// MARK: - Change of a rate

extension ComparisonRow {
  /// `value − priorValue` in the indicator's unit, nil when either is missing or masked.
  ///
  /// For a rate (unit `%` or `‰`) this is what bulletins state instead of a growth rate:
  /// 「城镇登记失业率4.4%，比上年同期上升0.5个百分点」, "unemployment up 0.5 points". The relative
  /// `growthPct` of a rate (4.4 / 3.9 − 1 = 12.8%) stays in the export, where its column name is
  /// fixed, but sheets word the change in points.
  public var changeFromPrior: Double? {
    guard status != .masked, let value, let priorValue else { return nil }
    return value - priorValue
  }

  /// True for a rate (`%`, `‰`): every phase states its change in points (`changeFromPrior`),
  /// never a relative growth, and it has no growth rank. Decided here, once.
  public var changesInPoints: Bool { Self.changesInPoints(unit: unit) }

  /// The rule of `changesInPoints` for a unit (the table decides growth ranks before any row
  /// exists; a chart without rows asks its indicator).
  static func changesInPoints(unit: Unit?) -> Bool { unit?.isRatio == true }
}

extension Indicator {
  /// `ComparisonRow.changesInPoints` for this indicator's rows (the same rule, for components
  /// that have no row at hand).
  public var changesInPoints: Bool { ComparisonRow.changesInPoints(unit: unit) }
}
