import BriefingCore
import Yams

// MARK: - Loading scoring files

/// Turns scoring-file YAML into a `ScoringScheme` plus findings, as strictly as layouts:
/// unknown keys, wrong types, keys that do not apply to an item's rule and duplicate ids are
/// errors at file:line:column (with "did you mean" for typos). Pure: the caller reads the file.
/// `scheme` is nil when any error was found. Every key is documented in README.md.
public enum ScoringLoader {
  public struct Result: Sendable {
    public var scheme: ScoringScheme?
    public var findings: [Finding]
  }

  /// The newest scoring-file version this build reads.
  public static let supportedVersion = 1
  /// Completion cap when an item gives none, %.
  public static let defaultCapPct = 120.0

  static let topKeys = ["version", "name", "group", "decimals", "missing", "factors", "vetoes"]
  static let factorKeys = ["id", "name", "items"]
  static let itemKeys = ["id", "indicator", "weight", "rule", "basis", "step", "cap", "polarity"]
  static let vetoKeys = ["indicator", "max", "min", "effect", "cap"]

  /// Parses `yaml` read from `file` (used in locations and as the default `name`).
  public static func load(yaml: String, file: String) -> Result {
    var reader = NodeReader(file: file)
    switch NodeReader.compose(yaml: yaml, file: file) {
    case .syntaxError(let finding):
      return Result(scheme: nil, findings: [finding])
    case .empty:
      reader.error(.emptyScoring, at: nil)
      return Result(scheme: nil, findings: reader.findings)
    case .node(let root):
      let scheme = readScheme(root, defaultName: LayoutLoader.baseName(file), reader: &reader)
      let findings = reader.findings
      return Result(scheme: findings.hasErrors ? nil : scheme, findings: findings)
    }
  }

  // MARK: - Scheme

  private static func readScheme(_ root: Node, defaultName: String, reader: inout NodeReader)
    -> ScoringScheme
  {
    let top = reader.mapping(root, path: "the scoring file", allowed: topKeys)
    let version = reader.int(top["version"], path: "version", range: 1...99) ?? 1
    if version > supportedVersion {
      reader.error(.unsupportedScoringVersion(version), at: top["version"])
    }
    let factorNodes = reader.list(top["factors"], path: "factors") ?? []
    if factorNodes.isEmpty { reader.error(.noFactors, at: top["factors"] ?? root) }
    let read = factorNodes.enumerated().map { index, node in
      readFactor(node, path: "factors[\(index)]", reader: &reader)
    }
    let factors = read.map(\.factor)
    checkUnique(factors.map(\.id), nodes: factorNodes, what: "factor", reader: &reader)
    let items = factors.flatMap(\.items).map(\.id)
    checkUnique(items, nodes: read.flatMap(\.itemNodes), what: "item", reader: &reader)
    let vetoNodes = reader.list(top["vetoes"], path: "vetoes") ?? []
    return ScoringScheme(
      version: version,
      name: reader.string(top["name"], path: "name") ?? defaultName,
      group: reader.string(top["group"], path: "group").map { RegionID($0) },
      decimals: reader.int(top["decimals"], path: "decimals", range: 0...6) ?? 2,
      missing: reader.choice(top["missing"], path: "missing", as: MissingPolicy.self) ?? .unranked,
      factors: factors,
      vetoes: vetoNodes.enumerated().map { index, node in
        readVeto(node, path: "vetoes[\(index)]", reader: &reader)
      })
  }

  private static func readFactor(_ node: Node, path: String, reader: inout NodeReader)
    -> (factor: ScoringFactor, itemNodes: [Node])
  {
    let entries = reader.mapping(node, path: path, allowed: factorKeys)
    let id = required(entries, "id", in: node, path: path, reader: &reader) ?? path
    let itemNodes = reader.list(entries["items"], path: "\(path).items") ?? []
    if itemNodes.isEmpty { reader.error(.noItems(path: path), at: entries["items"] ?? node) }
    let factor = ScoringFactor(
      id: id, name: reader.string(entries["name"], path: "\(path).name"),
      items: itemNodes.enumerated().map { index, item in
        readItem(item, path: "\(path).items[\(index)]", reader: &reader)
      })
    return (factor, itemNodes)
  }

