import BriefingCore

// MARK: - Collision-free label placement

/// Places label boxes next to marks without overlapping anything already placed. Tries right,
/// left, above and below the mark at `gap` points (above and below slide inward at the edges of
/// `bounds`), then positions further out (drawn with a leader
/// line). Stateless about drawing: it only keeps the occupied rectangles (points).
struct LabelPlacer {
  // MARK: - Properties
  /// Which near positions come first.
  enum Preference {
    /// Right, left, above, below: for scatter points.
    case sideways
    /// Above, below, right, left: for markers on a line running left to right.
    case vertical
  }

  /// Labels must stay inside this rectangle.
  let bounds: Rect
  /// Default: `.sideways`.
  let preference: Preference
  /// Gap between a mark and its label. Default: 3 pt.
  let gap: Double
  private(set) var occupied: [Rect]

  // MARK: - Initialization
  init(
    bounds: Rect, gap: Double = 3, obstacles: [Rect] = [], preference: Preference = .sideways
  ) {
    self.bounds = bounds
    self.preference = preference
    self.gap = gap
    occupied = obstacles
  }

  // MARK: - Methods

  /// Marks `rect` as taken.
  mutating func reserve(_ rect: Rect) { occupied.append(rect) }

  /// A free rectangle of `size` near `mark`; `leader` is true when it is away from the mark and
  /// needs a connecting line (only tried when `allowingLeader`, default true). Nil when there is
  /// no room; the rectangle is reserved otherwise.
  mutating func place(_ size: Size, near mark: Rect, allowingLeader: Bool = true)
    -> (rect: Rect, leader: Bool)?
  {
    let all = candidates(size, mark)
    for (index, candidate) in all.prefix(allowingLeader ? all.count : 4).enumerated()
    where isFree(candidate) {
      occupied.append(candidate)
      return (candidate, index >= 4)
    }
    return nil
  }

  // MARK: - Private

  private func isFree(_ rect: Rect) -> Bool {
    rect.minX >= bounds.minX - 0.01 && rect.maxX <= bounds.maxX + 0.01
      && rect.minY >= bounds.minY - 0.01 && rect.maxY <= bounds.maxY + 0.01
      && !occupied.contains { $0.intersects(rect) }
  }

  private func candidates(_ size: Size, _ mark: Rect) -> [Rect] {
    // Above and below slide inward at the edges of `bounds` while still covering the mark.
    let centred = mark.midX - size.width / 2
    let inward = min(
      max(centred, bounds.minX, mark.maxX - size.width), bounds.maxX - size.width, mark.minX)
    let sides = [
      Rect(
        x: mark.maxX + gap, y: mark.midY - size.height / 2, width: size.width, height: size.height),
      Rect(
        x: mark.minX - gap - size.width, y: mark.midY - size.height / 2, width: size.width,
        height: size.height),
      Rect(x: inward, y: mark.minY - gap - size.height, width: size.width, height: size.height),
      Rect(x: inward, y: mark.maxY + gap, width: size.width, height: size.height),
    ]
    var result: [Rect]
    switch preference {
    case .sideways: result = sides
    case .vertical: result = [sides[2], sides[3], sides[0], sides[1]]
    }
    let directions: [(Double, Double)] = [
      (1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (-1, -1), (1, 1), (-1, 1),
    ]
    for step in 1...6 {
      let distance = Double(step) * max(size.height, 6)
      for (dx, dy) in directions {
        let cx = mark.midX + dx * (distance + mark.width / 2 + size.width / 2 + gap)
        let cy = mark.midY + dy * (distance + mark.height / 2 + size.height / 2 + gap)
        result.append(
          Rect(
            x: cx - size.width / 2, y: cy - size.height / 2, width: size.width, height: size.height)
        )
      }
    }
    return result
  }
}

// MARK: - Lines as obstacles

extension LabelPlacer {
  /// Small squares every `spacing` points along the segments of `points`, so that labels keep
  /// clear of a drawn line (points).
  static func lineBoxes(_ points: [Point], spacing: Double = 2) -> [Rect] {
    zip(points, points.dropFirst()).flatMap { a, b -> [Rect] in
      let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
      let count = max(1, Int((length / spacing).rounded(.up)))
      return (0...count).map { i in
        let t = Double(i) / Double(count)
        return Rect(
          x: a.x + t * (b.x - a.x) - 0.5, y: a.y + t * (b.y - a.y) - 0.5, width: 1, height: 1)
      }
    }
  }
}

// MARK: - Legend

/// One-line legends of colour swatches and labels, and chart headings that pair one with the
/// axis title.
enum Legend {
  struct Entry {
    let label: String
    let fill: Color?
    let stroke: StrokeStyle?
  }

