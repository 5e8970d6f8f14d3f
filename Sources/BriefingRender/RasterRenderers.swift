import BriefingScene
import CairoKit

// MARK: - PNG

/// Renders pages to PNG bytes at `dpi` (72 = one pixel per point). Grey antialiasing; an opaque
/// background colour, or transparent when `background` is nil.
///
/// An instance keeps its image surface, cairo context, Pango context and PNG encoder between
/// pages of the same pixel size, so a chart set pays for them once per thread. Not thread-safe:
/// one renderer per thread (each thread gets its own Pango font map).
public final class PNGRenderer {
  // MARK: Properties

  /// Pixels per inch; 96 makes a 600 × 375 pt chart 800 × 500 px.
  public let dpi: Double
  /// Opaque background colour (RGB PNG), or nil for a transparent background (RGBA PNG).
  public let background: Color?
  private let encoder: PNGEncoder
  private var canvas: Canvas?

  /// One reusable drawing target of a fixed pixel size.
  private struct Canvas {
    let width: Int
    let height: Int
    let context: Context
    let layouts: TextLayoutCache
  }

  // MARK: Initialization

  /// - Parameters:
  ///   - dpi: pixels per inch. Default: 96.
  ///   - background: default white; nil for transparent.
  ///   - compressionLevel: zlib level 0…9. Default: 1 (fastest; charts stay small).
  public init(dpi: Double = 96, background: Color? = .white, compressionLevel: Int = 1)
    throws(RenderError)
  {
    self.dpi = dpi
    self.background = background
    do {
      encoder = try PNGEncoder(level: compressionLevel)
    } catch {
      throw .cairo(error)
    }
  }

  /// The calling thread's renderer at `dpi` on `background` (compression level 1), kept from
  /// one chart set to the next: a job draws a region's 15 charts per unit, thousands of units
  /// on the same thread, and their titles, tick labels and region names repeat, so the canvas's
  /// shaped text (`TextLayoutCache`) serves the next unit too. Made again for another resolution
  /// or background, or when the thread's default font map changed (text is never drawn with
  /// another map's fonts). Shaping is deterministic: the same page gives the same bytes either way.
  public static func forCurrentThread(dpi: Double = 96, background: Color? = .white) throws(RenderError) -> PNGRenderer {
    if let kept = threadRenderer.value, kept.dpi == dpi, kept.background == background, kept.encoder.level == 1,
      kept.canvas?.layouts.text.usesThreadDefaultFontMap ?? true
    {
      return kept
    }
    let made = try PNGRenderer(dpi: dpi, background: background)
    threadRenderer.value = made
    return made
  }

  /// Each thread's kept renderer (`forCurrentThread`).
  private static let threadRenderer = ThreadSlot<PNGRenderer>()

  /// Renders one page with a throwaway renderer.
  public static func render(_ page: Page, dpi: Double = 96, background: Color? = .white)
    throws(RenderError) -> [UInt8]
  {
    try PNGRenderer(dpi: dpi, background: background).render(page)
  }

  /// The change counter of the canvas's text context (nil before the first page); for checks
  /// that shaped text survives from page to page.
  var textSerial: UInt32? { canvas?.layouts.text.serial }

  // MARK: Methods

  /// Draws `page` on the (reused) surface and encodes it; with `region` (points), only that
  /// part of the page (a chart's panel, for a document that embeds it as a picture).
  public func render(_ page: Page, region: Rect? = nil) throws(RenderError) -> [UInt8] {
    let scale = dpi / 72
    let area = region ?? Rect(x: 0, y: 0, width: page.size.width, height: page.size.height)
    let width = Int((area.width * scale).rounded(.up))
    let height = Int((area.height * scale).rounded(.up))
    do {
      let canvas = try canvas(width: width, height: height)
      let context = canvas.context
      context.save()
      defer { context.restore() }
      if let background {
        context.setSource(
          red: background.red, green: background.green, blue: background.blue, alpha: 1)
        context.paint()
      } else {
        context.clear()
      }
      context.scale(scale, scale)
      context.translate(-area.minX, -area.minY)
      var drawer = SceneDrawer(layouts: canvas.layouts, pageIndex: 0)
      try drawer.draw(page.items)
      try context.checkStatus("draw PNG")
      guard drawer.problems.isEmpty else { throw RenderError.missingGlyphs(drawer.problems) }
      context.surface.flush()
      return try encoder.encode(context.surface)
    } catch let error as CairoError {
      throw .cairo(error)
    } catch let error as RenderError {
      throw error
    } catch {
      throw .io(path: "PNG", reason: "\(error)")
    }
  }

  /// The canvas for this pixel size: the previous one when the size matches, else a new one.
  private func canvas(width: Int, height: Int) throws(CairoError) -> Canvas {
    if let canvas, canvas.width == width, canvas.height == height { return canvas }
    let surface = try Surface.image(width: width, height: height, opaque: background != nil)
    let context = try Context(surface: surface)
    context.setGreyAntialias()
    let text = try TextContext(context: context, mode: .raster)
    // Text is shaped for the page scale (hinting depends on it) once per canvas: every page
    // draws at this scale (a region's offset is a translation, which Pango ignores), and
    // updating the context per page would lay out every kept layout again. Per chart of
    // region-charts.yaml, that was about half of the text-drawing time.
    context.save()
    context.scale(dpi / 72, dpi / 72)
    text.update()
    context.restore()
    let made = Canvas(width: width, height: height, context: context, layouts: TextLayoutCache(text: text))
    canvas = made
    return made
  }
}

// MARK: - SVG

/// Renders one page to SVG bytes (for web pages and slides). cairo names groups after a
/// process-wide surface counter (`surface433`), which depends on what else the process drew and
/// on thread timing; those ids are renumbered in order of appearance (`surface1`, …), so the same
/// page always gives the same bytes.
public enum SVGRenderer {
  public static func render(_ page: Page) throws(RenderError) -> [UInt8] {
    do {
      let surface = try Surface.svg(width: page.size.width, height: page.size.height)
      let context = try Context(surface: surface)
      var drawer = try SceneDrawer(context: context, mode: .vector, pageIndex: 0)
      try drawer.draw(page.items)
      try context.checkStatus("draw SVG")
      guard drawer.problems.isEmpty else { throw RenderError.missingGlyphs(drawer.problems) }
      try surface.finish()
      return renumberingSurfaceIDs(surface.bytes)
    } catch let error as CairoError {
      throw .cairo(error)
    } catch let error as RenderError {
      throw error
    } catch {
      throw .io(path: "SVG", reason: "\(error)")
    }
  }

  /// Replaces every `surface<digits>` with `surface<n>`, n counting distinct ids from 1 in order
  /// of first appearance.
  static func renumberingSurfaceIDs(_ bytes: [UInt8]) -> [UInt8] {
    let prefix = Array("surface".utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var numbers: [ArraySlice<UInt8>: Int] = [:]
    var index = 0
    while index < bytes.count {
      guard bytes[index] == prefix[0], bytes[index...].starts(with: prefix) else {
        output.append(bytes[index])
        index += 1
        continue
      }
      var end = index + prefix.count
      while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
      output += prefix
      let digits = bytes[(index + prefix.count)..<end]
      if !digits.isEmpty {
        let number = numbers[digits] ?? numbers.count + 1
        numbers[digits] = number
        output += Array(String(number).utf8)
      }
      index = end
    }
    return output
  }
}
