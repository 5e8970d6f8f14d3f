import BriefingCore

// MARK: - Finding a file's shape from its loader

/// Finds what a strict YAML loader accepts by running it over probe documents and recording
/// what it reads (`NodeReader.recording`): the keys each mapping allows, the type, range or
/// word list each value is read as, which keys a missing-key error names, and, for a mapping
/// whose allowed keys depend on one key's value (a component's `kind`), each value's keys. So
/// the JSON Schemas come from the same code that reads the files: a key added to a loader is in
/// the schema without anyone listing it.
///
/// How: start from an empty document; a key that nothing reads when absent is probed with an
/// empty mapping (a list read then gets a list of one empty mapping); each word of a key read
/// as one of a set is tried, merging what other keys are read as under each (a scoring item's
/// `basis` under each `rule`, an intake map's table keys under `shape: table`).
public struct SchemaProbe {
  /// Runs the loader over YAML text and returns its findings.
  public let load: (String) -> [Finding]

  public init(load: @escaping (String) -> [Finding]) {
    self.load = load
  }

  /// The shape of a whole file.
  public func shape() -> SchemaShape {
    explore([], in: .emptyMapping, depth: 0)
  }

  // MARK: - Runs

  struct Run {
    var events: [ReadEvent]
    var findings: [Finding]

    /// The keys the mapping at `path` allows, if the loader read one there (the first mapping
    /// read is the file's root; a component's path carries its kind: `… (rankedBar)`).
    func allowed(at path: [ProbeValue.Step]) -> [String]? {
      let name = path.findingPath
      for case .object(let eventPath, let allowed) in events {
        if path.isEmpty || Self.withoutNote(eventPath) == name { return allowed }
      }
      return nil
    }

    /// The most specific scalar read at `path`.
    func leaf(at path: String) -> SchemaShape? {
      var best: SchemaShape?
      for event in events where event.path == path {
        let shape: SchemaShape
        switch event {
        case .text: shape = .text
        case .integer(_, let range): shape = .integer(range)
        case .number(_, let range): shape = .number(range)
        case .boolean: shape = .boolean
        case .choice(_, let values): shape = .choice(values)
        case .object, .list: continue
        }
        if let current = best, current.specificity >= shape.specificity { continue }
        best = shape
      }
      return best
    }

    func readsList(at path: String) -> Bool {
      events.contains { if case .list(path) = $0 { true } else { false } }
    }

    /// Reads at `path` or below it.
    func count(under path: String) -> Int {
      events.filter { path.isEmpty || $0.path == path || $0.path.hasPrefix(path + ".") || $0.path.hasPrefix(path + "[") }
        .count
    }

    /// `sections[0].components[1] (rankedBar)` → `sections[0].components[1]`.
    static func withoutNote(_ path: String) -> String {
      guard path.hasSuffix(")"), let open = path.range(of: " (", options: .backwards) else { return path }
      return String(path[..<open.lowerBound])
    }
  }

  func run(_ document: ProbeValue) -> Run {
    let (findings, events) = NodeReader.recording { load(document.json) }
    return Run(events: events, findings: findings)
  }

  // MARK: - Exploring

  /// Deeper than any file Briefing reads; stops a loader that reads ever deeper.
  private static let maxDepth = 12
  /// A key read as one of more words than this is not tried word by word.
  private static let maxWordsTried = 40

  private func explore(_ path: [ProbeValue.Step], in document: ProbeValue, depth: Int) -> SchemaShape {
    let run = run(document)
    if depth < Self.maxDepth, let allowed = run.allowed(at: path) {
      return objectShape(path, in: document, allowed: allowed, depth: depth)
    }
    return valueShape(path, in: document, run: run, depth: depth)
  }

  /// A value that is not a mapping the loader checks keys of: a list, a scalar, or a mapping
  /// read some other way.
  private func valueShape(_ path: [ProbeValue.Step], in document: ProbeValue, run: Run, depth: Int) -> SchemaShape {
    let name = path.findingPath
    if run.readsList(at: name), depth < Self.maxDepth {
      let listed = document.setting(.list([.emptyMapping]), at: path[...])
      let element = explore(path + [.first], in: listed, depth: depth + 1)
      // A list whose elements are read at the list's own path (`headings: [indicator, measure]`).
      if element == .freeMapping, let leaf = self.run(listed).leaf(at: name) { return .list(leaf) }
      return .list(element)
    }
    if let leaf = run.leaf(at: name) { return leaf }
    if document.value(at: path[...]) == nil, depth < Self.maxDepth {
      let probed = document.setting(.emptyMapping, at: path[...])
      let probedRun = self.run(probed)
      if probedRun.allowed(at: path) != nil || probedRun.readsList(at: name) || probedRun.leaf(at: name) != nil {
        return explore(path, in: probed, depth: depth + 1)
      }
    }
    return .freeMapping
  }

