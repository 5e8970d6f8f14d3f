// MARK: - Byte buffer

/// A growable run of bytes: the output of the streaming export writer, which appends some
/// forty small pieces per row.
///
/// Pieces land in a small raw area (`pendingCapacity` bytes) and move into the array a block at
/// a time: writing into the array piece by piece cost an array uniqueness check and a bounds
/// check per piece (a runtime call each): the raw area saves 3.5 % of the township analyze's
/// instructions.
///
/// The array's length is its capacity (the part past what is written is reserved, never read,
/// and costs no memory until written), so `array()` hands that array over, cut to `count`,
/// instead of copying it: a 100 MB part of the township table was copied once more, twice its
/// size in memory for the moment, before that.
///
/// Non-copyable, so the array and the raw area have exactly one owner (the raw area is freed
/// with it) and are never copied on write; for the same reason it may move to another thread.
struct ByteBuffer: ~Copyable, @unchecked Sendable {
  /// Bytes moved out of `pending`; only the first `flushed` are written.
  private var storage: [UInt8]
  private var flushed = 0
  /// Bytes appended since the last move into `storage`.
  private let pending: UnsafeMutablePointer<UInt8>
  private var pendingCount = 0
  /// Size of the raw area: 64 KiB.
  private static let pendingCapacity = 1 << 16

  /// Bytes written so far.
  var count: Int { flushed + pendingCount }

  /// `capacity` in bytes (at least 64) is reserved up front; the array doubles when full.
  /// `recycling`: an array (the bytes of an earlier part) that becomes the storage when it can
  /// hold `capacity` bytes: its pages are mapped already, where a fresh 100 MB part of the
  /// township table took 25,000 page faults, each page cleared by the kernel. Only the part
  /// past its old bytes is written over to give the array its whole length. Default: none.
  init(capacity: Int, recycling spare: consuming [UInt8] = []) {
    let wanted = max(capacity, 64)
    if spare.capacity >= wanted {
      storage = consume spare
      storage.append(contentsOf: repeatElement(0, count: storage.capacity - storage.count))
    } else {
      storage = Self.reserved(wanted)
    }
    pending = .allocate(capacity: Self.pendingCapacity)
  }

  deinit { pending.deallocate() }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    if pendingCount == Self.pendingCapacity { flush() }
    pending[pendingCount] = byte
    pendingCount += 1
  }

  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    appendWritten(maximum: bytes.count) { space in
      space.baseAddress!.update(from: source, count: bytes.count)
      return bytes.count
    }
  }

  mutating func append(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { append($0) }
  }

  /// Appends a copy of bytes already written (`range` within `0..<count`).
  mutating func appendCopy(of range: Range<Int>) {
    precondition(range.lowerBound >= 0 && range.upperBound <= count)
    if range.lowerBound >= flushed, range.count <= Self.pendingCapacity - pendingCount {
      (pending + pendingCount).update(from: pending + (range.lowerBound - flushed), count: range.count)
      pendingCount += range.count
      return
    }
    flush()
    if storage.count - flushed < range.count { grow(toHold: range.count) }
    let start = flushed
    storage.withUnsafeMutableBufferPointer { buffer in
      (buffer.baseAddress! + start).update(from: buffer.baseAddress! + range.lowerBound, count: range.count)
    }
    flushed += range.count
  }

  /// Lets `body` write at most `maximum` bytes at the end; it returns how many it wrote, and
  /// only those count (0: nothing is appended).
  mutating func appendWritten(maximum: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
    if pendingCount + maximum > Self.pendingCapacity { flush() }
    if maximum <= Self.pendingCapacity {
      let written = body(UnsafeMutableBufferPointer(start: pending + pendingCount, count: maximum))
      precondition(written >= 0 && written <= maximum)
      pendingCount += written
      return
    }
    // Larger than the raw area: straight into the array.
    if storage.count - flushed < maximum { grow(toHold: maximum) }
    let start = flushed
    let written = storage.withUnsafeMutableBufferPointer { buffer in
      body(UnsafeMutableBufferPointer(start: buffer.baseAddress! + start, count: maximum))
    }
    precondition(written >= 0 && written <= maximum)
    flushed += written
  }

  /// Drops the last `n` bytes.
  mutating func removeLast(_ n: Int) {
    precondition(n >= 0 && n <= count)
    if n > pendingCount { flush() }
    if pendingCount > 0 {
      pendingCount -= n
    } else {
      flushed -= n
    }
  }

  /// The bytes: the array itself, cut to `count` (no copy).
  consuming func array() -> [UInt8] {
    flush()
    var bytes: [UInt8] = []
    swap(&bytes, &storage)
    bytes.removeLast(bytes.count - flushed)
    return bytes
  }

  /// Moves the raw area's bytes to the end of the array.
  private mutating func flush() {
    guard pendingCount > 0 else { return }
    if storage.count - flushed < pendingCount { grow(toHold: pendingCount) }
    let start = flushed
    let moved = pendingCount
    let source = pending
    storage.withUnsafeMutableBufferPointer { buffer in
      (buffer.baseAddress! + start).update(from: source, count: moved)
    }
    flushed += moved
    pendingCount = 0
  }

  private mutating func grow(toHold extra: Int) {
    var bigger = Self.reserved(max(storage.count * 2, flushed + extra))
    let written = flushed
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
