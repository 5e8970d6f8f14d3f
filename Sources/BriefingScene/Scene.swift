// MARK: - Text

/// How a run of text looks. Sizes in PDF points (real points: the renderer sets Pango's
/// resolution to 72 so 9 pt here is 9 pt on paper).
public struct TextStyle: Hashable, Sendable, Codable {
  /// A fontconfig family, e.g. `Noto Sans CJK SC`.
  public var family: String
  /// Default: 9 pt. Range: > 0.
  public var size: Double
  public var bold: Bool
  public var color: Color
  /// BCP-47 language for glyph forms and line breaking (`zh-cn`, `zh-tw`, `en`). Default: `zh-cn`.
  public var language: String

  public init(
    family: String, size: Double = 9, bold: Bool = false, color: Color = .black,
    language: String = "zh-cn"
  ) {
    self.family = family
    self.size = size
    self.bold = bold
    self.color = color
    self.language = language
  }
}

/// Horizontal alignment of a text run relative to its anchor or box.
public enum TextAlignment: String, Sendable, Codable {
  case left, center, right
}

/// A positioned piece of text. `origin` is the top-left of the laid-out text box; when
/// `wrapWidth` is set the text wraps (CJK-aware) inside that width and `alignment` applies within it.
public struct TextRun: Hashable, Sendable, Codable {
  public var text: String
  public var origin: Point
  public var style: TextStyle
  public var alignment: TextAlignment
  /// Wrap width in points; nil = one line.
  public var wrapWidth: Double?
  /// The measured size used for placement (recorded so dumps show what the composer assumed).
  public var size: Size

  public init(
    text: String, origin: Point, style: TextStyle, alignment: TextAlignment = .left,
    wrapWidth: Double? = nil, size: Size
  ) {
    self.text = text
    self.origin = origin
    self.style = style
    self.alignment = alignment
    self.wrapWidth = wrapWidth
    self.size = size
  }

  public var bounds: Rect {
    Rect(x: origin.x, y: origin.y, width: size.width, height: size.height)
  }
}

// MARK: - Shapes

/// Stroke style. Width in points; `dash` lengths in points (empty = solid).
public struct StrokeStyle: Hashable, Sendable, Codable {
  public var color: Color
  public var width: Double
  public var dash: [Double]
  public init(color: Color, width: Double = 0.5, dash: [Double] = []) {
    self.color = color
    self.width = width
    self.dash = dash
  }
}

/// A vector shape in page coordinates.
public enum ShapeGeometry: Hashable, Sendable, Codable {
  case rect(Rect)
  case line(from: Point, to: Point)
  case polyline([Point])
  case polygon([Point])
  case circle(center: Point, radius: Double)
}

/// A shape with optional fill and stroke.
public struct Shape: Hashable, Sendable, Codable {
  public var geometry: ShapeGeometry
  public var fill: Color?
  public var stroke: StrokeStyle?
  public init(_ geometry: ShapeGeometry, fill: Color? = nil, stroke: StrokeStyle? = nil) {
    self.geometry = geometry
    self.fill = fill
    self.stroke = stroke
  }
}

// MARK: - Frames and pages

/// A PDF outline entry. `level` 0 is top level.
public struct Bookmark: Hashable, Sendable, Codable {
  public var title: String
  public var level: Int
  public init(title: String, level: Int = 0) {
    self.title = title
    self.level = level
  }
}

/// One drawable item. Items are drawn in order; groups may clip to a rectangle.
public indirect enum FrameItem: Hashable, Sendable, Codable {
  case group(name: String, clip: Rect?, items: [FrameItem])
  case text(TextRun)
  case shape(Shape)
  case anchor(Bookmark)
}

/// One page of output, in points.
public struct Page: Hashable, Sendable, Codable {
  public var size: Size
  /// PDF page label (e.g. `1`, `附1`). Default: nil (viewer shows the page number).
  public var label: String?
  public var items: [FrameItem]
  /// Where each component sits and what it declared it drew (read by `SceneChecker`; not
  /// drawn). Default: none.
  public var panels: [Panel]
  /// The words of the sheet's header and footer on this page (not drawn from here: the items
  /// hold them). Default: nil (a chart page).
  public var text: PageText?
  public init(
    size: Size, label: String? = nil, items: [FrameItem], panels: [Panel] = [], text: PageText? = nil
  ) {
    self.size = size
    self.label = label
    self.items = items
    self.panels = panels
    self.text = text
  }
}

/// Document metadata written into the PDF Info dictionary.
public struct DocumentInfo: Hashable, Sendable, Codable {
  public var title: String
  public var author: String
  public var subject: String
  public var keywords: String
  public var creator: String
  /// ISO-8601 with offset, e.g. `2024-07-15T00:00:00+08:00`; from SOURCE_DATE_EPOCH or the data.
  public var creationDate: String?

  public init(
    title: String, author: String = "", subject: String = "", keywords: String = "",
    creator: String = "", creationDate: String? = nil
  ) {
    self.title = title
    self.author = author
    self.subject = subject
    self.keywords = keywords
    self.creator = creator
    self.creationDate = creationDate
  }
}

/// The composed document: pages of positioned items, ready for any renderer.
public struct Scene: Hashable, Sendable, Codable {
  public var info: DocumentInfo
  public var pages: [Page]
  public init(info: DocumentInfo, pages: [Page]) {
    self.info = info
    self.pages = pages
  }
}
