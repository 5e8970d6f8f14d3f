import BriefingCore

// MARK: - text

/// `kind: text`: free text from the layout, printed as written.
public struct TextSpec: ComponentKindSpec {
  public static let kind = ComponentKind.text

  /// The YAML keys, one per property below, in `dump-layout` order.
  public enum Key: String, ComponentKey {
    case text
  }

  /// The paragraph, wrapped to the component's width. Default: empty.
  public var text = ""

  public init() {}

  public init(reading keys: ComponentKeys<Key>, reader: inout NodeReader) {
    text = keys.string(.text, reader: &reader) ?? text
  }

  public func dumpValue(of key: Key) -> String {
    switch key {
    case .text: YAMLText.quoted(text)
    }
  }

  /// None: the text names no indicator.
  public var namedIndicators: [IndicatorID] { [] }

  public func bound(to indicator: IndicatorID) -> Self { self }

  public var body: ComponentSpec.Body { .text(self) }
}
