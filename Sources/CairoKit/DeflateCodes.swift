// MARK: - DEFLATE length and distance codes (RFC 1951, 3.2.5)

/// The literal/length symbol (257…285) and extra bits of a match length.
struct LengthCode {
  let symbol: UInt16
  let extraBits: UInt8
  /// The value of the extra bits (length − the symbol's base length).
  let extra: UInt32

  private static let bases: [Int] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
  ]
  private static let extraBitCounts: [UInt8] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]

  /// Indexed by length 0…258 (entries below 3 are unused).
  static let table: [LengthCode] = (0...258).map { length in
    let index = max(0, (bases.lastIndex { $0 <= length }) ?? 0)
    return LengthCode(
      symbol: UInt16(257 + index), extraBits: extraBitCounts[index],
      extra: UInt32(max(0, length - bases[index])))
  }
}

/// The distance symbol (0…29) and extra bits of a match distance 1…32,768.
struct DistanceCode {
  let symbol: Int
  let extraBits: Int
  /// The value of the extra bits (distance − the symbol's base distance).
  let extra: UInt32

  private static let bases: [Int] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
  ]

  init(_ distance: Int) {
    symbol = Self.bases.lastIndex { $0 <= distance } ?? 0
    extraBits = symbol < 4 ? 0 : symbol / 2 - 1
    extra = UInt32(distance - Self.bases[symbol])
  }
}

// MARK: - Code lengths (RFC 1951, 3.2.7)

/// Writes the header of a dynamic-Huffman block: HLIT, HDIST, HCLEN, the code-length code and
/// both alphabets' code lengths as one sequence, zero runs shortened with symbols 17 (3–10
/// zeros) and 18 (11–138 zeros).
enum CodeLengths {
  /// The order in which the code-length code's own lengths are sent.
  private static let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

  /// - Parameters:
  ///   - literalLength: lengths of the 286 literal/length symbols (257 at least are sent).
  ///   - distance: lengths of the 30 distance symbols (1 at least is sent).
  static func write(_ literalLength: [UInt8], _ distance: [UInt8], to writer: inout DeflateBitWriter) {
    let literalCount = max(257, (literalLength.lastIndex { $0 != 0 } ?? 0) + 1)
    let distanceCount = max(1, (distance.lastIndex { $0 != 0 } ?? 0) + 1)
    let items = runs(Array(literalLength[..<literalCount]) + distance[..<distanceCount])
    var frequencies = [UInt32](repeating: 0, count: 19)
    for item in items { frequencies[item.symbol] += 1 }
    let code = HuffmanCode(frequencies: frequencies, limit: 7)
    let sentCount = max(4, (order.lastIndex { code.lengths[$0] != 0 } ?? 0) + 1)
    writer.write(UInt32(literalCount - 257), count: 5)
    writer.write(UInt32(distanceCount - 1), count: 5)
    writer.write(UInt32(sentCount - 4), count: 4)
    for symbol in order[..<sentCount] { writer.write(UInt32(code.lengths[symbol]), count: 3) }
    for item in items {
      writer.write(UInt32(code.codes[item.symbol]), count: Int(code.lengths[item.symbol]))
      writer.write(item.extra, count: item.extraBits)
    }
  }

  /// One code-length symbol (0…15 a length, 17 or 18 a run of zeros) and its extra bits.
  private struct Item {
    let symbol: Int
    let extraBits: Int
    let extra: UInt32
  }

  private static func runs(_ lengths: [UInt8]) -> [Item] {
    var items: [Item] = []
    var index = 0
    while index < lengths.count {
      var zeros = 0
      while index + zeros < lengths.count, lengths[index + zeros] == 0, zeros < 138 { zeros += 1 }
      if zeros >= 11 {
        items.append(Item(symbol: 18, extraBits: 7, extra: UInt32(zeros - 11)))
        index += zeros
      } else if zeros >= 3 {
        items.append(Item(symbol: 17, extraBits: 3, extra: UInt32(zeros - 3)))
        index += zeros
      } else {
        items.append(Item(symbol: Int(lengths[index]), extraBits: 0, extra: 0))
        index += 1
      }
    }
    return items
  }
}
