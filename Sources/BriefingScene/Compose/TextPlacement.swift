// MARK: - Text placement

/// Where a text box sits vertically relative to an anchor y.
public enum VerticalAnchor: String, Sendable, CaseIterable {
  case top, middle, bottom
}

extension TextStyle {
  /// The same style at `factor` × its size.
  public func scaled(_ factor: Double) -> TextStyle {
    var copy = self
    copy.size = size * factor
    return copy
  }
}

extension TextMeasuring {
  /// A one-line text run measured and anchored at `point`: `alignment` says whether `point.x` is the
  /// left edge, centre or right edge of the box; `vertical` does the same for `point.y`.
  public func run(
    _ text: String, style: TextStyle, at point: Point, alignment: TextAlignment = .left,
    vertical: VerticalAnchor = .top
  ) -> TextRun {
    let metrics = measure(text, style: style, wrapWidth: nil)
    let x: Double
    switch alignment {
    case .left: x = point.x
    case .center: x = point.x - metrics.width / 2
    case .right: x = point.x - metrics.width
    }
    let y: Double
    switch vertical {
    case .top: y = point.y
    case .middle: y = point.y - metrics.height / 2
    case .bottom: y = point.y - metrics.height
    }
    return TextRun(
      text: text, origin: Point(x: x, y: y), style: style, alignment: alignment,
      size: Size(width: metrics.width, height: metrics.height))
  }

  /// A wrapped text block of width `width` with its top-left at `origin`.
  public func block(
    _ text: String, style: TextStyle, origin: Point, width: Double,
    alignment: TextAlignment = .left
  ) -> TextRun {
    let metrics = measure(text, style: style, wrapWidth: width)
    return TextRun(
      text: text, origin: origin, style: style, alignment: alignment, wrapWidth: width,
      size: Size(width: width, height: metrics.height))
  }

  /// Width of one line of `text`, in points.
  public func width(_ text: String, style: TextStyle) -> Double {
    measure(text, style: style, wrapWidth: nil).width
  }

  /// Height of one line in `style`, in points.
  public func lineHeight(_ style: TextStyle) -> Double {
    measure("国", style: style, wrapWidth: nil).height
  }

  /// `text` if it fits in `maxWidth`, else the longest prefix followed by a visible `…`
  /// (just `…` when not even one character fits). `truncated` tells which.
  public func truncated(_ text: String, style: TextStyle, maxWidth: Double)
    -> (text: String, truncated: Bool)
  {
    if width(text, style: style) <= maxWidth { return (text, false) }
    let characters = Array(text)
    var low = 0
    var high = characters.count
    while low < high {
      let middle = (low + high + 1) / 2
      if width(String(characters[..<middle]) + "…", style: style) <= maxWidth {
        low = middle
      } else {
        high = middle - 1
      }
    }
    return (String(characters[..<low]) + "…", true)
  }
}
