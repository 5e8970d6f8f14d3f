import BriefingCore
import BriefingRender
import BriefingScene
import BriefingSpec
import BriefingStats
import CairoKit
import Testing

/// Five small PNG goldens (`Goldens/*.png`, ≤ 20 KB each) of components measured and drawn with
/// the derived fonts; see `GoldenImage` for the tolerance, the diff images and how to regenerate.
/// The inputs follow the scene-test fixtures (泸州 counties, 2024 H1).
@Suite(.serialized) struct GoldenImageTests {
  /// Dots per inch of the goldens (small files, still legible when reviewed).
  static let dpi = 96.0
  static let margin = 6.0

  /// Composes inside a `width` × `height` pt frame (plus a margin) and checks the page's PNG.
  func check(
    _ name: String, width: Double, height: Double, language: LayoutDocument.Language = .zhCN,
    sourceLocation: Testing.SourceLocation = #_sourceLocation,
    compose: (Rect, ResolvedTheme, PangoTextMeasurer) -> ComposedFrame
  ) throws {
    try GoldenImage.withPinnedFonts {
      let family = language == .zhTW ? "Briefing Sans CJK TC" : "Briefing Sans CJK SC"
      let (theme, findings) = ThemeSpec.default.resolved(language: language, family: family)
      #expect(findings.isEmpty, sourceLocation: sourceLocation)
      let rect = Rect(x: Self.margin, y: Self.margin, width: width, height: height)
      let frame = compose(rect, theme, try PangoTextMeasurer())
      #expect(
        frame.findings.filter { $0.severity != .notice }.isEmpty, "\(frame.findings)",
        sourceLocation: sourceLocation)
      let page = Page(
        size: Size(width: width + 2 * Self.margin, height: height + 2 * Self.margin),
        items: frame.items)
      let png = try PNGRenderer.render(page, dpi: Self.dpi)
      try GoldenImage.check(png, name: name, sourceLocation: sourceLocation)
    }
  }

  // MARK: - Components

  @Test func rankedBarWithNegativeGrowth() throws {
    try check("ranked-bar-negative", width: 250, height: 130) { rect, theme, measurer in
      let input = RankedBarInput(
        rows: Golden.rows, groupRow: Golden.groupRow, indicator: Golden.gdp, regions: Golden.regions,
        focus: "泸县",
        metric: .growthPct, options: RankedBarOptions(target: 6.5, showRanks: true, bottomMarks: 2))
      return RankedBarComposer().compose(input: input, in: rect, theme: theme, measurer: measurer)
    }
  }

  @Test func progressBulletOverAHundredPercent() throws {
    try check("progress-bullet", width: 250, height: 100) { rect, theme, measurer in
      let entries = [
        Golden.entry("gdp", "地区生产总值", completion: 52.3),
        Golden.entry("fai", "固定资产投资", completion: 41.0),
        Golden.entry("retail", "社会消费品零售总额", completion: 112.4),
      ]
      return ProgressBulletComposer().compose(
        input: ProgressBulletInput(entries: entries), in: rect, theme: theme, measurer: measurer)
    }
  }

  @Test func kpiTableCut() throws {
    try check("kpi-table", width: 330, height: 100) { rect, theme, measurer in
      let entries = [
        Golden.entry("gdp", "地区生产总值", completion: 52.3, growth: 4.2, rank: 2),
        Golden.entry("fai", "固定资产投资", completion: 41.0, growth: -3.1, rank: 6),
        Golden.entry("retail", "社会消费品零售总额", completion: 55.0, growth: 8.8, rank: 1),
      ]
      let composer = KPITableComposer()
      return composer.compose(
        input: KPITableInput(entries: entries), in: rect, theme: theme, measurer: measurer)
    }
  }

  @Test func scatterWithLabels() throws {
    try check("scatter-labels", width: 250, height: 160) { rect, theme, measurer in
      let names = Dictionary(uniqueKeysWithValues: Golden.regions.map { ($0.id, $0.name) })
      let input = ScatterInput(rows: Golden.rows, names: names, indicator: Golden.gdp, focus: "泸县")
      return ScatterComposer().compose(input, in: rect, theme: theme, measurer: measurer)
    }
  }

  @Test func traditionalTextBlock() throws {
    try check("text-block-traditional", width: 200, height: 64, language: .zhTW) {
      rect, theme, measurer in
      let items: [TextBlockItem] = [
        .paragraph("前三季度全市生產總值增長8.8%，高於全省平均0.9個百分點，增速居全省第3位。"),
        .bullet("短板：固定資產投資完成年度目標68.0%，落後時序進度7.0個百分點。", marker: "▲"),
      ]
      return TextBlockComposer().compose(input: items, in: rect, theme: theme, measurer: measurer)
    }
  }

  // MARK: - Failing on purpose

  /// One changed pixel beyond the tolerance is reported with a diff image; within it, not.
  @Test func onePixelOverToleranceFails() throws {
    var bytes = [UInt8](repeating: 200, count: 4 * 3 * 2)
    let golden = PixelImage(width: 3, height: 2, bytes: bytes)
    bytes[4 * 4 + 1] += UInt8(GoldenImage.tolerance)
    #expect(GoldenImage.difference(golden, PixelImage(width: 3, height: 2, bytes: bytes)) == nil)
    bytes[4 * 4 + 1] += 1
    let difference = try #require(
      GoldenImage.difference(golden, PixelImage(width: 3, height: 2, bytes: bytes)))
    #expect(difference.summary.hasPrefix("1 of 6 pixels differ"))
    let diff = try #require(difference.image)
    let red = diff.bytes[16..<20].sorted()
    #expect(red == [0, 0, 255, 255])
  }
}

