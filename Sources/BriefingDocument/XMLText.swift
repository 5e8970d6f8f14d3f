import BriefingCore
import BriefingScene

// MARK: - XML text

enum XMLText {
  /// `text` escaped for XML content and attribute values; characters XML 1.0 cannot hold
  /// (C0 controls other than tab, newline and return) are dropped.
  static func escaped(_ text: String) -> String {
    TextEscaping.xmlEscaped(text)
  }

  /// `RRGGBB`, as WordprocessingML writes colours.
  static func hex(_ color: Color) -> String {
    String(color.description.dropFirst().prefix(6)).uppercased()
  }

  /// Points as twentieths of a point (twips), rounded.
  static func twips(_ points: Double) -> Int { Int((points * 20).rounded()) }

  /// Points as half-points (`w:sz`), rounded.
  static func halfPoints(_ points: Double) -> Int { Int((points * 2).rounded()) }

  /// Points as English Metric Units (12 700 per point), rounded.
  static func emu(_ points: Double) -> Int { Int((points * 12_700).rounded()) }

  static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
}
