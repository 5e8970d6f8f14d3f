// MARK: - Shapes of items

extension FrameItem {
  /// Every shape in this item, depth first.
  public var shapes: [Shape] {
    switch self {
    case .shape(let shape): [shape]
    case .group(_, _, let items): items.flatMap(\.shapes)
    case .text, .anchor: []
    }
  }
}

extension Shape {
  /// The bounding box of the geometry, points (stroke width not included).
  public var bounds: Rect {
    let points: [Point]
    switch geometry {
    case .rect(let rect): return rect
    case .circle(let center, let radius):
      return Rect(x: center.x - radius, y: center.y - radius, width: 2 * radius, height: 2 * radius)
    case .line(let from, let to): points = [from, to]
    case .polyline(let all), .polygon(let all): points = all
    }
    let xs = points.map(\.x)
    let ys = points.map(\.y)
    let minX = xs.min() ?? 0
    let minY = ys.min() ?? 0
    return Rect(x: minX, y: minY, width: (xs.max() ?? 0) - minX, height: (ys.max() ?? 0) - minY)
  }
}

extension TextRun {
  /// Whether the run puts ink on the page: some non-space character in a box of some size.
  public var isVisible: Bool {
    size.width > 0 && size.height > 0 && text.contains { !$0.isWhitespace }
  }
}