  // MARK: - Items

  private static func readItem(_ node: Node, path: String, reader: inout NodeReader)
    -> ScoringItem
  {
    let entries = reader.mapping(node, path: path, allowed: itemKeys)
    let indicator = required(entries, "indicator", in: node, path: path, reader: &reader) ?? ""
    let weight: Double
    if let text = required(entries, "weight", in: node, path: path, reader: &reader) {
      weight = positiveNumber(text, entries["weight"], path: "\(path).weight", reader: &reader)
    } else {
      weight = 0
    }
    let ruleName = reader.choice(entries["rule"], path: "\(path).rule", as: RuleName.self)
    if entries["rule"] == nil { reader.error(.missingKey("rule", path: path), at: node) }
    let rule = readRule(ruleName ?? .rank, entries, path: path, reader: &reader)
    return ScoringItem(
      id: reader.string(entries["id"], path: "\(path).id"), indicator: IndicatorID(indicator),
      weight: weight, rule: rule,
      polarity: reader.choice(entries["polarity"], path: "\(path).polarity", as: Polarity.self),
      location: reader.location(node))
  }

  /// Rule names as written in scoring files.
  enum RuleName: String, CaseIterable {
    case rank, completion, minmax
  }

  private static func readRule(
    _ name: RuleName, _ entries: [String: Node], path: String, reader: inout NodeReader
  ) -> ScoringRule {
    let basisPath = "\(path).basis"
    switch name {
    case .rank:
      rejectKey("cap", entries, rule: name, path: path, reader: &reader)
      let step = optionalPositive(entries, "step", path: path, reader: &reader)
      let basis = reader.choice(entries["basis"], path: basisPath, as: RankBasis.self)
      return .rank(basis: basis ?? .value, stepPct: step)
    case .completion:
      rejectKey("step", entries, rule: name, path: path, reader: &reader)
      let cap = optionalPositive(entries, "cap", path: path, reader: &reader)
      let basis = reader.choice(entries["basis"], path: basisPath, as: CompletionBasis.self)
      return .completion(basis: basis ?? .target, capPct: cap ?? defaultCapPct)
    case .minmax:
      rejectKey("step", entries, rule: name, path: path, reader: &reader)
      rejectKey("cap", entries, rule: name, path: path, reader: &reader)
      let basis = reader.choice(entries["basis"], path: basisPath, as: MinMaxBasis.self)
      return .minMax(basis: basis ?? .value)
    }
  }

  // MARK: - Vetoes

  /// Veto effects as written in scoring files.
  enum EffectName: String, CaseIterable {
    case zero, cap, flag
  }

  private static func readVeto(_ node: Node, path: String, reader: inout NodeReader)
    -> ScoringVeto
  {
    let entries = reader.mapping(node, path: path, allowed: vetoKeys)
    let indicator = required(entries, "indicator", in: node, path: path, reader: &reader) ?? ""
    let bound = Double.greatestFiniteMagnitude
    let maximum = reader.double(entries["max"], path: "\(path).max", range: -bound...bound)
    let minimum = reader.double(entries["min"], path: "\(path).min", range: -bound...bound)
    if maximum != nil, minimum != nil { reader.error(.maxAndMin(path: path), at: entries["min"]) }
    let line =
      maximum.map { RedLine(threshold: $0, kind: .max) }
      ?? minimum.map { RedLine(threshold: $0, kind: .min) }
    let effectName = reader.choice(entries["effect"], path: "\(path).effect", as: EffectName.self)
    let cap = reader.double(entries["cap"], path: "\(path).cap", range: 0...bound)
    let effect: VetoEffect
    switch effectName ?? .zero {
    case .zero: effect = .zero
    case .flag: effect = .flag
    case .cap:
      if cap == nil, entries["cap"] == nil { reader.error(.missingKey("cap", path: path), at: node) }
      effect = .cap(cap ?? 0)
    }
    if effectName != .cap, let capNode = entries["cap"] {
      reader.error(.capWithoutCapEffect(path: path), at: capNode)
    }
    return ScoringVeto(
      indicator: IndicatorID(indicator), line: line, effect: effect,
      location: reader.location(node))
  }

