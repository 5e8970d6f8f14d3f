import BriefingCore

// MARK: - progressBullet

/// `kind: progressBullet`: completion % per indicator against the time-progress line.
public struct ProgressBulletSpec: IndicatorListSpec {
  public static let kind = ComponentKind.progressBullet

  /// The YAML keys, one per property below, in `dump-layout` order.
  public enum Key: String, ComponentKey {
    case indicators, names
  }

  /// One bullet per indicator. Default: the layout's `indicators`.
  public var indicators: IndicatorSelection
  /// Indicator names beside the bullets. Default: `full`.
  public var names: NameStyle = .full

  public init(indicators: IndicatorSelection) {
    self.indicators = indicators
  }

  public init(reading keys: ComponentKeys<Key>, reader: inout NodeReader) {
    self.init(indicators: keys.indicators(.indicators, reader: &reader))
    names = keys.choice(.names, as: NameStyle.self, reader: &reader) ?? names
  }

  public func dumpValue(of key: Key) -> String {
    switch key {
    case .indicators: YAMLText.selection(indicators)
    case .names: names.rawValue
    }
  }

  public var body: ComponentSpec.Body { .progressBullet(self) }
}
