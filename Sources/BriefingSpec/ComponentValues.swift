import BriefingCore

// MARK: - Indicator selection

/// Which indicators a component or page covers.
public enum IndicatorSelection: Hashable, Sendable {
  /// Every indicator flagged `main` in the metadata, in display order. The default.
  case main
  /// Exactly these, in this order.
  case list([IndicatorID])
}

// MARK: - Name style

/// Which indicator name a table or bullet list shows.
public enum NameStyle: String, CaseIterable, Hashable, Sendable {
  /// The metadata's `name` (地区生产总值, Nonfarm payroll employment). The default.
  case full
  /// The metadata's `short_name` (生产总值, Employment), falling back to the name: for long
  /// names that would wrap a table row onto three lines.
  case short
}

// MARK: - Chart metric

/// The metrics a chart draws from a comparison row (`metric:` of `rankedBar`, `trendLine`,
/// `smallMultiples`). Any other `Metric` is an error naming these.
public enum ChartMetric: String, CaseIterable, Hashable, Sendable {
  /// The indicator's value in its unit.
  case value
  /// Growth over the prior basis, % (points for rates). The default.
  case growthPct
}