  // MARK: - Helpers

  private static func required(
    _ entries: [String: Node], _ key: String, in node: Node, path: String,
    reader: inout NodeReader
  ) -> String? {
    guard node.mapping != nil else { return nil }
    guard let value = reader.string(entries[key], path: "\(path).\(key)") else {
      if entries[key] == nil { reader.error(.missingKey(key, path: path), at: node) }
      return nil
    }
    return value
  }

  private static func positiveNumber(
    _ text: String, _ node: Node?, path: String, reader: inout NodeReader
  ) -> Double {
    guard let number = Double(text), number > 0, number.isFinite else {
      reader.error(.notPositive(path: path, value: text), at: node)
      return 0
    }
    return number
  }

  /// The number under `key`, when present; ≤ 0 or not a number is an error.
  private static func optionalPositive(
    _ entries: [String: Node], _ key: String, path: String, reader: inout NodeReader
  ) -> Double? {
    guard let node = entries[key], let text = reader.string(node, path: "\(path).\(key)") else {
      return nil
    }
    return positiveNumber(text, node, path: "\(path).\(key)", reader: &reader)
  }

  private static func rejectKey(
    _ key: String, _ entries: [String: Node], rule: RuleName, path: String,
    reader: inout NodeReader
  ) {
    guard let node = entries[key] else { return }
    reader.error(.keyNotForRule(key, rule: rule.rawValue, path: path), at: node)
  }

  /// Reports every id seen before, at the node that repeats it.
  private static func checkUnique(
    _ ids: [String], nodes: [Node], what: String, reader: inout NodeReader
  ) {
    var seen = Set<String>()
    for (id, node) in zip(ids, nodes) where !seen.insert(id).inserted {
      reader.error(.duplicateID(what, id), at: node)
    }
  }
}

// MARK: - Messages

extension Finding.Message {
  static let emptyScoring = Self(code: "empty-scoring", text: "the scoring file is empty")
  static let noFactors = Self(code: "no-factors", text: "a scoring file needs at least one factor")
  static func noItems(path: String) -> Self {
    Self(code: "no-items", text: "\(path) has no items")
  }
  static func unsupportedScoringVersion(_ version: Int) -> Self {
    Self(
      code: "unsupported-scoring-version",
      text: "scoring file version \(version) is newer than this tool supports "
        + "(\(ScoringLoader.supportedVersion)); update briefing")
  }
  static func missingKey(_ key: String, path: String) -> Self {
    Self(code: "missing-key", text: "\(path) needs '\(key)'")
  }
  static func notPositive(path: String, value: String) -> Self {
    Self(code: "out-of-range", text: "\(path) is '\(value)', expected a number > 0")
  }
  static func keyNotForRule(_ key: String, rule: String, path: String) -> Self {
    Self(code: "key-not-for-rule", text: "'\(key)' in \(path) does not apply to rule '\(rule)'")
  }
  static func maxAndMin(path: String) -> Self {
    Self(code: "max-and-min", text: "\(path) gives both 'max' and 'min'; a red line has one")
  }
  static func capWithoutCapEffect(path: String) -> Self {
    Self(code: "key-not-for-effect", text: "'cap' in \(path) applies only to effect 'cap'")
  }
  static func duplicateID(_ what: String, _ id: String) -> Self {
    Self(code: "duplicate-id", text: "\(what) id '\(id)' is used twice; give each a unique 'id'")
  }
}
