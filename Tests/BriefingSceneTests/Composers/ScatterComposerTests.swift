import BriefingCore
import BriefingStats
import Testing

@testable import BriefingScene

@Suite struct ScatterComposerTests {
  let rect = Rect(x: 20, y: 30, width: 360, height: 260)

  func compose(_ rows: [ComparisonRow], names: [RegionID: String] = Fixture.names)
    -> ComposedFrame
  {
    ScatterComposer().compose(
      ScatterInput(rows: rows, names: names, indicator: Fixture.gdp, focus: Fixture.focus),
      in: rect, theme: Fixture.theme, measurer: Fixture.measurer)
  }

  @Test func nineRegions() {
    let out = compose(Fixture.rows())
    LayoutCheck.expectClean(out, in: rect)
    #expect(Fixture.focusTexts(out) == ["肃州区"])
    #expect(Fixture.focusShapes(out).count == 1)
    let texts = LayoutCheck.texts(out.items).map(\.text)
    #expect(texts.contains("地区生产总值（亿元）"))
    #expect(texts.contains("同比增长（%）"))
    #expect(Fixture.names.values.allSatisfy { texts.contains($0) })
  }

  @Test func missingAndMaskedAreNotedNotPlottedAtZero() {
    let out = compose(Fixture.rowsWithGaps())
    LayoutCheck.expectClean(out, in: rect)
    let note = LayoutCheck.texts(out.items).map(\.text).first { $0.hasPrefix("注：") }
    #expect(note?.contains("敦煌市（—）") == true)
    #expect(note?.contains("金塔县（*）") == true)
    #expect(
      LayoutCheck.shapes(out.items).filter { if case .circle = $0.geometry { true } else { false } }
        .count == 7)
  }

  @Test func oneRegionNegativeGrowthLongNames() {
    LayoutCheck.expectClean(compose(Array(Fixture.rows().prefix(1))), in: rect)
    LayoutCheck.expectClean(compose(Fixture.rows(negative: true)), in: rect)
    let out = compose(Fixture.rows(), names: Fixture.longNames)
    LayoutCheck.expectClean(out, in: rect)
  }

  /// Nine points piled on one spot: only a few labels find room.
  var crowdedRows: [ComparisonRow] {
    var rows = Fixture.rows()
    for i in rows.indices {
      rows[i].value = 100 + Double(i) * 0.1
      rows[i].growthPct = 5 + Double(i) * 0.01
    }
    return rows
  }

  @Test(arguments: [NumberFormat.chinese, .english])
  func labelsLeftOutAreCountedInACaption(format: NumberFormat) throws {
    let out = ScatterComposer().compose(
      input: ScatterInput(
        rows: crowdedRows, names: Fixture.names, indicator: Fixture.gdp, focus: Fixture.focus,
        format: format), in: rect, theme: Fixture.theme, measurer: Fixture.measurer)
    LayoutCheck.expectClean(out, in: rect)
    let texts = LayoutCheck.texts(out.items).map(\.text)
    let labels = texts.filter { Fixture.names.values.contains($0) }.count
    let dropped = out.findings.filter { $0.message.code == "label-dropped" }.count
    #expect(
      !out.findings.contains { $0.message.code == "labels-left-out" }, "a caption, not a finding")
    let caption = try #require(
      texts.first { $0.hasPrefix("另有") || $0.hasSuffix("not labelled") }, "\(texts)")
    let counted = Int(caption.filter(\.isNumber)) ?? 0
    #expect(labels + dropped + counted == 9)
    #expect(counted > 1)
    #expect(
      caption
        == (format.style == .chinese
          ? "另有\(counted)个地区未标注" : "\(counted) more regions not labelled"))
  }

  /// `count` members on a grid `columns` wide, dense enough that few labels fit inside the plot:
  /// the lowest growth's label (member 1's, an extreme's, which may go further out with a leader
  /// line) finds room only below the axis, where the caption goes.
  func grid(_ count: Int, columns: Int) -> (rows: [ComparisonRow], names: [RegionID: String]) {
    let template = Fixture.rows(count: 1)[0]
    let rows = (0..<count).map { index in
      var row = template
      row.region = RegionID("m\(index)")
      row.value = 100 + Double(index % columns) * 30
      row.growthPct = -10 + Double(index / columns) * 2 - (index == 1 ? 0.01 : 0)
      return row
    }
    let names = Dictionary(
      uniqueKeysWithValues: (0..<count).map { (RegionID("m\($0)"), "St Helena \($0 + 1)") })
    return (rows, names)
  }

  /// The caption counting the labels left out is kept free of labels: the extremes' labels,
  /// which may go far from their point with a leader line, never land on it (they did on a
  /// 52-member gallery sheet: “St Helena 41” over 「另有35个地区未标注」).
  @Test(arguments: [(52, 8, 260.0, 124.0), (20, 10, 170.0, 220.0), (30, 15, 260.0, 220.0)])
  func theCaptionIsKeptFreeOfLabels(count: Int, columns: Int, width: Double, height: Double)
    throws
  {
    let (rows, names) = grid(count, columns: columns)
    let area = Rect(x: 30, y: 124, width: width, height: height)
    let out = ScatterComposer().compose(
      ScatterInput(rows: rows, names: names, indicator: Fixture.gdp, focus: "m0"),
      in: area, theme: Fixture.theme, measurer: Fixture.measurer)
    LayoutCheck.expectClean(out, in: area)
    let texts = LayoutCheck.texts(out.items)
    let caption = try #require(texts.first { $0.text.hasPrefix("另有") })
    for label in texts where label.text.hasPrefix("St Helena") {
      #expect(!label.bounds.intersects(caption.bounds), "“\(label.text)” over the caption")
    }
  }

  @Test func noCaptionWhenEveryPointIsLabelled() {
    let out = compose(Fixture.rows())
    #expect(!LayoutCheck.texts(out.items).contains { $0.text.hasPrefix("另有") })
  }

  @Test func labelsNeverCoverPoints() {
    let out = compose(Fixture.rows())
    let circles = LayoutCheck.shapes(out.items).compactMap { shape -> Rect? in
      if case .circle = shape.geometry { LayoutCheck.bounds(shape) } else { nil }
    }
    let labels = LayoutCheck.texts(out.items).filter { Fixture.names.values.contains($0.text) }
    for label in labels {
      #expect(!circles.contains { $0.intersects(label.bounds) }, "“\(label.text)” covers a point")
    }
  }

  @Test func prepareSeparatesAbsentRegions() {
    let data = ScatterComposer().prepare(
      ScatterInput(
        rows: Fixture.rowsWithGaps(), names: Fixture.names, indicator: Fixture.gdp,
        focus: "r5"))
    #expect(data.points.first?.id == "r5")
    #expect(data.points.count == 7)
    #expect(data.absent.map(\.mark) == ["—", "*"])
    #expect(data.meanLevel != nil && data.groupGrowth != nil)
  }

  /// The half-year sheet's scatter is a third of the page wide and 116 pt high: both axes take
  /// as many ticks as their labels' measured sizes allow (heights on y, widths on x), at least
  /// two each, and no tick label lies over another.
  @Test(arguments: [(116.0, 1.0), (94.0, 1.0), (116.0, 10.0), (200.0, 1.0)])
  func tickLabelsKeepApartInShortPanels(height: Double, growthScale: Double) {
    var rows = Fixture.rows()
    for index in rows.indices {
      rows[index].growthPct = (rows[index].growthPct ?? 0) * growthScale + 160 * growthScale
    }
    let area = Rect(x: 20, y: 30, width: 170, height: height)
    let out = ScatterComposer().compose(
      ScatterInput(rows: rows, names: Fixture.names, indicator: Fixture.gdp, focus: Fixture.focus),
      in: area, theme: Fixture.theme, measurer: Fixture.measurer)
    LayoutCheck.expectClean(out, in: area)
    let numbers = LayoutCheck.texts(out.items).filter { Double($0.text) != nil }
    let y = numbers.filter { $0.alignment == .right }
    let x = numbers.filter { $0.alignment == .center }
    #expect(y.count >= 2 && x.count >= 2, "y \(y.map(\.text)), x \(x.map(\.text))")
    for axis in [y, x] {
      for (a, b) in zip(axis, axis.dropFirst()) {
        #expect(!a.bounds.intersects(b.bounds), "“\(a.text)” over “\(b.text)”")
      }
    }
  }

  @Test func englishTitles() {
    let out = ScatterComposer().compose(
      ScatterInput(
        rows: Fixture.rows(), names: Fixture.names, indicator: Fixture.gdp, focus: Fixture.focus,
        format: .english), in: rect, theme: Fixture.theme, measurer: Fixture.measurer)
    LayoutCheck.expectClean(out, in: rect)
    #expect(LayoutCheck.texts(out.items).contains { $0.text == "YoY growth (%)" })
  }
}
