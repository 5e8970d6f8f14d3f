import BriefingCore
import Yams

// MARK: - Title placeholders

/// The layout title's `{placeholders}`: which ones a scope knows, where a template uses them,
/// and how they are filled. A placeholder the scope does not know is an error at its own
/// line:column (with a did-you-mean), never printed as typed; text outside the layout title
/// (section and component titles, footer) is not a template, so a placeholder there is an error.
public enum TitleTemplate {
  /// The names a title can use.
  public enum Placeholder: String, CaseIterable, Hashable, Sendable {
    /// The focus region's name (region and charts scopes).
    case region
    /// The full period title: 2024年上半年, 2019年, H1 2024, 2019.
    case period
    /// The period's year alone: 2024. For 「{year}年」.
    case year
    /// The peer group's name (泸州市).
    case group
    /// The chart's indicator (charts scope only: one chart per indicator).
    case indicator
  }

  /// Placeholders a layout of `scope` fills.
  public static func placeholders(for scope: LayoutDocument.Scope) -> [Placeholder] {
    switch scope {
    case .region: [.region, .period, .year, .group]
    case .group: [.period, .year, .group]
    case .charts: [.region, .period, .year, .group, .indicator]
    }
  }

  /// Every `{name}` in `text` (name: ASCII letters, digits, `_`), with its offset in characters.
  public static func occurrences(in text: String) -> [(name: String, offset: Int)] {
    let characters = Array(text)
    var found: [(String, Int)] = []
    var index = 0
    while index < characters.count {
      guard characters[index] == "{" else {
        index += 1
        continue
      }
      var end = index + 1
      while end < characters.count, characters[end].isASCII,
        characters[end].isLetter || characters[end].isNumber || characters[end] == "_"
      {
        end += 1
      }
      if end > index + 1, end < characters.count, characters[end] == "}" {
        found.append((String(characters[index + 1..<end]), index))
        index = end + 1
      } else {
        index += 1
      }
    }
    return found
  }

  /// Fills `template` with `values`. `{period}` is the full period title; a 年 written right
  /// after `{period}` is dropped when the title already ends in 年, so 「{period}年」 prints
  /// 「2019年」, never 「2019年年」 (write 「{year}年」 for the year alone). Placeholders without a
  /// value are left as written (the loader has rejected them).
  public static func expand(_ template: String, values: [Placeholder: String]) -> String {
    let characters = Array(template)
    var out = ""
    var copied = 0
    var skipNian = false
    for (name, offset) in occurrences(in: template) {
      guard let placeholder = Placeholder(rawValue: name), let value = values[placeholder] else {
        continue
      }
      var start = copied
      if skipNian, start < offset, characters[start] == "年" { start += 1 }
      skipNian = false
      if start < offset { out += String(characters[start..<offset]) }
      out += value
      copied = offset + name.count + 2
      skipNian = placeholder == .period && value.hasSuffix("年")
    }
    if skipNian, copied < characters.count, characters[copied] == "年" { copied += 1 }
    if copied < characters.count { out += String(characters[copied...]) }
    return out
  }

  // MARK: - Checking

  /// Reports placeholders of the layout title that `scope` does not fill.
  static func check(
    _ title: String, node: Node?, scope: LayoutDocument.Scope, reader: inout NodeReader
  ) {
    let known = placeholders(for: scope)
    for (name, offset) in occurrences(in: title) {
      if let placeholder = Placeholder(rawValue: name), known.contains(placeholder) { continue }
      let location = location(of: offset, in: node, reader: reader)
      if let placeholder = Placeholder(rawValue: name) {
        let why =
          placeholder == .indicator
          ? "it is filled only in charts layouts (one chart per indicator)"
          : "a \(scope.rawValue) layout has no focus region"
        reader.report(.placeholderOutOfScope(name, scope: scope, why: why), at: location)
      } else {
        let names = known.map { "{\($0.rawValue)}" }
        let hint = Suggestion.closest(to: "{\(name)}", in: names).map { "did you mean '\($0)'?" }
        reader.report(
          .unknownPlaceholder(name, known: names), at: location, notes: hint.map { [$0] } ?? [])
      }
    }
  }

  /// Reports any `{name}` in text that is not a template (section and component titles, footer).
  static func checkNoPlaceholders(
    _ text: String?, node: Node?, path: String, reader: inout NodeReader
  ) {
    guard let text else { return }
    for (name, offset) in occurrences(in: text) {
      reader.report(
        .placeholderNotReplaced(name, path: path),
        at: location(of: offset, in: node, reader: reader))
    }
  }

  /// The line:column of the character at `offset` in a one-line scalar (plain or quoted); the
  /// scalar's own location for block scalars and text with escapes before the offset.
  private static func location(of offset: Int, in node: Node?, reader: NodeReader)
    -> SourceLocation
  {
    let base = reader.location(node)
    guard let scalar = node?.scalar, let line = base.line, let column = base.column else {
      return base
    }
    switch scalar.style {
    case .plain: return SourceLocation(file: base.file, line: line, column: column + offset)
    case .singleQuoted, .doubleQuoted:
      let before = scalar.string.prefix(offset)
      guard !before.contains("\\"), !before.contains("'"), !before.contains("\n") else { return base }
      return SourceLocation(file: base.file, line: line, column: column + 1 + offset)
    default: return base
    }
  }
}

// MARK: - Messages

extension Finding.Message {
  static func unknownPlaceholder(_ name: String, known: [String]) -> Self {
    Self(
      code: "unknown-placeholder",
      text: "unknown placeholder '{\(name)}' in the title; the title knows: "
        + known.joined(separator: ", "))
  }
  static func placeholderOutOfScope(_ name: String, scope: LayoutDocument.Scope, why: String)
    -> Self
  {
    Self(
      code: "unknown-placeholder",
      text: "placeholder '{\(name)}' has no value in a \(scope.rawValue) layout: \(why)")
  }
  static func placeholderNotReplaced(_ name: String, path: String) -> Self {
    Self(
      code: "placeholder-not-replaced",
      text: "'{\(name)}' in \(path) would be printed as typed: placeholders are replaced only "
        + "in the layout's top-level title")
  }
}
