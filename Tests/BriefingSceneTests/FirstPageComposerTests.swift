import BriefingCore
import BriefingStats
import Testing

@testable import BriefingScene

@Suite struct FirstPageComposerTests {
  static let indicators = [
    Indicator(id: "gdp", name: "地区生产总值", unit: .yiYuan, decimals: 1, order: 1),
    Indicator(id: "fai", name: "固定资产投资", unit: .yiYuan, decimals: 1, order: 2),
    Indicator(id: "retail", name: "社会消费品零售总额", unit: .yiYuan, decimals: 1, order: 3),
    Indicator(id: "revenue", name: "一般公共预算收入", unit: .yiYuan, decimals: 2, order: 4),
    Indicator(id: "income", name: "城镇居民人均可支配收入", unit: .yuan, decimals: 0, order: 5),
  ]

  static var dataset: Dataset {
    Dataset(regions: Fixtures.regions, indicators: indicators, observations: [])
  }

  /// Rows for every indicator × member, with ranks computed by hand-rolled sorting.
  static func table(indicatorCount: Int = 5) -> ComparisonTable {
    var rows: [ComparisonRow] = []
    for (i, indicator) in indicators.prefix(indicatorCount).enumerated() {
      var members = Fixtures.luzhou.enumerated().map { j, entry in
        var row = Fixtures.row(
          entry.0, value: (entry.3 ?? 0) * Double(i + 1) / 3,
          growth: (entry.4 ?? 0) + Double(i) - Double(j % 3), indicator: indicator)
        row.completionPct = 44 + Double((i * 5 + j * 3) % 13)
        row.timeProgressPct = 50
        row.progressGapPp = (row.completionPct ?? 0) - 50
        row.targetGrowthPct = i == 0 ? 6.5 : nil
        return row
      }
      let byValue = members.indices.sorted { (members[$0].value ?? 0) > (members[$1].value ?? 0) }
      let byGrowth = members.indices.sorted { (members[$0].growthPct ?? 0) > (members[$1].growthPct ?? 0) }
      for (rank, index) in byValue.enumerated() {
        members[index].rank = rank + 1
        members[index].rankOf = members.count
        members[index].bottomRank = members.count - rank
      }
      for (rank, index) in byGrowth.enumerated() {
        members[index].growthRank = rank + 1
        members[index].growthRankOf = members.count
        members[index].growthBottomRank = members.count - rank
      }
      let mean = members.compactMap(\.growthPct).reduce(0, +) / Double(members.count)
      for index in members.indices { members[index].growthGapToGroupPp = (members[index].growthPct ?? 0) - mean }
      var group = ComparisonRow(
        indicator: indicator.id, period: Fixtures.period, group: Fixtures.group,
        region: Fixtures.group, isGroupRow: true)
      group.groupGrowthPct = mean
      rows += members + [group]
    }
    return ComparisonTable(rows: rows)
  }

  func compose(
    _ table: ComparisonTable = table(), options: FirstPageOptions = .init(organisation: "泸县统计局")
  ) -> (Scene, [Finding]) {
    FirstPageComposer().compose(
      table: table, dataset: Self.dataset, focus: "泸县", group: Fixtures.group,
      period: Fixtures.period, indicator: "gdp", theme: Fixtures.theme,
      measurer: Fixtures.measurer, options: options)
  }

  @Test func onePageWithHeaderChartTableFooter() throws {
    let (scene, findings) = compose()
    #expect(findings.isEmpty, "\(findings)")
    #expect(scene.pages.count == 1)
    let page = try #require(scene.pages.first)
    #expect(page.size == .a4)
    let texts = page.items.flatMap(\.textRuns).map(\.text)
    #expect(texts.contains("泸县2024年上半年主要经济指标对比"))
    #expect(texts.contains("比较范围：全市7个县（区）　时期：2024年上半年　时序进度50.0%"))
    #expect(texts.contains("第 1 页 共 1 页"))
    #expect(texts.contains("示例数据，非官方统计"))
    #expect(texts.contains("泸县统计局 · Briefing"))
    #expect(texts.contains { $0.hasPrefix("平均 ") })
    #expect(texts.contains("目标 6.5%"))
    #expect(scene.info.title == "泸县2024年上半年主要经济指标对比")
    let margin = Fixtures.theme.length(.pageMargin)
    let content = Rect(x: margin, y: margin, width: 595.28 - 2 * margin, height: 841.89 - 2 * margin)
    expectLegible(page.items, in: content)
    expectShapesInside(page.items, content)
    assertSnapshot(SceneDumper().dump(scene), name: "first-page")
  }

  @Test func kpiRowsContinueOnANewPageWithTheHeaderRepeated() throws {
    var options = FirstPageOptions(organisation: "泸县统计局")
    options.pageSize = Size(width: 595.28, height: 430)
    let (scene, _) = compose(options: options)
    #expect(scene.pages.count == 2)
    let second = try #require(scene.pages.last).items.flatMap(\.textRuns).map(\.text)
    #expect(second.contains("指标"))
    #expect(second.contains("二、主要指标完成情况（续表）"))
    #expect(second.contains("第 2 页 共 2 页"))
    for page in scene.pages {
      expectLegible(page.items, in: Rect(x: 36, y: 36, width: 595.28 - 72, height: 430 - 72))
    }
  }

  @Test func missingFocusIsReported() {
    let table = ComparisonTable(rows: Self.table().rows.filter { $0.region != "泸县" })
    let (_, findings) = compose(table)
    #expect(findings.map(\.message.code).contains("focus-missing"))
  }

  @Test func englishPage() throws {
    let (scene, _) = compose(options: FirstPageOptions(dataNote: "Sample data", format: .english))
    let texts = try #require(scene.pages.first).items.flatMap(\.textRuns).map(\.text)
    #expect(texts.contains("泸县: main indicators compared, H1 2024"))
    #expect(texts.contains("Page 1 of 1"))
  }
}
