import BriefingCore

// MARK: - trendLine

/// `kind: trendLine`: the focus region against the group over the periods in the data.
public struct TrendLineSpec: OneIndicatorSpec {
  public static let kind = ComponentKind.trendLine

  /// The YAML keys, one per property below, in `dump-layout` order.
  public enum Key: String, ComponentKey {
    case indicator, metric
  }

  /// The indicator drawn. Required.
  public var indicator: IndicatorID
  /// What the lines show. Default: `growthPct`.
  public var metric: ChartMetric = .growthPct

  public init(indicator: IndicatorID) {
    self.indicator = indicator
  }

  public init(reading keys: ComponentKeys<Key>, reader: inout NodeReader) {
    self.init(indicator: keys.indicator(.indicator, reader: &reader))
    metric = keys.chartMetric(.metric, reader: &reader) ?? metric
  }

  public func dumpValue(of key: Key) -> String {
    switch key {
    case .indicator: YAMLText.quoted(indicator.rawValue)
    case .metric: metric.rawValue
    }
  }

  public var body: ComponentSpec.Body { .trendLine(self) }
}
