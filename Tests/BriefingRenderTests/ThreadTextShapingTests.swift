import BriefingScene
import CairoKit
import Foundation
import Synchronization
import Testing

@testable import BriefingRender

/// A job makes one measurer per sheet and chart set, all on one thread: the text one unit shaped
/// is found by the next (`ThreadTextShaping`), never across threads or font maps.
@Suite struct ThreadTextShapingTests {
  static let style = TextStyle(family: "Noto Sans CJK SC", size: 9)

  @Test func measurersOnOneThreadShareShapedText() throws {
    let first = try PangoTextMeasurer()
    let metrics = first.measure("地区生产总值增速", style: Self.style, wrapWidth: nil)
    let second = try PangoTextMeasurer()
    #expect(first.layouts === second.layouts)
    #expect(second.measure("地区生产总值增速", style: Self.style, wrapWidth: nil) == metrics)
  }

  @Test func anotherFontMapShapesAfresh() throws {
    let outside = try PangoTextMeasurer()
    let empty = try FontConfiguration(rules: "<fontconfig></fontconfig>", directories: [])
    let inside = try empty.withDefaultFontMap { try PangoTextMeasurer() }
    #expect(inside.layouts !== outside.layouts)
    // Back on the thread's own default map: not the private map's shaping.
    #expect(try PangoTextMeasurer().layouts !== inside.layouts)
  }

  @Test func eachThreadHasItsOwn() throws {
    let here = try PangoTextMeasurer()
    let found = Mutex<Result<ObjectIdentifier, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      let there = Result { ObjectIdentifier(try PangoTextMeasurer().layouts) }
      found.withLock { $0 = there }
      done.signal()
    }
    thread.start()
    done.wait()
    let there = try #require(found.withLock { $0 }).get()
    #expect(there != ObjectIdentifier(here.layouts))
  }
}
