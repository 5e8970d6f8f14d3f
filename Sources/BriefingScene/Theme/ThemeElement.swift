// MARK: - Theme elements

/// A text size in a theme: absolute points or relative to the parent's resolved size (ggplot2 `rel()`).
public enum ThemeSize: Hashable, Sendable {
  case pt(Double)
  case rel(Double)

  /// The size given the parent's resolved size, in points.
  public func resolve(parent: Double) -> Double {
    switch self {
    case .pt(let value): value
    case .rel(let factor): parent * factor
    }
  }
}

/// One node of the theme tree. Every field is optional: unset fields inherit from the parent.
/// Which fields matter depends on the key kind (text: family/size/bold/color/language;
/// line: color/width/dash/blank; fill: color; length: value).
public struct ThemeElement: Hashable, Sendable {
  // MARK: - Properties
  public var family: String?
  /// Text size. Default: inherited.
  public var size: ThemeSize?
  public var bold: Bool?
  public var color: Color?
  /// BCP-47 language for text.
  public var language: String?
  /// Line width in points.
  public var width: Double?
  /// Dash lengths in points; empty = solid.
  public var dash: [Double]?
  /// A blank line element is not drawn (ggplot2 `element_blank`).
  public var blank: Bool?
  /// A length in points (or a fraction, see the key's doc).
  public var value: Double?

  // MARK: - Initialization
  public init(
    family: String? = nil, size: ThemeSize? = nil, bold: Bool? = nil, color: Color? = nil,
    language: String? = nil, width: Double? = nil, dash: [Double]? = nil, blank: Bool? = nil,
    value: Double? = nil
  ) {
    self.family = family
    self.size = size
    self.bold = bold
    self.color = color
    self.language = language
    self.width = width
    self.dash = dash
    self.blank = blank
    self.value = value
  }

  // MARK: - Methods

  /// This element's set fields laid over `base` (fields set here win).
  public func over(_ base: ThemeElement) -> ThemeElement {
    ThemeElement(
      family: family ?? base.family, size: size ?? base.size, bold: bold ?? base.bold,
      color: color ?? base.color, language: language ?? base.language, width: width ?? base.width,
      dash: dash ?? base.dash, blank: blank ?? base.blank, value: value ?? base.value)
  }
}
