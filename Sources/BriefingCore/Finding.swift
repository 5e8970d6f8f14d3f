// MARK: - Findings

/// A diagnostic produced by any phase. Diagnostics are values: phases return them, the CLI prints
/// them and maps the worst severity to an exit code (errors ⇒ 65, `EX_DATAERR`).
public struct Finding: Hashable, Sendable, Codable, CustomStringConvertible {
  /// How bad a finding is. `error` stops the run before any output is written.
  public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case notice, warning, error
    private var order: Int {
      switch self {
      case .notice: 0
      case .warning: 1
      case .error: 2
      }
    }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }
  }

  /// A stable machine code (`duplicate-key`, `unknown-region`, …) plus the human sentence.
  /// Emitting files declare their messages as `static func` members in an extension.
  public struct Message: Hashable, Sendable, Codable {
    public var code: String
    public var text: String
    public init(code: String, text: String) {
      self.code = code
      self.text = text
    }
  }

  public var severity: Severity
  public var message: Message
  public var location: SourceLocation?
  /// Extra lines shown under the message (e.g. "did you mean …", the other duplicate's line).
  public var notes: [String]

  public init(
    _ severity: Severity, _ message: Message, at location: SourceLocation? = nil,
    notes: [String] = []
  ) {
    self.severity = severity
    self.message = message
    self.location = location
    self.notes = notes
  }

  /// One line: `file:line:col: error: text [code]`.
  public var description: String {
    let place = location.map { "\($0): " } ?? ""
    let extra = notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")"
    return "\(place)\(severity.rawValue): \(message.text)\(extra) [\(message.code)]"
  }
}

extension Array where Element == Finding {
  /// True when any finding is an error.
  public var hasErrors: Bool { contains { $0.severity == .error } }
}
