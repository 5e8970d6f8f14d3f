import BriefingCore

// MARK: - smallMultiples

/// `kind: smallMultiples`: one mini ranked bar chart per indicator, in a grid.
public struct SmallMultiplesSpec: IndicatorListSpec {
  public static let kind = ComponentKind.smallMultiples

  /// The YAML keys, one per property below, in `dump-layout` order.
  public enum Key: String, ComponentKey {
    case indicators, metric, columns
  }

  /// One panel per indicator. Default: the layout's `indicators`.
  public var indicators: IndicatorSelection
  /// What the panels show: growth on one scale shared by the panels, or values on each panel's
  /// own scale. Default: `growthPct`.
  public var metric: ChartMetric = .growthPct
  /// Panels per grid row. Default: 3. Range: 1...8.
  public var columns = 3

  public init(indicators: IndicatorSelection) {
    self.indicators = indicators
  }

  public init(reading keys: ComponentKeys<Key>, reader: inout NodeReader) {
    self.init(indicators: keys.indicators(.indicators, reader: &reader))
    metric = keys.chartMetric(.metric, reader: &reader) ?? metric
    columns = keys.int(.columns, range: 1...8, reader: &reader) ?? columns
  }

  public func dumpValue(of key: Key) -> String {
    switch key {
    case .indicators: YAMLText.selection(indicators)
    case .metric: metric.rawValue
    case .columns: String(columns)
    }
  }

  public var body: ComponentSpec.Body { .smallMultiples(self) }
}
