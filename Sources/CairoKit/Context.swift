import CCairo

// MARK: - Drawing context

/// An owned `cairo_t`, keeping its surface alive. Coordinates are the surface's user units
/// (points for PDF/SVG; for images, pixels until `scale` is applied).
public final class Context {
  // MARK: Properties
  let pointer: OpaquePointer
  public let surface: Surface

  // MARK: Initialization

  public init(surface: Surface) throws(CairoError) {
    guard let raw = cairo_create(surface.pointer) else {
      throw CairoError(operation: "create context", detail: "no context")
    }
    pointer = raw
    self.surface = surface
    try CairoError.check(cairo_status(raw), "create context")
  }

  /// Locked: the context may hold the last reference to a font (see `FontFaceLock`).
  deinit { FontFaceLock.run { cairo_destroy(pointer) } }

  // MARK: State

  public func save() { cairo_save(pointer) }
  /// Locked: the restored state may drop the last reference to a font (see `FontFaceLock`).
  public func restore() { FontFaceLock.run { cairo_restore(pointer) } }
  public func scale(_ sx: Double, _ sy: Double) { cairo_scale(pointer, sx, sy) }
  public func translate(_ tx: Double, _ ty: Double) { cairo_translate(pointer, tx, ty) }

  /// Throws if any earlier drawing call put the context into an error state.
  public func checkStatus(_ operation: String) throws(CairoError) {
    try CairoError.check(cairo_status(pointer), operation)
  }

  // MARK: Paths

  public func rectangle(x: Double, y: Double, width: Double, height: Double) {
    cairo_rectangle(pointer, x, y, width, height)
  }
  public func move(to x: Double, _ y: Double) { cairo_move_to(pointer, x, y) }
  public func line(to x: Double, _ y: Double) { cairo_line_to(pointer, x, y) }
  public func closePath() { cairo_close_path(pointer) }
  public func newPath() { cairo_new_path(pointer) }
  public func arc(x: Double, y: Double, radius: Double) {
    cairo_new_sub_path(pointer)
    cairo_arc(pointer, x, y, radius, 0, 2 * Double.pi)
  }

  // MARK: Painting

  public func setSource(red: Double, green: Double, blue: Double, alpha: Double) {
    cairo_set_source_rgba(pointer, red, green, blue, alpha)
  }
  public func setLineWidth(_ width: Double) { cairo_set_line_width(pointer, width) }
  public func setDash(_ lengths: [Double]) {
    lengths.withUnsafeBufferPointer { buffer in
      cairo_set_dash(pointer, buffer.baseAddress, Int32(buffer.count), 0)
    }
  }
  public func fillPreserve() { cairo_fill_preserve(pointer) }
  public func fill() { cairo_fill(pointer) }
  public func stroke() { cairo_stroke(pointer) }
  public func paint() { cairo_paint(pointer) }
  /// Makes the whole clip area fully transparent (image surfaces with alpha).
  public func clear() {
    cairo_save(pointer)
    cairo_set_operator(pointer, CAIRO_OPERATOR_CLEAR)
    cairo_paint(pointer)
    cairo_restore(pointer)
  }
  public func clip() { cairo_clip(pointer) }
  public func setGreyAntialias() { cairo_set_antialias(pointer, CAIRO_ANTIALIAS_GRAY) }

  /// Ends the page (PDF: starts a new one). Locked: PDF and SVG surfaces replay the page's glyphs
  /// here (see `FontFaceLock`).
  public func showPage() { FontFaceLock.run { cairo_show_page(pointer) } }

  // MARK: Tags

  /// Marks a named destination at (x, y) on the current page, for outline links.
  public func destination(name: String, x: Double, y: Double) {
    let attributes = "name='\(name)' x=\(x) y=\(y)"
    cairo_tag_begin(pointer, CAIRO_TAG_DEST, attributes)
    cairo_tag_end(pointer, CAIRO_TAG_DEST)
  }
}
