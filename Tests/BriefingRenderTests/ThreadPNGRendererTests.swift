import BriefingScene
import CairoKit
import Foundation
import Synchronization
import Testing

@testable import BriefingRender

/// A job draws each unit's chart set with a new worker, all on one thread: the PNG renderer (its
/// canvas and shaped text) is the thread's, kept from unit to unit, and drawn pages come out the
/// same as with a fresh renderer.
@Suite struct ThreadPNGRendererTests {
  /// A page with text and a bar.
  static let page = Page(
    size: Size(width: 200, height: 120),
    items: [
      .text(TextRun(text: "地区生产总值增速", origin: Point(x: 10, y: 20), style: TextStyle(family: "Noto Sans CJK SC", size: 9), size: Size(width: 72, height: 12))),
      .shape(Shape(.rect(Rect(x: 10, y: 40, width: 120, height: 20)), fill: Color(red: 0.2, green: 0.4, blue: 0.8))),
    ])

  @Test func oneThreadKeepsOneRendererPerResolutionAndBackground() throws {
    let first = try PNGRenderer.forCurrentThread(dpi: 96, background: .white)
    #expect(try PNGRenderer.forCurrentThread(dpi: 96, background: .white) === first)
    let other = try PNGRenderer.forCurrentThread(dpi: 144, background: .white)
    #expect(other !== first)
    #expect(other.dpi == 144)
    #expect(try PNGRenderer.forCurrentThread(dpi: 144, background: nil).background == nil)
  }

  @Test func keptRendererDrawsWhatAFreshOneDraws() throws {
    let kept = try PNGRenderer.forCurrentThread(dpi: 96, background: .white)
    let once = try kept.render(Self.page)
    let again = try PNGRenderer.forCurrentThread(dpi: 96, background: .white).render(Self.page)
    #expect(again == once)
    #expect(try PNGRenderer(dpi: 96, background: .white).render(Self.page) == once)
  }

  /// Shaped text is kept from chart to chart only if the Pango context does not change between
  /// them: `pango_cairo_update_context` on every page laid out every kept layout again.
  @Test func drawingAgainKeepsTheShapedText() throws {
    let renderer = try PNGRenderer(dpi: 96, background: .white)
    let once = try renderer.render(Self.page)
    let serial = try #require(renderer.textSerial)
    #expect(try renderer.render(Self.page) == once)
    #expect(renderer.textSerial == serial, "the text context changed between two pages of one size")
  }

  @Test func anotherFontMapGetsANewRenderer() throws {
    let outside = try PNGRenderer.forCurrentThread(dpi: 96, background: .white)
    _ = try outside.render(Self.page)
    let empty = try FontConfiguration(rules: "<fontconfig></fontconfig>", directories: [])
    let inside = try empty.withDefaultFontMap { try PNGRenderer.forCurrentThread(dpi: 96, background: .white) }
    #expect(inside !== outside)
  }

  @Test func eachThreadHasItsOwn() throws {
    let here = try PNGRenderer.forCurrentThread(dpi: 96, background: .white)
    let found = Mutex<Result<ObjectIdentifier, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      let there = Result { ObjectIdentifier(try PNGRenderer.forCurrentThread(dpi: 96, background: .white)) }
      found.withLock { $0 = there }
      done.signal()
    }
    thread.start()
    done.wait()
    let there = try #require(found.withLock { $0 }).get()
    #expect(there != ObjectIdentifier(here))
  }
}
