// MARK: - Control characters

/// Control characters: C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F). None of them is
/// drawn by a font; ESC and CSI (U+009B) start terminal escape sequences. Input names that hold
/// one are refused at load; text that is echoed to a terminal or a log escapes them.
public enum ControlCharacters {
  /// True for C0, DEL and C1 control characters (tab, line feed and carriage return included).
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// A control character that a table cell must not hold: every one but tab, line feed and
  /// carriage return (a spreadsheet cell wrapped onto two lines, a quoted CSV field over lines).
  public static func isForeignToCells(_ scalar: Unicode.Scalar) -> Bool {
    isControl(scalar) && scalar != "\t" && scalar != "\n" && scalar != "\r"
  }

  /// The first character of `text` that `isForeignToCells`; nil when none. Scans the UTF-8
  /// bytes first (a byte below 0x20, 0x7F, or 0xC2, the lead byte of U+0080–U+00BF), so
  /// ordinary text costs one pass over its bytes.
  public static func firstForeignToCells(in text: String) -> Unicode.Scalar? {
    guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return nil }
    return text.unicodeScalars.first(where: isForeignToCells)
  }

  /// `text` with every control character written as an escape: `\n`, `\r`, `\t`, else `\u001B`
  /// (the form JSON and Go's `strconv.Unquote` read back). Other characters are kept as they are.
  public static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if let escape = escape(scalar) { out += escape } else { out.unicodeScalars.append(scalar) }
    }
    return out
  }

  /// The escape of one control character (`\n`, `\r`, `\t`, `\u001B`); nil for any other.
  public static func escape(_ scalar: Unicode.Scalar) -> String? {
    switch scalar {
    case "\n": return "\\n"
    case "\r": return "\\r"
    case "\t": return "\\t"
    case _ where isControl(scalar):
      let hex = String(scalar.value, radix: 16, uppercase: true)
      return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    default: return nil
    }
  }
}
