import BriefingCore
import BriefingSpec
import BriefingStats
import Testing

@testable import BriefingScene

/// Layout keys reach the drawing: the layout's indicator list, `smallMultiples.metric`, and the
/// title placeholders.
@Suite struct LayoutKeySceneTests {
  static let fai = Indicator(id: "fai", name: "固定资产投资", unit: .yiYuan, decimals: 1, isMain: false)

  func texts(_ frame: ComposedFrame) -> [String] { LayoutCheck.texts(frame.items).map(\.text) }

  func context(period: Period = Fixtures.period, language: LayoutDocument.Language = .zhCN)
    -> SheetContext
  {
    let rows = Fixtures.luzhouRows.map { row -> ComparisonRow in
      var copy = row
      copy.period = period
      return copy
    }
    let faiRows = Fixtures.luzhou.map { entry -> ComparisonRow in
      var row = Fixtures.row(entry.0, value: 1000 + (entry.3 ?? 0), growth: 9.9, indicator: Self.fai)
      row.period = period
      return row
    }
    let dataset = Dataset(
      regions: Fixtures.regions, indicators: [Fixtures.gdp, Self.fai], observations: [])
    return SheetContext(
      dataset: dataset, table: ComparisonTable(rows: rows + faiRows), focus: "泸县",
      group: PeerGroup(
        id: Fixtures.group, label: "全市7个县（区）", members: Fixtures.luzhou.map { RegionID($0.0) }),
      period: period, language: language)
  }

  func dispatch(_ context: SheetContext) -> ComponentDispatch {
    ComponentDispatch(context: context, theme: Fixtures.theme, measurer: Fixtures.measurer)
  }

  func component(_ yaml: String) throws -> ComponentSpec {
    let result = LayoutLoader.load(yaml: yaml, file: "s.yaml")
    #expect(result.findings.isEmpty, "\(result.findings)")
    return try #require(result.document).sections[0].components[0]
  }

  // MARK: - 1. The layout's indicators

  @Test func kpiTableWithoutItsOwnIndicatorsShowsTheLayouts() throws {
    let spec = try component("indicators: [fai]\nsections:\n  - components:\n      - {kind: kpiTable}\n")
    let shown = texts(dispatch(context()).compose(spec, in: Rect(x: 0, y: 0, width: 500, height: 300)))
    #expect(shown.contains("固定资产投资"))
    #expect(!shown.contains("地区生产总值"))
  }

  // MARK: - 4. smallMultiples.metric

  @Test func smallMultiplesDrawTheValueWhenAsked() throws {
    let spec = try component(
      "sections:\n  - components:\n      - {kind: smallMultiples, indicators: [gdp], metric: value}\n")
    let shown = texts(dispatch(context()).compose(spec, in: Rect(x: 0, y: 0, width: 500, height: 300)))
    #expect(shown.contains("412.3"), "\(shown)")
    #expect(!shown.contains("+6.6%"))
    let growth = try component(
      "sections:\n  - components:\n      - {kind: smallMultiples, indicators: [gdp]}\n")
    let grown = texts(dispatch(context()).compose(growth, in: Rect(x: 0, y: 0, width: 500, height: 300)))
    #expect(!grown.contains("412.3"))
  }

  // MARK: - 5. Title placeholders

  @Test func periodFollowedByNianIsNotDoubled() {
    let year = Period(year: 2019, kind: .cumulative(through: 12))
    let sheet = context(period: year)
    #expect(sheet.expand("{period}年") == "2019年")
    #expect(sheet.expand("{period}年度主要指标") == "2019年度主要指标")
    #expect(sheet.expand("{year}年{region}") == "2019年泸县")
    #expect(context().expand("{period}年") == "2024年上半年")
    #expect(context().expand("{year}年") == "2024年")
    #expect(context(language: .en).expand("{year}, {period}") == "2024, H1 2024")
  }
}

@Suite struct KPIColumnListTests {
  /// Every column a layout can name is drawn as a column of its own: the loader admits only the
  /// spec's `Column` cases, and the dispatch maps each to a different table column.
  @Test func eachLayoutColumnIsItsOwnTableColumn() {
    let kpi = KPITableSpec.Column.allCases.map(\.kpiColumn)
    #expect(Set(kpi).count == kpi.count)
    let ranking = RankingTableSpec.Column.allCases.map(\.rankingColumn)
    #expect(Set(ranking).count == ranking.count)
  }
}
