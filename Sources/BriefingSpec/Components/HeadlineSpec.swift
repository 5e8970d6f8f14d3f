import BriefingCore

// MARK: - headline

/// `kind: headline`: the generated headline paragraph (value, growth, rank, gap to average,
/// completion per indicator) and the 双过半 summary.
public struct HeadlineSpec: IndicatorListSpec {
  public static let kind = ComponentKind.headline

  /// The YAML keys, one per property below, in `dump-layout` order.
  public enum Key: String, ComponentKey {
    case indicators
  }

  /// The indicators the paragraph covers. Default: the layout's `indicators`.
  public var indicators: IndicatorSelection

  public init(indicators: IndicatorSelection) {
    self.indicators = indicators
  }

  public init(reading keys: ComponentKeys<Key>, reader: inout NodeReader) {
    self.init(indicators: keys.indicators(.indicators, reader: &reader))
  }

  public func dumpValue(of key: Key) -> String {
    switch key {
    case .indicators: YAMLText.selection(indicators)
    }
  }

  public var body: ComponentSpec.Body { .headline(self) }
}
