import BriefingCore
import BriefingDocument
import BriefingIngest
import BriefingRender
import BriefingScene
import BriefingSpec
import BriefingStats
import Foundation
import Testing
import TestSupport

// MARK: - A sheet composed as `render` composes it

/// A shipped layout composed with Pango for a sample or generated data set, and the Word copy
/// written from its scene as `render --format docx` writes it (charts at 200 dpi).
struct ComposedSheet {
  let scene: Scene
  let theme: ResolvedTheme
  let margin: Double

  static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// The Jiuquan sample (2024-H1) in `layout` (a file under Layouts/), for `focus` (nil: the group).
  static func sample(_ layout: String, focus: String?, data: String = "jiuquan-2024h1", period: String = "2024-H1")
    throws -> ComposedSheet
  {
    let loaded = DatasetLoader.load(root + "/Samples/" + data)
    let dataset = try #require(loaded.dataset)
    let focusID = focus.map { name in dataset.regions.first { $0.name == name || $0.id.rawValue == name }?.id ?? RegionID(name) }
    let group = try #require(focusID.map { dataset.peerGroups(of: $0).first } ?? dataset.peerGroups.first)
    return try ComposedSheet(
      layout: layout, dataset: dataset, focus: focusID, group: group, period: try #require(Period(code: period)))
  }

  /// A generated corpus case (`SheetCorpus`) as a group sheet in `layout`.
  static func corpus(_ id: String, layout: String) throws -> ComposedSheet {
    let corpus = try #require(SheetCorpus.case(id)).corpus
    let files = corpus.files
    let loaded = DatasetLoader.load(observations: files.observations, regions: files.regions, indicators: files.indicators)
    let dataset = try #require(loaded.dataset)
    let group = try #require(dataset.peerGroups.first { $0.id == "G" })
    let period = try #require(Period(code: corpus.calendar.periods.last ?? ""))
    return try ComposedSheet(layout: layout, dataset: dataset, focus: nil, group: group, period: period)
  }

  init(layout: String, dataset: Dataset, focus: RegionID?, group: PeerGroup, period: Period) throws {
    let yaml = try String(contentsOfFile: Self.root + "/Layouts/" + layout, encoding: .utf8)
    let document = try #require(LayoutLoader.load(yaml: yaml, file: layout).document)
    let (theme, _) = document.theme.resolved(language: document.language)
    let context = SheetContext(
      dataset: dataset, table: compare(dataset), focus: focus, group: group, period: period,
      language: document.language)
    let composer = LayoutComposer(layout: document, theme: theme, measurer: try PangoTextMeasurer())
    let (pages, _) = composer.compose(context)
    scene = Scene(
      info: DocumentInfo(
        title: context.expand(document.title), author: document.footer.organisation, subject: context.group.label,
        creator: "Briefing test", creationDate: "2024-06-30T00:00:00+00:00"),
      pages: pages)
    self.theme = theme
    margin = document.page.margin
  }

  // MARK: - Copies

  var document: SheetDocument { SheetDocument(scene) }

  /// Each figure drawn from its part of its page at 200 dpi.
  func figureImages() throws -> [[UInt8]] {
    let renderer = try PNGRenderer(dpi: 200, compressionLevel: 6)
    return try document.figures.map { try renderer.render(scene.pages[$0.page], region: $0.rect) }
  }

  func docx(gongwen: Bool = false) throws -> [UInt8] {
    let page = scene.pages[0].size
    let style =
      gongwen
      ? DocxStyle.gongwen(page: page, language: theme.text(.text).language)
      : DocxStyle(theme: theme, page: page, margin: margin)
    return try DocxWriter.write(
      document, style: style, images: try figureImages(),
      properties: DocxProperties(period: "2024年上半年", created: scene.info.creationDate))
  }

  /// The panels' contents in page order.
  var contents: [(panel: Panel, page: Page)] {
    scene.pages.flatMap { page in page.panels.filter { $0.content != nil }.map { ($0, page) } }
  }
}

// MARK: - Reading a .docx back

/// What `read_docx.py` (python-docx) found in a .docx.
struct DocxReading: Decodable {
  struct Block: Decodable {
    var kind: String
    var style: String?
    var alignment: String?
    var text: String?
    var images: [String]?
    var header_rows: [Int]?
    var rows: [[Cell]]?
  }
  struct Cell: Decodable {
    var text: String
    var span: Int
    var vmerge: String?
    var bold: Bool
    var color: String?
    var alignment: String?
    var fill: String?
  }
  struct Image: Decodable {
    var id: String
    var sha256: String
    var width: Int
    var height: Int
    var drawn_width_pt: Double
  }
  struct Core: Decodable {
    var title: String?
    var subject: String?
    var creator: String?
    var description: String?
    var created: String?
  }
  var body: [Block]
  var images: [Image]
  var footer: [String]
  var core: Core

  var paragraphs: [Block] { body.filter { $0.kind == "paragraph" } }
  var tables: [Block] { body.filter { $0.kind == "table" } }

  /// Debian's python3 with python3-docx, the independent reader.
  static let python = "/usr/bin/python3"

  static let available: Bool = {
    guard FileManager.default.isExecutableFile(atPath: python) else { return false }
    return (try? run(python, ["-c", "import docx"]).status) == 0
  }()

  static let missing =
    "SKIPPED: python3-docx is not installed, so the .docx files were not read back (apt-get install python3-docx, or run `make test`)"

  /// Writes `bytes` to a scratch file and reads it with `read_docx.py`.
  static func read(_ bytes: [UInt8]) throws -> DocxReading {
    let path = try TestScratch.folder("docx") + "/sheet.docx"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let result = try run(python, [ComposedSheet.root + "/Tests/BriefingDocumentTests/read_docx.py", path])
    #expect(result.status == 0, "read_docx.py: \(result.stderr)")
    return try JSONDecoder().decode(DocxReading.self, from: Data(result.stdout.utf8))
  }

  static func run(_ executable: String, _ arguments: [String]) throws -> ChildProcess.Result {
    try ChildProcess.run(executable, arguments)
  }
}

// MARK: - Drawn text

extension Page {
  /// The texts a panel draws, in order.
  func drawnTexts(_ panel: Panel) -> [String] {
    items[panel.items].flatMap(\.runs).map(\.text)
  }

  /// The fill colours of the rectangles drawn in a panel (cell backgrounds, bars).
  func drawnRectangleFills(_ panel: Panel) -> Set<Color> {
    Set(items[panel.items].flatMap(\.shapes).compactMap { shape in
      if case .rect = shape.geometry { shape.fill } else { nil }
    })
  }
}

extension FrameItem {
  var runs: [TextRun] {
    switch self {
    case .text(let run): [run]
    case .group(_, _, let items): items.flatMap(\.runs)
    case .shape, .anchor: []
    }
  }

  var shapes: [Shape] {
    switch self {
    case .shape(let shape): [shape]
    case .group(_, _, let items): items.flatMap(\.shapes)
    case .text, .anchor: []
    }
  }
}
