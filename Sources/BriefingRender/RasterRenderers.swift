import BriefingScene
import CairoKit

// MARK: - PNG

/// Renders one page to PNG bytes at `dpi` (72 = one pixel per point). Grey antialiasing; an
/// opaque background colour, or transparent when `background` is nil.
public enum PNGRenderer {
  public static func render(_ page: Page, dpi: Double = 96, background: Color? = .white)
    throws(RenderError) -> [UInt8]
  {
    let scale = dpi / 72
    let width = Int((page.size.width * scale).rounded(.up))
    let height = Int((page.size.height * scale).rounded(.up))
    do {
      let surface = try Surface.image(width: width, height: height, opaque: background != nil)
      let context = try Context(surface: surface)
      if let background {
        context.setSource(
          red: background.red, green: background.green, blue: background.blue, alpha: 1)
        context.paint()
      }
      context.setGreyAntialias()
      context.scale(scale, scale)
      var drawer = try SceneDrawer(context: context, mode: .raster, pageIndex: 0)
      try drawer.draw(page.items)
      try context.checkStatus("draw PNG")
      guard drawer.problems.isEmpty else { throw RenderError.missingGlyphs(drawer.problems) }
      surface.flush()
      return try surface.pngBytes()
    } catch let error as CairoError {
      throw .cairo(error)
    } catch let error as RenderError {
      throw error
    } catch {
      throw .io(path: "PNG", reason: "\(error)")
    }
  }
}

// MARK: - SVG

/// Renders one page to SVG bytes (for web pages and slides).
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
      return surface.bytes
    } catch let error as CairoError {
      throw .cairo(error)
    } catch let error as RenderError {
      throw error
    } catch {
      throw .io(path: "SVG", reason: "\(error)")
    }
  }
}
