// MARK: - Columns a text takes in a terminal or a monospaced paste

/// Display width in columns: East Asian wide and fullwidth characters (CJK ideographs, kana,
/// hangul, fullwidth punctuation such as 「，」「（」) take 2, combining marks 0, others 1
/// (ambiguous characters like `—` and `▲` count 1, as terminals outside CJK locales show them).
enum DisplayWidth {
  static func of(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + of($1) }
  }

  /// Width in ems for sizing Word table columns without the fonts at hand: a wide character
  /// 1 em, another 0.6 em (digits and Latin letters run 0.5–0.6 em in the faces Word
  /// substitutes), a combining mark 0.
  static func ems(_ text: String) -> Double {
    text.unicodeScalars.reduce(0) { sum, scalar in
      switch of(scalar) {
      case 0: sum
      case 2: sum + 1
      default: sum + 0.6
      }
    }
  }

  static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if scalar.properties.generalCategory == .nonspacingMark || value == 0x200B { return 0 }
    return wide.contains { $0.contains(value) } ? 2 : 1
  }

  /// Unicode East_Asian_Width W and F ranges (the blocks sheets use).
  private static let wide: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
    0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
    0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x20000...0x3FFFD,
  ]
}
