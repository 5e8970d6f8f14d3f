import BriefingCore
import Testing

/// `Dataset.peerGroups`: groups in regions-file order, then parents without a row of their own;
/// members in file order, each once.
@Suite struct PeerGroupsTests {
  static let dataset = Dataset(
    regions: [
      Region(id: "city", name: "全市", level: "city", label: "全市3个县区"),
      Region(id: "a", name: "甲区", parent: "city", frames: ["west", "city"]),
      Region(id: "west", name: "西部片区", level: "frame"),
      Region(id: "t1", name: "一镇", parent: "b", level: "township"),
      Region(id: "b", name: "乙县", parent: "city", frames: ["west"]),
      Region(id: "x", name: "外县", parent: "province"),
      Region(id: "t2", name: "二镇", parent: "b", level: "township"),
      Region(id: "y", name: "又县", parent: "province"),
    ],
    indicators: [], observations: [])

  @Test func groupsInFileOrderThenParentsWithoutARow() {
    let groups = Self.dataset.peerGroups
    #expect(groups.map(\.id) == ["city", "west", "b", "province"])
    #expect(groups.map(\.members) == [["a", "b"], ["a", "b"], ["t1", "t2"], ["x", "y"]])
    #expect(groups.map(\.label) == ["全市3个县区", "西部片区", "乙县", "province"])
  }

  @Test func aRegionNamingItsParentAsAFrameTooIsOneMember() {
    #expect(Self.dataset.peerGroups.first?.members == ["a", "b"])
  }
}
