// MARK: - Frame building helpers

extension FrameItem {
  /// A straight line, or nil when the theme element is blank.
  static func line(from: Point, to: Point, stroke: StrokeStyle?) -> FrameItem? {
    stroke.map { .shape(Shape(.line(from: from, to: to), stroke: $0)) }
  }

  /// A filled rectangle without stroke.
  static func box(_ rect: Rect, fill: Color) -> FrameItem {
    .shape(Shape(.rect(rect), fill: fill))
  }

  /// Every text run in this item, depth first.
  public var textRuns: [TextRun] {
    switch self {
    case .text(let run): [run]
    case .group(_, _, let items): items.flatMap(\.textRuns)
    case .shape, .anchor: []
    }
  }
}

extension Rect {
  /// Whether `other` lies inside this rectangle, allowing `tolerance` points of slack.
  public func contains(_ other: Rect, tolerance: Double = 0.01) -> Bool {
    other.minX >= minX - tolerance && other.maxX <= maxX + tolerance
      && other.minY >= minY - tolerance && other.maxY <= maxY + tolerance
  }

  /// The rectangle from `minY` to `maxY` (points) keeping x.
  func rows(_ top: Double, _ bottom: Double) -> Rect {
    Rect(x: minX, y: top, width: width, height: max(0, bottom - top))
  }
}
