// MARK: - Safe file names

/// Turns region ids, layout names and period codes into single path components that are safe
/// on Linux and on SMB/NFS shares: no `/` or `\`, no `..`, no control characters, no leading
/// dot, no characters Windows clients refuse (`:*?"<>|`), length capped in UTF-8 bytes.
/// Letters of any script (Chinese included) are kept.
public enum SafeName {
  public static let maxBytes = 120

  public static func component(_ raw: String, maxBytes: Int = SafeName.maxBytes) -> String {
    var text = ""
    for scalar in raw.unicodeScalars {
      switch scalar.properties.generalCategory {
      case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
        continue
      default: break
      }
      switch scalar {
      case "/", "\\", ":", "*", "?", "\"", "<", ">", "|": text.append("_")
      default: text.unicodeScalars.append(scalar)
      }
    }
    // Collapse dot runs so no component can contain "..", then drop leading dots and spaces.
    while text.contains("..") { text = text.replacingOccurrences(of: "..", with: ".") }
    while let first = text.first, first == "." || first == " " { text.removeFirst() }
    while let last = text.last, last == " " || last == "." { text.removeLast() }
    // Cap by bytes on character boundaries.
    if text.utf8.count > maxBytes {
      var capped = ""
      for character in text {
        if capped.utf8.count + String(character).utf8.count > maxBytes { break }
        capped.append(character)
      }
      text = capped
    }
    return text.isEmpty ? "_" : text
  }

  /// True when a relative path (`a/b.pdf`) consists only of components that are already safe.
  public static func isSafeRelativePath(_ path: String) -> Bool {
    guard !path.isEmpty, !path.hasPrefix("/") else { return false }
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    return parts.allSatisfy { !$0.isEmpty && component(String($0)) == String($0) }
  }

  /// Expands an output name pattern; every substituted value and every literal component is made
  /// safe, so the result is a relative path that cannot leave the output folder.
  public static func expand(_ pattern: String, layout: String, region: String?, period: String) -> String {
    pattern.split(separator: "/", omittingEmptySubsequences: true).map { part -> String in
      let filled = String(part)
        .replacingOccurrences(of: "{layout}", with: component(layout))
        .replacingOccurrences(of: "{region}", with: component(region ?? "all"))
        .replacingOccurrences(of: "{period}", with: component(period))
      return component(filled)
    }.joined(separator: "/")
  }
}
