// MARK: - Geometry (PDF points, origin top-left, y down)

/// A point in PDF points (1/72 in). Origin top-left of the page, y grows downwards.
public struct Point: Hashable, Sendable, Codable {
  public var x: Double
  public var y: Double
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
  public static let zero = Point(x: 0, y: 0)
}

/// A size in PDF points.
public struct Size: Hashable, Sendable, Codable {
  public var width: Double
  public var height: Double
  public init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }
  /// ISO A4 portrait, 595.28 × 841.89 pt.
  public static let a4 = Size(width: 595.28, height: 841.89)
  /// ISO A3 portrait, 841.89 × 1190.55 pt.
  public static let a3 = Size(width: 841.89, height: 1190.55)
  /// US Letter portrait, 8.5 × 11 in = 612 × 792 pt.
  public static let usLetter = Size(width: 612, height: 792)
  /// US Legal portrait, 8.5 × 14 in = 612 × 1008 pt.
  public static let usLegal = Size(width: 612, height: 1008)
  /// The same size turned 90°.
  public var rotated: Size { Size(width: height, height: width) }
}

/// A rectangle in PDF points.
public struct Rect: Hashable, Sendable, Codable {
  public var origin: Point
  public var size: Size
  public init(x: Double, y: Double, width: Double, height: Double) {
    origin = Point(x: x, y: y)
    size = Size(width: width, height: height)
  }
  public var minX: Double { origin.x }
  public var minY: Double { origin.y }
  public var maxX: Double { origin.x + size.width }
  public var maxY: Double { origin.y + size.height }
  public var width: Double { size.width }
  public var height: Double { size.height }
  public var midX: Double { origin.x + size.width / 2 }
  public var midY: Double { origin.y + size.height / 2 }

  /// Shrinks by the given amounts on each side (negative values grow).
  public func inset(top: Double = 0, left: Double = 0, bottom: Double = 0, right: Double = 0)
    -> Rect
  {
    Rect(
      x: minX + left, y: minY + top, width: max(0, width - left - right),
      height: max(0, height - top - bottom))
  }

  /// True when the rectangles overlap by more than `tolerance` points in both axes.
  public func intersects(_ other: Rect, tolerance: Double = 0.01) -> Bool {
    minX < other.maxX - tolerance && other.minX < maxX - tolerance
      && minY < other.maxY - tolerance && other.minY < maxY - tolerance
  }

  /// Splits off the top `height` points: returns (top slice, remainder).
  public func slicedTop(_ height: Double) -> (Rect, Rect) {
    let h = min(height, self.height)
    return (
      Rect(x: minX, y: minY, width: width, height: h),
      Rect(x: minX, y: minY + h, width: width, height: self.height - h)
    )
  }
}

// MARK: - Colour

/// An sRGB colour with alpha, components in 0...1. Encoded as `#RRGGBB` or `#RRGGBBAA`.
public struct Color: Hashable, Sendable, Codable, CustomStringConvertible {
  public var red: Double
  public var green: Double
  public var blue: Double
  public var alpha: Double

  public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
    self.red = red
    self.green = green
    self.blue = blue
    self.alpha = alpha
  }

  /// Parses `#RRGGBB` or `#RRGGBBAA`; nil otherwise.
  public init?(hex: String) {
    var digits = Substring(hex)
    if digits.hasPrefix("#") { digits = digits.dropFirst() }
    guard digits.count == 6 || digits.count == 8, let packed = UInt32(digits, radix: 16) else {
      return nil
    }
    let rgba = digits.count == 6 ? (packed << 8) | 0xFF : packed
    red = Double((rgba >> 24) & 0xFF) / 255
    green = Double((rgba >> 16) & 0xFF) / 255
    blue = Double((rgba >> 8) & 0xFF) / 255
    alpha = Double(rgba & 0xFF) / 255
  }

  public var description: String {
    let parts = [red, green, blue] + (alpha < 1 ? [alpha] : [])
    return "#" + parts.map { Self.hexByte($0) }.joined()
  }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let color = Color(hex: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not a colour: \(text)"))
    }
    self = color
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  public static let black = Color(red: 0, green: 0, blue: 0)
  public static let white = Color(red: 1, green: 1, blue: 1)

  private static func hexByte(_ component: Double) -> String {
    let byte = Int((min(1, max(0, component)) * 255).rounded())
    let text = String(byte, radix: 16, uppercase: true)
    return text.count == 1 ? "0" + text : text
  }
}
