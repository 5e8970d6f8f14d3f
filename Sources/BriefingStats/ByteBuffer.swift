// MARK: - Byte buffer

/// A growable run of bytes written through a raw pointer: the output of the streaming export
/// writer, which appends some forty small pieces per row. `Array.append(contentsOf:)` costs a
/// generic call and a uniqueness check per piece (a sixth of the writer's instructions); here a
/// piece is a capacity check and a copy.
///
/// The bytes live in an array whose length is the capacity (the part past `count` is reserved,
/// never read, and costs no memory until written), so `array()` hands that array over, cut to
/// `count`, instead of copying it: a 100 MB part of the township table was copied once more,
/// twice its size in memory for the moment, before the change.
///
/// Non-copyable, so the array has exactly one owner and is never copied on write; for the same
/// reason it may move to another thread.
struct ByteBuffer: ~Copyable, Sendable {
  /// `capacity` bytes; only the first `count` are written.
  private var storage: [UInt8]
  /// Bytes written so far.
  private(set) var count = 0

  /// `capacity` in bytes (at least 64) is reserved up front; the buffer doubles when full.
  init(capacity: Int) {
    storage = Self.reserved(max(capacity, 64))
  }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    if count == storage.count { grow(toHold: 1) }
    storage[count] = byte
    count += 1
  }

  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    if storage.count - count < bytes.count { grow(toHold: bytes.count) }
    let start = count
    storage.withUnsafeMutableBufferPointer { ($0.baseAddress! + start).update(from: source, count: bytes.count) }
    count += bytes.count
  }

  mutating func append(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { append($0) }
  }

  /// Appends a copy of bytes already written (`range` within `0..<count`).
  mutating func appendCopy(of range: Range<Int>) {
    precondition(range.lowerBound >= 0 && range.upperBound <= count)
    if storage.count - count < range.count { grow(toHold: range.count) }
    let start = count
    storage.withUnsafeMutableBufferPointer { buffer in
      (buffer.baseAddress! + start).update(from: buffer.baseAddress! + range.lowerBound, count: range.count)
    }
    count += range.count
  }

  /// Lets `body` write at most `maximum` bytes at the end; it returns how many it wrote, and
  /// only those count (0: nothing is appended).
  mutating func appendWritten(maximum: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
    if storage.count - count < maximum { grow(toHold: maximum) }
    let start = count
    let written = storage.withUnsafeMutableBufferPointer { buffer in
      body(UnsafeMutableBufferPointer(start: buffer.baseAddress! + start, count: maximum))
    }
    precondition(written >= 0 && written <= maximum)
    count += written
  }

  /// Drops the last `n` bytes.
  mutating func removeLast(_ n: Int) {
    precondition(n >= 0 && n <= count)
    count -= n
  }

  /// The bytes: the storage itself, cut to `count` (no copy).
  consuming func array() -> [UInt8] {
    var bytes: [UInt8] = []
    swap(&bytes, &storage)
    bytes.removeLast(bytes.count - count)
    return bytes
  }

  private mutating func grow(toHold extra: Int) {
    var bigger = Self.reserved(max(storage.count * 2, count + extra))
    let written = count
    bigger.withUnsafeMutableBufferPointer { target in
      storage.withUnsafeBufferPointer { target.baseAddress!.update(from: $0.baseAddress!, count: written) }
    }
    storage = bigger
  }

  /// An array of `capacity` bytes left unwritten (UInt8 needs no initialisation to be
  /// overwritten; the pages stay untouched until written).
  private static func reserved(_ capacity: Int) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: capacity) { _, initialized in initialized = capacity }
  }
}
