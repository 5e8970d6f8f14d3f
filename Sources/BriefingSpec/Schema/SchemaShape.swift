// MARK: - The shape of a YAML file, as its loader reads it

/// What a loader accepts at one place of a file, found by `SchemaProbe` from the loader's own
/// reads; `JSONSchemaWriter` writes it as JSON Schema.
public indirect enum SchemaShape: Hashable, Sendable {
  /// Any scalar, read as text (a number or `true` is its text).
  case text
  /// A whole number in a range.
  case integer(ClosedRange<Int>)
  /// A number in a range.
  case number(ClosedRange<Double>)
  /// `true` or `false`.
  case boolean
  /// One of these words.
  case choice([String])
  /// A list of the element shape; a single scalar counts as a list of one.
  case list(SchemaShape)
  /// A mapping with only the keys the loader allows.
  case object(SchemaObject)
  /// A mapping whose allowed keys depend on one key's value (a component's `kind`).
  case variants(key: String, [String: SchemaObject], order: [String])
  /// A mapping of free keys (e.g. `theme.overrides`), or a value the loader reads itself.
  case freeMapping
  /// A value read one way or another by what it is: a job's `data` is a path (a scalar) or a
  /// database (a mapping with its own keys).
  case either([SchemaShape])

  /// The shape accepting what either accepts (a key read differently under different values of
  /// another key, e.g. a scoring item's `basis` under each `rule`).
  func merged(with other: SchemaShape) -> SchemaShape {
    switch (self, other) {
    case (.choice(let a), .choice(let b)): .choice(a + b.filter { !a.contains($0) })
    case (.integer(let a), .integer(let b)): .integer(min(a.lowerBound, b.lowerBound)...max(a.upperBound, b.upperBound))
    case (.number(let a), .number(let b)): .number(min(a.lowerBound, b.lowerBound)...max(a.upperBound, b.upperBound))
    case (.list(let a), .list(let b)): .list(a.merged(with: b))
    default: self == other ? self : .text
    }
  }

  /// How specific a scalar read is: a loader reads a number as text first, then converts.
  var specificity: Int {
    switch self {
    case .text: 0
    case .freeMapping: -1
    default: 1
    }
  }
}

/// A mapping's keys in the loader's order, their shapes, and those without which the loader
/// reports a missing key.
public struct SchemaObject: Hashable, Sendable {
  public var keys: [(name: String, shape: SchemaShape)]
  public var required: [String]

  public static func == (lhs: SchemaObject, rhs: SchemaObject) -> Bool {
    lhs.keys.map(\.name) == rhs.keys.map(\.name) && lhs.keys.map(\.shape) == rhs.keys.map(\.shape)
      && lhs.required == rhs.required
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(keys.map(\.name))
    hasher.combine(required)
  }
}
