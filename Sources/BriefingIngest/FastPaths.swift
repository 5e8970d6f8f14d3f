#if canImport(Glibc)
import Glibc
#endif
// MARK: - Hot-path helpers

/// A string key hashed and compared by its UTF-8 bytes, skipping the Unicode normalization
/// that `String` hashing does: cache keys of raw cell text (`肃州区`, `2024-H1`) stay cheap.
struct ByteKey: Hashable {
  let text: String

  init(_ text: String) { self.text = text }

  static func == (lhs: ByteKey, rhs: ByteKey) -> Bool {
    var left = lhs.text
    var right = rhs.text
    return left.withUTF8 { leftBytes in
      right.withUTF8 { rightBytes in
        leftBytes.count == rightBytes.count
          && (leftBytes.isEmpty || memcmp(leftBytes.baseAddress!, rightBytes.baseAddress!, leftBytes.count) == 0)
      }
    }
  }

  func hash(into hasher: inout Hasher) {
    var copy = text
    copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}

extension String {
  /// `trimmingSpaces()` without work when the ends are not spaces (the usual case).
  var trimmedCell: String {
    // Through the contiguous bytes: `utf8.first` / `utf8.last` walk String indices, which
    // costs more than the rest of a cell's checks.
    var text = self
    let mayNeedTrimming = text.withUTF8 { utf8 -> Bool in
      guard let first = utf8.first, let last = utf8.last else { return false }
      let spaceLike: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
      return spaceLike(first) || spaceLike(last) || first == 0xE3 || last == 0x80
    }
    return mayNeedTrimming ? trimmingSpaces() : self
  }
}
