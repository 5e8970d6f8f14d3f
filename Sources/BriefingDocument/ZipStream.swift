import CCairo
import CLibDeflate

// MARK: - Deflated parts

/// A piece of a ZIP entry's data, deflated on its own (raw deflate, `level`). Carries the CRC-32
/// and length of its input.
///
/// - A streamed part (`init(_:level:)`) is deflated by zlib and ended with a sync flush:
///   byte-aligned and not final, so pieces deflated on separate threads join, in order, into
///   one deflate stream (as pigz does). libdeflate cannot do this: it has no flush, and the
///   end of its last block is not byte-aligned at a known bit.
/// - A whole entry (`init(whole:level:)`) is one complete deflate stream from libdeflate, final
///   block included (faster than zlib at the same level, and a little smaller).
public struct DeflatedPart: Sendable {
  public let bytes: [UInt8]
  public let crc: UInt32
  public let size: Int
  /// True when `bytes` end the deflate stream (a whole entry): nothing may follow in the entry.
  public let isFinal: Bool

  /// A streamed part. `level`: zlib's 0 (store) … 9. Default 6, zlib's own default.
  public init(_ data: [UInt8], level: Int32 = 6) {
    size = data.count
    crc = Self.crc(of: data)
    bytes = Self.deflate(data, level: level)
    isFinal = false
  }

  /// A whole entry's data as one final deflate stream. `level`: libdeflate's 0 (store) … 12.
  /// Default 6.
  public init(whole data: [UInt8], level: Int32 = 6) {
    size = data.count
    crc = Self.crc(of: data)
    guard let compressor = libdeflate_alloc_compressor(max(0, min(12, level))) else {
      preconditionFailure("libdeflate could not allocate a compressor")
    }
    defer { libdeflate_free_compressor(compressor) }
    var out = [UInt8](repeating: 0, count: libdeflate_deflate_compress_bound(compressor, data.count))
    let written = data.withUnsafeBufferPointer { input in
      out.withUnsafeMutableBufferPointer { output in
        libdeflate_deflate_compress(compressor, input.baseAddress, input.count, output.baseAddress, output.count)
      }
    }
    precondition(written > 0, "libdeflate wrote nothing for \(data.count) bytes")
    out.removeLast(out.count - written)
    bytes = out
    isFinal = true
  }

  private static func crc(of data: [UInt8]) -> UInt32 {
    data.withUnsafeBufferPointer { libdeflate_crc32(0, $0.baseAddress, $0.count) }
  }

  private static func deflate(_ data: [UInt8], level: Int32) -> [UInt8] {
    var stream = z_stream()
    let status = deflateInit2_(
      &stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
    precondition(status == Z_OK, "zlib deflateInit2 failed: \(status)")
    defer { deflateEnd(&stream) }
    // Text deflates to a fifth or less; the buffer doubles when that is not enough.
    var out = [UInt8](repeating: 0, count: data.count / 4 + 1_024)
    var produced = 0
    data.withUnsafeBufferPointer { input in
      stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
      stream.avail_in = uInt(input.count)
      repeat {
        if produced == out.count { out += [UInt8](repeating: 0, count: out.count) }
        out.withUnsafeMutableBufferPointer { output in
          stream.next_out = output.baseAddress! + produced
          stream.avail_out = uInt(output.count - produced)
          _ = CCairo.deflate(&stream, Z_SYNC_FLUSH)
          produced = output.count - Int(stream.avail_out)
        }
      } while stream.avail_in > 0 || stream.avail_out == 0
    }
    return Array(out[..<produced])
  }
}

// MARK: - ZIP writer

/// Writes a ZIP archive front to back through `write`: each entry's data goes out as it comes
/// (deflated parts), with its CRC and sizes in a data descriptor after the data (flag bit 3) and
/// in the central directory at the end, so nothing is held whole and nothing is written twice.
/// Fixed timestamps (default 2000-01-01 00:00) keep the bytes reproducible. No ZIP64: an entry
/// or archive reaching 4 GiB is an error (an Excel sheet's row limit keeps the workbook below
/// it), made by `tooLarge` from its message so the caller's own error type is thrown.
public final class ZipStream<WriteError: Error> {
  private struct Entry {
    var name: [UInt8]
    var offset: UInt64
    var crc: UInt32 = 0
    var compressed: UInt64 = 0
    var size: UInt64 = 0
    /// A final part was appended: the deflate stream is complete.
    var ended = false
  }

