import CLibDeflate

// MARK: - A DEFLATE writer for chart art

/// Compresses PNG scanlines (zlib format, RFC 1950/1951) with only two kinds of match: the bytes
/// one row up (distance = row length) and the bytes one pixel back (distance = pixel size), in
/// the style of fpnge/fpng, then one dynamic-Huffman block built from the histogram.
///
/// Chart art is mostly flat: background, bars, gridlines. Such rows repeat the row above, or
/// their pixels repeat the pixel to the left, so nearly every byte lands in a 258-byte match
/// found with 8-byte compares (after one 4-byte compare that rules out most literals), and the
/// rest (antialiased edges, text) are literals. There is no hash table and no search. At each
/// position the match one pixel back is tried first; when it
/// stops short of 258 bytes the match one row up is tried too and taken if longer; if neither
/// reaches 3 bytes, the next pixel's worth of bytes (3 or 4) become literals before the next
/// look (a match starting inside a pixel is rare; looking at every byte cost 1.1 M instructions
/// per chart for 0.1 % smaller files).
///
/// Per 800 × 500 chart: 3.7 M instructions (now 3.3 M) against libdeflate 2's 33.5 M, files
/// 11 % larger (the text's antialiased pixels stay literals where libdeflate finds earlier
/// copies of a glyph); the measurements are in `PNGEncoder`. Trying the pixel-back match first matters for
/// size: a row-up match of 2,401 bytes' distance carries 10 extra bits, one pixel back none, and
/// flat areas match both ways (first row-up: 39.8 K per chart; first pixel-back: 36.3 K). Most
/// of the bits are literals; one Huffman block per 1/4 … 1/16 of the image would save about 1 %
/// (estimated from the tokens' entropy on six charts), so there is one block.
///
/// Keeps its buffers between images. Not thread-safe.
struct RunLengthDeflater {
  /// Literal bytes and matches, in stream order (see `Token`).
  private var tokens: [UInt16] = []
  /// The scanlines being matched (`compress`).
  private var window: [UInt8] = []
  /// How far past a match's start the matcher reads: 258 bytes and 15 more.
  private static let readAhead = 273
  /// Room after the rows: the matcher reads up to 15 bytes past the end, the rows' 8-byte
  /// stores write up to 2.
  private static let spareBytes = 16
  private var tokenCount = 0
  /// The compressed stream; only the first `count` bytes of the last call are valid.
  private(set) var output: [UInt8] = []

  // MARK: Methods

  /// Deflates `rows` scanlines of `rowBytes` bytes, which `fill` writes a band of rows at a
  /// time, into `output`; returns the number of bytes written.
  ///
  /// The scanlines never exist all at once: they pass through a window of about 16 KB of rows
  /// (plus the row before and the bytes a match may still read), checksummed and matched right
  /// after they are written, while in the first-level cache; before the next band the bytes
  /// still needed move to the window's start. Matches never look past the bytes written so far,
  /// so the tokens are those of the whole image at once.
  ///
  /// - Parameters:
  ///   - pixelBytes: bytes per pixel (3 RGB, 4 RGBA): the distance of the match one pixel back.
  ///   - rowBytes: bytes per scanline including its filter byte: the distance of the match one
  ///     row up (not used when it exceeds DEFLATE's 32,768-byte window).
  ///   - bandBytes: scanline bytes per band (at least one row). Default: 16 KB.
  ///   - fill: writes the given rows' scanlines one after another at the pointer, which is
  ///     preceded by the previous row's scanline (for every band but the first) and followed by
  ///     room for 8 bytes more than the rows.
  mutating func compress(
    rows: Int, pixelBytes: Int, rowBytes: Int, bandBytes: Int = 16_384,
    fill: (Range<Int>, UnsafeMutableRawPointer) -> Void
  ) -> Int {
    let count = rows * rowBytes
    let far = rowBytes <= 32_768 ? rowBytes : 0
    let bandRows = max(1, bandBytes / rowBytes)
    // Kept between bands: from a match's start (at most 273 + 257 bytes before the end) back
    // one row, or one pixel, and the whole last row.
    let kept = 2 * rowBytes + 2 * Self.readAhead
    let capacity = kept + bandRows * rowBytes + Self.spareBytes
    if tokens.count < count { tokens = .unfilled(count: count) }
    tokenCount = 0
    var counts = TokenCounts()
    var adler: UInt32 = 1
    // Absolute offsets: `position` the next token, `filled` the end of the bytes written,
    // `base` the offset at the window's start.
    var position = 0
    var filled = 0
    var base = 0
    // Moved out while used, so `tokenize` can mutate self (exclusive access).
    var window = [UInt8]()
    swap(&window, &self.window)
    defer { swap(&window, &self.window) }
    if window.count < capacity { window = .unfilled(count: capacity) }
    window.withUnsafeMutableBytes { window in
      let start = window.baseAddress!
      for bandStart in stride(from: 0, to: rows, by: bandRows) {
        let bandEnd = min(rows, bandStart + bandRows)
        let bandBytes = (bandEnd - bandStart) * rowBytes
        if filled - base + bandBytes + Self.spareBytes > window.count {
          let keepFrom = min(position - max(far, pixelBytes), filled - rowBytes)
          start.copyMemory(from: start + (keepFrom - base), byteCount: filled - keepFrom)
          base = keepFrom
        }
        let target = start + (filled - base)
        fill(bandStart..<bandEnd, target)
        adler = libdeflate_adler32(adler, target, bandBytes)
        filled += bandBytes
        let stop = bandEnd == rows ? count : filled - Self.readAhead
        position = tokenize(
          UnsafePointer(start.assumingMemoryBound(to: UInt8.self)) - base, from: position, to: stop, count: count,
          near: pixelBytes, far: far, counts: &counts)
      }
    }
    let bound = 2 * count + 1_024
    // Moved out while written, so `writeBlock` can read `tokens` (exclusive access to self).
    var output = [UInt8]()
    swap(&output, &self.output)
    defer { swap(&output, &self.output) }
    if output.count < bound { output = .unfilled(count: bound) }
    return output.withUnsafeMutableBytes { buffer in
      var writer = DeflateBitWriter(buffer.baseAddress!)
      writer.writeBytes([0x78, 0x01])  // zlib: deflate, 32 KB window, "fastest" flag
      writeBlock(counts, near: DistanceCode(pixelBytes), far: DistanceCode(max(far, 1)), to: &writer)
      let length = writer.finish()
      buffer.storeBytes(of: adler.bigEndian, toByteOffset: length, as: UInt32.self)
      return length + 4
    }
  }

