import BriefingCore

// MARK: - subRegionTable

/// `kind: subRegionTable`: the focus region's townships or parks by completion of one task.
public struct SubRegionTableSpec: OneIndicatorSpec {
  public static let kind = ComponentKind.subRegionTable

  /// The YAML keys, one per property below, in `dump-layout` order.
  public enum Key: String, ComponentKey {
    case indicator, threshold
  }

  /// The task (an indicator with targets). Required.
  public var indicator: IndicatorID
  /// Completion below this is marked as an alarm, % of the task. Default: 30. Range: 0...1000.
  public var threshold: Double = 30

  public init(indicator: IndicatorID) {
    self.indicator = indicator
  }

  public init(reading keys: ComponentKeys<Key>, reader: inout NodeReader) {
    self.init(indicator: keys.indicator(.indicator, reader: &reader))
    threshold = keys.double(.threshold, range: 0...1000, reader: &reader) ?? threshold
  }

  public func dumpValue(of key: Key) -> String {
    switch key {
    case .indicator: YAMLText.quoted(indicator.rawValue)
    case .threshold: YAMLText.number(threshold)
    }
  }

  public var body: ComponentSpec.Body { .subRegionTable(self) }
}
