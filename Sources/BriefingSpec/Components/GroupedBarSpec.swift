import BriefingCore

// MARK: - groupedBar

/// `kind: groupedBar`: paired bars per region, this period against its prior basis.
public struct GroupedBarSpec: OneIndicatorSpec {
  public static let kind = ComponentKind.groupedBar

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

  public var body: ComponentSpec.Body { .groupedBar(self) }
}
