import BriefingCore
import BriefingStats
import Testing

@testable import BriefingScene

/// Region lookups of a sheet go through one index per context (`RegionDirectory`), shared by its
/// copies: the same answers as `Dataset.region(_:)`, and names only for what a component draws.
@Suite struct SheetContextRegionTests {
  static let regions = [
    Region(id: "city", name: "全市", level: "city", label: "全市2个县区"),
    Region(id: "a", name: "甲区", shortName: "甲", parent: "city"),
    Region(id: "b", name: "乙县", shortName: "乙", parent: "city"),
    Region(id: "a", name: "甲区（重复）", parent: "city"),
    Region(id: "t1", name: "一镇", parent: "a", level: "township"),
  ]

  static func context(focus: RegionID? = "a") -> SheetContext {
    SheetContext(
      dataset: Dataset(regions: regions, indicators: [Fixtures.gdp], observations: []),
      table: ComparisonTable(rows: []), focus: focus,
      group: PeerGroup(id: "city", label: "全市2个县区", members: ["a", "b"]),
      period: Fixtures.period, language: .zhCN)
  }

  @Test func regionIsTheFirstWithTheIdAsInTheDataset() {
    let context = Self.context()
    for id: RegionID in ["city", "a", "b", "t1", "nowhere"] {
      #expect(context.region(id) == context.dataset.region(id))
    }
    #expect(context.name("a") == "甲区")
    #expect(context.name("nowhere") == "nowhere")
  }

  @Test func copiesShareTheIndexAndKeepTheirOwnFocus() {
    let base = Self.context()
    _ = base.region("a")
    var copy = base
    copy.focus = "b"
    #expect(copy.region("b")?.name == "乙县")
    #expect(copy.name("b", short: true) == "乙")
  }

  @Test func contextsOfOneDatasetShareOneDirectory() {
    let dataset = Dataset(regions: Self.regions, indicators: [], observations: [])
    func context(_ focus: RegionID) -> SheetContext {
      SheetContext(
        dataset: dataset, table: ComparisonTable(rows: []), focus: focus,
        group: PeerGroup(id: "city", label: "全市", members: ["a", "b"]), period: Fixtures.period,
        language: .zhCN)
    }
    let first = context("a")
    #expect(first.directory === context("b").directory)
    var changed = dataset
    changed.regions.append(Region(id: "c", name: "丙县", parent: "city"))
    let other = SheetContext(
      dataset: changed, table: ComparisonTable(rows: []), focus: "c",
      group: PeerGroup(id: "city", label: "全市", members: ["a", "b", "c"]), period: Fixtures.period,
      language: .zhCN)
    #expect(other.directory !== first.directory)
    #expect(other.name("c") == "丙县")
    #expect(first.region("c") == nil)
  }

  @Test func namesForRowsCoverTheRowsTheFocusAndTheGroup() {
    let rows = [Fixtures.row("t1", value: 1, growth: nil)]
    let names = Self.context().names(for: rows)
    #expect(names == ["t1": "一镇", "a": "甲区", "city": "全市"])
    #expect(Self.context(focus: nil).names(for: [], short: true) == ["city": "全市"])
  }
}
