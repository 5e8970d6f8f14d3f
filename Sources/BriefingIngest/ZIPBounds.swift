// MARK: - ZIP structure check

/// Checks, before ZIPFoundation reads an archive from memory, that every offset and length in the
/// end-of-central-directory record, the central directory and the local headers stays inside the
/// bytes. ZIPFoundation's in-memory reader traps on an offset past the end (found by `make fuzz`
/// with a corrupt workbook), so a damaged XLSX must be refused here as a finding instead.
///
/// ZIP64 archives (entries or offsets beyond 4 GiB) are refused: a spreadsheet of statistics is
/// far below that.
enum ZIPBounds {
  static func check(_ bytes: [UInt8]) throws(XLSXFailure) {
    let end = try endRecord(bytes)
    let entries = Int(uint16(bytes, end + 10))
    let directorySize = Int(uint32(bytes, end + 12))
    let directoryOffset = Int(uint32(bytes, end + 16))
    guard entries != 0xFFFF, directorySize != 0xFFFF_FFFF, directoryOffset != 0xFFFF_FFFF else {
      throw XLSXFailure(detail: "ZIP64 archives are not supported")
    }
    guard directoryOffset + directorySize <= end else {
      throw XLSXFailure(detail: "the central directory lies outside the file (truncated?)")
    }
    var position = directoryOffset
    for index in 0..<entries {
      guard position + 46 <= end, uint32(bytes, position) == 0x0201_4B50 else {
        throw XLSXFailure(detail: "central directory entry \(index + 1) is damaged")
      }
      let compressed = Int(uint32(bytes, position + 20))
      let nameLength = Int(uint16(bytes, position + 28))
      let extraLength = Int(uint16(bytes, position + 30))
      let commentLength = Int(uint16(bytes, position + 32))
      let localOffset = Int(uint32(bytes, position + 42))
      position += 46 + nameLength + extraLength + commentLength
      guard position <= end else {
        throw XLSXFailure(detail: "central directory entry \(index + 1) runs past its end")
      }
      try checkLocalHeader(bytes, at: localOffset, compressed: compressed, limit: directoryOffset)
    }
  }

  // MARK: - Private

  /// Offset of the end-of-central-directory record: its signature within the last 64 KiB + 22
  /// bytes (the record plus the longest comment).
  private static func endRecord(_ bytes: [UInt8]) throws(XLSXFailure) -> Int {
    guard bytes.count >= 22 else { throw XLSXFailure(detail: "too short for a ZIP archive") }
    let lowest = max(0, bytes.count - 22 - 0xFFFF)
    var offset = bytes.count - 22
    while offset >= lowest {
      if uint32(bytes, offset) == 0x0605_4B50 { return offset }
      offset -= 1
    }
    throw XLSXFailure(detail: "no end-of-central-directory record (not a ZIP archive?)")
  }

  /// The local header at `offset` and the entry's data must end before `limit`.
  private static func checkLocalHeader(
    _ bytes: [UInt8], at offset: Int, compressed: Int, limit: Int
  ) throws(XLSXFailure) {
    guard offset + 30 <= limit, uint32(bytes, offset) == 0x0403_4B50 else {
      throw XLSXFailure(detail: "a local file header is damaged")
    }
    let nameLength = Int(uint16(bytes, offset + 26))
    let extraLength = Int(uint16(bytes, offset + 28))
    guard offset + 30 + nameLength + extraLength + compressed <= limit else {
      throw XLSXFailure(detail: "an entry's data runs past the central directory")
    }
  }

  private static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
    UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
  }

  private static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
    UInt32(uint16(bytes, at)) | UInt32(uint16(bytes, at + 2)) << 16
  }
}
