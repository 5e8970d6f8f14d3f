import CCairo
import CLibDeflate

// MARK: - Fast PNG encoding

/// Encodes image surfaces as PNG with libdeflate directly, several times faster than cairo's own
/// writer (which uses libpng and zlib at level 6 with adaptive row filters) for charts, and with
/// files of about the same size.
///
/// `level` keeps zlib's scale (0 store … 9 smallest) and is served by the libdeflate level that
/// compresses as well or better for no more time (`libdeflateLevel`). Measured on an 800 × 500
/// chart (1.2 MB of rows): zlib 1 2.0–2.3 ms and 37.5 KB; libdeflate 1 2.9 ms and 34.2 KB (its
/// level 1 is slower than its level 2 on flat chart art), libdeflate 2 2.2 ms and 32.4 KB;
/// zlib 6 5.0–6.0 ms and 32.1 KB, libdeflate 6 3.0 ms and 31.0 KB.
///
/// - Opaque surfaces (`RGB24`) become 8-bit RGB PNGs (colour type 2): no alpha channel.
/// - Transparent surfaces (`ARGB32`) become 8-bit RGBA PNGs (colour type 6), un-premultiplied
///   the way cairo's writer does it, so both decode to the same pixels.
/// - Rows use filter type 0 (none): on flat chart art it compresses better at fast levels than
///   Sub or Up and costs nothing.
///
/// Keeps its compressor and row buffer between images, so one encoder per thread renders a
/// chart set without reallocating. The same pixels and level give the same bytes on every run.
/// Not thread-safe: create one per thread.
public final class PNGEncoder {
  // MARK: Properties

  /// zlib-scale level, 0 (store) … 9. Default 1: the fastest real compression.
  public let level: Int32
  private let compressor: OpaquePointer
  /// Filtered scanlines, plus one spare byte for the last pixel's 4-byte store.
  private var raw: [UInt8] = []
  /// Room for the deflated scanlines; only the first `compressedCount` bytes are valid.
  private var compressed: [UInt8] = []
  private var compressedCount = 0

  // MARK: Initialization

  /// - Parameter level: compression level on zlib's scale, 0…9. Default: 1.
  public init(level: Int = 1) throws(CairoError) {
    self.level = Int32(max(0, min(9, level)))
    guard let compressor = libdeflate_alloc_compressor(Self.libdeflateLevel(self.level)) else {
      throw CairoError(operation: "start PNG compression", detail: "libdeflate could not allocate a compressor")
    }
    self.compressor = compressor
  }

  deinit {
    libdeflate_free_compressor(compressor)
  }

  /// The libdeflate level for a zlib-scale level: 1 becomes 2 (same time as zlib 1, 14 % smaller
  /// files; libdeflate's own level 1 is 30 % slower on charts), every other level keeps its
  /// number (libdeflate 6 takes half of zlib 6's time).
  static func libdeflateLevel(_ zlibLevel: Int32) -> Int32 {
    zlibLevel == 1 ? 2 : zlibLevel
  }

  // MARK: Methods

  /// The PNG file for an image surface's current pixels (call `flush()` after drawing).
  public func encode(_ surface: Surface) throws(CairoError) -> [UInt8] {
    let image = try ImagePixels(surface)
    fillRows(from: image)
    try compressRows()
    var file = PNGChunks.signature
    file.reserveCapacity(compressedCount + 64)
    PNGChunks.append("IHDR", ihdr(image)[...], to: &file)
    PNGChunks.append("IDAT", compressed[..<compressedCount], to: &file)
    PNGChunks.append("IEND", [], to: &file)
    return file
  }

  // MARK: Steps

  /// Width, height, bit depth 8, colour type (2 RGB or 6 RGBA), deflate, filter set 0, no interlace.
  private func ihdr(_ image: ImagePixels) -> [UInt8] {
    PNGChunks.bigEndian(UInt32(image.width)) + PNGChunks.bigEndian(UInt32(image.height))
      + [8, image.hasAlpha ? 6 : 2, 0, 0, 0]
  }