  private let write: ([UInt8]) throws(WriteError) -> Void
  private let tooLarge: (String) -> WriteError
  private var offset: UInt64 = 0
  private var finished: [Entry] = []
  private var current: Entry?
  private let dosTime: UInt16
  private let dosDate: UInt16

  /// General purpose flags: sizes in a data descriptor (bit 3), UTF-8 names (bit 11).
  private static var flags: UInt16 { 1 << 3 | 1 << 11 }

  /// - Parameters:
  ///   - modified: every entry's modification time, `(year, month, day, hour, minute, second)`
  ///     in MS-DOS form (years 1980…2107, even seconds). Default: 2000-01-01 00:00:00.
  ///   - write: receives the archive's bytes in order.
  ///   - tooLarge: the error for an entry or archive past 4 GiB, from its message.
  public init(
    modified: ZipTimestamp = .y2000, write: @escaping ([UInt8]) throws(WriteError) -> Void,
    tooLarge: @escaping (String) -> WriteError
  ) {
    self.write = write
    self.tooLarge = tooLarge
    dosTime = modified.dosTime
    dosDate = modified.dosDate
  }

  /// An entry holding `text`, whole.
  public func addEntry(_ name: String, text: String) throws(WriteError) {
    try addEntry(name, bytes: Array(text.utf8))
  }

  /// An entry holding `bytes`, whole, deflated by libdeflate at `level` (default 6; 0 stores,
  /// for PNGs).
  public func addEntry(_ name: String, bytes: [UInt8], level: Int32 = 6) throws(WriteError) {
    try beginEntry(name)
    try append(DeflatedPart(whole: bytes, level: level))
    try endEntry()
  }

  /// Starts an entry: its local header.
  public func beginEntry(_ name: String) throws(WriteError) {
    precondition(current == nil, "entry \(name) begun inside another")
    let entry = Entry(name: Array(name.utf8), offset: offset)
    var header: [UInt8] = []
    header.le32(0x0403_4B50)
    header.le16(20)
    header.le16(Self.flags)
    header.le16(8)
    header.le16(dosTime)
    header.le16(dosDate)
    header += [UInt8](repeating: 0, count: 12)  // CRC and sizes: in the data descriptor
    header.le16(UInt16(entry.name.count))
    header.le16(0)
    try emit(header + entry.name)
    current = entry
  }

  /// Appends the next deflated part of the current entry's data (nothing after a final part).
  public func append(_ part: DeflatedPart) throws(WriteError) {
    guard var entry = current else { preconditionFailure("no entry begun") }
    precondition(!entry.ended, "a part appended after the final part of an entry")
    entry.ended = part.isFinal
    entry.crc = UInt32(crc32_combine(uLong(entry.crc), uLong(part.crc), Int(part.size)))
    entry.size += UInt64(part.size)
    entry.compressed += UInt64(part.bytes.count)
    current = entry
    try emit(part.bytes)
  }

  /// Ends the current entry: the deflate stream's final (empty) block, unless a final part
  /// ended the stream, and the data descriptor.
  public func endEntry() throws(WriteError) {
    guard var entry = current else { preconditionFailure("no entry begun") }
    let finalBlock: [UInt8] = entry.ended ? [] : [0x03, 0x00]
    entry.compressed += UInt64(finalBlock.count)
    guard entry.compressed < 0xFFFF_FFFF, entry.size < 0xFFFF_FFFF else {
      throw tooLarge("\(String(decoding: entry.name, as: UTF8.self)) reached 4 GiB, more than a ZIP without ZIP64 holds")
    }
    var descriptor = finalBlock
    descriptor.le32(0x0807_4B50)
    descriptor.le32(entry.crc)
    descriptor.le32(UInt32(entry.compressed))
    descriptor.le32(UInt32(entry.size))
    try emit(descriptor)
    finished.append(entry)
    current = nil
  }

