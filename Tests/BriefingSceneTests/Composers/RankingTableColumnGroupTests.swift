import BriefingCore
import BriefingStats
import Testing

@testable import BriefingScene

/// A ranking table too narrow for a middle column group: the groups after it are shown under
/// their own names with their own figures, and what was left out is declared.
@Suite struct RankingTableColumnGroupTests {
  static let names = ["地区生产总值", "规上工业增加值", "固定资产投资"]
  static let indicators = names.enumerated().map {
    Indicator(id: IndicatorID("i\($0.offset)"), name: $0.element, unit: .yiYuan, decimals: 1)
  }

  /// Group 1 holds values too wide for the table; groups 0 and 2 fit.
  static var input: RankingTableInput {
    let groups = indicators.enumerated().map { index, indicator in
      var rows = Fixture.rows(indicator)
      for i in rows.indices {
        switch index {
        case 1: rows[i].value = 123_456_789_012.5 + Double(i)
        case 2: rows[i].value = 7.7
        default: break
        }
      }
      return RankingGroup(indicator: indicator, rows: rows)
    }
    return RankingTableInput(
      groups: groups, order: Fixture.ids, names: Fixture.names, focus: Fixture.focus,
      columns: [.value])
  }

  @Test func aDroppedMiddleGroupLeavesTheOthersTheirOwnColumns() {
    let rect = Rect(x: 0, y: 0, width: 150, height: 300)
    let (frame, remaining) = RankingTableComposer().composeFitting(
      Self.input, in: rect, theme: Fixture.theme, measurer: Fixture.measurer)
    #expect(remaining.isEmpty)
    let texts = LayoutCheck.texts(frame.items).map(\.text)
    // Headers (shortened with … to their columns): groups 0 and 2, not 1.
    #expect(texts.contains { $0.hasPrefix("地区生") } && texts.contains { $0.hasPrefix("固定") })
    #expect(!texts.contains { $0.hasPrefix("规上") })
    // Group 2's figures under group 2's header, none of group 1's.
    #expect(texts.filter { $0 == "7.7" }.count == 9)
    #expect(!texts.contains { $0.hasPrefix("123,456") })
    #expect(
      frame.findings.contains {
        $0.message.code == "columns-dropped" && $0.message.text.contains(Self.names[1])
      })
    #expect(frame.coverage.first { $0.marks == "indicators" }?.leftOut == [Self.names[1]])
    LayoutCheck.expectClean(frame, in: rect)
  }
}
