import CCairo
import CLibDeflate
import Glibc

// MARK: - Fast PNG encoding

/// Encodes image surfaces as PNG: at level 1 (charts) with our own run-length DEFLATE writer
/// (`RunLengthDeflater`), at other levels with libdeflate; both far faster than cairo's own writer
/// (libpng and zlib at level 6 with adaptive row filters).
///
/// Level 1 is chosen by measurement: compression alone, callgrind instructions and bytes per
/// 800 × 500 RGB chart (1.2 MB of rows); the first and last rows are averages over the 126
/// charts of `region-charts.yaml`, the others are on the peer workload's chart 3 (where
/// libdeflate 2 costs the same, 33.3 M), with a plain C Up/Sub filter pass (19.5 M) on top:
///
/// | rows → compressor | instructions | bytes |
/// |---|---|---|
/// | filter 0 → libdeflate 2 (before) | 33.5 M | 32.8 K |
/// | Up/Sub per row (more pixels equal above or left) → zlib 1 `Z_RLE` | 29.6 M + filter | 39.1 K |
/// | the same filtered rows → libdeflate 1 | 16.9 M + filter | 34.8 K |
/// | the same filtered rows → libdeflate 2 | 33.8 M + filter | 33.5 K |
/// | filter 0 → zlib 1 `Z_RLE` | 39.9 M | 89.0 K |
/// | filter 0 → `RunLengthDeflater` (row-up and pixel-back matches, one Huffman block) | 3.7 M | 36.4 K |
///
/// (zlib's own Adler-32 alone is 4.3 M; libdeflate's 0.3 M.) Filtering does not pay: zlib's
/// `Z_RLE` still walks every byte, and libdeflate 1 still hashes every position. `encode` as a
/// whole (rows, compression, chunks) went from 37.2 M to 5.8 M per chart. An 8-bit palette
/// does not apply: a chart has 516–550 colours.
///
/// `encode` at level 1 per chart (the 126 charts, callgrind; every step gives the same bytes):
///
/// | step | encode | of which |
/// |---|---|---|
/// | before | 5.84 M | rows 1.86 M, matching 2.22 M, Huffman block 0.91 M (1.88 M mispredicted branches in all) |
/// | one table look-up and one 64-bit write per token | 5.82 M | block 0.86 M, 0.001 M mispredicted |
/// | rows a 16 KB band at a time through a ~20 KB window, 4 pixels per round | 5.68 M | L1 misses of the render 25.3 M → 19.7 M; 1.2 MB less per thread |
/// | 4-byte pre-check before measuring a match; unchecked bit counts | 5.37 M | matching 2.02 M, block 0.73 M |
/// | a row that differs from the one above: copy it, convert the changed 4-pixel groups | 4.75 M | rows 0.97 M |
/// | Huffman symbols sorted by one packed integer key | 4.71 M | code building 0.18 M → 0.14 M |
///
/// In the national job (32 units of `Tools/bench/national-sheet.yaml` + `region-charts.yaml`,
/// one process, callgrind) the steps up to the row copy took a chart's encode from 6.22 M to
/// 5.04 M and a unit (a sheet PDF and 15 charts) from 479 M to 461 M instructions (−3.8 %).
///
/// Tried and dropped: matching on the surface's 32-bit pixels, with the checksum computed from
/// them (`rows above + corrections where pixels differ`), so that only literal pixels are ever
/// converted: 7.5 M per chart and files 6.4 % larger (the checksum corrections cost 2.9 M; with
/// converted rows for the checksum, 6.7 M: pixel-word scans are no cheaper than 16-byte scans,
/// and matches that end on pixel boundaries cost the byte-wise matcher's partial-pixel tails);
/// comparing 32 bytes per round in `matchLength` (2.02 M → 2.32 M: most matches are short);
/// `SIMD16<UInt8>` compares (23 M: the generic SIMD code is not vectorised here).
///
/// Other levels keep zlib's scale (0 store … 9 smallest) and go to libdeflate at the same
/// number (libdeflate 6 takes half of zlib 6's time for 3 % smaller files); documents embed
/// figures at level 6.
///
/// - Opaque surfaces (`RGB24`) become 8-bit RGB PNGs (colour type 2): no alpha channel.
/// - Transparent surfaces (`ARGB32`) become 8-bit RGBA PNGs (colour type 6), un-premultiplied
///   the way cairo's writer does it, so both decode to the same pixels.
/// - Rows use filter type 0 (none): the row-up and pixel-back matches do on the raw bytes what
///   the Up and Sub filters would do, and the filters would cost a pass.
///
/// Keeps its buffers (and compressor) between images, so one encoder per thread renders a chart
/// set without reallocating. The same pixels and level give the same bytes on every run. Not
/// thread-safe: create one per thread.
public final class PNGEncoder {
  // MARK: Properties

