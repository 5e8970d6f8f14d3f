import CCairo

// MARK: - Surfaces

/// An owned `cairo_surface_t`. PDF and SVG surfaces write into memory; call `finish()` and read
/// `bytes`. Never finished in `deinit`: a write error must surface as a thrown error.
public final class Surface {
  // MARK: Properties
  let pointer: OpaquePointer
  private let sink: ByteSink?
  private var finished = false

  // MARK: Initialization

  /// Adopts a +1 surface; throws when cairo handed back an error surface.
  init(adopting pointer: OpaquePointer, sink: ByteSink?, operation: String) throws(CairoError) {
    self.pointer = pointer
    self.sink = sink
    try CairoError.check(cairo_surface_status(pointer), operation)
  }

  /// Locked: an unfinished PDF or SVG surface is finished here, and any surface may hold the last
  /// reference to a font (see `FontFaceLock`).
  deinit { FontFaceLock.run { cairo_surface_destroy(pointer) } }

  /// A vector PDF surface in points (1 unit = 1 pt). Page size can change per page.
  public static func pdf(width: Double, height: Double) throws(CairoError) -> Surface {
    let sink = ByteSink()
    guard let raw = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.opaque, width, height)
    else { throw CairoError(operation: "create PDF surface", detail: "no surface") }
    return try Surface(adopting: raw, sink: sink, operation: "create PDF surface")
  }

  /// An SVG surface in points.
  public static func svg(width: Double, height: Double) throws(CairoError) -> Surface {
    let sink = ByteSink()
    guard let raw = cairo_svg_surface_create_for_stream(ByteSink.write, sink.opaque, width, height)
    else { throw CairoError(operation: "create SVG surface", detail: "no surface") }
    return try Surface(adopting: raw, sink: sink, operation: "create SVG surface")
  }

  /// A raster surface in pixels; `opaque` uses RGB24, otherwise ARGB32 (transparent background).
  public static func image(width: Int, height: Int, opaque: Bool) throws(CairoError) -> Surface {
    guard width > 0, height > 0, width <= 32_767, height <= 32_767 else {
      throw CairoError(operation: "create image surface", status: CAIRO_STATUS_INVALID_SIZE)
    }
    let format = opaque ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32
    guard let raw = cairo_image_surface_create(format, Int32(width), Int32(height)) else {
      throw CairoError(operation: "create image surface", detail: "no surface")
    }
    return try Surface(adopting: raw, sink: nil, operation: "create image surface")
  }

  // MARK: Methods

  /// Flushes and closes the surface, reporting any write error cairo deferred until now. Locked:
  /// PDF and SVG surfaces draw their last page and subset their fonts here (see `FontFaceLock`).
  public func finish() throws(CairoError) {
    guard !finished else { return }
    finished = true
    FontFaceLock.run { cairo_surface_finish(pointer) }
    try CairoError.check(cairo_surface_status(pointer), "finish surface")
  }

  /// Completes pending drawing on image surfaces before their pixels are read.
  public func flush() { cairo_surface_flush(pointer) }

  /// The bytes written so far (complete after `finish()`) for PDF and SVG surfaces.
  public var bytes: [UInt8] { sink?.bytes ?? [] }

  /// Encodes an image surface as PNG into memory.
  public func pngBytes() throws(CairoError) -> [UInt8] {
    let out = ByteSink()
    try CairoError.check(
      cairo_surface_write_to_png_stream(pointer, ByteSink.write, out.opaque), "encode PNG")
    return out.bytes
  }

  // MARK: PDF document features

  /// Sets the size of the next page (PDF surfaces).
  public func setPDFPageSize(width: Double, height: Double) {
    cairo_pdf_surface_set_size(pointer, width, height)
  }

  /// PDF Info dictionary entries. Dates are ISO-8601 with an offset.
  public enum PDFMetadata: Sendable {
    case title, author, subject, keywords, creator, createDate, modDate

    var cairo: cairo_pdf_metadata_t {
      switch self {
      case .title: CAIRO_PDF_METADATA_TITLE
      case .author: CAIRO_PDF_METADATA_AUTHOR
      case .subject: CAIRO_PDF_METADATA_SUBJECT
      case .keywords: CAIRO_PDF_METADATA_KEYWORDS
      case .creator: CAIRO_PDF_METADATA_CREATOR
      case .createDate: CAIRO_PDF_METADATA_CREATE_DATE
      case .modDate: CAIRO_PDF_METADATA_MOD_DATE
      }
    }
  }

  /// Sets a PDF Info entry.
  public func setPDFMetadata(_ key: PDFMetadata, _ value: String) {
    cairo_pdf_surface_set_metadata(pointer, key.cairo, value)
  }

  /// Labels the current page (e.g. `1`, `附1`).
  public func setPDFPageLabel(_ label: String) {
    cairo_pdf_surface_set_page_label(pointer, label)
  }

  /// Adds an outline entry pointing at a named destination; returns its id for children.
  @discardableResult
  public func addPDFOutline(parent: Int32, title: String, destination: String, open: Bool) -> Int32 {
    let flags = open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0)
    return cairo_pdf_surface_add_outline(pointer, parent, title, "dest='\(destination)'", flags)
  }

  /// The outline root id, for top-level entries.
  public static var outlineRoot: Int32 { Int32(CAIRO_PDF_OUTLINE_ROOT) }
}
