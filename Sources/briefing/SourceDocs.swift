import Foundation

// MARK: - `///` documentation from Swift sources

/// The `///` comments of the types and members in a folder of Swift sources, so the JSON
/// Schemas carry the same documentation as the code (`briefing schema --from-sources`).
/// A light reader, not a Swift parser: a `///` block belongs to the declaration on the next
/// line (`struct`/`enum`/`extension` name, or the first name of a `var`/`let`/`case`), and the
/// enclosing types are tracked by braces. Rows of a Markdown table in a type's comment whose
/// first cell is a backquoted key (`| \`retention\` | no | 12 | run folders kept |`) document
/// that key: its last cell, and a `default` column when the table has one.
struct SourceDocs {
  /// Documentation by type (dotted for nested types: `JobFile.Schedule`), then member name;
  /// the type's own comment under "".
  private(set) var docs: [String: [String: String]] = [:]

  init(folder: String) throws {
    let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String }
      .filter { $0.hasSuffix(".swift") }.sorted() ?? []
    for file in files {
      read(try String(contentsOfFile: folder + "/" + file, encoding: .utf8))
    }
  }

  /// The comment of `member` of `type` (nil: the type's own), else its table row.
  func doc(_ type: String, _ member: String?) -> String? {
    docs[type]?[member ?? ""]
  }

  // MARK: - Reading

  private mutating func read(_ text: String) {
    var comment: [String] = []
    var stack: [(name: String, depth: Int)] = []
    var depth = 0
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("///") {
        comment.append(String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces))
        continue
      }
      let owner = stack.map(\.name).joined(separator: ".")
      if let (kind, name) = Self.declaration(line) {
        if ["struct", "enum", "extension", "class", "protocol"].contains(kind) {
          let full = kind == "extension" ? name : (owner.isEmpty ? name : owner + "." + name)
          if !comment.isEmpty { note(full, "", comment) }
          if line.contains("{") { stack.append((full, depth)) }
        } else if !owner.isEmpty, !comment.isEmpty {
          note(owner, name, comment)
        }
      }
      if !line.hasPrefix("//") {
        depth += line.filter { $0 == "{" }.count - line.filter { $0 == "}" }.count
        while let last = stack.last, depth <= last.depth { stack.removeLast() }
      }
      if !line.hasPrefix("@") { comment = [] }
    }
  }

  private mutating func note(_ type: String, _ member: String, _ lines: [String]) {
    if docs[type]?[member] == nil { docs[type, default: [:]][member] = Self.prose(lines) }
    guard member.isEmpty else { return }
    for (key, text) in Self.tableRows(lines) where docs[type]?[key] == nil {
      docs[type, default: [:]][key] = text
    }
  }

  /// The comment's text before any table or code block, as one paragraph per blank line.
  private static func prose(_ lines: [String]) -> String {
    var kept: [String] = []
    for line in lines {
      if line.hasPrefix("|") || line.hasPrefix("```") { break }
      kept.append(line)
    }
    return kept.split(separator: "").map { $0.joined(separator: " ") }.joined(separator: "\n\n")
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// `key → meaning` from `| \`key\` | … | meaning |` rows, with the `default` column added.
  private static func tableRows(_ lines: [String]) -> [(String, String)] {
    let rows = lines.filter { $0.hasPrefix("|") }.map {
      $0.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
        .map { $0.trimmingCharacters(in: .whitespaces) }
    }
    guard let header = rows.first else { return [] }
    let defaultColumn = header.firstIndex { $0.lowercased() == "default" }
    return rows.dropFirst().compactMap { cells in
      guard let first = cells.first, first.hasPrefix("`"), first.hasSuffix("`"), first.count > 2, let meaning = cells.last
      else { return nil }
      var text = meaning
      if let defaultColumn, defaultColumn < cells.count - 1, !["—", "-", ""].contains(cells[defaultColumn]) {
        text += (text.hasSuffix(".") ? " " : ". ") + "Default: " + cells[defaultColumn] + "."
      }
      return (String(first.dropFirst().dropLast()), text)
    }
  }

  /// `public static var name: T` → ("var", "name"); `public struct X: P {` → ("struct", "X").
  private static func declaration(_ line: String) -> (String, String)? {
    let words = line.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ":" || $0 == "<" || $0 == "," || $0 == "=" })
      .map(String.init)
    let modifiers: Set = [
      "public", "private", "fileprivate", "internal", "static", "final", "indirect", "mutating", "nonisolated",
      "package", "lazy", "private(set)", "public(set)",
    ]
    guard let index = words.firstIndex(where: { !modifiers.contains($0) }), index + 1 < words.count else { return nil }
    let kind = words[index]
    guard ["struct", "enum", "extension", "class", "protocol", "var", "let", "case"].contains(kind) else { return nil }
    let name = words[index + 1].trimmingCharacters(in: CharacterSet(charactersIn: "`{"))
    return name.isEmpty ? nil : (kind, name)
  }
}
