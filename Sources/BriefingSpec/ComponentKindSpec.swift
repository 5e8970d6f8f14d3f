import BriefingCore
import Yams

// MARK: - One kind's spec

/// The keys of one component kind (besides `kind`, `title`, `span`, `height`), as an enum whose
/// raw values are the YAML names and whose case order is the `dump-layout` order.
public protocol ComponentKey: RawRepresentable, CaseIterable, Hashable, Sendable
where RawValue == String {}

/// What every kind's spec owns: its keys, their defaults (the spec's stored properties hold
/// effective values, never nil for "use the default"), reading and checking them from YAML, and
/// the values `dump-layout` prints. One struct per kind; `ComponentSpec.Body` has one case each.
public protocol ComponentKindSpec: Hashable, Sendable {
  associatedtype Key: ComponentKey

  /// The kind this spec is for.
  static var kind: ComponentKind { get }

  /// Reads the kind's keys: absent keys take their defaults; a wrong value is an error at its
  /// line and column (the default stands in; a layout with errors is not returned).
  init(reading keys: ComponentKeys<Key>, reader: inout NodeReader)

  /// The effective value of `key` as YAML that loads back to the same value (`null` for an
  /// optional key left unset).
  func dumpValue(of key: Key) -> String

  /// The indicator ids the component names (checked against the data).
  var namedIndicators: [IndicatorID] { get }

  /// This spec drawing `indicator` instead of its own; itself for kinds without one `indicator`.
  func bound(to indicator: IndicatorID) -> Self

  /// This spec in its case of `ComponentSpec.Body`.
  var body: ComponentSpec.Body { get }
}

extension ComponentKindSpec {
  /// The YAML names of the kind's keys, in `dump-layout` order.
  public static var keyNames: [String] { Key.allCases.map(\.rawValue) }

  /// `key: value` for every key of the kind, in `dump-layout` order.
  public var dumpLines: [String] {
    Key.allCases.map { "\($0.rawValue): \(dumpValue(of: $0))" }
  }
}

// MARK: - Kinds by what they draw

/// A kind drawing one indicator: `indicator` is required, and a charts layout draws it once per
/// indicator.
public protocol OneIndicatorSpec: ComponentKindSpec {
  /// The indicator drawn. Required.
  var indicator: IndicatorID { get set }
}

extension OneIndicatorSpec {
  public var namedIndicators: [IndicatorID] { [indicator] }

  public func bound(to indicator: IndicatorID) -> Self {
    var copy = self
    copy.indicator = indicator
    return copy
  }
}

/// A kind covering a selection of indicators: `indicators`, default the layout's.
public protocol IndicatorListSpec: ComponentKindSpec {
  /// The indicators covered. Default: the layout's `indicators`.
  var indicators: IndicatorSelection { get }
}

extension IndicatorListSpec {
  public var namedIndicators: [IndicatorID] {
    switch indicators {
    case .main: []
    case .list(let ids): ids
    }
  }

  public func bound(to indicator: IndicatorID) -> Self { self }
}

/// The keys of a kind that has none of its own: no value of it can be made.
public struct NoKeys: ComponentKey {
  public let rawValue: String
  public init?(rawValue: String) { nil }
  public static var allCases: [NoKeys] { [] }
}

// MARK: - Reading a kind's keys

/// A component mapping's entries under one kind's keys, with the paths findings name. Keys the
/// kind does not have were reported by `ComponentReader` and are not here.
public struct ComponentKeys<Key: ComponentKey> {
  /// The kind being read (named in findings).
  public let kind: ComponentKind
  /// The component mapping (findings about a missing key point at it).
  public let node: Node
  /// The component's path, `sections[0].components[1]`.
  public let path: String
  /// The layout's `indicators`, taken by a component whose own is absent.
  public let layoutIndicators: IndicatorSelection
  let entries: [String: Node]

  /// The value node of `key`, nil when absent.
  public subscript(_ key: Key) -> Node? { entries[key.rawValue] }

  /// `sections[0].components[1].metric`.
  public func path(_ key: Key) -> String { "\(path).\(key.rawValue)" }
}

extension ComponentKeys {
  public func string(_ key: Key, reader: inout NodeReader) -> String? {
    reader.string(self[key], path: path(key))
  }

  public func bool(_ key: Key, reader: inout NodeReader) -> Bool? {
    reader.bool(self[key], path: path(key))
  }

  public func int(_ key: Key, range: ClosedRange<Int>, reader: inout NodeReader) -> Int? {
    reader.int(self[key], path: path(key), range: range)
  }

  public func double(_ key: Key, range: ClosedRange<Double>, reader: inout NodeReader) -> Double? {
    reader.double(self[key], path: path(key), range: range)
  }

  public func choice<E: RawRepresentable & CaseIterable>(
    _ key: Key, as type: E.Type, reader: inout NodeReader
  ) -> E? where E.RawValue == String {
    reader.choice(self[key], path: path(key), as: type)
  }

  /// The required indicator id; when absent, an error at the component and an empty id (the
  /// layout is not returned).
  public func indicator(_ key: Key, reader: inout NodeReader) -> IndicatorID {
    if let id = string(key, reader: &reader) { return IndicatorID(id) }
    reader.error(.missingIndicator(path: path, kind: kind), at: node)
    return IndicatorID("")
  }

  /// `main` or a list of ids; the layout's `indicators` when absent.
  public func indicators(_ key: Key, reader: inout NodeReader) -> IndicatorSelection {
    LayoutLoader.readIndicators(self[key], path: path(key), reader: &reader) ?? layoutIndicators
  }

  /// A metric the chart draws. A known metric it cannot draw is an error naming the ones it can
  /// (`rank` on a ranked bar used to be drawn as growth).
  public func chartMetric(_ key: Key, reader: inout NodeReader) -> ChartMetric? {
    guard let metric = choice(key, as: Metric.self, reader: &reader) else { return nil }
    if let drawable = ChartMetric(rawValue: metric.rawValue) { return drawable }
    let names = ChartMetric.allCases.map(\.rawValue).joined(separator: ", ")
    reader.error(
      .unsupportedValue(
        path: path(key), value: metric.rawValue, reason: "\(kind.rawValue) draws only: \(names)"),
      at: self[key])
    return nil
  }

  /// A list of table columns named by metric. A known metric the table has no column for is an
  /// error naming the ones it has (it used to be dropped from the table without a word).
  public func columns<Column: RawRepresentable & CaseIterable>(
    _ key: Key, as type: Column.Type, reader: inout NodeReader
  ) -> [Column]? where Column.RawValue == String {
    guard let node = self[key], !NodeReader.isNull(node),
      let items = reader.list(node, path: path(key))
    else { return nil }
    let names = Column.allCases.map(\.rawValue).joined(separator: ", ")
    return items.enumerated().compactMap { index, item in
      let itemPath = "\(path(key))[\(index)]"
      guard let metric = reader.choice(item, path: itemPath, as: Metric.self) else { return nil }
      if let column = Column(rawValue: metric.rawValue) { return column }
      reader.error(
        .unsupportedValue(
          path: itemPath, value: metric.rawValue, reason: "\(kind.rawValue) has columns for: \(names)"),
        at: item)
      return nil
    }
  }
}

// MARK: - Messages

extension Finding.Message {
  static func unsupportedValue(path: String, value: String, reason: String) -> Self {
    Self(code: "unsupported-value", text: "\(path) is '\(value)': \(reason)")
  }
  static func missingIndicator(path: String, kind: ComponentKind) -> Self {
    Self(code: "missing-indicator", text: "\(path) (\(kind.rawValue)) needs an 'indicator'")
  }
}
