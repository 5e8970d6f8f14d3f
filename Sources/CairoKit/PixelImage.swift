import CCairo

// MARK: - Decoded pixels

/// The pixels of a raster image, for comparing renders by content rather than by encoded bytes.
///
/// `bytes` holds 4 bytes per pixel, row after row with no padding (`4 × width` bytes per row), in
/// cairo's native order: premultiplied ARGB as host-endian 32-bit words (B, G, R, A in memory on
/// little-endian machines). Opaque images have alpha 255 everywhere.
public struct PixelImage: Equatable, Sendable {
  /// Pixels per row.
  public var width: Int
  /// Rows.
  public var height: Int
  /// `4 × width × height` bytes, see the type's documentation for the order.
  public var bytes: [UInt8]

  public init(width: Int, height: Int, bytes: [UInt8]) {
    precondition(bytes.count == 4 * width * height, "PixelImage needs 4 bytes per pixel")
    self.width = width
    self.height = height
    self.bytes = bytes
  }
}

// MARK: - PNG decoding and pixel access

extension Surface {
  /// Decodes PNG bytes with cairo's own reader into an image surface (RGB24 for opaque PNGs,
  /// ARGB32 when the PNG has alpha). Throws on bytes that are not a readable PNG.
  public static func png(_ bytes: [UInt8]) throws(CairoError) -> Surface {
    let source = ByteSource(bytes)
    let raw = withExtendedLifetime(source) {
      cairo_image_surface_create_from_png_stream(ByteSource.read, source.opaque)
    }
    guard let raw else { throw CairoError(operation: "decode PNG", detail: "no surface") }
    return try Surface(adopting: raw, sink: nil, operation: "decode PNG")
  }

  /// An opaque-or-not ARGB32 image surface holding a copy of `image`'s pixels (e.g. a diff image
  /// to encode with `pngBytes()`).
  public static func image(_ image: PixelImage) throws(CairoError) -> Surface {
    let surface = try Surface.image(width: image.width, height: image.height, opaque: false)
    surface.flush()
    guard let data = cairo_image_surface_get_data(surface.pointer) else {
      throw CairoError(operation: "write pixels", detail: "not an image surface")
    }
    let stride = Int(cairo_image_surface_get_stride(surface.pointer))
    let rowBytes = 4 * image.width
    image.bytes.withUnsafeBufferPointer { source in
      for row in 0..<image.height {
        guard let start = source.baseAddress?.advanced(by: row * rowBytes) else { return }
        (data + row * stride).update(from: start, count: rowBytes)
      }
    }
    cairo_surface_mark_dirty(surface.pointer)
    return surface
  }

  /// A copy of an image surface's pixels (flushed first). Alpha is forced to 255 for RGB24
  /// surfaces, whose fourth byte cairo leaves unspecified. Throws for non-image surfaces.
  public func pixels() throws(CairoError) -> PixelImage {
    flush()
    let format = cairo_image_surface_get_format(pointer)
    guard let data = cairo_image_surface_get_data(pointer),
      format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24
    else { throw CairoError(operation: "read pixels", detail: "not a 32-bit image surface") }
    let width = Int(cairo_image_surface_get_width(pointer))
    let height = Int(cairo_image_surface_get_height(pointer))
    let stride = Int(cairo_image_surface_get_stride(pointer))
    var bytes: [UInt8] = []
    bytes.reserveCapacity(4 * width * height)
    for row in 0..<height {
      bytes.append(contentsOf: UnsafeBufferPointer(start: data + row * stride, count: 4 * width))
    }
    if format == CAIRO_FORMAT_RGB24 {
      #if _endian(little)
        let alphaOffset = 3
      #else
        let alphaOffset = 0
      #endif
      for index in Swift.stride(from: alphaOffset, to: bytes.count, by: 4) { bytes[index] = 255 }
    }
    return PixelImage(width: width, height: height, bytes: bytes)
  }
}

// MARK: - In-memory input stream

/// Feeds bytes to cairo's `*_from_png_stream` reader; `closure` is an unretained pointer to it.
private final class ByteSource {
  private let bytes: [UInt8]
  private var offset = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

  static let read: cairo_read_func_t = { closure, data, length in
    guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
    let source = Unmanaged<ByteSource>.fromOpaque(closure).takeUnretainedValue()
    let count = Int(length)
    guard source.offset + count <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
    source.bytes.withUnsafeBufferPointer { buffer in
      guard let start = buffer.baseAddress?.advanced(by: source.offset) else { return }
      data.update(from: start, count: count)
    }
    source.offset += count
    return CAIRO_STATUS_SUCCESS
  }
}