  static func row(
    _ entries: [Entry], origin: Point, maxWidth: Double, theme: ResolvedTheme,
    kit: TextKit<some TextMeasuring>, findings: inout [Finding]
  ) -> (items: [FrameItem], height: Double) {
    let style = theme.text(.axisTitle)
    let swatch = style.size * 0.9
    let lineHeight = kit.size("国", style).height
    var x = origin.x
    var items: [FrameItem] = []
    for entry in entries {
      let room = origin.x + maxWidth - x - swatch - 3
      guard room > 0 else { break }
      let text = kit.fitted(entry.label, style, maxWidth: room, findings: &findings)
      let swatchRect = Rect(
        x: x, y: origin.y + (lineHeight - swatch) / 2, width: swatch, height: swatch)
      if let fill = entry.fill {
        items.append(.shape(Shape(.rect(swatchRect), fill: fill)))
      } else if let stroke = entry.stroke {
        items.append(
          .shape(
            Shape(
              .line(
                from: Point(x: swatchRect.minX, y: swatchRect.midY),
                to: Point(x: swatchRect.maxX, y: swatchRect.midY)), stroke: stroke)))
      }
      let run = kit.measurer.run(text, style: style, at: Point(x: swatchRect.maxX + 3, y: origin.y))
      items.append(.text(run))
      x = run.bounds.maxX + 10
    }
    return (items, lineHeight)
  }

  /// The width `row` needs to show every entry in full (points).
  static func width(_ entries: [Entry], theme: ResolvedTheme, kit: TextKit<some TextMeasuring>)
    -> Double
  {
    let style = theme.text(.axisTitle)
    let labels = entries.map { style.size * 0.9 + 3 + kit.size($0.label, style).width }
    return labels.reduce(0, +) + 10 * Double(max(0, entries.count - 1))
  }

  /// A chart heading: `title` (axis title style) at the top left and the legend right-aligned
  /// on the same line when both fit in full, else the legend on a second line. Returns the items,
  /// the y below them and `room`, the free stretch of the last line (between title and legend, or
  /// right of the legend on its own line; zero wide when there is none). Points.
  static func heading(
    _ title: String, entries: [Entry], in rect: Rect, theme: ResolvedTheme,
    kit: TextKit<some TextMeasuring>, findings: inout [Finding]
  ) -> (items: [FrameItem], bottom: Double, room: Rect) {
    let style = theme.text(.axisTitle)
    let legendWidth = width(entries, theme: theme, kit: kit) + 0.5
    let titleWidth = kit.size(title, style).width
    let oneLine = titleWidth + 12 + legendWidth <= rect.width
    let shown = kit.fitted(title, style, maxWidth: rect.width, findings: &findings)
    let titleRun = kit.measurer.run(shown, style: style, at: rect.origin)
    let origin =
      oneLine
      ? Point(x: rect.maxX - legendWidth, y: rect.minY)
      : Point(x: rect.minX, y: titleRun.bounds.maxY + 2)
    let legend = row(
      entries, origin: origin, maxWidth: rect.maxX - origin.x, theme: theme, kit: kit,
      findings: &findings)
    let bottom = max(titleRun.bounds.maxY, origin.y + legend.height)
    let legendEnd = ItemBounds.texts(legend.items).map(\.maxX).max() ?? origin.x
    let free =
      oneLine
      ? (titleRun.bounds.maxX + 12)...max(titleRun.bounds.maxX + 12, origin.x - 12)
      : (legendEnd + 10)...max(legendEnd + 10, rect.maxX)
    let room = Rect(
      x: free.lowerBound, y: origin.y, width: free.upperBound - free.lowerBound,
      height: bottom - origin.y)
    return ([.text(titleRun)] + legend.items, bottom, room)
  }
}

// MARK: - Item bounds

/// Rectangles of items already laid out (obstacles for label placement).
enum ItemBounds {
  /// The bounds of every top-level text run in `items`.
  static func texts(_ items: [FrameItem]) -> [Rect] {
    items.compactMap { item in
      switch item {
      case .text(let run): run.bounds
      case .group, .shape, .anchor: nil
      }
    }
  }
}
