import BriefingScene
import CairoKit

// MARK: - PDF

/// Renders a whole scene into one vector PDF in memory: one page per `Page`, fonts embedded and
/// subset with ToUnicode, metadata from `DocumentInfo`, an outline from `.anchor` items, page
/// labels. With `info.creationDate` set, identical scenes give identical bytes.
public enum PDFRenderer {
  /// - Parameter measurer: the measurer the scene was composed with, on this thread: its shaped
  ///   text is drawn as is (same fonts, metrics and options) instead of being shaped again.
  public static func render(_ scene: Scene, measurer: PangoTextMeasurer? = nil) throws(RenderError)
    -> [UInt8]
  {
    do {
      let first = scene.pages.first?.size ?? .a4
      let surface = try Surface.pdf(width: first.width, height: first.height)
      setMetadata(scene.info, on: surface)
      let context = try Context(surface: surface)
      var problems: [String] = []
      var outlineParents: [Int: Int32] = [:]
      let layouts =
        try measurer?.layouts ?? TextLayoutCache(text: TextContext(context: context, mode: .vector))
      for (index, page) in scene.pages.enumerated() {
        surface.setPDFPageSize(width: page.size.width, height: page.size.height)
        if let label = page.label { surface.setPDFPageLabel(label) }
        var drawer = SceneDrawer(layouts: layouts, target: context, pageIndex: index)
        try drawer.draw(page.items)
        problems += drawer.problems
        for (bookmark, destination) in drawer.anchors {
          let parent = outlineParents[bookmark.level - 1] ?? Surface.outlineRoot
          let id = surface.addPDFOutline(
            parent: parent, title: bookmark.title, destination: destination, open: bookmark.level == 0)
          outlineParents[bookmark.level] = id
        }
        context.showPage()
      }
      try context.checkStatus("draw PDF")
      guard problems.isEmpty else { throw RenderError.missingGlyphs(problems) }
      try surface.finish()
      return surface.bytes
    } catch let error as CairoError {
      throw .cairo(error)
    } catch let error as RenderError {
      throw error
    } catch {
      throw .io(path: "PDF", reason: "\(error)")
    }
  }

  private static func setMetadata(_ info: DocumentInfo, on surface: Surface) {
    surface.setPDFMetadata(.title, info.title)
    surface.setPDFMetadata(.author, info.author)
    surface.setPDFMetadata(.subject, info.subject)
    surface.setPDFMetadata(.keywords, info.keywords)
    surface.setPDFMetadata(.creator, info.creator)
    if let date = info.creationDate {
      surface.setPDFMetadata(.createDate, date)
      surface.setPDFMetadata(.modDate, date)
    }
  }
}
