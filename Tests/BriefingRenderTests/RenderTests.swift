import BriefingRender
import BriefingScene
import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct RenderTests {
  static let sc = TextStyle(family: "Noto Sans CJK SC", size: 14, bold: true)
  static let tc = TextStyle(family: "Noto Sans CJK TC", size: 10, language: "zh-tw")

  static func scene(date: String = "2024-06-30T00:00:00+08:00") -> Scene {
    let measurer = FixedMetricsMeasurer()
    func run(_ text: String, _ style: TextStyle, y: Double) -> FrameItem {
      let m = measurer.measure(text, style: style, wrapWidth: nil)
      return .text(
        TextRun(
          text: text, origin: Point(x: 40, y: y), style: style,
          size: Size(width: m.width, height: m.height)))
    }
    let page = Page(
      size: .a4,
      items: [
        .anchor(Bookmark(title: "地区生产总值")),
        run("2024年上半年各县区地区生产总值增速", sc, y: 40),
        run("魏都區生產總值 GDP 8.8%", tc, y: 70),
        .shape(Shape(.rect(Rect(x: 40, y: 100, width: 200, height: 12)), fill: Color(hex: "#D62728"))),
        .shape(
          Shape(
            .line(from: Point(x: 140, y: 95), to: Point(x: 140, y: 130)),
            stroke: StrokeStyle(color: .black, width: 0.5, dash: [3, 2]))),
      ])
    return Scene(
      info: DocumentInfo(title: "测试简报", author: "Briefing", creationDate: date), pages: [page])
  }

  @Test func pdfIsEmbeddedSubsetSearchableAndClean() throws {
    let bytes = try PDFRenderer.render(Self.scene())
    let dir = try TemporaryDirectory()
    let path = dir.path + "/t.pdf"
    try Data(bytes).write(to: URL(fileURLWithPath: path))

    let fonts = try Tool.run("pdffonts", [path])
    let rows = fonts.split(separator: "\n").dropFirst(2)
    #expect(!rows.isEmpty)
    for row in rows {
      // columns: name type encoding emb sub uni object ID
      let columns = row.split(separator: " ", omittingEmptySubsequences: true)
      #expect(columns.suffix(5).prefix(3) == ["yes", "yes", "yes"], "\(row)")
    }
    let text = try Tool.run("pdftotext", [path, "-"])
    #expect(text.contains("2024年上半年各县区地区生产总值增速"))
    #expect(text.contains("魏都區生產總值"))
    _ = try Tool.run("qpdf", ["--check", path])
    let info = try Tool.run("pdfinfo", [path])
    #expect(info.contains("测试简报"))
    #expect(info.contains("2024"))
  }

  @Test func pdfBytesAreReproducible() throws {
    #expect(try PDFRenderer.render(Self.scene()) == PDFRenderer.render(Self.scene()))
  }

  @Test func pngHasSignatureAndScaledSize() throws {
    let page = Self.scene().pages[0]
    let bytes = try PNGRenderer.render(page, dpi: 36)
    #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
    #expect(width == Int((page.size.width / 2).rounded(.up)))
  }

  @Test func svgContainsGlyphs() throws {
    let bytes = try SVGRenderer.render(Self.scene().pages[0])
    #expect(String(decoding: bytes, as: UTF8.self).contains("<svg"))
  }

  @Test func measurerMatchesPointSizes() throws {
    let measurer = try PangoTextMeasurer()
    let metrics = measurer.measure("地区生产总值", style: TextStyle(family: "Noto Sans CJK SC", size: 10), wrapWidth: nil)
    #expect(abs(metrics.width - 60) < 2)
  }

  @Test func tofuIsAnError() throws {
    var scene = Self.scene()
    scene.pages[0].items.append(
      .text(TextRun(text: "\u{E000}", origin: .zero, style: Self.tc, size: Size(width: 10, height: 10))))
    #expect(throws: RenderError.self) { try PDFRenderer.render(scene) }
  }

  @Test func missingFamilyIsReported() throws {
    #expect(throws: RenderError.self) { try FontInventory.requireInstalled("No Such Font Family") }
    try FontInventory.requireInstalled("Noto Sans CJK SC")
    let info = FontInventory.info(for: "Noto Sans CJK TC")
    #expect(info.coversSimplified && info.coversTraditional)
  }

  @Test func familyListsMustDrawTheirScriptAlone() throws {
    try FontInventory.requireInstalled("DejaVu Sans, Noto Sans CJK SC", language: "zh-cn")
    try FontInventory.requireInstalled("DejaVu Sans, Noto Serif CJK TC", language: "zh-tw")
    try FontInventory.requireInstalled("DejaVu Sans", language: "en")
    let fallback = try #require(throws: RenderError.self) {
      try FontInventory.requireInstalled("DejaVu Sans", language: "zh-cn")
    }
    #expect("\(fallback)".contains("glyphs would come from Noto Sans CJK"))
    let missing = try #require(throws: RenderError.self) {
      try FontInventory.requireInstalled("DejaVu Sans, No Such Font", language: "zh-cn")
    }
    #expect("\(missing)".contains("'No Such Font' is not installed"))
  }

  @Test func latinFirstListEmbedsBothFaces() throws {
    let style = TextStyle(family: "DejaVu Sans, Noto Sans CJK SC", size: 10)
    let run = TextRun(
      text: "地区生产总值 GDP 2024 +5.6%", origin: Point(x: 40, y: 40), style: style,
      size: Size(width: 200, height: 14))
    let scene = Scene(
      info: DocumentInfo(title: "t", author: "", creationDate: "2024-06-30T00:00:00+08:00"),
      pages: [Page(size: .a4, items: [.text(run)])])
    let dir = try TemporaryDirectory()
    let path = dir.path + "/fonts.pdf"
    try Data(PDFRenderer.render(scene)).write(to: URL(fileURLWithPath: path))
    let fonts = try Tool.run("pdffonts", [path])
    #expect(fonts.contains("DejaVuSans") && fonts.contains("NotoSansCJK"), "\(fonts)")
  }
}

// MARK: - Helpers

/// A fresh directory under the system temp dir, removed when the value is released.
final class TemporaryDirectory {
  let path: String
  init() throws {
    path = try TestScratch.folder("render")
  }
  deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Runs an external checker (pdffonts, pdftotext, qpdf …) and returns its standard output.
enum Tool {
  struct Failed: Error, CustomStringConvertible {
    var description: String
  }

  static func run(_ name: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [name] + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = Pipe()
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failed(description: "\(name) exited \(process.terminationStatus) (installed by make setup?)")
    }
    return String(decoding: data, as: UTF8.self)
  }
}
