import CCairo

// MARK: - Deflated parts

/// A piece of a ZIP entry's data, deflated on its own (raw deflate, `level`) and ended with a
/// sync flush: byte-aligned and not final, so pieces deflated on separate threads join, in
/// order, into one deflate stream (as pigz does). Carries the CRC-32 and length of its input.
struct DeflatedPart: Sendable {
  let bytes: [UInt8]
  let crc: UInt32
  let size: Int

  /// `level`: zlib's 0 (store) … 9. Default 6, zlib's own default.
  init(_ data: [UInt8], level: Int32 = 6) {
    size = data.count
    crc = data.withUnsafeBufferPointer { buffer in
      var crc = crc32(0, nil, 0)
      var offset = 0
      while offset < buffer.count {
        let chunk = min(buffer.count - offset, 1 << 30)
        crc = crc32(crc, buffer.baseAddress! + offset, uInt(chunk))
        offset += chunk
      }
      return UInt32(crc)
    }
    bytes = Self.deflate(data, level: level)
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
/// Fixed timestamps (2000-01-01 00:00) keep the bytes reproducible. No ZIP64: an entry or
/// archive reaching 4 GiB is an error (an Excel sheet's row limit keeps the workbook below it).
final class ZipStream {
  private struct Entry {
    var name: [UInt8]
    var offset: UInt64
    var crc: UInt32 = 0
    var compressed: UInt64 = 0
    var size: UInt64 = 0
  }

  private let write: ([UInt8]) throws(Failure) -> Void
  private var offset: UInt64 = 0
  private var finished: [Entry] = []
  private var current: Entry?

  /// 2000-01-01 00:00:00 in MS-DOS time and date fields.
  private static let dosTime: UInt16 = 0
  private static let dosDate: UInt16 = (2000 - 1980) << 9 | 1 << 5 | 1
  /// General purpose flags: sizes in a data descriptor (bit 3), UTF-8 names (bit 11).
  private static let flags: UInt16 = 1 << 3 | 1 << 11

  init(write: @escaping ([UInt8]) throws(Failure) -> Void) { self.write = write }

  /// An entry holding `text`, whole.
  func addEntry(_ name: String, text: String) throws(Failure) {
    try beginEntry(name)
    try append(DeflatedPart(Array(text.utf8)))
    try endEntry()
  }

  /// Starts an entry: its local header.
  func beginEntry(_ name: String) throws(Failure) {
    precondition(current == nil, "entry \(name) begun inside another")
    let entry = Entry(name: Array(name.utf8), offset: offset)
    var header: [UInt8] = []
    header.le32(0x0403_4B50)
    header.le16(20)
    header.le16(Self.flags)
    header.le16(8)
    header.le16(Self.dosTime)
    header.le16(Self.dosDate)
    header += [UInt8](repeating: 0, count: 12)  // CRC and sizes: in the data descriptor
    header.le16(UInt16(entry.name.count))
    header.le16(0)
    try emit(header + entry.name)
    current = entry
  }

  /// Appends the next deflated part of the current entry's data.
  func append(_ part: DeflatedPart) throws(Failure) {
    guard var entry = current else { preconditionFailure("no entry begun") }
    entry.crc = UInt32(crc32_combine(uLong(entry.crc), uLong(part.crc), Int(part.size)))
    entry.size += UInt64(part.size)
    entry.compressed += UInt64(part.bytes.count)
    current = entry
    try emit(part.bytes)
  }

  /// Ends the current entry: the deflate stream's final (empty) block and the data descriptor.
  func endEntry() throws(Failure) {
    guard var entry = current else { preconditionFailure("no entry begun") }
    let finalBlock: [UInt8] = [0x03, 0x00]
    entry.compressed += UInt64(finalBlock.count)
    guard entry.compressed < 0xFFFF_FFFF, entry.size < 0xFFFF_FFFF else {
      throw Failure.io("\(String(decoding: entry.name, as: UTF8.self)) reached 4 GiB, more than a ZIP without ZIP64 holds")
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
  func finish() throws(Failure) {
    precondition(current == nil, "an entry is still open")
    let start = offset
    var directory: [UInt8] = []
    for entry in finished {
      directory.le32(0x0201_4B50)
      directory.le16(3 << 8 | 20)  // made by: Unix, ZIP 2.0
      directory.le16(20)
      directory.le16(Self.flags)
      directory.le16(8)
      directory.le16(Self.dosTime)
      directory.le16(Self.dosDate)
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
      throw Failure.io("the archive reached 4 GiB, more than a ZIP without ZIP64 holds")
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

  private func emit(_ bytes: [UInt8]) throws(Failure) {
    try write(bytes)
    offset += UInt64(bytes.count)
  }
}

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
