import BriefingCore
import BriefingSpec
import BriefingStats
import Testing

@testable import BriefingScene

/// Sheets whose tables are longer than a page: every row is printed exactly once, the header
/// repeats on each page, the footer counts the pages, and nothing is left out silently.
@Suite struct TablePaginationTests {
  static let group: RegionID = "某市"

  /// A group of `members` regions (区县01…) and `indicators` indicators (指标01…), all with a
  /// value, growth and ranks, for one period.
  func context(members: Int, indicators: Int, focus: RegionID? = nil) -> SheetContext {
    let ids = (1...members).map { RegionID(String(format: "区县%03d", $0)) }
    let shown = (1...indicators).map {
      Indicator(
        id: IndicatorID(String(format: "i%02d", $0)), name: String(format: "指标%02d", $0),
        unit: .yiYuan, decimals: 1, isMain: true, order: $0)
    }
    var rows: [ComparisonRow] = []
    for indicator in shown {
      for (index, id) in ids.enumerated() {
        var row = Fixtures.row(
          id.rawValue, value: Double(1000 - index), growth: Double(index % 17) - 5, indicator: indicator)
        row.group = Self.group
        row.rank = index + 1
        row.rankOf = members
        row.growthRank = (index * 7) % members + 1
        row.growthRankOf = members
        row.sharePct = 100 / Double(members)
        row.rankChange = index % 3 - 1
        rows.append(row)
      }
    }
    let regions =
      ids.map { Region(id: $0, name: $0.rawValue, parent: Self.group) }
      + [Region(id: Self.group, name: "某市", label: "全市\(members)个县区")]
    let dataset = Dataset(regions: regions, indicators: shown, observations: [])
    return SheetContext(
      dataset: dataset, table: ComparisonTable(rows: rows), focus: focus,
      group: PeerGroup(id: Self.group, label: "全市\(members)个县区", members: ids),
      period: Fixtures.period, language: .zhCN)
  }

  func compose(_ yaml: String, _ context: SheetContext) throws -> ([Page], [Finding]) {
    let loaded = LayoutLoader.load(yaml: yaml, file: "test.yaml")
    let layout = try #require(loaded.document, "\(loaded.findings)")
    return LayoutComposer(layout: layout, theme: Fixtures.theme, measurer: Fixtures.measurer)
      .compose(context)
  }

  func texts(_ page: Page) -> [String] { LayoutCheck.texts(page.items).map(\.text) }

  func anchors(_ page: Page) -> [String] {
    page.items.compactMap { item in
      if case .anchor(let bookmark) = item { return bookmark.title }
      return nil
    }
  }

  static let bulletin = """
    version: 1
    name: bulletin
    scope: group
    title: "{group}{period}排名通报"
    language: zh-cn
    page: {size: A4, orientation: landscape, margin: 26}
    sections:
      - title: 生产与投资
        components:
          - {kind: rankingTable, indicators: [i01, i02, i03]}
      - title: 消费与财政
        components:
          - {kind: rankingTable, indicators: [i04, i05], columns: [value, sharePct, rank, rankChange]}
    """

  @Test func rankingTableOfFiftyTwoContinuesOnTheNextPages() throws {
    let (pages, findings) = try compose(Self.bulletin, context(members: 52, indicators: 5))
    try #require(pages.count > 2)
    // Every region once per table: twice in all.
    for n in 1...52 {
      let name = String(format: "区县%03d", n)
      #expect(pages.flatMap(texts).filter { $0 == name }.count == 2, "\(name)")
    }
    for (index, page) in pages.enumerated() {
      let shown = texts(page)
      #expect(shown.contains("第 \(index + 1) 页 共 \(pages.count) 页"))
      // A page with rows has the header (region column title and the sub-titles).
      if shown.contains(where: { $0.hasPrefix("区县") }) {
        #expect(shown.contains("地区"), "page \(index + 1) has rows but no header")
        #expect(shown.contains("位次"))
      }
      #expect(shown.contains { $0.hasPrefix("生产与投资") || $0.hasPrefix("消费与财政") })
    }
    // Continued pages say so, in the page and in the outline.
    #expect(texts(pages[1]).contains("生产与投资（续）"))
    #expect(anchors(pages[0]) == ["生产与投资"])
    #expect(anchors(pages[1]).first == "生产与投资（续）")
    #expect(pages.flatMap(anchors).filter { $0 == "消费与财政" }.count == 1)
    // The second table's columns are the layout's.
    #expect(pages.flatMap(texts).contains("占比(%)"))
    #expect(pages.flatMap(texts).contains("位次变化"))
    #expect(findings.filter { $0.severity != .notice }.isEmpty, "\(findings)")
  }

  @Test func nineRegionsStayOnOnePageWithoutOutline() throws {
    let (pages, _) = try compose(Self.bulletin, context(members: 9, indicators: 5))
    #expect(pages.count == 1)
    #expect(pages.flatMap(anchors).isEmpty)
  }

  @Test func kpiTableOfManyIndicatorsContinues() throws {
    let yaml = """
      version: 1
      name: kpi
      scope: region
      title: "{region}{period}"
      language: zh-cn
      page: {size: A4, orientation: portrait, margin: 28}
      sections:
        - title: 主要指标
          components:
            - {kind: kpiTable, columns: [value, growthPct, rank, sharePct, rankChange]}
      """
    let (pages, findings) = try compose(yaml, context(members: 9, indicators: 80, focus: "区县003"))
    try #require(pages.count >= 2)
    for n in 1...80 {
      let name = String(format: "指标%02d", n)
      #expect(pages.flatMap(texts).filter { $0 == name }.count == 1, "\(name)")
    }
    for (index, page) in pages.enumerated() {
      #expect(texts(page).contains("指标"), "page \(index + 1) has no header")
      #expect(texts(page).contains("第 \(index + 1) 页 共 \(pages.count) 页"))
    }
    #expect(texts(pages[1]).contains("主要指标（续）"))
    // rankChange of 区县003 is +1: ▲1; its share 100/9 %.
    #expect(pages.flatMap(texts).contains("▲1"))
    #expect(pages.flatMap(texts).contains("11.1"))
    #expect(findings.filter { $0.severity != .notice }.isEmpty, "\(findings)")
  }

  @Test func rowsLeftOutBesideAnotherComponentAreAWarningNamingThem() throws {
    let yaml = """
      version: 1
      name: side
      scope: group
      title: "{group}"
      language: zh-cn
      page: {size: A4, orientation: landscape, margin: 26}
      sections:
        - columns: 2
          components:
            - {kind: rankingTable, indicators: [i01]}
            - {kind: text, text: 说明}
      """
    let (_, findings) = try compose(yaml, context(members: 52, indicators: 1))
    let overflow = try #require(findings.first { $0.message.code == "overflow" })
    #expect(overflow.severity == .warning)
    #expect(overflow.message.text.contains("ranking-table"))
    #expect(overflow.message.text.contains("区县052"))
  }

  /// A column the ranking table cannot draw is a load error at the column's line and column.
  @Test func aColumnTheRankingTableCannotShowIsAnError() throws {
    let yaml = Self.bulletin.replacingOccurrences(
      of: "columns: [value, sharePct, rank, rankChange]", with: "columns: [value, completionPct]")
    let loaded = LayoutLoader.load(yaml: yaml, file: "test.yaml")
    #expect(loaded.document == nil)
    let error = try #require(loaded.findings.first { $0.severity == .error })
    #expect(error.message.code == "unsupported-value" && error.description.contains("completionPct"))
    #expect(error.location?.line != nil, "\(error)")
  }
}
