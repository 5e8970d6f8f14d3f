// MARK: - Examples in --help and the man page

/// The examples closing a command's `discussion` (shown by `--help` and in the man page), as
/// `EXAMPLES:` and one command each (a longer one continued on the next line after ` \`).
/// Each runs as written in a checkout (against `Samples/`); `HelpExampleTests` runs every one.
/// Keep a line within 76 characters: `--help` wraps longer lines at 80 columns, and a wrapped
/// command no longer pastes.
enum HelpExamples {
  /// `text` (if any), a blank line, then `EXAMPLES:` and `examples` indented by two spaces.
  static func discussion(_ text: String = "", examples: String...) -> String {
    let block = "EXAMPLES:\n" + examples.map { "  " + $0.replacingOccurrences(of: "\n", with: "\n  ") }.joined(separator: "\n")
    return text.isEmpty ? block : text + "\n\n" + block
  }

  /// `help` (ArgumentParser's `--help` text) with the `EXAMPLES:` block that `discussion` put in
  /// the overview moved to the end, after the options, where readers look for it (ArgumentParser
  /// has no place after the options; the man page keeps them in its description). nil when
  /// `help` has no such block.
  static func examplesLast(_ help: String) -> String? {
    guard let start = help.range(of: "EXAMPLES:\n") else { return nil }
    let end = help.range(of: "\n\n", range: start.upperBound..<help.endIndex)?.lowerBound ?? help.endIndex
    let block = help[start.lowerBound..<end]
    var rest = help
    rest.removeSubrange(start.lowerBound..<(end < help.endIndex ? help.index(end, offsetBy: 2) : end))
    return rest.trimmingTrailingNewlines() + "\n\n" + block
  }
}

extension String {
  fileprivate func trimmingTrailingNewlines() -> String {
    var copy = self
    while copy.hasSuffix("\n") { copy.removeLast() }
    return copy
  }
}
