import BriefingCore

// MARK: - narrative

/// `kind: narrative`: generated highlights (亮点) and shortfalls (短板) with their lead units.
public struct NarrativeSpec: IndicatorListSpec {
  public static let kind = ComponentKind.narrative

  /// The YAML keys, one per property below, in `dump-layout` order.
  public enum Key: String, ComponentKey {
    case indicators, lines
  }

  /// The indicators highlights and shortfalls are chosen among. Default: the layout's
  /// `indicators`.
  public var indicators: IndicatorSelection
  /// Lines per list at most. Default: 3. Range: 0...10.
  public var lines = 3

  public init(indicators: IndicatorSelection) {
    self.indicators = indicators
  }

  public init(reading keys: ComponentKeys<Key>, reader: inout NodeReader) {
    self.init(indicators: keys.indicators(.indicators, reader: &reader))
    lines = keys.int(.lines, range: 0...10, reader: &reader) ?? lines
  }

  public func dumpValue(of key: Key) -> String {
    switch key {
    case .indicators: YAMLText.selection(indicators)
    case .lines: String(lines)
    }
  }

  public var body: ComponentSpec.Body { .narrative(self) }
}
