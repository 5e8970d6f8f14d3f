#if canImport(Glibc)
import Glibc
#endif

// MARK: - Byte memo

/// Values computed once per distinct cell text, keyed by the text's UTF-8 bytes: a column of a
/// few spellings repeated on every row (regions, indicators, periods, units, statuses) costs one
/// comparison with the previous row's text, or one hash of the bytes, and makes no `String`.
/// Exact: every distinct text gets its own entry (an open-addressing table that doubles past
/// 70 % full), so a value is computed once per spelling however many there are.
struct ByteMemo<Value: Sendable>: Sendable {
  /// The keys' bytes, one after another; entry `k` is `arena[offsets[k]..<offsets[k] + counts[k]]`.
  private var arena: [UInt8] = []
  private var offsets: [Int] = []
  private var counts: [Int] = []
  private var hashes: [UInt64] = []
  private var values: [Value] = []
  /// Entry number + 1 per slot; 0: free. A power of two long.
  private var slots = [Int](repeating: 0, count: 64)
  /// The entry found last: rows of one region or indicator usually follow each other.
  private var last = -1

  init() {}

  /// The value stored for the text `bytes`, or nil when the text was never stored.
  mutating func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
    if last >= 0, matches(last, bytes) { return values[last] }
    let hash = Self.hash(bytes)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 {
      let entry = slots[slot] - 1
      if hashes[entry] == hash, matches(entry, bytes) {
        last = entry
        return values[entry]
      }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// Stores `value` for the text `bytes`, which `find` did not know.
  mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, _ value: Value) {
    let hash = Self.hash(bytes)
    last = values.count
    offsets.append(arena.count)
    counts.append(bytes.count)
    hashes.append(hash)
    values.append(value)
    arena.append(contentsOf: bytes)
    if values.count * 10 > slots.count * 7 {
      grow()
    } else {
      place(last)
    }
  }

  /// The value for the text `bytes`, made by `compute` (from the text as a `String`) the first
  /// time the text is seen.
  mutating func value(for bytes: UnsafeBufferPointer<UInt8>, compute: (String) -> Value) -> Value {
    if let known = find(bytes) { return known }
    let value = compute(String(decoding: bytes, as: UTF8.self))
    insert(bytes, value)
    return value
  }

  private func matches(_ entry: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard counts[entry] == bytes.count else { return false }
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
    return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + offsets[entry], base, bytes.count) == 0 }
  }

  /// Puts entry `entry` into the first free slot from its hash on.
  private mutating func place(_ entry: Int) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = entry + 1
  }

  private mutating func grow() {
    slots = [Int](repeating: 0, count: slots.count * 2)
    for entry in hashes.indices { place(entry) }
  }

  /// FNV-1a over the bytes, its high bits folded down (slots are taken from the low bits).
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    return hash ^ (hash >> 29)
  }
}
