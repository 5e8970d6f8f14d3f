import BriefingCore

// MARK: - redLinePanel

/// `kind: redLinePanel`: every indicator with a red line (from the data's metadata), the focus
/// region against its threshold. No keys of its own.
public struct RedLinePanelSpec: ComponentKindSpec {
  public static let kind = ComponentKind.redLinePanel
  public typealias Key = NoKeys

  public init() {}

  public init(reading keys: ComponentKeys<Key>, reader: inout NodeReader) {}

  /// Never called: there are no keys.
  public func dumpValue(of key: Key) -> String { key.rawValue }

  /// None: the data's red-line indicators are drawn.
  public var namedIndicators: [IndicatorID] { [] }

  public func bound(to indicator: IndicatorID) -> Self { self }

  public var body: ComponentSpec.Body { .redLinePanel(self) }
}
