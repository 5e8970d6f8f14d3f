import BriefingScene
import CairoKit

// MARK: - Drawing a page

/// Walks one page's items exhaustively onto a cairo context. Shared by the PDF, PNG and SVG
/// renderers; text goes through Pango only. Text runs whose characters no font can draw are
/// collected in `problems` rather than silently drawn as boxes.
struct SceneDrawer {
  // MARK: Properties
  let context: Context
  let layouts: TextLayoutCache
  /// Outline entries met on the page: (bookmark, destination name).
  private(set) var anchors: [(Bookmark, String)] = []
  private(set) var problems: [String] = []
  private let pageIndex: Int

  // MARK: Initialization

  /// Draws one page with its own Pango context.
  init(context: Context, mode: TextMode, pageIndex: Int) throws(CairoError) {
    self.init(
      layouts: TextLayoutCache(text: try TextContext(context: context, mode: mode)), pageIndex: pageIndex)
  }

  /// Draws on `target` (default: the cache's own cairo context) with text shaped by a layout
  /// cache kept across pages; a cache of another context must match the target's user space.
  init(layouts: TextLayoutCache, target: Context? = nil, pageIndex: Int) {
    self.context = target ?? layouts.text.context
    self.layouts = layouts
    self.pageIndex = pageIndex
  }

  // MARK: Methods

  mutating func draw(_ items: [FrameItem]) throws(CairoError) {
    for item in items { try draw(item) }
  }

  private mutating func draw(_ item: FrameItem) throws(CairoError) {
    switch item {
    case .group(_, let clip, let children):
      context.save()
      if let clip {
        context.rectangle(x: clip.minX, y: clip.minY, width: clip.width, height: clip.height)
        context.clip()
      }
      try draw(children)
      context.restore()
    case .text(let run):
      try drawText(run)
    case .shape(let shape):
      drawShape(shape)
    case .anchor(let bookmark):
      // Destinations point at the top of the page the anchor sits on.
      let name = "p\(pageIndex + 1)-a\(anchors.count + 1)"
      context.destination(name: name, x: 0, y: 0)
      anchors.append((bookmark, name))
    }
  }

  private mutating func drawText(_ run: TextRun) throws(CairoError) {
    let entry = try layouts.entry(for: run)
    if entry.unknownGlyphs > 0 {
      problems.append("'\(run.text)' has \(entry.unknownGlyphs) character(s) no installed font can draw")
    }
    let color = run.style.color
    context.setSource(red: color.red, green: color.green, blue: color.blue, alpha: color.alpha)
    entry.layout.draw(on: context, atX: run.origin.x, y: run.origin.y)
  }

  private func drawShape(_ shape: Shape) {
    context.newPath()
    switch shape.geometry {
    case .rect(let r):
      context.rectangle(x: r.minX, y: r.minY, width: r.width, height: r.height)
    case .line(let from, let to):
      context.move(to: from.x, from.y)
      context.line(to: to.x, to.y)
    case .polyline(let points), .polygon(let points):
      for (index, point) in points.enumerated() {
        if index == 0 { context.move(to: point.x, point.y) } else { context.line(to: point.x, point.y) }
      }
      if case .polygon = shape.geometry { context.closePath() }
    case .circle(let center, let radius):
      context.arc(x: center.x, y: center.y, radius: radius)
    }
    if let fill = shape.fill {
      context.setSource(red: fill.red, green: fill.green, blue: fill.blue, alpha: fill.alpha)
      if shape.stroke == nil { context.fill() } else { context.fillPreserve() }
    }
    if let stroke = shape.stroke {
      let c = stroke.color
      context.setSource(red: c.red, green: c.green, blue: c.blue, alpha: c.alpha)
      context.setLineWidth(stroke.width)
      context.setDash(stroke.dash)
      context.stroke()
      context.setDash([])
    }
  }
}

extension TextAlignment {
  var cairo: TextAlign {
    switch self {
    case .left: .left
    case .center: .center
    case .right: .right
    }
  }
}