  /// zlib-scale level, 0 (store) … 9. Default 1: the fastest real compression.
  public let level: Int32
  /// Level 1: the run-length writer; other levels: libdeflate.
  private var runLength = RunLengthDeflater()
  private let compressor: OpaquePointer?
  /// Unfiltered scanlines for libdeflate (levels other than 1), plus `spareBytes` that the
  /// rows' 8-byte stores may touch.
  private var raw: [UInt8] = []
  private static let spareBytes = 8
  /// Room for libdeflate's output; only the first `compressedCount` bytes are valid.
  private var compressed: [UInt8] = []
  private var compressedCount = 0

  // MARK: Initialization

  /// - Parameter level: compression level on zlib's scale, 0…9. Default: 1.
  public init(level: Int = 1) throws(CairoError) {
    self.level = Int32(max(0, min(9, level)))
    guard self.level != 1 else {
      compressor = nil
      return
    }
    guard let compressor = libdeflate_alloc_compressor(self.level) else {
      throw CairoError(operation: "start PNG compression", detail: "libdeflate could not allocate a compressor")
    }
    self.compressor = compressor
  }

  deinit {
    if let compressor { libdeflate_free_compressor(compressor) }
  }

  // MARK: Methods

  /// The PNG file for an image surface's current pixels (call `flush()` after drawing).
  public func encode(_ surface: Surface) throws(CairoError) -> [UInt8] {
    let image = try ImagePixels(surface)
    try compressRows(of: image)
    var file = PNGChunks.signature
    file.reserveCapacity(compressedCount + 64)
    PNGChunks.append("IHDR", ihdr(image)[...], to: &file)
    if compressor == nil {
      PNGChunks.append("IDAT", runLength.output[..<compressedCount], to: &file)
    } else {
      PNGChunks.append("IDAT", compressed[..<compressedCount], to: &file)
    }
    PNGChunks.append("IEND", [], to: &file)
    return file
  }

  // MARK: Steps

  /// Width, height, bit depth 8, colour type (2 RGB or 6 RGBA), deflate, filter set 0, no interlace.
  private func ihdr(_ image: ImagePixels) -> [UInt8] {
    PNGChunks.bigEndian(UInt32(image.width)) + PNGChunks.bigEndian(UInt32(image.height))
      + [8, image.hasAlpha ? 6 : 2, 0, 0, 0]
  }

  /// Rows `rows` of the scanlines at their offsets from `target` (row y at y × row length; a
  /// repeated or changed row reads the row before it there): each row is a filter byte (0) and
  /// the pixels as R, G, B (, A). A row whose pixels repeat the row above is copied from it
  /// instead of converted again (an RGB row that differs is copied too, then patched:
  /// `convertChangedRGB`), and RGB pixels go two per 8-byte store: per 800 × 500 chart 3.6 M →
  /// 2.0 M instructions.
  static func fillRows(_ rows: Range<Int>, from image: ImagePixels, into target: UnsafeMutableRawPointer) {
    let channels = image.hasAlpha ? 4 : 3
    let rowBytes = 1 + image.width * channels
    for y in rows {
      let source = image.row(y)
      let start = y * rowBytes
      target.storeBytes(of: 0, toByteOffset: start, as: UInt8.self)
      if y > 0 {
        let repeats = image.rowRepeatsRowAbove(y)
        if repeats || !image.hasAlpha {
          (target + start + 1).copyMemory(from: target + start + 1 - rowBytes, byteCount: rowBytes - 1)
        }
        if repeats { continue }
        if !image.hasAlpha {
          convertChangedRGB(source, above: image.row(y - 1), into: target + start + 1)
          continue
        }
      }
      var o = start + 1
      if image.hasAlpha {
        for x in 0..<image.width {
          target.storeBytes(of: PNGEncoder.straightRGBA(source[x]).littleEndian, toByteOffset: o, as: UInt32.self)
          o &+= 4
        }
      } else {
        // Two pixels per 8-byte store (R, G, B, R, G, B and two bytes the next store, the
        // next row or the spare bytes overwrite): 0xXXRRGGBB byte-swapped is BB GG RR XX,
        // shifted right by 8 it is stored little-endian as RR GG BB 00. Four pixels per round:
        // 7 → 5.5 instructions per pixel.
        func rgb(_ pixel: UInt32) -> UInt64 { UInt64(pixel.byteSwapped >> 8) }
        var x = 0
        while x &+ 3 < image.width {
          let first = rgb(source[x]) | rgb(source[x &+ 1]) << 24
          let second = rgb(source[x &+ 2]) | rgb(source[x &+ 3]) << 24
          target.storeBytes(of: first.littleEndian, toByteOffset: o, as: UInt64.self)
          target.storeBytes(of: second.littleEndian, toByteOffset: o &+ 6, as: UInt64.self)
          o &+= 12
          x &+= 4
        }
        while x &+ 1 < image.width {
          let pair = rgb(source[x]) | rgb(source[x &+ 1]) << 24
          target.storeBytes(of: pair.littleEndian, toByteOffset: o, as: UInt64.self)
          o &+= 6
          x &+= 2
        }
        if x < image.width {
          target.storeBytes(of: UInt32(rgb(source[x])).littleEndian, toByteOffset: o, as: UInt32.self)
        }
      }
    }
  }


