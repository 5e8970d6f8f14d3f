import Foundation
import ZIPFoundation

// MARK: - Gray images for screenshot goldens

/// An 8-bit gray image: what a browser screenshot is compared as. Made from a PNG (8-bit RGB or
/// RGBA, not interlaced: what Chromium's `--screenshot` writes), shrunk by averaging square
/// blocks, and kept as a binary PGM (`P5`), which `pnmtopng` or any image viewer opens.
struct GrayImage: Equatable {
  var width: Int
  var height: Int
  /// Row by row, 0 black … 255 white.
  var pixels: [UInt8]

  struct Unreadable: Error, CustomStringConvertible {
    var description: String
  }

  // MARK: PNG

  /// Decodes `png` to gray (ITU-R BT.601 luma of the colour; alpha ignored).
  init(png: [UInt8]) throws {
    guard png.count > 8, png.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else {
      throw Unreadable(description: "not a PNG")
    }
    var offset = 8
    var header: [UInt8] = []
    var compressed: [UInt8] = []
    while offset + 8 <= png.count {
      let length = png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
      let type = String(decoding: png[offset + 4..<offset + 8], as: UTF8.self)
      guard offset + 12 + length <= png.count else { throw Unreadable(description: "truncated \(type) chunk") }
      let body = Array(png[offset + 8..<offset + 8 + length])
      if type == "IHDR" { header = body }
      if type == "IDAT" { compressed += body }
      offset += 12 + length
    }
    guard header.count == 13, header[8] == 8, header[9] == 2 || header[9] == 6, header[12] == 0 else {
      throw Unreadable(description: "only 8-bit RGB or RGBA PNGs without interlacing are read")
    }
    let width = header[0..<4].reduce(0) { $0 << 8 | Int($1) }
    let height = header[4..<8].reduce(0) { $0 << 8 | Int($1) }
    let channels = header[9] == 6 ? 4 : 3
    let raw = try Self.inflate(Array(compressed.dropFirst(2)))  // zlib header off: a raw deflate stream
    let stride = width * channels
    guard raw.count >= height * (stride + 1) else { throw Unreadable(description: "image data too short") }
    var previous = [UInt8](repeating: 0, count: stride)
    var gray = [UInt8](repeating: 0, count: width * height)
    for row in 0..<height {
      let start = row * (stride + 1)
      let line = Self.unfilter(Array(raw[start + 1...start + stride]), filter: raw[start], previous: previous, step: channels)
      for x in 0..<width {
        let red = Int(line[x * channels]), green = Int(line[x * channels + 1]), blue = Int(line[x * channels + 2])
        gray[row * width + x] = UInt8((red * 299 + green * 587 + blue * 114) / 1000)
      }
      previous = line
    }
    self.init(width: width, height: height, pixels: gray)
  }

  init(width: Int, height: Int, pixels: [UInt8]) {
    self.width = width
    self.height = height
    self.pixels = pixels
  }

  private static func inflate(_ bytes: [UInt8]) throws -> [UInt8] {
    let data = Data(bytes)
    var output = Data()
    _ = try Data.decompress(size: Int64(data.count), bufferSize: 64 * 1024, skipCRC32: true, provider: { position, size in
      data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
    }, consumer: { output.append($0) })
    return [UInt8](output)
  }

  /// PNG filter types 0–4 (None, Sub, Up, Average, Paeth) undone for one row.
  private static func unfilter(_ line: [UInt8], filter: UInt8, previous: [UInt8], step: Int) -> [UInt8] {
    var out = line
    for index in 0..<out.count {
      let left = index >= step ? Int(out[index - step]) : 0
      let up = Int(previous[index])
      let upLeft = index >= step ? Int(previous[index - step]) : 0
      let predicted: Int
      switch filter {
      case 1: predicted = left
      case 2: predicted = up
      case 3: predicted = (left + up) / 2
      case 4:
        let estimate = left + up - upLeft
        let (a, b, c) = (abs(estimate - left), abs(estimate - up), abs(estimate - upLeft))
        predicted = a <= b && a <= c ? left : (b <= c ? up : upLeft)
      default: predicted = 0
      }
      out[index] = UInt8(truncatingIfNeeded: Int(out[index]) + predicted)
    }
    return out
  }

  // MARK: Shrinking and comparing

  /// Each `block` × `block` square averaged into one pixel (a partial last row or column dropped).
  func shrunk(by block: Int) -> GrayImage {
    let (columns, rows) = (width / block, height / block)
    var out = [UInt8](repeating: 0, count: columns * rows)
    for row in 0..<rows {
      for column in 0..<columns {
        var sum = 0
        for y in row * block..<(row + 1) * block {
          for x in column * block..<(column + 1) * block { sum += Int(pixels[y * width + x]) }
        }
        out[row * columns + column] = UInt8(sum / (block * block))
      }
    }
    return GrayImage(width: columns, height: rows, pixels: out)
  }

  /// The share of pixels (0…1) that differ from `other`'s by more than `tolerance` levels;
  /// 1 when the sizes differ.
  func differingShare(from other: GrayImage, tolerance: Int) -> Double {
    guard width == other.width, height == other.height, !pixels.isEmpty else { return 1 }
    let differing = zip(pixels, other.pixels).filter { abs(Int($0) - Int($1)) > tolerance }.count
    return Double(differing) / Double(pixels.count)
  }

  // MARK: PGM

  var pgm: [UInt8] { Array("P5\n\(width) \(height)\n255\n".utf8) + pixels }

  init(pgm: [UInt8]) throws {
    let fields = pgm.prefix(32).split(whereSeparator: { $0 == 0x0A || $0 == 0x20 }).prefix(4).map { String(decoding: $0, as: UTF8.self) }
    guard fields.count == 4, fields[0] == "P5", let width = Int(fields[1]), let height = Int(fields[2]), fields[3] == "255" else {
      throw Unreadable(description: "not a binary 8-bit PGM")
    }
    let header = "P5\n\(width) \(height)\n255\n".utf8.count
    guard pgm.count == header + width * height else { throw Unreadable(description: "PGM size does not match its header") }
    self.init(width: width, height: height, pixels: Array(pgm[header...]))
  }
}