  /// A mapping with allowed keys: one object, or one per value of the key that decides them.
  private func objectShape(
    _ path: [ProbeValue.Step], in document: ProbeValue, allowed: [String], depth: Int
  ) -> SchemaShape {
    let base = run(document)
    for key in allowed {
      guard case .choice(let words) = base.leaf(at: (path + [.key(key)]).findingPath),
        words.count <= Self.maxWordsTried
      else { continue }
      var allowedByWord: [String: [String]] = [:]
      for word in words {
        allowedByWord[word] = run(document.setting(.scalar(word), at: (path + [.key(key)])[...])).allowed(at: path)
      }
      guard Set(allowedByWord.values).count > 1 else { continue }
      var variants: [String: SchemaObject] = [:]
      for word in words {
        let fixed = document.setting(.scalar(word), at: (path + [.key(key)])[...])
        variants[word] = objectBody(
          path, in: fixed, allowed: allowedByWord[word] ?? [], fixed: (key, word), depth: depth)
      }
      return .variants(key: key, variants, order: words)
    }
    return .object(objectBody(path, in: document, allowed: allowed, fixed: nil, depth: depth))
  }

  /// The keys of a mapping and their shapes; `fixed` is the deciding key and its word, if any.
  private func objectBody(
    _ path: [ProbeValue.Step], in document: ProbeValue, allowed: [String], fixed: (key: String, word: String)?,
    depth: Int
  ) -> SchemaObject {
    let base = run(document)
    func child(_ key: String) -> [ProbeValue.Step] { path + [.key(key)] }
    var leaves: [String: SchemaShape] = [:]
    var lists: Set<String> = []
    func collect(_ run: Run) {
      for key in allowed {
        if let leaf = run.leaf(at: child(key).findingPath) { leaves[key] = leaves[key]?.merged(with: leaf) ?? leaf }
        if run.readsList(at: child(key).findingPath) { lists.insert(key) }
      }
    }
    collect(base)
    // Each word of each key read as a word: what the other keys are read as under it.
    var tried: [(document: ProbeValue, reads: Int)] = [(document, base.count(under: path.findingPath))]
    for key in allowed where key != fixed?.key {
      guard case .choice(let words) = base.leaf(at: child(key).findingPath), words.count <= Self.maxWordsTried
      else { continue }
      for word in words {
        let document = document.setting(.scalar(word), at: child(key)[...])
        let run = run(document)
        collect(run)
        tried.append((document, run.count(under: path.findingPath)))
      }
    }
    // Nested values are explored under the word that makes the loader read most (an intake
    // map's `shape: table`), each whole-number key at its largest value if that reads as much
    // (a section's `columns: 4`, so a component's `span` goes up to 4), then under the others.
    tried.sort { $0.reads > $1.reads }
    for key in allowed where key != fixed?.key {
      guard case .integer(let range) = leaves[key] ?? .text, range.upperBound != Int.max else { continue }
      let widest = tried[0].document.setting(.scalar(String(range.upperBound)), at: child(key)[...])
      let reads = run(widest).count(under: path.findingPath)
      if reads >= tried[0].reads { tried[0] = (widest, reads) }
    }
    let keys = allowed.map { key -> (name: String, shape: SchemaShape) in
      if let fixed, key == fixed.key { return (key, .choice([fixed.word])) }
      if !lists.contains(key), let leaf = leaves[key] {
        return (key, mappingInstead(of: leaf, at: child(key), in: document, depth: depth) ?? leaf)
      }
      for candidate in tried {
        let shape = explore(child(key), in: candidate.document, depth: depth + 1)
        if shape != .freeMapping { return (key, shape) }
      }
      return (key, .freeMapping)
    }
    let required = allowed.filter { key in
      base.findings.contains { finding in
        finding.message.code.hasPrefix("missing")
          && (finding.message.text.contains("'\(key)'") || finding.message.text.hasSuffix(" \(key)"))
      }
    }
    return SchemaObject(keys: keys, required: required)
  }

  /// A key read as a scalar that the loader also reads as a mapping of its own keys when given
  /// one (a job's `data`: a path, or a database): both shapes; nil when a mapping is not read so.
  private func mappingInstead(
    of leaf: SchemaShape, at path: [ProbeValue.Step], in document: ProbeValue, depth: Int
  ) -> SchemaShape? {
    guard depth < Self.maxDepth else { return nil }
    let probed = document.setting(.emptyMapping, at: path[...])
    guard run(probed).allowed(at: path) != nil else { return nil }
    return .either([leaf, explore(path, in: probed, depth: depth + 1)])
  }
}
