// MARK: - Escaping text for JSON and XML

/// One place for the escaping every writer needs (analyze's JSON, the JSON Schemas, the XLSX
/// worksheet, the Word document).
public enum TextEscaping {
  /// `text` as a JSON string literal, quotes included: `"` `\` escaped, newline, return and tab
  /// as `\n` `\r` `\t`, other C0 controls as `\u00XX`.
  public static func jsonQuoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// `text` escaped for XML content and attribute values; characters XML 1.0 cannot hold (C0
  /// controls other than tab, newline and return; U+FFFE, U+FFFF) are dropped rather than
  /// written into a broken file.
  public static func xmlEscaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
