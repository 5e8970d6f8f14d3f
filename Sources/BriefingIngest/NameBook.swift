import BriefingCore

// MARK: - Messages

extension Finding.Message {
  static func mappedNameUnknown(_ kind: String, _ label: String, _ id: String) -> Self {
    .init(code: "unknown-\(kind)", text: "the map's names: gives '\(label)' as \(kind) '\(id)', which metadata does not know")
  }
}

// MARK: - Names in tables

/// A name looked up: the id it stands for, or the finding that says it is unknown.
enum NameLookup {
  case found(String)
  case unknown(Finding)
}

/// Resolves the region and indicator names a table uses: the map's `names:` first, then the
/// metadata's ids, names, short names and aliases (Traditional forms fold to Simplified).
/// Without a metadata file a name stands for itself, as written.
struct NameBook {
  private var regions: Catalog<Region>
  private var indicators: Catalog<Indicator>
  /// The map's `names:`, by folded label.
  private let mapped: [String: String]

  init(regions: Catalog<Region>, indicators: Catalog<Indicator>, names: [String: String] = [:]) {
    self.regions = regions
    self.indicators = indicators
    var mapped: [String: String] = [:]
    for (label, id) in names { mapped[NameFolding.key(label)] = id }
    self.mapped = mapped
  }

  /// True when regions (indicators) come from a metadata file: names must be known.
  var knowsRegions: Bool { regions.isFixed }
  var knowsIndicators: Bool { indicators.isFixed }

  // MARK: - Lookup

  /// The region id `label` stands for (the label itself without regions.csv); nil, with an
  /// `unknown-region` error and a "did you mean" note, when regions.csv does not know it.
  mutating func region(_ label: String, at location: SourceLocation) -> NameLookup {
    Self.resolve(label, in: &regions, mapped: mapped, at: location)
  }

  mutating func indicator(_ label: String, at location: SourceLocation) -> NameLookup {
    Self.resolve(label, in: &indicators, mapped: mapped, at: location)
  }

  /// True when `label` names a known region (false without regions.csv). No finding is made
  /// for an unknown one (its "did you mean" search is the costly part of a lookup).
  mutating func isKnownRegion(_ label: String) -> Bool {
    knowsRegions && Self.index(label, in: &regions, mapped: mapped) != nil
  }

  mutating func isKnownIndicator(_ label: String) -> Bool {
    knowsIndicators && Self.index(label, in: &indicators, mapped: mapped) != nil
  }

  private static func index<Entry: CatalogEntry>(
    _ label: String, in catalog: inout Catalog<Entry>, mapped: [String: String]
  ) -> Int? {
    catalog.resolveIndex(mapped[NameFolding.key(label)] ?? label)
  }

  /// The parent regions.csv gives a region, if any.
  func parent(of id: String) -> String? {
    regions[RegionID(id)]?.parent?.rawValue
  }

  private static func resolve<Entry: CatalogEntry>(
    _ label: String, in catalog: inout Catalog<Entry>, mapped: [String: String], at location: SourceLocation
  ) -> NameLookup {
    if let id = mapped[NameFolding.key(label)] {
      guard catalog.isFixed else { return .found(id) }
      guard let index = catalog.resolveIndex(id) else {
        return .unknown(Finding(.error, .mappedNameUnknown(Entry.kindName, label, id), at: location))
      }
      return .found(catalog.entries[index].id.description)
    }
    guard catalog.isFixed else { return .found(label) }
    if let index = catalog.resolveIndex(label) { return .found(catalog.entries[index].id.description) }
    return .unknown(catalog.unknownFinding(label, at: location))
  }
}
