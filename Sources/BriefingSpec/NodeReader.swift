import BriefingCore
import Yams

// MARK: - Strict YAML node reading

/// Reads a Yams node tree into values while collecting findings with file:line:column.
/// Unknown keys are errors with a "did you mean" note; wrong types are errors; absent keys are
/// left to the caller's defaults. Used for layout files and job files alike. Every read is
/// reported to `recording`'s recorder when one runs (`SchemaProbe` builds the JSON Schemas so).
public struct NodeReader {
  // MARK: Properties
  public let file: String
  public private(set) var findings: [Finding] = []

  public init(file: String) { self.file = file }

  // MARK: Parsing

  /// The outcome of parsing YAML text into a node tree.
  public enum Parsed {
    case node(Node)
    /// The text holds no document.
    case empty
    /// One error finding at the syntax error's line and column.
    case syntaxError(Finding)
  }

  /// Parses `yaml` read from `file` (used in the syntax error's location). Scalars keep their
  /// text untyped (Yams' basic resolver): readers convert them themselves, and Yams' default
  /// resolver first compiles a dozen regular expressions (about 9 M instructions per process).
  public static func compose(yaml: String, file: String) -> Parsed {
    do {
      guard let node = try Yams.compose(yaml: yaml, .basic) else { return .empty }
      return .node(node)
    } catch let error as YamlError {
      switch error {
      case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
        .composer(_, let problem, let mark, _):
        let location = SourceLocation(file: file, line: mark.line, column: mark.column)
        return .syntaxError(Finding(.error, .yamlSyntax(problem), at: location))
      default:
        return .syntaxError(Finding(.error, .yamlSyntax("\(error)"), at: SourceLocation(file: file)))
      }
    } catch {
      return .syntaxError(Finding(.error, .yamlSyntax("\(error)"), at: SourceLocation(file: file)))
    }
  }

  // MARK: Locations

  public func location(_ node: Node?) -> SourceLocation {
    guard let mark = node?.mark else { return SourceLocation(file: file) }
    return SourceLocation(file: file, line: mark.line, column: mark.column)
  }

  public mutating func error(_ message: Finding.Message, at node: Node?, notes: [String] = []) {
    findings.append(Finding(.error, message, at: location(node), notes: notes))
  }

  /// An error at a location inside a node (a placeholder within a title).
  public mutating func report(
    _ message: Finding.Message, at location: SourceLocation, notes: [String] = []
  ) {
    findings.append(Finding(.error, message, at: location, notes: notes))
  }

  // MARK: Mappings

  /// The entries of a mapping keyed by their string keys; reports keys not in `allowed`, with a
  /// "did you mean" among them and `unknownKeyNotes(key)` (default: none) as further notes.
  public mutating func mapping(
    _ node: Node, path: String, allowed: [String],
    unknownKeyNotes: (String) -> [String] = { _ in [] }
  ) -> [String: Node] {
    Self.record(.object(path: path, allowed: allowed))
    guard let mapping = node.mapping else {
      error(.wrongType(path: path, expected: "a mapping"), at: node)
      return [:]
    }
    var entries: [String: Node] = [:]
    for (keyNode, valueNode) in mapping {
      let key = keyNode.string ?? ""
      if !allowed.contains(key) {
        let hint = Suggestion.closest(to: key, in: allowed).map { "did you mean '\($0)'?" }
        let notes = (hint.map { [$0] } ?? []) + unknownKeyNotes(key)
        error(.unknownKey(key, path: path), at: keyNode, notes: notes)
        continue
      }
      if entries[key] != nil {
        error(.duplicateKey(key, path: path), at: keyNode)
        continue
      }
      entries[key] = valueNode
    }
    return entries
  }

  // MARK: Scalars

  /// A scalar as text; `null`, `~` and empty plain scalars count as absent.
  public mutating func string(_ node: Node?, path: String) -> String? {
    Self.record(.text(path: path))
    guard let node, !Self.isNull(node) else { return nil }
    guard let text = node.scalar?.string else {
      error(.wrongType(path: path, expected: "text"), at: node)
      return nil
    }
    return text
  }

  public mutating func double(_ node: Node?, path: String, range: ClosedRange<Double>) -> Double? {
    Self.record(.number(path: path, range: range))
    guard let text = string(node, path: path) else { return nil }
    guard let number = Double(text), range.contains(number) else {
      error(.outOfRange(path: path, value: text, range: "\(range)"), at: node)
      return nil
    }
    return number
  }

  public mutating func int(_ node: Node?, path: String, range: ClosedRange<Int>) -> Int? {
    Self.record(.integer(path: path, range: range))
    guard let text = string(node, path: path) else { return nil }
    guard let number = Int(text), range.contains(number) else {
      error(.outOfRange(path: path, value: text, range: "\(range)"), at: node)
      return nil
    }
    return number
  }

  public mutating func bool(_ node: Node?, path: String) -> Bool? {
    Self.record(.boolean(path: path))
    guard let text = string(node, path: path) else { return nil }
    switch text.lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default:
      error(.wrongType(path: path, expected: "true or false"), at: node)
      return nil
    }
  }

  /// True for `null`, `~` and empty plain scalars, which count as absent.
  static func isNull(_ node: Node) -> Bool {
    guard let scalar = node.scalar, scalar.style == .plain else { return false }
    return ["null", "Null", "NULL", "~", ""].contains(scalar.string)
  }

  /// A value of a closed set, with a "did you mean" note for typos.
  public mutating func choice<E: RawRepresentable & CaseIterable>(
    _ node: Node?, path: String, as type: E.Type
  ) -> E? where E.RawValue == String {
    word(node, path: path, in: E.allCases.map(\.rawValue)).flatMap(E.init(rawValue:))
  }

  /// A word of `words` (a list the caller keeps, e.g. a job's output formats), with a "did
  /// you mean" note for typos; recorded like `choice` so the schema lists the words.
  public mutating func word(_ node: Node?, path: String, in words: [String]) -> String? {
    Self.record(.choice(path: path, values: words))
    guard let text = string(node, path: path) else { return nil }
    if words.contains(text) { return text }
    let hint = Suggestion.closest(to: text, in: words).map { "did you mean '\($0)'?" }
    error(.notOneOf(path: path, value: text, allowed: words), at: node, notes: hint.map { [$0] } ?? [])
    return nil
  }

  /// A sequence of nodes; a single scalar is read as a one-element list.
  public mutating func list(_ node: Node?, path: String) -> [Node]? {
    Self.record(.list(path: path))
    guard let node else { return nil }
    if let sequence = node.sequence { return Array(sequence) }
    if node.scalar != nil { return [node] }
    error(.wrongType(path: path, expected: "a list"), at: node)
    return nil
  }
}

// MARK: - Messages

extension Finding.Message {
  static func unknownKey(_ key: String, path: String) -> Self {
    Self(code: "unknown-key", text: "unknown key '\(key)' in \(path)")
  }
  static func duplicateKey(_ key: String, path: String) -> Self {
    Self(code: "duplicate-key", text: "key '\(key)' appears twice in \(path)")
  }
  static func wrongType(path: String, expected: String) -> Self {
    Self(code: "wrong-type", text: "\(path) must be \(expected)")
  }
  static func outOfRange(path: String, value: String, range: String) -> Self {
    Self(code: "out-of-range", text: "\(path) is '\(value)', expected a number in \(range)")
  }
  static func notOneOf(path: String, value: String, allowed: [String]) -> Self {
    Self(
      code: "unknown-value",
      text: "\(path) is '\(value)', expected one of: \(allowed.joined(separator: ", "))")
  }
}
