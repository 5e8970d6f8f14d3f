import BriefingCore

// MARK: - Messages

extension Finding.Message {
  static func unknownName(_ kind: String, _ name: String) -> Self {
    .init(code: "unknown-\(kind)", text: "unknown \(kind) '\(name)'")
  }
  static func ambiguousName(_ kind: String, _ name: String, _ first: String, _ second: String)
    -> Self
  {
    .init(
      code: "ambiguous-name",
      text: "\(kind) name '\(name)' refers to both '\(first)' and '\(second)'")
  }
}

// MARK: - Entries

/// Metadata that rows refer to by id, name, short name or alias.
protocol CatalogEntry: Sendable {
  associatedtype ID: Hashable & Sendable & CustomStringConvertible
  /// `region` or `indicator`, used in finding codes (`unknown-region`).
  static var kindName: String { get }
  var id: ID { get }
  /// Every spelling that resolves to this entry.
  var spellings: [String] { get }
  /// An entry made from a name seen in a data row (when no metadata file exists).
  static func implicit(named name: String, order: Int) -> Self
}

extension Region: CatalogEntry {
  static var kindName: String { "region" }
  var spellings: [String] { [id.rawValue, name, shortName] + aliases }
  static func implicit(named name: String, order: Int) -> Region { Region(id: RegionID(name)) }
}

extension Indicator: CatalogEntry {
  static var kindName: String { "indicator" }
  var spellings: [String] { [id.rawValue, name, shortName] + aliases }
  static func implicit(named name: String, order: Int) -> Indicator {
    Indicator(id: IndicatorID(name), order: order)
  }
}

// MARK: - Catalog

/// Entries plus a folded-name index. A `fixed` catalog (from a metadata file) rejects unknown
/// names; an open one creates an entry the first time a name is seen (id = name as written).
struct Catalog<Entry: CatalogEntry> {
  private(set) var entries: [Entry] = []
  private var positions: [Entry.ID: Int] = [:]
  private var keys: [String: Entry.ID] = [:]
  /// Raw spelling → position in `entries`, so repeated names skip folding.
  private var resolved: [ByteKey: Int] = [:]
  /// The last name found in `resolved`, checked first.
  private var lastResolved: (text: ByteKey, index: Int)?
  /// True when the entries come from a metadata file.
  let isFixed: Bool

  /// An open catalog, filled from data rows.
  init() { isFixed = false }

  /// A fixed catalog; a folded spelling shared by two entries is an `ambiguous-name` error
  /// located at the second entry's line.
  init(fixed rows: [(entry: Entry, line: Int)], file: String, findings: inout [Finding]) {
    isFixed = true
    for (entry, line) in rows {
      positions[entry.id] = entries.count
      entries.append(entry)
      for spelling in entry.spellings {
        let key = NameFolding.key(spelling)
        guard !key.isEmpty else { continue }
        if let other = keys[key], other != entry.id {
          let message = Finding.Message.ambiguousName(
            Entry.kindName, spelling, other.description, entry.id.description)
          findings.append(Finding(.error, message, at: .init(file: file, line: line)))
          continue
        }
        keys[key] = entry.id
      }
    }
  }

  // MARK: - Lookup

  /// The position in `entries` of the entry `text` refers to; an open catalog adds a new entry
  /// for an unseen name.
  mutating func resolveIndex(_ text: String) -> Int? {
    // Rows of one region or indicator usually follow each other: compare with the last
    // name before hashing.
    if let last = lastResolved, last.text == ByteKey(text) { return last.index }
    if let index = resolved[ByteKey(text)] {
      lastResolved = (ByteKey(text), index)
      return index
    }
    let key = NameFolding.key(text)
    if let id = keys[key], let index = positions[id] {
      resolved[ByteKey(text)] = index
      return index
    }
    guard !isFixed, !key.isEmpty else { return nil }
    let entry = Entry.implicit(named: text, order: entries.count + 1)
    let index = entries.count
    positions[entry.id] = index
    entries.append(entry)
    keys[key] = entry.id
    resolved[ByteKey(text)] = index
    return index
  }

  /// The id without adding anything.
  func lookup(_ text: String) -> Entry.ID? { keys[NameFolding.key(text)] }

  subscript(id: Entry.ID) -> Entry? {
    get { positions[id].map { entries[$0] } }
    set {
      guard let position = positions[id], let newValue else { return }
      entries[position] = newValue
    }
  }

  /// An `unknown-<kind>` error with a "did you mean" note when a spelling is close.
  func unknownFinding(_ text: String, at location: SourceLocation) -> Finding {
    let candidates = entries.flatMap(\.spellings)
    var notes: [String] = []
    if let close = Suggestions.closest(to: text, among: candidates),
      let id = lookup(close)
    {
      let target = close == id.description ? "'\(close)'" : "'\(close)' (\(id))"
      notes.append("did you mean \(target)?")
    }
    return Finding(.error, .unknownName(Entry.kindName, text), at: location, notes: notes)
  }
}
