@testable import CairoKit
import Testing

/// The level-1 PNG writer (run-length matches, one dynamic-Huffman block): every image decodes,
/// with zlib through cairo's reader, to exactly the pixels drawn.
@Suite struct RunLengthDeflaterTests {
  // MARK: - Images

  /// A deterministic pseudo-random byte stream (64-bit LCG, high byte).
  struct Noise {
    var state: UInt64
    mutating func next() -> UInt8 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return UInt8(truncatingIfNeeded: state >> 56)
    }
  }

  /// Opaque noise: every pixel its own colour (few matches, nearly all literals).
  static func opaqueNoise(width: Int, height: Int, seed: UInt64) throws -> Surface {
    let surface = try Surface.image(width: width, height: height, opaque: true)
    let context = try Context(surface: surface)
    var noise = Noise(state: seed)
    for y in 0..<height {
      for x in 0..<width {
        context.rectangle(x: Double(x), y: Double(y), width: 1, height: 1)
        context.setSource(
          red: Double(noise.next()) / 255, green: Double(noise.next()) / 255, blue: Double(noise.next()) / 255,
          alpha: 1)
        context.fill()
      }
    }
    surface.flush()
    return surface
  }

  /// Transparent noise: random alpha (a quarter fully transparent, a quarter opaque) and colour.
  static func transparentNoise(width: Int, height: Int, seed: UInt64) throws -> Surface {
    var noise = Noise(state: seed)
    var bytes: [UInt8] = []
    for _ in 0..<(width * height) {
      let pick = noise.next()
      let alpha: UInt8 = pick < 64 ? 0 : pick < 128 ? 255 : noise.next()
      // Premultiplied: no channel above alpha.
      for _ in 0..<3 { bytes.append(UInt8(UInt16(noise.next()) * UInt16(alpha) / 255)) }
      bytes.append(alpha)
    }
    return try Surface.image(PixelImage(width: width, height: height, bytes: bytes))
  }

  /// Chart-like art: a flat background, gridlines, bars with antialiased ends, a dashed line.
  static func chart(width: Int, height: Int, opaque: Bool) throws -> Surface {
    let surface = try Surface.image(width: width, height: height, opaque: opaque)
    let context = try Context(surface: surface)
    if opaque {
      context.setSource(red: 1, green: 1, blue: 1, alpha: 1)
      context.paint()
    }
    context.setLineWidth(0.75)
    context.setSource(red: 0.85, green: 0.85, blue: 0.85, alpha: 1)
    for step in stride(from: 10.5, to: Double(width), by: 37.3) {
      context.move(to: step, 0)
      context.line(to: step, Double(height))
    }
    context.stroke()
    for bar in 0..<9 {
      context.rectangle(x: 20, y: 8 + Double(bar) * 11.4, width: 30 + Double(bar * bar) * 5.7, height: 7.2)
      let focus = bar == 4
      context.setSource(red: focus ? 0.84 : 0.65, green: focus ? 0.15 : 0.74, blue: focus ? 0.16 : 0.84, alpha: 1)
      context.fill()
    }
    context.setDash([3, 2])
    context.move(to: 97.3, 0)
    context.line(to: 97.3, Double(height))
    context.setSource(red: 0.33, green: 0.33, blue: 0.33, alpha: 0.9)
    context.stroke()
    surface.flush()
    return surface
  }

  // MARK: - Round trips

  /// The images every round trip runs on.
  enum Sample: String, CaseIterable, Sendable {
    case chart, noise, onePixel, oneColumn, blank
    /// 11,000 px RGB (8,200 px RGBA): a row beyond DEFLATE's 32 KB window, so only pixel-back
    /// matches.
    case wide

    func surface(opaque: Bool) throws -> Surface {
      switch self {
      case .chart: try RunLengthDeflaterTests.chart(width: 400, height: 130, opaque: opaque)
      case .noise: try RunLengthDeflaterTests.noise(width: 67, height: 43, opaque: opaque, seed: 7)
      case .onePixel: try RunLengthDeflaterTests.noise(width: 1, height: 1, opaque: opaque, seed: 3)
      case .oneColumn: try RunLengthDeflaterTests.chart(width: 1, height: 300, opaque: opaque)
      case .blank: try Surface.image(width: 800, height: 500, opaque: opaque)
      case .wide:
        opaque
          ? try RunLengthDeflaterTests.chart(width: 11_000, height: 3, opaque: true)
          : try RunLengthDeflaterTests.noise(width: 8_200, height: 2, opaque: false, seed: 13)
      }
    }
  }

  static func noise(width: Int, height: Int, opaque: Bool, seed: UInt64) throws -> Surface {
    opaque
      ? try opaqueNoise(width: width, height: height, seed: seed)
      : try transparentNoise(width: width, height: height, seed: seed)
  }

  /// Opaque images decode to the drawn pixels (colour compared; RGB24's fourth byte is unset).
  @Test(arguments: Sample.allCases)
  func opaqueImagesRoundTrip(sample: Sample) throws {
    let surface = try sample.surface(opaque: true)
    let png = try PNGEncoder(level: 1).encode(surface)
    #expect(png[25] == 2, "RGB")
    #expect(try Surface.png(png).pixels() == surface.pixels())
  }

  /// Transparent images decode to what cairo's own writer gives (same un-premultiplying).
  @Test(arguments: Sample.allCases)
  func transparentImagesRoundTrip(sample: Sample) throws {
    let surface = try sample.surface(opaque: false)
    let png = try PNGEncoder(level: 1).encode(surface)
    #expect(png[25] == 6, "RGBA")
    #expect(try Surface.png(png).pixels() == Surface.png(surface.pngBytes()).pixels())
  }

  @Test func chartArtBecomesMostlyMatches() throws {
    let surface = try Self.chart(width: 800, height: 500, opaque: true)
    let png = try PNGEncoder(level: 1).encode(surface)
    // 1.2 MB of rows; the art is flat, so the file is a few KB (libdeflate 2: about the same).
    #expect(png.count < 12_000, "\(png.count) bytes")
  }

  /// The scanlines pass through a window a band of rows at a time; a band of one row (the
  /// window moves before every row) gives the same bytes as one band for the whole image.
  @Test(arguments: [Sample.chart, .noise, .wide], [true, false])
  func bandsDoNotChangeTheMatches(sample: Sample, opaque: Bool) throws {
    let surface = try sample.surface(opaque: opaque)
    let image = try ImagePixels(surface)
    let pixelBytes = image.hasAlpha ? 4 : 3
    let rowBytes = 1 + image.width * pixelBytes
    func deflated(bandBytes: Int) -> [UInt8] {
      var deflater = RunLengthDeflater()
      let count = deflater.compress(
        rows: image.height, pixelBytes: pixelBytes, rowBytes: rowBytes, bandBytes: bandBytes
      ) { rows, target in
        PNGEncoder.fillRows(rows, from: image, into: target - rows.lowerBound * rowBytes)
      }
      return Array(deflater.output[..<count])
    }
    let rowBands = deflated(bandBytes: 1)
    let oneBand = deflated(bandBytes: rowBytes * image.height)
    let same = rowBands == oneBand
    #expect(same, "one row per band: \(rowBands.count) bytes; one band: \(oneBand.count) bytes")
  }

  // MARK: - Bit writer

  /// Writes of 1 … 56 bits (a match's codes and extra bits go as one write of up to 48) land
  /// least significant bit first, as a bit-at-a-time reference writer puts them.
  @Test func bitWriterKeepsEveryBitOfWideWrites() {
    var noise = Noise(state: 11)
    var writes: [(value: UInt64, count: Int)] = []
    for round in 0..<400 {
      let count = round % 7 == 0 ? 48 + round % 9 : 1 + Int(noise.next()) % 32
      var value: UInt64 = 0
      for _ in 0..<8 { value = value << 8 | UInt64(noise.next()) }
      writes.append((count == 64 ? value : value & (1 << UInt64(count) - 1), count))
    }
    var expected: [UInt8] = []
    var bitCount = 0
    for write in writes {
      for bit in 0..<write.count {
        if bitCount % 8 == 0 { expected.append(0) }
        expected[expected.count - 1] |= UInt8((write.value >> UInt64(bit)) & 1) << UInt8(bitCount % 8)
        bitCount += 1
      }
    }
    var buffer = [UInt8](repeating: 0xAA, count: expected.count + 8)
    let written = buffer.withUnsafeMutableBytes { raw in
      var writer = DeflateBitWriter(raw.baseAddress!)
      for write in writes { writer.write(write.value, count: write.count) }
      return writer.finish()
    }
    #expect(written == expected.count)
    #expect(Array(buffer[..<written]) == expected)
  }

  // MARK: - Huffman codes

  /// Fibonacci frequencies make the deepest possible tree (one leaf per level): flattened to the
  /// limit, still a complete prefix code.
  @Test(arguments: [15, 7])
  func codesStayWithinTheLimitAndComplete(limit: Int) {
    var frequencies: [UInt32] = [1, 1]
    while frequencies.count < 30 { frequencies.append(frequencies[frequencies.count - 1] + frequencies[frequencies.count - 2]) }
    let code = HuffmanCode(frequencies: frequencies + [0, 0], limit: limit)
    #expect(code.lengths.max() == UInt8(limit))
    #expect(code.lengths.suffix(2) == [0, 0], "unused symbols get no code")
    #expect(Self.kraftSum(code.lengths, limit: limit) == 1 << limit)
    // The most frequent symbol has the shortest code.
    #expect(code.lengths[29] == code.lengths.filter { $0 > 0 }.min())
  }

  @Test func oneUsedSymbolStillMakesACompleteCode() {
    #expect(HuffmanCode(frequencies: [0, 0, 5, 0], limit: 15).lengths == [1, 0, 1, 0])
    #expect(HuffmanCode(frequencies: [9, 0, 0], limit: 15).lengths == [1, 1, 0])
    #expect(HuffmanCode(frequencies: [0, 0, 0], limit: 15).lengths == [1, 1, 0])
  }

  /// Canonical codes (RFC 1951's example: lengths 3 3 3 3 3 2 4 4 give 010 011 100 101 110 00
  /// 1110 1111), stored bit-reversed.
  @Test func canonicalCodesFollowTheRFC() {
    let code = HuffmanCode(frequencies: [4, 4, 4, 4, 4, 8, 1, 1], limit: 15)
    #expect(code.lengths == [3, 3, 3, 3, 3, 2, 4, 4])
    let expected = [0b010, 0b011, 0b100, 0b101, 0b110, 0b00, 0b1110, 0b1111]
    #expect(code.codes == zip(expected, code.lengths).map { UInt16(reversing: $0, bits: Int($1)) })
  }

  static func kraftSum(_ lengths: [UInt8], limit: Int) -> Int {
    lengths.filter { $0 > 0 }.reduce(0) { $0 + 1 << (limit - Int($1)) }
  }
}
