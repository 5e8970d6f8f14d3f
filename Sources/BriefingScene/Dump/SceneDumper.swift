// MARK: - Scene dumper

/// A stable, line-based text dump of a `Scene` for snapshot tests and `briefing dump-scene`.
/// One item per line, indented by nesting; every number is rounded to 0.01 pt, so dumps are
/// identical across platforms. Example line:
/// `text "平均 4.5%" 300.12,96.00 36.10×10.40 "Noto Sans CJK SC" 8.00 #555555 zh-cn center`
public struct SceneDumper: Sendable {
  public init() {}

  private let number = NumberFormat(groupsThousands: false)

  // MARK: - Methods

  /// The whole scene: info, then each page and its items; with `page` (1-based), only that
  /// page, numbered as in the whole scene.
  public func dump(_ scene: Scene, page only: Int? = nil) -> String {
    let info = scene.info
    var lines = [
      "scene title=\(quoted(info.title)) author=\(quoted(info.author))",
      "  subject=\(quoted(info.subject))",
      "  keywords=\(quoted(info.keywords)) creator=\(quoted(info.creator)) created=\(info.creationDate ?? "-")",
    ]
    for (index, page) in scene.pages.enumerated() where only.map({ $0 == index + 1 }) ?? true {
      lines.append("page \(index + 1) label=\(page.label.map(quoted) ?? "-") \(size(page.size))")
      lines += page.items.flatMap { dump($0, depth: 1) }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One item and its children, one line each.
  public func dump(_ item: FrameItem, depth: Int = 0) -> [String] {
    let indent = String(repeating: "  ", count: depth)
    switch item {
    case .group(let name, let clip, let items):
      return [indent + "group \(quoted(name))" + (clip.map { " clip=" + rect($0) } ?? "")]
        + items.flatMap { dump($0, depth: depth + 1) }
    case .text(let run):
      let style = run.style
      var line = "text \(quoted(run.text)) \(point(run.origin)) \(size(run.size))"
      line += " \(quoted(style.family)) \(fmt(style.size))\(style.bold ? " bold" : "")"
      line += " \(style.color) \(style.language) \(run.alignment.rawValue)"
      if let wrap = run.wrapWidth { line += " wrap=\(fmt(wrap))" }
      return [indent + line]
    case .shape(let shape):
      var line = geometry(shape.geometry)
      if let fill = shape.fill { line += " fill=\(fill)" }
      if let stroke = shape.stroke {
        line += " stroke=\(stroke.color)/\(fmt(stroke.width))"
        if !stroke.dash.isEmpty { line += " dash=" + stroke.dash.map(fmt).joined(separator: ",") }
      }
      return [indent + line]
    case .anchor(let bookmark):
      return [indent + "anchor \(bookmark.level) \(quoted(bookmark.title))"]
    }
  }

  // MARK: - Private

  private func geometry(_ geometry: ShapeGeometry) -> String {
    switch geometry {
    case .rect(let r): "rect \(rect(r))"
    case .line(let from, let to): "line \(point(from)) -> \(point(to))"
    case .polyline(let points): "polyline " + points.map(point).joined(separator: " ")
    case .polygon(let points): "polygon " + points.map(point).joined(separator: " ")
    case .circle(let center, let radius): "circle \(point(center)) r=\(fmt(radius))"
    }
  }

  private func fmt(_ value: Double) -> String { number.number(value, decimals: 2) }
  private func point(_ p: Point) -> String { "\(fmt(p.x)),\(fmt(p.y))" }
  private func size(_ s: Size) -> String { "\(fmt(s.width))×\(fmt(s.height))" }
  private func rect(_ r: Rect) -> String { "\(point(r.origin)) \(size(r.size))" }

  private func quoted(_ text: String) -> String {
    var result = "\""
    for character in text {
      switch character {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      default: result.append(character)
      }
    }
    return result + "\""
  }
}