  /// Writes the central directory and its end record.
  public func finish() throws(WriteError) {
    precondition(current == nil, "an entry is still open")
    let start = offset
    var directory: [UInt8] = []
    for entry in finished {
      directory.le32(0x0201_4B50)
      directory.le16(3 << 8 | 20)  // made by: Unix, ZIP 2.0
      directory.le16(20)
      directory.le16(Self.flags)
      directory.le16(8)
      directory.le16(dosTime)
      directory.le16(dosDate)
      directory.le32(entry.crc)
      directory.le32(UInt32(entry.compressed))
      directory.le32(UInt32(entry.size))
      directory.le16(UInt16(entry.name.count))
      directory += [0, 0, 0, 0, 0, 0, 0, 0]  // extra, comment, disk, internal attributes
      directory.le32(0o100644 << 16)  // external attributes: a regular file, rw-r--r--
      directory.le32(UInt32(entry.offset))
      directory += entry.name
    }
    guard start + UInt64(directory.count) < 0xFFFF_FFFF else {
      throw tooLarge("the archive reached 4 GiB, more than a ZIP without ZIP64 holds")
    }
    var end: [UInt8] = []
    end.le32(0x0605_4B50)
    end += [0, 0, 0, 0]  // this disk, the directory's disk
    end.le16(UInt16(finished.count))
    end.le16(UInt16(finished.count))
    end.le32(UInt32(directory.count))
    end.le32(UInt32(start))
    end.le16(0)
    try emit(directory + end)
  }

  private func emit(_ bytes: [UInt8]) throws(WriteError) {
    try write(bytes)
    offset += UInt64(bytes.count)
  }
}

// MARK: - Timestamps

/// An entry's modification time in the MS-DOS fields a ZIP header holds (local time, 2-second
/// steps, years 1980…2107).
public struct ZipTimestamp: Sendable, Equatable {
  public let dosTime: UInt16
  public let dosDate: UInt16

  /// Clamped to 1980-01-01 … 2107-12-31; seconds rounded down to even.
  public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
    let year = min(max(year, 1980), 2107)
    dosDate = UInt16(year - 1980) << 9 | UInt16(month) << 5 | UInt16(day)
    dosTime = UInt16(hour) << 11 | UInt16(minute) << 5 | UInt16(second / 2)
  }

  /// 2000-01-01 00:00:00, the fixed time of the project's archives.
  public static let y2000 = ZipTimestamp(year: 2000, month: 1, day: 1)

  /// From an ISO-8601 date-time (`2024-06-30T00:00:00+00:00`, as `DocumentInfo.creationDate`
  /// holds); nil when it does not start with `YYYY-MM-DDTHH:MM:SS`.
  public init?(iso8601 text: String) {
    let digits = text.split(whereSeparator: { !$0.isNumber }).prefix(6).compactMap { Int($0) }
    guard digits.count == 6, (1...12).contains(digits[1]), (1...31).contains(digits[2]) else { return nil }
    self.init(
      year: digits[0], month: digits[1], day: digits[2], hour: digits[3], minute: digits[4],
      second: digits[5])
  }
}

// MARK: - Little-endian fields

extension [UInt8] {
  /// Appends `value` little-endian.
  fileprivate mutating func le16(_ value: UInt16) {
    append(UInt8(truncatingIfNeeded: value))
    append(UInt8(truncatingIfNeeded: value >> 8))
  }

  fileprivate mutating func le32(_ value: UInt32) {
    for shift in stride(from: 0, to: 32, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
  }
}
