import BriefingCore
import BriefingStats
import Testing

@testable import BriefingScene

// MARK: - Shared checks for the chart and table composers

/// What the paginating table composers' `composeFitting` returns.
typealias PagedFrame = (frame: ComposedFrame, remaining: [RegionID])

/// Flattening and layout checks used by every composer test; the checks are the scene
/// checker's (`SceneChecker.checkLayout`), so a test fails on what a render would warn about.
enum LayoutCheck {
  /// Every text run, groups flattened.
  static func texts(_ items: [FrameItem]) -> [TextRun] { items.flatMap(\.textRuns) }

  /// Every shape, groups flattened.
  static func shapes(_ items: [FrameItem]) -> [Shape] { items.flatMap(\.shapes) }

  /// The bounding box of a shape's geometry (stroke width ignored).
  static func bounds(_ shape: Shape) -> Rect { shape.bounds }

  /// Records an issue for each layout finding of the scene checker on `output` in `rect`: text
  /// overlapping text, text or shapes outside `rect`, text below the fixture theme's minimum
  /// size (tolerance `SceneChecker.tolerance`).
  static func expectClean(
    _ output: ComposedFrame, in rect: Rect,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let findings = SceneChecker(theme: Fixture.theme).checkLayout(output, in: rect, component: "frame")
    for finding in findings {
      Issue.record("\(finding.message.text)", sourceLocation: sourceLocation)
    }
  }
}

// MARK: - Fixtures

/// A 9-region fixture with a distinct focus colour so focus and alarms can be told apart.
enum Fixture {
  static let focusColor = Color(red: 0.1, green: 0.2, blue: 0.8)
  static let theme: ResolvedTheme = {
    var palette = Palette.briefing
    palette.focus = focusColor
    return Theme.briefing(palette: palette).resolved()
  }()
  static let measurer = FixedMetricsMeasurer()
  static let period = Period(year: 2024, kind: .cumulative(through: 6))
  static let ids: [RegionID] = (1...9).map { RegionID("r\($0)") }
  static let baseNames = ["肃州区", "玉门市", "敦煌市", "金塔县", "瓜州县", "肃北县", "阿克塞县", "嘉峪关市", "酒泉新区"]
  static let names: [RegionID: String] = Dictionary(uniqueKeysWithValues: zip(ids, baseNames))
  static let focus: RegionID = "r1"
  static let gdp = Indicator(id: "gdp", name: "地区生产总值", unit: .yiYuan, decimals: 1)

  /// Member rows with values `100 + 37·i mod 260`, growth `-3 + 1.3·i`, ranks by value.
  static func rows(
    _ indicator: Indicator = gdp, count: Int = 9, negative: Bool = false,
    period: Period = period
  ) -> [ComparisonRow] {
    let values = (0..<count).map { Double(100 + (37 * $0) % 260) + Double(period.year - 2024) * 20 }
    let order = values.enumerated().sorted { $0.element > $1.element }.map(\.offset)
    let growths = (0..<count).map { negative ? -1.0 - Double($0) * 0.7 : -3 + Double($0) * 1.3 }
    let growthOrder = growths.enumerated().sorted { $0.element > $1.element }.map(\.offset)
    return (0..<count).map { i in
      var row = ComparisonRow(
        indicator: indicator.id, period: period, group: "city", region: ids[i], value: values[i],
        unit: indicator.unit, status: .actual)
      row.priorPeriod = period.samePeriodLastYear
      row.priorBasis = .yearAgo
      row.priorValue = values[i] / (1 + growths[i] / 100)
      row.growthPct = growths[i]
      row.rank = (order.firstIndex(of: i) ?? 0) + 1
      row.rankOf = count
      row.bottomRank = count - (row.rank ?? 0) + 1
      row.growthRank = (growthOrder.firstIndex(of: i) ?? 0) + 1
      row.growthRankOf = count
      row.growthBottomRank = count - (row.growthRank ?? 0) + 1
      row.groupMean = values.reduce(0, +) / Double(count)
      row.groupGrowthPct = growths.reduce(0, +) / Double(count)
      return row
    }
  }

  /// `rows()` with region 3 missing and region 4 masked.
  static func rowsWithGaps(_ indicator: Indicator = gdp) -> [ComparisonRow] {
    var rows = rows(indicator)
    rows[2].value = nil
    rows[2].status = .missing
    rows[2].growthPct = nil
    rows[2].rank = nil
    rows[3].status = .masked
    rows[3].growthPct = nil
    rows[3].rank = nil
    return rows
  }

  /// Names of 18+ characters to force shortening.
  static let longNames: [RegionID: String] = Dictionary(
    uniqueKeysWithValues: ids.map { ($0, "\($0.rawValue)经济技术开发区高新技术产业园区管理委员会") })

  /// Texts drawn in the focus colour.
  static func focusTexts(_ output: ComposedFrame) -> [String] {
    LayoutCheck.texts(output.items).filter { $0.style.color == focusColor }.map(\.text)
  }

  /// Shapes filled in the focus colour.
  static func focusShapes(_ output: ComposedFrame) -> [Shape] {
    LayoutCheck.shapes(output.items).filter { $0.fill == focusColor }
  }
}
