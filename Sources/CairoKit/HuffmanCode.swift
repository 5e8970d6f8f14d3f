// MARK: - Length-limited Huffman codes (RFC 1951, 3.2.2)

/// A canonical prefix code for one DEFLATE alphabet, built from symbol frequencies.
///
/// Lengths come from an ordinary Huffman tree (two-queue construction over the symbols sorted by
/// frequency, ties broken by symbol number, so the same frequencies always give the same code);
/// a tree deeper than `limit` is flattened the way miniz does it (move codes up until the Kraft
/// sum is exactly 1), and the lengths are then handed out again in frequency order.
///
/// The code is always complete: an alphabet with fewer than two used symbols gets two codes of
/// length 1 (the used one and symbol 0 or 1), which every inflater accepts.
struct HuffmanCode {
  /// Code length in bits per symbol, 0 for an unused symbol.
  private(set) var lengths: [UInt8]
  /// The code of each symbol, bit-reversed so it can be written least significant bit first.
  private(set) var codes: [UInt16]

  // MARK: Initialization

  /// - Parameters:
  ///   - frequencies: how often each symbol occurs; the alphabet is its index range.
  ///   - limit: the longest code allowed, in bits (15 for literal/length and distance codes, 7
  ///     for the code-length code).
  init(frequencies: [UInt32], limit: Int) {
    lengths = Self.lengths(frequencies, limit: limit)
    codes = Self.canonicalCodes(lengths)
  }

  // MARK: Steps

  private static func lengths(_ frequencies: [UInt32], limit: Int) -> [UInt8] {
    var lengths = [UInt8](repeating: 0, count: frequencies.count)
    // Frequency and symbol packed into one key, a plain integer sort: code building per chart
    // 0.18 M → 0.14 M instructions against sorting the symbols with a tuple comparison.
    let used = frequencies.indices.filter { frequencies[$0] > 0 }
      .map { UInt64(frequencies[$0]) << 16 | UInt64($0) }
      .sorted()
      .map { Int($0 & 0xFFFF) }
    guard used.count >= 2 else {
      let first = used.first ?? 0
      lengths[first] = 1
      lengths[first == 0 ? 1 : 0] = 1
      return lengths
    }
    var perLength = treeDepthCounts(used.map { frequencies[$0] })
    flatten(&perLength, limit: limit)
    // Longest codes to the rarest symbols (`used` is in ascending frequency).
    var next = 0
    for length in stride(from: perLength.count - 1, through: 1, by: -1) {
      for _ in 0..<perLength[length] {
        lengths[used[next]] = UInt8(length)
        next += 1
      }
    }
    return lengths
  }

  /// How many leaves of a Huffman tree over `weights` (ascending) sit at each depth; index =
  /// depth, element 0 unused.
  private static func treeDepthCounts(_ weights: [UInt32]) -> [Int] {
    let leaves = weights.count
    var leafParent = [Int](repeating: 0, count: leaves)
    var nodeWeight = [UInt64](repeating: 0, count: leaves - 1)
    var nodeParent = [Int](repeating: 0, count: leaves - 1)
    var nextLeaf = 0
    var nextNode = 0
    // Internal nodes are made in ascending weight, so two queues replace a heap.
    for node in 0..<(leaves - 1) {
      var sum: UInt64 = 0
      for _ in 0..<2 {
        let takeLeaf =
          nextNode == node || (nextLeaf < leaves && UInt64(weights[nextLeaf]) <= nodeWeight[nextNode])
        if takeLeaf {
          sum += UInt64(weights[nextLeaf])
          leafParent[nextLeaf] = node
          nextLeaf += 1
        } else {
          sum += nodeWeight[nextNode]
          nodeParent[nextNode] = node
          nextNode += 1
        }
      }
      nodeWeight[node] = sum
    }
    // The last node is the root; a parent is always made after its children.
    var nodeDepth = [Int](repeating: 0, count: leaves - 1)
    for node in stride(from: leaves - 3, through: 0, by: -1) {
      nodeDepth[node] = nodeDepth[nodeParent[node]] + 1
    }
    var perLength = [Int](repeating: 0, count: leaves + 1)
    for leaf in 0..<leaves { perLength[nodeDepth[leafParent[leaf]] + 1] += 1 }
    while perLength.count > 2, perLength.last == 0 { perLength.removeLast() }
    return perLength
  }

  /// Makes every code at most `limit` bits long while keeping the Kraft sum at exactly 1.
  private static func flatten(_ perLength: inout [Int], limit: Int) {
    guard perLength.count - 1 > limit else { return }
    for length in (limit + 1)..<perLength.count { perLength[limit] += perLength[length] }
    perLength.removeLast(perLength.count - 1 - limit)
    var kraft = 0
    for length in 1...limit { kraft += perLength[length] << (limit - length) }
    while kraft != 1 << limit {
      perLength[limit] -= 1
      for length in stride(from: limit - 1, through: 1, by: -1) where perLength[length] != 0 {
        perLength[length] -= 1
        perLength[length + 1] += 2
        break
      }
      kraft -= 1
    }
  }

  /// Canonical codes (RFC 1951, 3.2.2): shorter codes first, equal lengths in symbol order.
  private static func canonicalCodes(_ lengths: [UInt8]) -> [UInt16] {
    let longest = Int(lengths.max() ?? 0)
    var perLength = [Int](repeating: 0, count: longest + 1)
    for length in lengths where length > 0 { perLength[Int(length)] += 1 }
    var next = [Int](repeating: 0, count: longest + 1)
    var code = 0
    for length in stride(from: 1, through: longest, by: 1) {
      code = (code + perLength[length - 1]) << 1
      next[length] = code
    }
    return lengths.map { length in
      guard length > 0 else { return 0 }
      let code = next[Int(length)]
      next[Int(length)] += 1
      return UInt16(reversing: code, bits: Int(length))
    }
  }
}

extension UInt16 {
  /// The low `bits` bits of `value` in reverse order.
  init(reversing value: Int, bits: Int) {
    var reversed = 0
    for bit in 0..<bits where value & (1 << bit) != 0 { reversed |= 1 << (bits - 1 - bit) }
    self = UInt16(reversed)
  }
}