  // MARK: Matching

  /// Splits the input from `start` into literals and matches until a token starts at or past
  /// `stop`, counting them as it goes; returns where the next token starts.
  private mutating func tokenize(
    _ input: UnsafePointer<UInt8>, from start: Int, to stop: Int, count: Int, near: Int, far: Int,
    counts: inout TokenCounts
  ) -> Int {
    var tokenCount = self.tokenCount
    var position = start
    counts.byIndex.withUnsafeMutableBufferPointer { byIndex in
      tokens.withUnsafeMutableBufferPointer { tokens in
        while position < stop {
          let limit = min(258, count - position)
          var length = 0
          var isFar = false
          // A match needs 3 equal bytes: one 4-byte compare each way rules most literals out.
          if position >= near, Self.firstThreeEqual(input + position, distance: near) {
            length = Self.matchLength(input + position, distance: near, limit: limit)
          }
          if length < limit, far > 0, position >= far, Self.firstThreeEqual(input + position, distance: far) {
            let farLength = Self.matchLength(input + position, distance: far, limit: limit)
            if farLength > length {
              length = farLength
              isFar = true
            }
          }
          if length >= 3 {
            let token = Token.match(length: length, far: isFar)
            tokens[tokenCount] = token
            byIndex[Int(token)] &+= 1
            position &+= length
            tokenCount &+= 1
            continue
          }
          // No match here: a whole pixel's worth of literals before looking again.
          for _ in 0..<min(near, count &- position) {
            let byte = input[position]
            tokens[tokenCount] = UInt16(byte)
            byIndex[Int(byte)] &+= 1
            position &+= 1
            tokenCount &+= 1
          }
        }
      }
    }
    self.tokenCount = tokenCount
    return position
  }

  /// Whether the 3 bytes from `start` equal those `distance` bytes earlier (reads 4).
  @inline(__always)
  private static func firstThreeEqual(_ start: UnsafePointer<UInt8>, distance: Int) -> Bool {
    let here = UnsafeRawPointer(start)
    let difference = here.loadUnaligned(as: UInt32.self) ^ (here - distance).loadUnaligned(as: UInt32.self)
    return UInt32(littleEndian: difference) & 0xFF_FFFF == 0
  }

  /// How many bytes from `start` equal those `distance` bytes earlier, at most `limit`; reads up
  /// to 15 bytes past `limit`. Two 8-byte words per round: 0.2 M instructions less per chart
  /// than one.
  @inline(__always)
  private static func matchLength(_ start: UnsafePointer<UInt8>, distance: Int, limit: Int) -> Int {
    let here = UnsafeRawPointer(start)
    let there = here - distance
    var length = 0
    while length < limit {
      let difference =
        here.loadUnaligned(fromByteOffset: length, as: UInt64.self)
        ^ there.loadUnaligned(fromByteOffset: length, as: UInt64.self)
      if difference != 0 {
        return min(limit, length &+ UInt64(littleEndian: difference).trailingZeroBitCount &>> 3)
      }
      let next =
        here.loadUnaligned(fromByteOffset: length &+ 8, as: UInt64.self)
        ^ there.loadUnaligned(fromByteOffset: length &+ 8, as: UInt64.self)
      if next != 0 {
        return min(limit, length &+ 8 &+ UInt64(littleEndian: next).trailingZeroBitCount &>> 3)
      }
      length &+= 16
    }
    return limit
  }

