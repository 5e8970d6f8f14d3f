import BriefingCore

// MARK: - scatter

/// `kind: scatter`: level against growth per region, quadrant lines at the group averages.
public struct ScatterSpec: OneIndicatorSpec {
  public static let kind = ComponentKind.scatter

  /// The YAML keys, one per property below, in `dump-layout` order.
  public enum Key: String, ComponentKey {
    case indicator
  }

  /// The indicator drawn. Required.
  public var indicator: IndicatorID

  public init(indicator: IndicatorID) {
    self.indicator = indicator
  }

  public init(reading keys: ComponentKeys<Key>, reader: inout NodeReader) {
    self.init(indicator: keys.indicator(.indicator, reader: &reader))
  }

  public func dumpValue(of key: Key) -> String {
    switch key {
    case .indicator: YAMLText.quoted(indicator.rawValue)
    }
  }

  public var body: ComponentSpec.Body { .scatter(self) }
}
