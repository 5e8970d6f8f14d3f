import BriefingCore

// MARK: - rankMatrix

/// `kind: rankMatrix`: indicators × (rank by total, rank by growth), first and bottom places
/// coloured.
public struct RankMatrixSpec: IndicatorListSpec {
  public static let kind = ComponentKind.rankMatrix

  /// The YAML keys, one per property below, in `dump-layout` order.
  public enum Key: String, ComponentKey {
    case indicators, names
  }

  /// One row per indicator. Default: the layout's `indicators`.
  public var indicators: IndicatorSelection
  /// Indicator names in the first column. Default: `full`.
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

  public var body: ComponentSpec.Body { .rankMatrix(self) }
}
