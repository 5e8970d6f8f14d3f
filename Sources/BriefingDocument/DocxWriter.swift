import BriefingScene

// MARK: - The .docx file

/// Writes a sheet as a Word document (Office Open XML, read by Word, WPS, LibreOffice): the
/// title and facts line, section headings, every table as a native Word table, the headline
/// and lists as paragraphs, every chart as a PNG picture with its title as a caption, the
/// footer, and document properties. Written here on the project's ZIP writer rather than
/// through pandoc: pandoc is a 100+ MB dependency started once per file, and its output would
/// still need the scene's cell colours and spans mapped to a reference document; this writer
/// is a few hundred lines, deterministic (parts in a fixed order, fixed ZIP timestamps from the
/// creation date) and takes milliseconds. Same inputs → same bytes.
public enum DocxWriter {
  /// - Parameters:
  ///   - images: one PNG per figure of `document`, in order (`SheetDocument.figures`), drawn
  ///     from the figure's part of its page.
  public static func write(
    _ document: SheetDocument, style: DocxStyle, images: [[UInt8]], properties: DocxProperties
  ) throws(DocumentError) -> [UInt8] {
    let figures = document.figures
    guard figures.count == images.count else {
      throw .imagesMismatch(figures: figures.count, images: images.count)
    }
    let named = figures.map { (id: "rIdImage\($0.number)", file: "figure\($0.number).png") }
    var pictures: [Int: (id: String, size: Size)] = [:]
    for (figure, entry) in zip(figures, named) { pictures[figure.number] = (entry.id, figure.rect.size) }
    let package = DocxPackage(document: document, style: style, images: named, properties: properties)
    let body = DocxBody(document: document, style: style, pictures: pictures)
    var bytes: [UInt8] = []
    let archive = ZipStream<DocumentError>(
      modified: properties.created.flatMap(ZipTimestamp.init(iso8601:)) ?? .y2000,
      write: { bytes += $0 }, tooLarge: { .tooLarge($0) })
    let parts: [(String, String)] = [
      ("[Content_Types].xml", package.contentTypes),
      ("_rels/.rels", package.rootRelationships),
      ("docProps/core.xml", package.coreProperties),
      ("docProps/app.xml", package.appProperties),
      ("word/document.xml", body.xml),
      ("word/_rels/document.xml.rels", package.documentRelationships),
      ("word/styles.xml", DocxStyles(style: style).xml),
      ("word/settings.xml", package.settings),
      ("word/fontTable.xml", package.fontTable),
      ("word/footer1.xml", package.footer),
    ]
    for (path, text) in parts { try archive.addEntry(path, text: text) }
    // PNGs are compressed already: stored.
    for (entry, png) in zip(named, images) { try archive.addEntry("word/media/" + entry.file, bytes: png, level: 0) }
    try archive.finish()
    return bytes
  }
}

// MARK: - Errors

public enum DocumentError: Error, CustomStringConvertible {
  /// The caller's images do not match the document's figures.
  case imagesMismatch(figures: Int, images: Int)
  /// A part or the archive reached 4 GiB.
  case tooLarge(String)

  public var description: String {
    switch self {
    case .imagesMismatch(let figures, let images): "\(figures) figure(s) but \(images) image(s)"
    case .tooLarge(let message): message
    }
  }
}
