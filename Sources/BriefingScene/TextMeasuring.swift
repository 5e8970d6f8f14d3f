// MARK: - Text measurement

/// The measured box of a text, in points.
public struct TextMetrics: Hashable, Sendable {
  public var width: Double
  public var height: Double
  /// Distance from the top of the box to the first baseline.
  public var ascent: Double
  public var lineCount: Int
  public init(width: Double, height: Double, ascent: Double, lineCount: Int = 1) {
    self.width = width
    self.height = height
    self.ascent = ascent
    self.lineCount = lineCount
  }
}

/// Measures text the way the renderer will draw it. Composers place every label through this,
/// so nothing overlaps or clips. `PangoTextMeasurer` (Render) is the real one;
/// `FixedMetricsMeasurer` gives deterministic metrics for scene snapshots.
public protocol TextMeasuring {
  /// Measures `text`; when `wrapWidth` is given the text wraps inside it.
  func measure(_ text: String, style: TextStyle, wrapWidth: Double?) -> TextMetrics
}

/// Deterministic metrics without fonts: CJK and full-width characters are 1 em wide, everything
/// else 0.55 em; line height 1.3 em, ascent 1.0 em. Wrapping breaks at any character.
public struct FixedMetricsMeasurer: TextMeasuring, Sendable {
  public init() {}

  public func measure(_ text: String, style: TextStyle, wrapWidth: Double?) -> TextMetrics {
    let em = style.size
    let widths = text.unicodeScalars.map { Self.isWide($0) ? em : em * 0.55 }
    let total = widths.reduce(0, +)
    guard let wrapWidth, total > wrapWidth, wrapWidth > 0 else {
      return TextMetrics(width: total, height: em * 1.3, ascent: em, lineCount: 1)
    }
    var lines = 1
    var current = 0.0
    var widest = 0.0
    for w in widths {
      if current + w > wrapWidth, current > 0 {
        lines += 1
        widest = max(widest, current)
        current = 0
      }
      current += w
    }
    widest = max(widest, current)
    return TextMetrics(width: widest, height: em * 1.3 * Double(lines), ascent: em, lineCount: lines)
  }

  private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
      0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      true
    default:
      false
    }
  }
}
