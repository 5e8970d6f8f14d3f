import CairoKit
import Testing

@Suite struct CairoKitTests {
  @Test(arguments: [(0, 10), (10, 0), (40_000, 10), (-5, 5)])
  func invalidImageSizeIsATypedError(_ width: Int, _ height: Int) {
    #expect(throws: CairoError.self) { try Surface.image(width: width, height: height, opaque: true) }
  }

  @Test func drawingAfterFinishSurfacesAsTypedError() throws {
    let surface = try Surface.pdf(width: 100, height: 100)
    let context = try Context(surface: surface)
    try surface.finish()
    context.rectangle(x: 0, y: 0, width: 10, height: 10)
    context.fill()
    let error = try #require(throws: CairoError.self) { try context.checkStatus("draw") }
    #expect(error.detail.contains("finished"))
  }

  @Test func pdfBytesStartWithHeaderAfterFinish() throws {
    let surface = try Surface.pdf(width: 200, height: 100)
    let context = try Context(surface: surface)
    context.rectangle(x: 10, y: 10, width: 50, height: 20)
    context.fill()
    context.showPage()
    try surface.finish()
    #expect(Array(surface.bytes.prefix(5)) == Array("%PDF-".utf8))
  }

  @Test func layoutMeasuresRealPoints() throws {
    let surface = try Surface.image(width: 10, height: 10, opaque: true)
    let text = try TextContext(context: Context(surface: surface), mode: .vector)
    let layout = try TextLayout(
      text: "统计数据", family: "Noto Sans CJK SC", size: 10, bold: false, language: "zh-cn",
      wrapWidth: nil, alignment: .left, in: text)
    // Four ideographs at 10 pt are 40 pt wide: resolution 72 makes points real points.
    #expect(abs(layout.size.width - 40) < 1)
    #expect(layout.unknownGlyphCount == 0)
    #expect(layout.resolvedFamilies == ["Noto Sans CJK SC"])
  }

  /// Code points of the supplementary private-use planes, which no font of a Debian machine
  /// covers (U+E000–E001 of the BMP area: LibreOffice's OpenSymbol covers U+E001).
  @Test func unknownGlyphsAreCounted() throws {
    let surface = try Surface.image(width: 10, height: 10, opaque: true)
    let text = try TextContext(context: Context(surface: surface), mode: .vector)
    let layout = try TextLayout(
      text: "A\u{F0001}\u{10FFFD}", family: "Noto Sans CJK SC", size: 10, bold: false,
      language: "zh-cn", wrapWidth: nil, alignment: .left, in: text)
    #expect(layout.unknownGlyphCount == 2)
  }

  @Test func wrappingBreaksChineseIntoLines() throws {
    let surface = try Surface.image(width: 10, height: 10, opaque: true)
    let text = try TextContext(context: Context(surface: surface), mode: .vector)
    let layout = try TextLayout(
      text: "上半年全区实现地区生产总值86.3亿元，同比增长7.2%，增速居全市第2位。",
      family: "Noto Sans CJK SC", size: 10, bold: false, language: "zh-cn", wrapWidth: 100,
      alignment: .left, in: text)
    #expect(layout.lineCount >= 3)
    #expect(layout.size.width <= 100)
  }

  @Test func pngRoundTripKeepsPixels() throws {
    let surface = try Surface.image(width: 4, height: 3, opaque: true)
    let context = try Context(surface: surface)
    context.setSource(red: 1, green: 1, blue: 1, alpha: 1)
    context.paint()
    context.setSource(red: 1, green: 0, blue: 0, alpha: 1)
    context.rectangle(x: 1, y: 1, width: 2, height: 1)
    context.fill()
    let drawn = try surface.pixels()
    #expect(drawn.width == 4 && drawn.height == 3 && drawn.bytes.count == 48)
    let decoded = try Surface.png(surface.pngBytes()).pixels()
    #expect(decoded == drawn)
    // Pixels back into a surface and out again are unchanged.
    #expect(try Surface.png(Surface.image(decoded).pngBytes()).pixels() == drawn)
    // Row 1, column 1 is red: 0xFFFF0000 as a host-endian word.
    let word = drawn.bytes[20..<24].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }
    #expect(word == 0xFFFF_0000)
  }

  @Test func notAPNGIsATypedError() {
    #expect(throws: CairoError.self) { try Surface.png(Array("not a png".utf8)) }
  }

  @Test func privateFontConfigurationSeesOnlyItsFolders() throws {
    let empty = try FontConfiguration(rules: "<fontconfig></fontconfig>", directories: [])
    let inside = empty.withDefaultFontMap { installedFontFamilies() }
    // Pango still lists its generic aliases (Sans, Serif, …), but no installed family.
    #expect(!inside.contains("Noto Sans CJK SC") && !inside.contains("DejaVu Sans"), "\(inside)")
    #expect(installedFontFamilies().contains("Noto Sans CJK SC"), "the thread's default is back")
    #expect(throws: CairoError.self) {
      try FontConfiguration(rules: "<fontconfig>", directories: [])
    }
  }
}
