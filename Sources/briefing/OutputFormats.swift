import ArgumentParser
import BriefingCore
import BriefingDocument
import BriefingJobs
import BriefingRender
import BriefingScene
import BriefingSpec

// MARK: - What `render --format` asks for

/// One kind of file a sheet (a `scope: region` or `scope: group` layout) is written as.
enum SheetFormat: String, CaseIterable, Sendable {
  /// The sheet's vector PDF (all pages).
  case pdf
  /// One PNG per page at `--dpi`.
  case png
  /// A Word document built from the same scene (`DocxWriter`).
  case docx
  /// Markdown: headings, pipe tables, numbered lists.
  case md
  /// Plain text: columns aligned by display width.
  case txt
}

/// `--format`: a comma-separated list, the option repeatable (`--format pdf,docx --format md`).
/// Sheets take `pdf`, `png`, `docx`, `md`, `txt` (default `pdf,png`; `--dpi 0` drops the
/// PNGs); chart sets take one of `png`, `svg`, `both`, `pdf` (default `png`). A format the
/// layout's kind cannot write is an error naming the kind.
struct OutputFormats: ExpressibleByArgument {
  /// The names as given, in order, without repeats.
  var names: [String]

  init?(argument: String) {
    let names = argument.split(separator: ",").map { $0.trimmingSpaces().lowercased() }
    guard !names.isEmpty, !names.contains("") else { return nil }
    self.names = names
  }

  init(names: [String]) { self.names = names }

  /// Every `--format` given, joined in order.
  static func joined(_ options: [OutputFormats]) -> OutputFormats? {
    guard !options.isEmpty else { return nil }
    var seen = Set<String>()
    return OutputFormats(names: options.flatMap(\.names).filter { seen.insert($0).inserted })
  }

  /// The sheet formats, or a `.data` failure naming a format a sheet cannot write.
  func sheetFormats(scope: LayoutDocument.Scope) throws(Failure) -> [SheetFormat] {
    try names.map { name throws(Failure) in
      guard let format = SheetFormat(rawValue: name) else {
        throw .data([Finding(.error, .formatNotForLayout(name, scope: scope.rawValue, allowed: SheetFormat.allCases.map(\.rawValue)))])
      }
      return format
    }
  }

  /// The chart-set format: exactly one of png, svg, both, pdf (`png,svg` is `both`).
  func chartFormat() throws(Failure) -> ChartFormat {
    let set = Set(names)
    if set == ["png", "svg"] { return .both }
    guard names.count == 1, let format = ChartFormat(rawValue: names[0]) else {
      let wrong = names.first { ChartFormat(rawValue: $0) == nil } ?? names.joined(separator: ",")
      throw .data([Finding(.error, .formatNotForLayout(wrong, scope: "charts", allowed: ChartFormat.allCases.map(\.rawValue)))])
    }
    return format
  }
}

/// `--docx-style`: the Word copy's look.
enum DocxStyleChoice: String, CaseIterable, ExpressibleByArgument, Sendable {
  /// The layout's theme: its fonts, colours and paper (sizes raised to what reads well).
  case theme
  /// The official-document look of GB/T 9704 (A4 margins, 方正小标宋 title, 仿宋 3号 body,
  /// 22 lines × 28 characters); fonts named, not embedded.
  case gongwen
}

extension Finding.Message {
  static func formatNotForLayout(_ format: String, scope: String, allowed: [String]) -> Self {
    Self(
      code: "format-not-for-layout",
      text: "--format \(format) is not written for a scope: \(scope) layout (it writes: \(allowed.joined(separator: ", ")))")
  }
}

// MARK: - Editable copies of a sheet

extension SheetJob {
  /// The sheet's Word, Markdown and text copies that `formats` ask for, named `stem.docx` …,
  /// from the scene the PDF draws; the Word copy's charts at `figureDPI` (≥ 200).
  func editableCopies(
    _ scene: Scene, formats: [SheetFormat], stem: String, style choice: DocxStyleChoice, theme: ResolvedTheme,
    figureDPI: Double = 200
  ) throws(Failure) -> [OutputFile] {
    let document = SheetDocument(scene)
    var files: [OutputFile] = []
    for format in formats {
      switch format {
      case .pdf, .png: continue
      case .md:
        files.append(OutputFile(name: SafeName.file(stem, extension: "md"), bytes: Array(MarkdownWriter.write(document).utf8)))
      case .txt:
        files.append(OutputFile(name: SafeName.file(stem, extension: "txt"), bytes: Array(PlainTextWriter.write(document).utf8)))
      case .docx:
        let page = scene.pages.first?.size ?? .a4
        let style: DocxStyle
        switch choice {
        case .theme: style = DocxStyle(theme: theme, page: page, margin: self.document.page.margin)
        case .gongwen: style = .gongwen(page: page, language: theme.text(.text).language)
        }
        let bytes: [UInt8]
        do {
          let renderer = try PNGRenderer(dpi: figureDPI, compressionLevel: 6)
          let images = try document.figures.map { figure in
            try renderer.render(scene.pages[figure.page], region: figure.rect)
          }
          bytes = try DocxWriter.write(
            document, style: style, images: images,
            properties: DocxProperties(period: periodLabel, created: scene.info.creationDate))
        } catch {
          throw .internal("\(error)")
        }
        files.append(OutputFile(name: SafeName.file(stem, extension: "docx"), bytes: bytes))
      }
    }
    return files
  }
}
