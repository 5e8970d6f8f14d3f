// MARK: - Peer groups

/// A set of regions compared with each other, e.g. the 9 county-level units of a city.
public struct PeerGroup: Hashable, Sendable, Codable {
  /// The parent region or frame id.
  public var id: RegionID
  /// Text label, e.g. `全市9个县（市、区）`. Default: the parent's name.
  public var label: String
  /// Members in data-file order.
  public var members: [RegionID]

  public init(id: RegionID, label: String, members: [RegionID]) {
    self.id = id
    self.label = label
    self.members = members
  }
}

// MARK: - Dataset

/// Everything read from the input files: metadata plus observations, in canonical units.
/// A value type without I/O; readers build it, `BriefingStats` consumes it.
public struct Dataset: Sendable, Codable {
  public var regions: [Region]
  public var indicators: [Indicator]
  public var observations: [Observation]

  public init(regions: [Region], indicators: [Indicator], observations: [Observation]) {
    self.regions = regions
    self.indicators = indicators
    self.observations = observations
  }

  // MARK: - Lookups

  public func region(_ id: RegionID) -> Region? { regions.first { $0.id == id } }
  public func indicator(_ id: IndicatorID) -> Indicator? { indicators.first { $0.id == id } }

  /// Distinct periods present in observations, ascending.
  public var periods: [Period] { Array(Set(observations.map(\.period))).sorted() }

  /// Peer groups: every region that is a parent of others (members = its children), and every
  /// frame (members = regions listing it in `frames`). Groups with no members are left out.
  /// Groups in regions-file order, then parents named only in `parent` columns (without a row of
  /// their own) in order of first mention; members in regions-file order, each once. Built in
  /// one pass with dictionaries: O(regions), so a national file with its townships (43,000
  /// regions) costs milliseconds, not the seconds of a scan per candidate.
  public var peerGroups: [PeerGroup] {
    var membersOf: [RegionID: [RegionID]] = [:]
    for region in regions {
      var keys: [RegionID] = []
      if let parent = region.parent { keys.append(parent) }
      for frame in region.frames where !keys.contains(frame) { keys.append(frame) }
      for key in keys { membersOf[key, default: []].append(region.id) }
    }
    var result: [PeerGroup] = []
    var known = Set<RegionID>()
    for candidate in regions {
      guard let members = membersOf[candidate.id] else { continue }
      result.append(PeerGroup(id: candidate.id, label: candidate.label ?? candidate.name, members: members))
      known.insert(candidate.id)
    }
    var orphanParents: [RegionID] = []
    var childrenOf: [RegionID: [RegionID]] = [:]
    for region in regions {
      guard let parent = region.parent, !known.contains(parent) else { continue }
      if childrenOf[parent] == nil { orphanParents.append(parent) }
      childrenOf[parent, default: []].append(region.id)
    }
    for parent in orphanParents {
      result.append(PeerGroup(id: parent, label: parent.rawValue, members: childrenOf[parent] ?? []))
    }
    return result
  }

  /// The peer groups a region belongs to: its parent's group first, then its frames in the
  /// regions file's order (a frame listed above the parent still comes second).
  public func peerGroups(of region: RegionID) -> [PeerGroup] {
    Self.parentFirst(peerGroups.filter { $0.members.contains(region) }, parent: self.region(region)?.parent)
  }

  /// Each member's default peer group (the first of `peerGroups(of:)`: its parent's), found in
  /// one pass over the groups: `peerGroups` costs O(regions²) per call, which a national job
  /// (3,000 regions) must not pay per unit. Regions in no group are absent.
  public var defaultPeerGroups: [RegionID: PeerGroup] {
    let groups = peerGroups
    let byID = Dictionary(groups.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var result: [RegionID: PeerGroup] = [:]
    for region in regions {
      if let parent = region.parent, let peers = byID[parent] { result[region.id] = peers }
    }
    for peers in groups {
      for member in peers.members where result[member] == nil { result[member] = peers }
    }
    return result
  }

  /// `groups` with the one whose id is `parent` moved to the front, the rest in their order.
  private static func parentFirst(_ groups: [PeerGroup], parent: RegionID?) -> [PeerGroup] {
    guard let parent, let index = groups.firstIndex(where: { $0.id == parent }), index > 0 else { return groups }
    var ordered = groups
    ordered.insert(ordered.remove(at: index), at: 0)
    return ordered
  }
}