  // MARK: Writing

  /// One final block with dynamic Huffman codes (RFC 1951, 3.2.7). Every token is one table
  /// look-up and one write (`tokenBits`): no branch on its kind, which the bit writer's 32-bit
  /// flush and the literal-or-match test used to mispredict about 15,000 times per chart.
  private func writeBlock(
    _ counts: TokenCounts, near: DistanceCode, far: DistanceCode, to writer: inout DeflateBitWriter
  ) {
    let literalLength = HuffmanCode(frequencies: counts.literalLengthFrequencies(), limit: 15)
    let distance = HuffmanCode(frequencies: counts.distanceFrequencies(near: near, far: far), limit: 15)
    writer.write(1 as UInt32, count: 1)  // final block
    writer.write(2 as UInt32, count: 2)  // dynamic Huffman codes
    CodeLengths.write(literalLength.lengths, distance.lengths, to: &writer)
    Self.tokenBits(literalLength, distance, near: near, far: far).withUnsafeBufferPointer { tokenBits in
      tokens.withUnsafeBufferPointer { tokens in
        for token in tokens[..<tokenCount] {
          let bits = tokenBits[Int(token)]
          writer.write(bits & 0x00FF_FFFF_FFFF_FFFF, count: bits &>> 56)
        }
      }
    }
    writer.write(UInt32(literalLength.codes[256]), count: Int(literalLength.lengths[256]))
  }

  /// Everything a token writes, by token: a literal's code, or a match's length code, length
  /// extra bits, distance code and distance extra bits (at most 15 + 5 + 15 + 13 bits) as one
  /// value in bits 0…55, the bit count in bits 56…63.
  private static func tokenBits(
    _ literalLength: HuffmanCode, _ distance: HuffmanCode, near: DistanceCode, far: DistanceCode
  ) -> [UInt64] {
    typealias Bits = (value: UInt64, count: Int)
    func symbol(_ symbol: Int) -> Bits {
      (UInt64(literalLength.codes[symbol]), Int(literalLength.lengths[symbol]))
    }
    func distanceBits(_ code: DistanceCode) -> Bits {
      let codeBits = Int(distance.lengths[code.symbol])
      return (UInt64(distance.codes[code.symbol]) | UInt64(code.extra) << UInt64(codeBits), codeBits + code.extraBits)
    }
    func packed(_ parts: [Bits]) -> UInt64 {
      var value: UInt64 = 0
      var count = 0
      for part in parts {
        value |= part.value << UInt64(count)
        count += part.count
      }
      return value | UInt64(count) << 56
    }
    func matches(_ code: DistanceCode) -> [UInt64] {
      LengthCode.table.map { length in
        packed([symbol(Int(length.symbol)), (UInt64(length.extra), Int(length.extraBits)), distanceBits(code)])
      }
    }
    return (0..<256).map { packed([symbol($0)]) } + matches(near) + matches(far)
  }
}

// MARK: - Tokens and symbol counts

/// A token is its own index into the bit table (`tokenBits`) and the counts: a literal byte
/// 0…255, a match one pixel back 256 + its length (3…258), a match one row up 515 + its length.
private enum Token {
  static let nearBase = 256
  static let farBase = nearBase + 259
  static let count = farBase + 259

  static func match(length: Int, far: Bool) -> UInt16 {
    UInt16(truncatingIfNeeded: (far ? farBase : nearBase) &+ length)
  }
}

/// How often each token occurs.
private struct TokenCounts {
  var byIndex = [UInt32](repeating: 0, count: Token.count)

  /// Literal/length symbol frequencies (0…285), end of block (256) included once.
  func literalLengthFrequencies() -> [UInt32] {
    var frequencies = Array(byIndex[..<256]) + [UInt32](repeating: 0, count: 30)
    frequencies[256] = 1
    for (length, code) in LengthCode.table.enumerated() where length >= 3 {
      frequencies[Int(code.symbol)] += byIndex[Token.nearBase + length] + byIndex[Token.farBase + length]
    }
    return frequencies
  }

  /// Distance symbol frequencies (0…29).
  func distanceFrequencies(near: DistanceCode, far: DistanceCode) -> [UInt32] {
    var frequencies = [UInt32](repeating: 0, count: 30)
    frequencies[near.symbol] += byIndex[Token.nearBase..<Token.farBase].reduce(0, +)
    frequencies[far.symbol] += byIndex[Token.farBase...].reduce(0, +)
    return frequencies
  }
}

// MARK: - Buffers sized for the worst case

extension Array where Element: BitwiseCopyable {
  /// `count` elements left as the allocator gives them, for a buffer that is written before it
  /// is read. Sized for the worst case (noise: a token per byte) but mostly unused on charts,
  /// whose pages are then never touched and stay out of the resident set (zero-filled, the
  /// token and output buffers of two drawing threads added 10 MB to the peak RSS of 12 charts).
  fileprivate static func unfilled(count: Int) -> [Element] {
    [Element](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
  }
}
