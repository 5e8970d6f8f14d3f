import BriefingCore
import Testing

/// `Dataset.peerGroups(of:)` promises the parent's group first, then the frames, whatever order
/// the regions file lists them in: a sheet compares its focus with the first one, a region pack
/// packs the parent's group, and both must compare a region with the same peers.
@Suite struct PeerGroupOrderTests {
  /// A frame listed before the parent in the regions file.
  static let dataset = Dataset(
    regions: [
      Region(id: "west", name: "西部片区", level: "frame"),
      Region(id: "city", name: "全市", level: "city"),
      Region(id: "a", name: "甲区", parent: "city", frames: ["west"]),
      Region(id: "b", name: "乙区", parent: "city", frames: ["west"]),
      Region(id: "c", name: "丙区", parent: "city"),
    ],
    indicators: [], observations: [])

  @Test func parentGroupComesFirstWhateverTheFileOrder() {
    #expect(Self.dataset.peerGroups(of: "a").map(\.id) == ["city", "west"])
    #expect(Self.dataset.peerGroups(of: "c").map(\.id) == ["city"])
  }

  @Test func framesKeepFileOrderAfterTheParent() {
    var dataset = Self.dataset
    dataset.regions.insert(Region(id: "east", name: "东部片区", level: "frame"), at: 0)
    dataset.regions[3].frames = ["west", "east"]
    #expect(dataset.peerGroups(of: "a").map(\.id) == ["city", "east", "west"])
  }

  @Test func defaultGroupIsTheParentsForEveryMember() {
    let defaults = Self.dataset.defaultPeerGroups
    #expect(defaults["a"]?.id == "city")
    #expect(defaults["b"]?.id == "city")
    #expect(defaults["c"]?.id == "city")
    #expect(defaults["city"] == nil)
  }
}
