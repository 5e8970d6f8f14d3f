import CairoKit
import Testing

/// The zlib PNG encoder: files cairo's own reader accepts, with exactly the pixels drawn.
@Suite struct PNGEncoderTests {
  /// Antialiased art with many colour levels: a red disc, a translucent blue band, a thin
  /// diagonal grey line.
  static func drawn(opaque: Bool) throws -> Surface {
    let surface = try Surface.image(width: 61, height: 37, opaque: opaque)
    let context = try Context(surface: surface)
    if opaque {
      context.setSource(red: 1, green: 1, blue: 1, alpha: 1)
      context.paint()
    } else {
      context.clear()
    }
    context.arc(x: 20, y: 18, radius: 13.3)
    context.setSource(red: 0.84, green: 0.15, blue: 0.16, alpha: 1)
    context.fill()
    context.rectangle(x: 25.5, y: 6.25, width: 30, height: 9.5)
    context.setSource(red: 0.65, green: 0.74, blue: 0.84, alpha: 0.6)
    context.fill()
    context.move(to: 0, 36)
    context.line(to: 60, 1)
    context.setSource(red: 0.33, green: 0.33, blue: 0.33, alpha: 0.8)
    context.setLineWidth(0.7)
    context.stroke()
    surface.flush()
    return surface
  }

  static func colourType(_ png: [UInt8]) -> UInt8 { png[25] }

  @Test(arguments: [0, 1, 6, 9])
  func opaqueImageDecodesToTheSamePixels(level: Int) throws {
    let surface = try Self.drawn(opaque: true)
    let png = try PNGEncoder(level: level).encode(surface)
    #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    #expect(Self.colourType(png) == 2, "opaque images are RGB, no alpha channel")
    // `pixels()` sets RGB24's unspecified top byte to 255, so colour alone is compared.
    #expect(try Surface.png(png).pixels() == surface.pixels())
  }

  @Test func transparentImageDecodesLikeCairosOwnWriter() throws {
    let surface = try Self.drawn(opaque: false)
    let ours = try PNGEncoder().encode(surface)
    #expect(Self.colourType(ours) == 6, "transparent images keep their alpha channel")
    let theirs = try surface.pngBytes()
    let decoded = try Surface.png(ours).pixels()
    #expect(try decoded == Surface.png(theirs).pixels())
    // Fully transparent corners stay transparent; the disc's centre stays opaque red
    // (premultiplied BGRA in memory on little-endian machines).
    #expect(decoded.bytes.prefix(4) == [0, 0, 0, 0])
    let centre = 4 * (18 * decoded.width + 20)
    #expect(Array(decoded.bytes[centre..<centre + 4]) == [0x28, 0x26, 0xD7, 0xFF])
  }

  @Test func encoderIsReusableAndDeterministic() throws {
    let encoder = try PNGEncoder()
    let small = try Self.drawn(opaque: true)
    let first = try encoder.encode(small)
    let large = try Surface.image(width: 200, height: 120, opaque: true)
    _ = try encoder.encode(large)
    #expect(try encoder.encode(small) == first)
  }

  @Test func filesAreReasonablySmall() throws {
    let surface = try Self.drawn(opaque: true)
    let ours = try PNGEncoder().encode(surface)
    #expect(ours.count < 2 * (try surface.pngBytes()).count)
  }

  @Test func otherSurfacesAreATypedError() throws {
    let surface = try Surface.svg(width: 10, height: 10)
    #expect(throws: CairoError.self) { try PNGEncoder().encode(surface) }
  }
}
