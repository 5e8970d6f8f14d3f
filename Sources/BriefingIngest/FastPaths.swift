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
    return text.withUTF8(\.mayNeedTrimming) ? trimmingSpaces() : self
  }
}

extension UnsafeBufferPointer<UInt8> {
  /// False when the text of these bytes is certainly its own `trimmingSpaces()`: it does not
  /// start or end with a space, tab, line end or a byte that may begin (0xE3) or end (0x80)
  /// the ideographic space U+3000.
  var mayNeedTrimming: Bool {
    guard let first, let last else { return false }
    let spaceLike: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
    return spaceLike(first) || spaceLike(last) || first == 0xE3 || last == 0x80
  }
}

// MARK: - Text memo

/// Parsed values of recently seen cell texts, found by a cheap hash of their bytes and confirmed
/// byte for byte. A column of a few spellings repeated on every row (periods, units) costs one
/// hash of a short text and one comparison per row; a text whose slot another one took is
/// simply parsed again, so any number of spellings is correct.
struct TextMemo<Value: Sendable>: Sendable {
  /// Slot texts and values; a slot never filled holds a NUL text and no value, so it never answers.
  private var texts: [String]
  private var values: [Value?]
  private let mask: Int

  /// `slots` is rounded up to a power of two (default 256).
  init(slots: Int = 256) {
    var size = 1
    while size < slots { size *= 2 }
    texts = Array(repeating: "\u{0}", count: size)
    values = Array(repeating: nil, count: size)
    mask = size - 1
  }

  /// The value parsed from `text`, parsing it with `parse` unless it is in the memo.
  mutating func value(for text: String, parse: (String) -> Value) -> Value {
    var bytes = text
    let slot = bytes.withUTF8 { utf8 in
      // FNV-1a over the bytes.
      var hash: UInt64 = 0xCBF2_9CE4_8422_2325
      for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
      return Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    }
    if ByteKey(texts[slot]) == ByteKey(text), let value = values[slot] { return value }
    let value = parse(text)
    texts[slot] = text
    values[slot] = value
    return value
  }
}
