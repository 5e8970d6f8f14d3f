import BriefingRender
import BriefingScene
import Testing

/// The reusable PNG renderer: a kept surface leaves nothing of the previous page behind, and
/// the transparent background still gives RGBA files.
@Suite struct PNGRendererTests {
  static func page(bar color: String, width: Double) -> Page {
    Page(
      size: Size(width: 120, height: 60),
      items: [
        .shape(Shape(.rect(Rect(x: 10, y: 20, width: width, height: 12)), fill: Color(hex: color))),
        .shape(
          Shape(
            .line(from: Point(x: 60, y: 5), to: Point(x: 60, y: 55)),
            stroke: StrokeStyle(color: .black, width: 0.5, dash: [3, 2]))),
      ])
  }

  @Test(arguments: [Color.white, nil])
  func reusedRendererMatchesAFreshOne(background: Color?) throws {
    let renderer = try PNGRenderer(dpi: 96, background: background)
    _ = try renderer.render(Self.page(bar: "#D62728", width: 100))
    let second = Self.page(bar: "#A6BDD7", width: 30)
    #expect(try renderer.render(second) == PNGRenderer.render(second, dpi: 96, background: background))
  }

  @Test func transparentBackgroundGivesRGBA() throws {
    let png = try PNGRenderer.render(Self.page(bar: "#D62728", width: 50), dpi: 72, background: nil)
    #expect(png[25] == 6)
    let opaque = try PNGRenderer.render(Self.page(bar: "#D62728", width: 50), dpi: 72)
    #expect(opaque[25] == 2)
  }
}

/// SVG output does not depend on cairo's process-wide surface counter.
@Suite struct SVGRendererTests {
  @Test func sameBytesWhateverWasDrawnBefore() throws {
    let page = PNGRendererTests.page(bar: "#D62728", width: 40)
    let first = try SVGRenderer.render(page)
    for _ in 0..<3 { _ = try PNGRenderer.render(page, dpi: 72) }
    #expect(try SVGRenderer.render(page) == first)
    #expect(String(decoding: first, as: UTF8.self).contains("id=\"surface1\""))
  }
}
