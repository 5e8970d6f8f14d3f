// MARK: - DEFLATE bit output

/// Writes bits least significant first (RFC 1951, 3.1.1) into a caller's buffer, 32 bits at a
/// time. The buffer must have room for everything written plus 8 bytes; `finish()` pads the last
/// byte with zero bits and returns the number of bytes written.
struct DeflateBitWriter {
  private let output: UnsafeMutableRawPointer
  private var pending: UInt64 = 0
  private var pendingCount = 0
  private(set) var byteCount = 0

  init(_ output: UnsafeMutableRawPointer) {
    self.output = output
  }

  /// Appends the low `count` bits of `value`; `count` ≤ 32.
  @inline(__always)
  mutating func write(_ value: UInt32, count: Int) {
    pending |= UInt64(value) &<< UInt64(pendingCount)
    pendingCount &+= count
    if pendingCount >= 32 {
      output.storeBytes(of: UInt32(truncatingIfNeeded: pending).littleEndian, toByteOffset: byteCount, as: UInt32.self)
      byteCount &+= 4
      pending &>>= 32
      pendingCount &-= 32
    }
  }

  /// Appends whole bytes (the pending bits must end on a byte boundary).
  mutating func writeBytes(_ bytes: [UInt8]) {
    for byte in bytes { write(UInt32(byte), count: 8) }
  }

  /// Flushes the pending bits, padded to a whole byte; the total byte count.
  mutating func finish() -> Int {
    while pendingCount > 0 {
      output.storeBytes(of: UInt8(truncatingIfNeeded: pending), toByteOffset: byteCount, as: UInt8.self)
      byteCount += 1
      pending >>= 8
      pendingCount = max(0, pendingCount - 8)
    }
    return byteCount
  }
}
