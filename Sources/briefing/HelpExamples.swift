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
}
