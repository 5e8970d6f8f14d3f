// MARK: - Byte buffer

/// A growable run of bytes written through a raw pointer: the output of the streaming export
/// writer, which appends some forty small pieces per row. `Array.append(contentsOf:)` costs a
/// generic call and a uniqueness check per piece (a sixth of the writer's instructions); here a
/// piece is a capacity check and a copy.
///
/// Non-copyable, so the memory has exactly one owner and is freed once; for the same reason it
/// may move to another thread (`@unchecked Sendable`).
struct ByteBuffer: ~Copyable, @unchecked Sendable {
  private var base: UnsafeMutablePointer<UInt8>
  /// Bytes written so far.
  private(set) var count = 0
  private var capacity: Int

  /// `capacity` in bytes (at least 64) is reserved up front; the buffer doubles when full.
  init(capacity: Int) {
    self.capacity = max(capacity, 64)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    if count == capacity { grow(toHold: 1) }
    base[count] = byte
    count += 1
  }

  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    if capacity - count < bytes.count { grow(toHold: bytes.count) }
    (base + count).update(from: source, count: bytes.count)
    count += bytes.count
  }

  mutating func append(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { append($0) }
  }

  /// Appends a copy of bytes already written (`range` within `0..<count`).
  mutating func appendCopy(of range: Range<Int>) {
    precondition(range.lowerBound >= 0 && range.upperBound <= count)
    if capacity - count < range.count { grow(toHold: range.count) }
    (base + count).update(from: base + range.lowerBound, count: range.count)
    count += range.count
  }

  /// Lets `body` write at most `maximum` bytes at the end; it returns how many it wrote, and
  /// only those count (0: nothing is appended).
  mutating func appendWritten(maximum: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
    if capacity - count < maximum { grow(toHold: maximum) }
    let written = body(UnsafeMutableBufferPointer(start: base + count, count: maximum))
    precondition(written >= 0 && written <= maximum)
    count += written
  }

  /// Drops the last `n` bytes.
  mutating func removeLast(_ n: Int) {
    precondition(n >= 0 && n <= count)
    count -= n
  }

  /// The bytes, copied out once; the buffer's memory is freed.
  consuming func array() -> [UInt8] {
    Array(UnsafeBufferPointer(start: base, count: count))
  }

  private mutating func grow(toHold extra: Int) {
    let newCapacity = max(capacity * 2, count + extra)
    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    bigger.moveInitialize(from: base, count: count)
    base.deallocate()
    base = bigger
    capacity = newCapacity
  }
}
