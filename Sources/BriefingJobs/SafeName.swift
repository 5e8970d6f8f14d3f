import BriefingCore

// MARK: - Safe file names

/// The one naming function of every file Briefing writes (`render`, chart sets, `run`): turns
/// region ids, indicator ids, layout names and period codes into single path components that
/// are safe on Linux and on SMB/NFS shares: no `/` or `\`, no `..`, no control characters, no
/// leading dot, no trailing dot or space, each of `:*?"<>|` replaced by `_`, at most `maxBytes`
/// UTF-8 bytes *including* the extension. Letters of any script (Chinese included) are kept.
///
/// A name cut to fit ends in `~` and 8 hex digits of the SHA-256 of the whole raw text, so two
/// long ids that share their first 100 bytes still get two names. Ids that differ only in
/// replaced characters (`va:agri`, `va_agri`) get one name: `collision(among:)` finds them, and
/// the callers make that an error naming both, never an overwrite.
public enum SafeName {
  /// Bytes of one file or folder name, extension included. Default 120: below every file
  /// system's 255, with room for the temporary names and SMB paths.
  public static let maxBytes = 120

  /// `raw` as one safe path component of at most `maxBytes` UTF-8 bytes.
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
    guard text.utf8.count > maxBytes else { return text.isEmpty ? "_" : text }
    // Cut on character boundaries, then mark the cut with a digest of the whole raw text.
    let mark = "~" + SHA256.hex(Array(raw.utf8)).prefix(8)
    var capped = ""
    for character in text {
      if capped.utf8.count + character.utf8.count + mark.utf8.count > maxBytes { break }
      capped.append(character)
    }
    while let last = capped.last, last == " " || last == "." { capped.removeLast() }
    return capped + mark
  }

  /// A file name: `stem` made safe with room for `.extension`, so the whole name fits in
  /// `maxBytes` bytes (`SafeName.file("报告", extension: "pdf")` is `报告.pdf`).
  public static func file(_ stem: String, extension suffix: String) -> String {
    component(stem, maxBytes: maxBytes - 1 - suffix.utf8.count) + "." + suffix
  }

  /// `relative` (a safe relative path such as a run's output name `layout/region-period`) with
  /// `.extension` added to its last component, which is shortened when the whole would not fit.
  public static func appendingExtension(_ suffix: String, to relative: String) -> String {
    var parts = relative.split(separator: "/").map(String.init)
    parts.append(file(parts.popLast() ?? "", extension: suffix))
    return parts.joined(separator: "/")
  }

  /// The first two ids (in order) that get the same name from `name`, compared ignoring case
  /// (SMB shares and macOS clients fold case), with that name; nil when all names differ.
  public static func collision(among ids: [String], name: (String) -> String) -> (first: String, second: String, name: String)? {
    var seen: [String: String] = [:]
    for id in ids {
      let safe = name(id)
      if let first = seen[safe.lowercased()], first != id { return (first, id, safe) }
      seen[safe.lowercased()] = id
    }
    return nil
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

extension Finding.Message {
  /// Two ids from the data that would be written under one file name.
  public static func sameFileName(_ name: String, first: String, second: String) -> Self {
    Self(
      code: "name-collision",
      text: "'\(first)' and '\(second)' both get the file name '\(name)'; rename one of them in the data")
  }
}