  /// The filtered scanlines: each row is a filter byte (0) and the pixels as R, G, B (, A).
  private func fillRows(from image: ImagePixels) {
    let channels = image.hasAlpha ? 4 : 3
    let rowBytes = 1 + image.width * channels
    let total = rowBytes * image.height
    if raw.count != total + 1 { raw = [UInt8](repeating: 0, count: total + 1) }
    raw.withUnsafeMutableBufferPointer { out in
      guard let base = out.baseAddress else { return }
      for y in 0..<image.height {
        let source = image.row(y)
        var o = y * rowBytes
        out[o] = 0
        o += 1
        if image.hasAlpha {
          for x in 0..<image.width {
            PNGEncoder.storeUnpremultiplied(source[x], at: o, in: out)
            o += 4
          }
        } else {
          // One 4-byte store per pixel (R, G, B and a byte the next pixel, the next row's
          // filter byte or the spare byte overwrites): 0xXXRRGGBB byte-swapped is BB GG RR XX,
          // shifted right by 8 it is stored little-endian as RR GG BB 00.
          let target = UnsafeMutableRawPointer(base)
          for x in 0..<image.width {
            target.storeBytes(of: (source[x].byteSwapped >> 8).littleEndian, toByteOffset: o, as: UInt32.self)
            o += 3
          }
        }
      }
    }
  }

  /// cairo keeps colour premultiplied by alpha; PNG stores it straight. Rounds like cairo's writer.
  @inline(__always)
  private static func storeUnpremultiplied(
    _ pixel: UInt32, at offset: Int, in out: UnsafeMutableBufferPointer<UInt8>
  ) {
    let alpha = pixel >> 24
    guard alpha > 0 else {
      out[offset] = 0
      out[offset + 1] = 0
      out[offset + 2] = 0
      out[offset + 3] = 0
      return
    }
    func straight(_ channel: UInt32) -> UInt8 {
      UInt8(truncatingIfNeeded: ((channel & 0xFF) * 255 + alpha / 2) / alpha)
    }
    out[offset] = straight(pixel >> 16)
    out[offset + 1] = straight(pixel >> 8)
    out[offset + 2] = straight(pixel)
    out[offset + 3] = UInt8(truncatingIfNeeded: alpha)
  }

  /// Deflates `raw` (without its spare byte) into `compressed` in one call (zlib format, as
  /// PNG's IDAT requires).
  private func compressRows() throws(CairoError) {
    let count = raw.count - 1
    let bound = libdeflate_zlib_compress_bound(compressor, count)
    if compressed.count < bound { compressed = [UInt8](repeating: 0, count: bound) }
    let written = raw.withUnsafeBufferPointer { input in
      compressed.withUnsafeMutableBufferPointer { output in
        libdeflate_zlib_compress(compressor, input.baseAddress, count, output.baseAddress, output.count)
      }
    }
    guard written > 0 else {
      throw CairoError(operation: "compress PNG", detail: "libdeflate wrote nothing for \(count) bytes")
    }
    compressedCount = written
  }
}

// MARK: - Reading an image surface

/// A read-only view of an image surface's pixels (native-endian 32-bit words, 0xAARRGGBB).
struct ImagePixels {
  let width: Int
  let height: Int
  let hasAlpha: Bool
  private let data: UnsafeMutablePointer<UInt8>
  private let stride: Int

  init(_ surface: Surface) throws(CairoError) {
    let pointer = surface.pointer
    let format = cairo_image_surface_get_format(pointer)
    guard format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32,
      let data = cairo_image_surface_get_data(pointer)
    else { throw CairoError(operation: "encode PNG", detail: "not an RGB24 or ARGB32 image surface") }
    width = Int(cairo_image_surface_get_width(pointer))
    height = Int(cairo_image_surface_get_height(pointer))
    stride = Int(cairo_image_surface_get_stride(pointer))
    hasAlpha = format == CAIRO_FORMAT_ARGB32
    self.data = data
  }

  /// Row `y` as pixels; valid while the surface lives and is not drawn on.
  func row(_ y: Int) -> UnsafeBufferPointer<UInt32> {
    let start = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
    return UnsafeBufferPointer(start: start, count: width)
  }
}

// MARK: - PNG container

/// The PNG signature and chunk framing (length, type, data, CRC-32 over type and data).
enum PNGChunks {
  static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

  static func append(_ type: String, _ data: ArraySlice<UInt8>, to file: inout [UInt8]) {
    let typeBytes = Array(type.utf8)
    var crc = libdeflate_crc32(0, typeBytes, typeBytes.count)
    crc = data.withUnsafeBufferPointer { libdeflate_crc32(crc, $0.baseAddress, $0.count) }
    file += bigEndian(UInt32(data.count))
    file += typeBytes
    file += data
    file += bigEndian(UInt32(truncatingIfNeeded: crc))
  }

  static func bigEndian(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8),
     UInt8(truncatingIfNeeded: value)]
  }
}
