// MARK: - HTML text and links

/// Escaping for the run's page (`RunIndexPage`): every piece of text from a manifest (region
/// names, file names, messages) goes through `escape`, every link through `link`.
enum HTMLText {
  /// `text` safe inside an element or a quoted attribute: `& < > " '` become entities.
  static func escape(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      default: escaped.append(character)
      }
    }
    return escaped
  }

  /// A relative URL for a relative file path (`overview/A&B #1.pdf` → `overview/A%26B%20%231.pdf`):
  /// each `/`-separated part percent-encoded as UTF-8 bytes, keeping only RFC 3986 unreserved
  /// characters. No `:` survives, so no part can read as a scheme; `#`, `?` and `%` stay part of
  /// the file name. Works from `file://` and from any web server.
  static func link(_ path: String) -> String {
    path.split(separator: "/", omittingEmptySubsequences: false).map { part in
      var encoded = ""
      for byte in part.utf8 {
        if isUnreserved(byte) {
          encoded.unicodeScalars.append(Unicode.Scalar(byte))
        } else {
          encoded += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0x0F, radix: 16, uppercase: true)
        }
      }
      return encoded
    }.joined(separator: "/")
  }

  /// RFC 3986 unreserved: `A–Z a–z 0–9 - . _ ~`.
  private static func isUnreserved(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      true
    case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
      true
    default:
      false
    }
  }
}