// MARK: - Fixtures

/// Seven counties of 泸州市 (as in the scene tests), one with negative growth.
enum Golden {
  static let period = Period(year: 2024, kind: .cumulative(through: 6))
  static let group: RegionID = "泸州市"
  static let gdp = Indicator(id: "gdp", name: "地区生产总值", unit: .yiYuan, decimals: 1)

  /// (id and name, short name, value 亿元, growth %)
  static let counties: [(String, String, Double, Double)] = [
    ("江阳区", "江阳", 412.3, 6.6), ("纳溪区", "纳溪", 150.2, 5.1),
    ("龙马潭区", "龙马潭", 260.8, 7.9), ("泸县", "泸县", 280.1, 4.2),
    ("合江县", "合江", 230.5, -1.3), ("叙永县", "叙永", 120.4, 3.0), ("古蔺县", "古蔺", 160.7, 6.3),
  ]

  static var regions: [Region] {
    counties.map { Region(id: RegionID($0.0), name: $0.0, shortName: $0.1, parent: group) }
  }

  /// The comparison table of the seven counties: 2024-H1 values and 2023-H1 priors that give
  /// the growths above. Ranks, bottom ranks, the basis and the group figures come from Stats, as
  /// on a real sheet (the scene draws what the table decided).
  static let table: ComparisonTable = {
    let previous = Period(year: 2023, kind: .cumulative(through: 6))
    let observations = counties.flatMap { county -> [Observation] in
      let id = RegionID(county.0)
      return [
        Observation(region: id, period: previous, indicator: gdp.id, value: county.2 / (1 + county.3 / 100)),
        Observation(region: id, period: period, indicator: gdp.id, value: county.2),
      ]
    }
    let dataset = Dataset(
      regions: [Region(id: group, level: "city")] + regions, indicators: [gdp], observations: observations)
    return compare(dataset)
  }()

  /// Member rows of 2024-H1.
  static var rows: [ComparisonRow] {
    table.rows.filter { $0.period == period && !$0.isGroupRow }
  }

  /// The group row of 2024-H1 (the average line and the scatter's quadrant lines).
  static var groupRow: ComparisonRow? {
    table.rows.first { $0.period == period && $0.isGroupRow }
  }

  static func row(_ region: RegionID, indicator: Indicator, value: Double, growth: Double?)
    -> ComparisonRow
  {
    var row = ComparisonRow(
      indicator: indicator.id, period: period, group: group, region: region, value: value,
      unit: indicator.unit, status: .actual)
    row.growthPct = growth
    row.priorPeriod = period.samePeriodLastYear
    row.priorBasis = .yearAgo
    return row
  }

  /// 泸县's row for one indicator, time progress 50 %.
  static func entry(
    _ id: String, _ name: String, completion: Double, growth: Double = 5, rank: Int = 4
  ) -> KPIEntry {
    let indicator = Indicator(id: IndicatorID(id), name: name, unit: .yiYuan, decimals: 1)
    var row = row("泸县", indicator: indicator, value: 100, growth: growth)
    row.completionPct = completion
    row.timeProgressPct = 50
    row.progressGapPp = completion - 50
    row.rank = rank
    row.rankOf = 7
    row.bottomRank = 8 - rank
    return KPIEntry(indicator: indicator, row: row)
  }
}