  /// Converts again, in an RGB scanline copied from the row above, the groups of 4 pixels that
  /// differ from the row above (the rest still repeat it: a chart's row that differs from the
  /// one above mostly does so in a few pixels: text, gridline ends, a dashed line). Rows per
  /// 800 × 500 chart (126 charts of `region-charts.yaml`, callgrind): 1.72 M → 0.97 M
  /// instructions against converting every pixel of such a row.
  private static func convertChangedRGB(
    _ source: UnsafeBufferPointer<UInt32>, above: UnsafeBufferPointer<UInt32>, into row: UnsafeMutableRawPointer
  ) {
    func rgb(_ pixel: UInt32) -> UInt64 { UInt64(pixel.byteSwapped >> 8) }
    let here = UnsafeRawPointer(source.baseAddress!)
    let there = UnsafeRawPointer(above.baseAddress!)
    let width = source.count
    var x = 0
    while x &+ 3 < width {
      let offset = 4 &* x
      let difference =
        (here.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
          ^ there.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        | (here.loadUnaligned(fromByteOffset: offset &+ 8, as: UInt64.self)
          ^ there.loadUnaligned(fromByteOffset: offset &+ 8, as: UInt64.self))
      if difference != 0 {
        // 12 bytes exactly: the pixels after the group keep their copied bytes.
        let first = rgb(source[x]) | rgb(source[x &+ 1]) << 24
        let second = rgb(source[x &+ 2]) | rgb(source[x &+ 3]) << 24
        let o = 3 &* x
        row.storeBytes(of: first.littleEndian, toByteOffset: o, as: UInt64.self)
        row.storeBytes(of: UInt32(truncatingIfNeeded: second).littleEndian, toByteOffset: o &+ 6, as: UInt32.self)
        row.storeBytes(
          of: UInt16(truncatingIfNeeded: second &>> 32).littleEndian, toByteOffset: o &+ 10, as: UInt16.self)
      }
      x &+= 4
    }
    while x < width {
      if source[x] != above[x] {
        let bytes = UInt32(truncatingIfNeeded: rgb(source[x]))
        row.storeBytes(of: UInt16(truncatingIfNeeded: bytes).littleEndian, toByteOffset: 3 &* x, as: UInt16.self)
        row.storeBytes(of: UInt8(truncatingIfNeeded: bytes &>> 16), toByteOffset: 3 &* x &+ 2, as: UInt8.self)
      }
      x &+= 1
    }
  }

  /// cairo keeps colour premultiplied by alpha; PNG stores it straight. Rounds like cairo's
  /// writer. Returns R, G, B, A as a little-endian word; opaque and fully transparent pixels (most
  /// of a chart) skip the divisions.
  @inline(__always)
  static func straightRGBA(_ pixel: UInt32) -> UInt32 {
    let alpha = pixel >> 24
    if alpha == 255 { return (pixel.byteSwapped >> 8) | 0xFF00_0000 }
    if alpha == 0 { return 0 }
    func straight(_ channel: UInt32) -> UInt32 { ((channel & 0xFF) * 255 + alpha / 2) / alpha }
    return straight(pixel >> 16) | straight(pixel >> 8) << 8 | straight(pixel) << 16 | alpha << 24
  }

  /// Makes the scanlines and deflates them, zlib format as PNG's IDAT requires: a band of rows
  /// at a time at level 1 (`RunLengthDeflater.compress`), else all rows into `raw`, then
  /// libdeflate.
  private func compressRows(of image: ImagePixels) throws(CairoError) {
    let pixelBytes = image.hasAlpha ? 4 : 3
    let rowBytes = 1 + image.width * pixelBytes
    guard let compressor else {
      compressedCount = runLength.compress(rows: image.height, pixelBytes: pixelBytes, rowBytes: rowBytes) {
        rows, target in
        Self.fillRows(rows, from: image, into: target - rows.lowerBound * rowBytes)
      }
      return
    }
    let count = rowBytes * image.height
    if raw.count != count + Self.spareBytes { raw = [UInt8](repeating: 0, count: count + Self.spareBytes) }
    raw.withUnsafeMutableBytes { buffer in Self.fillRows(0..<image.height, from: image, into: buffer.baseAddress!) }
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

  /// Whether row `y` (> 0) holds the same 32-bit words as row `y − 1` (RGB24's unused byte
  /// included, so "no" can also mean only that byte differs).
  func rowRepeatsRowAbove(_ y: Int) -> Bool {
    memcmp(data + y * stride, data + (y - 1) * stride, 4 * width) == 0
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
