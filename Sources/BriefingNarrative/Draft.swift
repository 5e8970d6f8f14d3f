// MARK: - Draft

/// Generated text in which every name that comes from data is held as a placeholder.
///
/// Names are stored aside and stand in the text as one private-use character each
/// (U+E000 + index). OpenCC passes private-use characters through untouched, so converting a
/// draft converts the template words only, and `finished(converting:)` puts the names back
/// exactly as the data spells them.
struct Draft: Hashable, Sendable {
  // MARK: Properties

  private(set) var text: String = ""
  private(set) var names: [String] = []

  // MARK: Building

  /// Appends template text (converted for Traditional output).
  mutating func append(_ template: String) { text += template }

  /// Appends a name from data (never converted).
  mutating func append(name: String) {
    guard let marker = Unicode.Scalar(Self.firstMarker + UInt32(names.count)) else { return }
    names.append(name)
    text.unicodeScalars.append(marker)
  }

  /// Appends another draft, renumbering its names.
  mutating func append(_ other: Draft) {
    for scalar in other.text.unicodeScalars {
      if let index = Self.nameIndex(scalar), index < other.names.count {
        append(name: other.names[index])
      } else {
        text.unicodeScalars.append(scalar)
      }
    }
  }

  /// Drafts joined by a template separator.
  static func joined(_ parts: [Draft], separator: String) -> Draft {
    var result = Draft()
    for (offset, part) in parts.enumerated() {
      if offset > 0 { result.append(separator) }
      result.append(part)
    }
    return result
  }

  var isEmpty: Bool { text.isEmpty }

  // MARK: Finishing

  /// The final text: template text passed through `convert`, then the names put back, as given
  /// or (`convertingNames`) converted one by one.
  func finished(converting convert: (String) -> String = { $0 }, convertingNames: Bool = false)
    -> String
  {
    var result = ""
    for scalar in convert(text).unicodeScalars {
      if let index = Self.nameIndex(scalar), index < names.count {
        result += convertingNames ? convert(names[index]) : names[index]
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  // MARK: - Private

  private static let firstMarker: UInt32 = 0xE000
  private static let markerCount: UInt32 = 0x1000

  private static func nameIndex(_ scalar: Unicode.Scalar) -> Int? {
    let value = scalar.value
    guard value >= firstMarker, value < firstMarker + markerCount else { return nil }
    return Int(value - firstMarker)
  }
}

extension Draft: ExpressibleByStringLiteral {
  init(stringLiteral value: String) { text = value }
  init(_ template: String) { text = template }
  /// A draft holding only a name from data.
  init(name: String) { append(name: name) }
}

// MARK: - Draft concatenation

extension Draft {
  static func + (lhs: Draft, rhs: Draft) -> Draft {
    var result = lhs
    result.append(rhs)
    return result
  }

  static func + (lhs: Draft, rhs: String) -> Draft {
    var result = lhs
    result.append(rhs)
    return result
  }

  static func + (lhs: String, rhs: Draft) -> Draft { Draft(lhs) + rhs }
}
