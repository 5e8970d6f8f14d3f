// MARK: - How far items reach

extension FrameItem {
  /// The lowest y any part of the item reaches, in points (nil for anchors and empty groups).
  var bottom: Double? {
    switch self {
    case .group(_, _, let items): items.compactMap(\.bottom).max()
    case .text(let run): run.bounds.maxY
    case .shape(let shape):
      switch shape.geometry {
      case .rect(let rect): rect.maxY
      case .line(let from, let to): max(from.y, to.y) + (shape.stroke?.width ?? 0) / 2
      case .polyline(let points), .polygon(let points): points.map(\.y).max()
      case .circle(let center, let radius): center.y + radius
      }
    case .anchor: nil
    }
  }
}

extension ComposedFrame {
  /// Height actually used below `top`: from the items drawn, not the rectangle offered.
  func usedHeight(below top: Double) -> Double {
    (items.compactMap(\.bottom).max() ?? top) - top
  }
}
