import BriefingCore
import BriefingStats
import Testing

@testable import BriefingScene

@Suite struct RankingTableComposerTests {
  let rect = Rect(x: 20, y: 20, width: 560, height: 300)
  let indicators = ["地区生产总值", "规上工业增加值", "固定资产投资"].enumerated().map {
    Indicator(id: IndicatorID("i\($0.offset)"), name: $0.element, unit: .yiYuan)
  }

  func input(_ rows: (Indicator) -> [ComparisonRow], names: [RegionID: String] = Fixture.names)
    -> RankingTableInput
  {
    RankingTableInput(
      groups: indicators.map { RankingGroup(indicator: $0, rows: rows($0)) }, order: Fixture.ids,
      names: names, focus: Fixture.focus)
  }

  func compose(_ input: RankingTableInput, in rect: Rect? = nil) -> PagedFrame {
    RankingTableComposer().composeFitting(
      input, in: rect ?? self.rect, theme: Fixture.theme, measurer: Fixture.measurer)
  }

  @Test func ninePlacesColoured() {
    let out = compose(input { Fixture.rows($0) })
    LayoutCheck.expectClean(out.frame, in: rect)
    #expect(out.remaining.isEmpty)
    #expect(Fixture.focusTexts(out.frame) == ["肃州区"])
    let runs = LayoutCheck.texts(out.frame.items)
    let good = Fixture.theme.text(.tableCellGood).color
    let alarm = Fixture.theme.text(.tableCellAlarm).color
    // Per group: one first place by value and one by growth; two last places each.
    #expect(runs.filter { $0.style.color == good && $0.style.bold }.count == 6)
    #expect(runs.filter { $0.style.color == alarm }.count == 12)
    #expect(runs.contains { $0.text == "增速位次" })
  }

  @Test func paginatesWithRepeatedHeader() {
    let small = Rect(x: 20, y: 20, width: 560, height: 90)
    let first = compose(input { Fixture.rows($0) }, in: small)
    LayoutCheck.expectClean(first.frame, in: small)
    #expect(!first.remaining.isEmpty)
    let next = compose(input { Fixture.rows($0) }.continuing(with: first.remaining), in: small)
    LayoutCheck.expectClean(next.frame, in: small)
    #expect(LayoutCheck.texts(next.frame.items).contains { $0.text == "地区" })
    let drawn = { (o: PagedFrame) in
      LayoutCheck.texts(o.frame.items).filter { Fixture.names.values.contains($0.text) }.count
    }
    #expect(drawn(first) + first.remaining.count == 9)
    #expect(drawn(next) + next.remaining.count == first.remaining.count)
  }

  @Test func missingMaskedNarrowLongOne() {
    let gaps = compose(input { Fixture.rowsWithGaps($0) })
    LayoutCheck.expectClean(gaps.frame, in: rect)
    let texts = LayoutCheck.texts(gaps.frame.items).map(\.text)
    #expect(texts.contains("*") && texts.contains("—"))
    let narrow = Rect(x: 0, y: 0, width: 260, height: 300)
    let dropped = compose(input { Fixture.rows($0) }, in: narrow)
    LayoutCheck.expectClean(dropped.frame, in: narrow)
    #expect(dropped.frame.findings.contains { $0.message.code == "columns-dropped" })
    LayoutCheck.expectClean(
      compose(input({ Fixture.rows($0) }, names: Fixture.longNames)).frame, in: rect)
    var one = input { Fixture.rows($0, count: 1) }
    one.order = [Fixture.focus]
    LayoutCheck.expectClean(compose(one).frame, in: rect)
    LayoutCheck.expectClean(compose(input { Fixture.rows($0, negative: true) }).frame, in: rect)
  }
}
