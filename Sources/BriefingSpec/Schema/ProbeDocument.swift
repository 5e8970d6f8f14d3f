import BriefingCore

// MARK: - Documents fed to a loader to see what it reads

/// A small YAML document built up by `SchemaProbe`: mappings, lists and text scalars, written as
/// JSON (which YAML reads).
indirect enum ProbeValue: Hashable {
  case mapping([(key: String, value: ProbeValue)])
  case list([ProbeValue])
  case scalar(String)

  static let emptyMapping = ProbeValue.mapping([])

  static func == (lhs: ProbeValue, rhs: ProbeValue) -> Bool { lhs.json == rhs.json }
  func hash(into hasher: inout Hasher) { hasher.combine(json) }

  /// The document as JSON text.
  var json: String {
    switch self {
    case .scalar(let text): TextEscaping.jsonQuoted(text)
    case .list(let items): "[" + items.map(\.json).joined(separator: ", ") + "]"
    case .mapping(let entries):
      "{" + entries.map { TextEscaping.jsonQuoted($0.key) + ": " + $0.value.json }.joined(separator: ", ") + "}"
    }
  }

  // MARK: Paths

  /// One step into a document: a mapping key, or the first list element.
  enum Step: Hashable {
    case key(String)
    case first
  }

  /// The value at `path`, nil when absent.
  func value(at path: ArraySlice<Step>) -> ProbeValue? {
    guard let step = path.first else { return self }
    switch (self, step) {
    case (.mapping(let entries), .key(let key)):
      return entries.first { $0.key == key }?.value.value(at: path.dropFirst())
    case (.list(let items), .first):
      return items.first?.value(at: path.dropFirst())
    default:
      return nil
    }
  }

  /// This document with `value` at `path` (nil removes it), creating mappings and lists on the way.
  func setting(_ value: ProbeValue?, at path: ArraySlice<Step>) -> ProbeValue {
    guard let step = path.first else { return value ?? .emptyMapping }
    switch step {
    case .key(let key):
      var entries: [(key: String, value: ProbeValue)] = if case .mapping(let existing) = self { existing } else { [] }
      let index = entries.firstIndex { $0.key == key }
      let child = index.map { entries[$0].value } ?? .emptyMapping
      if path.count == 1, value == nil {
        if let index { entries.remove(at: index) }
      } else if let index {
        entries[index].value = child.setting(value, at: path.dropFirst())
      } else {
        entries.append((key, child.setting(value, at: path.dropFirst())))
      }
      return .mapping(entries)
    case .first:
      var items: [ProbeValue] = if case .list(let existing) = self { existing } else { [] }
      let child = items.first ?? .emptyMapping
      let updated = child.setting(value, at: path.dropFirst())
      if items.isEmpty { items.append(updated) } else { items[0] = updated }
      return .list(items)
    }
  }
}

extension Array where Element == ProbeValue.Step {
  /// The path as the loaders name it in findings: `sections[0].components[0].metric`.
  var findingPath: String {
    var text = ""
    for step in self {
      switch step {
      case .key(let key): text += (text.isEmpty ? "" : ".") + key
      case .first: text += "[0]"
      }
    }
    return text
  }
}
