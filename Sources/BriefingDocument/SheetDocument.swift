import BriefingScene

// MARK: - A sheet in reading order

/// A composed sheet as a document to read top to bottom: the header's words, then each
/// component's content in page order (section titles as headings, tables as cells, text as
/// paragraphs and lists, charts as figures cut from their page). Built from the `Scene` alone:
/// every word is one the scene draws, so the Word, Markdown and text copies say what the PDF
/// says. A table continued over several pages is one table here.
public struct SheetDocument: Hashable, Sendable {
  // MARK: - Properties

  /// The PDF's metadata (title, group, creator, creation date).
  public var info: DocumentInfo
  /// The header and footer words (from the first page); empty words for a scene without them.
  public var text: PageText
  public var blocks: [Block]
  /// The sheet's language tag as its text is drawn (`zh-cn`, `zh-tw`, `en`), for the few
  /// words the copies add (a chart's placeholder in Markdown and text).
  public var language: String

  /// One piece of the document, in reading order.
  public enum Block: Hashable, Sendable {
    /// A section title.
    case heading(String)
    /// A component's title above its table or text (a figure carries its own).
    case caption(String)
    case paragraph(String)
    case list(TextList)
    case table(TableContent)
    case figure(Figure)
  }

  /// A component drawn as a picture: where it is on which page, and its title.
  public struct Figure: Hashable, Sendable {
    /// Index into `Scene.pages`.
    public var page: Int
    /// The component's rectangle on the page, points.
    public var rect: Rect
    /// The component's title, nil when it has none.
    public var caption: String?
    /// 1-based number among the document's figures (image file names, drawing ids).
    public var number: Int
  }

  // MARK: - Initialization

  public init(_ scene: Scene) {
    info = scene.info
    text = scene.pages.lazy.compactMap(\.text).first ?? PageText(title: scene.info.title, subtitle: "")
    language = scene.pages.lazy.flatMap(\.items).compactMap(Self.firstStyle).first?.language ?? "zh-cn"
    var blocks: [Block] = []
    var tableKey: String?
    var figures = 0
    for (index, page) in scene.pages.enumerated() {
      for panel in page.panels {
        if let heading = panel.heading { blocks.append(.heading(heading)) }
        // The next page's part of a table: its rows join the table already begun.
        if case .table(let part) = panel.content, panel.key == tableKey, panel.heading == nil,
          case .table(let begun) = blocks.last
        {
          blocks[blocks.count - 1] = .table(begun.appending(part.rows))
          continue
        }
        tableKey = nil
        switch panel.content {
        case .table(let table):
          blocks += panel.title.map { [.caption($0)] } ?? []
          blocks.append(.table(table))
          tableKey = panel.key
        case .paragraphs(let paragraphs):
          blocks += panel.title.map { [.caption($0)] } ?? []
          blocks += paragraphs.map(Block.paragraph)
        case .lists(let lists):
          blocks += panel.title.map { [.caption($0)] } ?? []
          blocks += lists.map(Block.list)
        case nil:
          figures += 1
          blocks.append(.figure(Figure(page: index, rect: panel.rect, caption: panel.title, number: figures)))
        }
      }
    }
    self.blocks = blocks
  }

  /// The style of the first text run in `item`, nil when it draws none.
  private static func firstStyle(_ item: FrameItem) -> TextStyle? {
    switch item {
    case .text(let run): run.style
    case .group(_, _, let items): items.lazy.compactMap(firstStyle).first
    case .shape, .anchor: nil
    }
  }

  // MARK: - Accessors

  /// What the text copies put where a chart is: `〔图：title，见 PDF〕`, `[Chart: title — see
  /// the PDF]`.
  public func placeholder(_ figure: Figure) -> String {
    let title = figure.caption ?? ""
    switch language.lowercased() {
    case let tag where tag.hasPrefix("zh-tw") || tag.hasPrefix("zh-hk"): return "〔圖：\(title)，見 PDF〕"
    case let tag where tag.hasPrefix("zh"): return "〔图：\(title)，见 PDF〕"
    default: return "[Chart: \(title) (see the PDF)]"
    }
  }

  /// The figures, in order.
  public var figures: [Figure] {
    blocks.compactMap { if case .figure(let figure) = $0 { figure } else { nil } }
  }
}
