import BriefingCore
import BriefingStats
import TestSupport
import Testing

@testable import BriefingScene

@Suite struct RankMatrixComposerTests {
  let composer = RankMatrixComposer()
  let rect = Rect(x: 36, y: 400, width: 400, height: 300)
  static let alarm = "#D62728"
  static let good = "#2E7D32"

  /// The focus region's row in a 9-region group: (rank, change) for level and growth.
  static func entry(
    _ id: String, _ name: String, level: (Int, Int?)?, growth: (Int, Int?)?, of count: Int = 9,
    status: ValueStatus? = nil
  ) -> KPIEntry {
    let indicator = Indicator(id: IndicatorID(id), name: name, unit: .yiYuan, decimals: 1)
    var row = Fixtures.row("泸县", value: 100, growth: 5, indicator: indicator, status: status)
    if let (rank, change) = level {
      row.rank = rank
      row.rankOf = count
      row.bottomRank = count - rank + 1
      row.rankChange = change
    }
    if let (rank, change) = growth {
      row.growthRank = rank
      row.growthRankOf = count
      row.growthBottomRank = count - rank + 1
      row.growthRankChange = change
    }
    return KPIEntry(indicator: indicator, row: row)
  }

  static let entries = [
    entry("gdp", "地区生产总值", level: (1, 0), growth: (3, 2)),
    entry("fai", "固定资产投资", level: (8, -1), growth: (9, -3)),
    entry("retail", "社会消费品零售总额", level: (4, nil), growth: (1, 1)),
    entry("revenue", "一般公共预算收入", level: (5, 0), growth: (5, 0), status: .masked),
    entry("exports", "外贸进出口总额", level: nil, growth: nil),
  ]

  var data: RankMatrixData { composer.prepare(RankMatrixInput(entries: Self.entries)) }

  func texts(_ frame: ComposedFrame) -> [TextRun] { frame.items.flatMap(\.textRuns) }

  @Test func formatsRanksChangesAndTones() {
    let rows = data.rows
    #expect(data.headers == ["指标", "总量位次", "增速位次"])
    #expect(rows.map(\.level.text) == ["1/9", "8/9", "4/9", "—", "—"])
    // Revenue's level is masked; its published growth keeps the rank the table gave it.
    #expect(rows.map(\.growth.text) == ["3/9", "9/9", "1/9", "5/9", "—"])
    #expect(rows.map(\.level.changeText) == ["", "▼1", "", "", ""])
    #expect(rows.map(\.growth.changeText) == ["▲2", "▼3", "▲1", "", ""])
    #expect(rows.map(\.level.tone) == [.good, .alarm, .normal, .normal, .normal])
    #expect(rows.map(\.growth.tone) == [.normal, .alarm, .good, .normal, .normal])
    #expect(rows[0].growth.changeTone == .good)
    #expect(rows[1].level.changeTone == .alarm)
  }

  @Test func bottomRanksOfSmallGroupsAreNotAlarms() {
    let small = composer.prepare(RankMatrixInput(entries: [Self.entry("a", "甲", level: (3, nil), growth: (2, nil), of: 3)]))
    #expect(small.rows[0].level.tone == .normal)
    #expect(small.rows[0].growth.tone == .normal)
  }

  @Test func composesLegiblyWithFillsAndBoldAlarms() {
    let frame = composer.compose(data, in: rect, theme: Fixtures.theme, measurer: Fixtures.measurer)
    #expect(frame.findings.isEmpty)
    expectLegible(frame.items, in: rect)
    expectShapesInside(frame.items, rect)
    let runs = texts(frame)
    #expect(runs.filter { $0.style.color.description == Self.alarm }.map(\.text) == ["8/9", "▼1", "9/9", "▼3"])
    #expect(runs.filter { $0.style.color.description == Self.good }.map(\.text) == ["1/9", "▲2", "1/9", "▲1"])
    #expect(runs.filter(\.style.bold).map(\.text).filter { $0.contains("/") } == ["8/9", "9/9"])
    // Two light good fills and two light alarm fills, each behind its cell text.
    let boxes = frame.items.shapes.compactMap { shape -> (Rect, Color)? in
      if case .rect(let r) = shape.geometry, let fill = shape.fill { return (r, fill) }
      return nil
    }
    #expect(boxes.count == 4)
    for (_, fill) in boxes {
      #expect(fill.red > 0.7 && fill.green > 0.7 && fill.blue > 0.7, "fill \(fill) is not light")
    }
    for text in ["8/9", "9/9"] {
      let run = runs.first { $0.text == text }!
      #expect(boxes.contains { $0.0.contains(run.bounds) })
    }
    // Ranks right-aligned within each column, change marks beside them.
    let level = runs.filter { ["1/9", "8/9", "4/9"].contains($0.text) && $0.origin.x < 300 }
    #expect(Set(level.map { ($0.bounds.maxX * 100).rounded() }).count == 1)
    let down = runs.first { $0.text == "▼1" }!
    #expect(down.bounds.minX > level[0].bounds.maxX)
  }

  @Test func englishHeaders() {
    let english = composer.prepare(RankMatrixInput(entries: Self.entries, format: .english))
    #expect(english.headers == ["Indicator", "Level rank", "Growth rank"])
  }

  @Test func fortyIndicatorsOverflowWholeRows() {
    let entries = (1...40).map { i in
      Self.entry("i\(i)", "指标第\(i)项", level: ((i % 9) + 1, i % 3 - 1), growth: (((i * 4) % 9) + 1, 1 - i % 3))
    }
    let full = composer.prepare(RankMatrixInput(entries: entries))
    let first = composer.composeFitting(full, in: rect, theme: Fixtures.theme, measurer: Fixtures.measurer)
    #expect(!first.remaining.isEmpty)
    expectLegible(first.frame.items, in: rect)
    expectShapesInside(first.frame.items, rect)
    let shown = texts(first.frame).filter { $0.text.hasPrefix("指标第") }.count
    #expect(shown + first.remaining.count == 40)
    #expect(first.remaining.first?.name == "指标第\(shown + 1)项")
    // Every drawn row has all its cells.
    #expect(texts(first.frame).filter { $0.text.hasSuffix("/9") }.count == shown * 2)
    #expect(first.frame.bounds.maxY <= rect.maxY + 1e-9)
    var rest = RankMatrixData(headers: full.headers, rows: first.remaining)
    var pages = 1
    while !rest.rows.isEmpty, pages < 10 {
      let page = composer.composeFitting(rest, in: rect, theme: Fixtures.theme, measurer: Fixtures.measurer)
      #expect(texts(page.frame).contains { $0.text == "指标" })
      expectLegible(page.frame.items, in: rect)
      #expect(page.remaining.count < rest.rows.count)
      rest.rows = page.remaining
      pages += 1
    }
    #expect(rest.rows.isEmpty)
    let flagged = composer.compose(full, in: rect, theme: Fixtures.theme, measurer: Fixtures.measurer)
    #expect(flagged.findings.map(\.message.code) == ["overflow"])
    #expect(flagged.findings[0].message.text.contains("\(first.remaining.count) row"))
  }

  @Test func narrowMatricesShrinkInsteadOfOverlapping() {
    let narrow = Rect(x: 0, y: 0, width: 150, height: 300)
    let frame = composer.compose(data, in: narrow, theme: Fixtures.theme, measurer: Fixtures.measurer)
    expectLegible(frame.items, in: narrow)
    expectShapesInside(frame.items, narrow)
  }

  @Test func tooLowForTheHeader() {
    let low = Rect(x: 0, y: 0, width: 300, height: 5)
    let result = composer.composeFitting(data, in: low, theme: Fixtures.theme, measurer: Fixtures.measurer)
    #expect(result.frame.findings.map(\.message.code) == ["area-too-small"])
    #expect(result.remaining.count == 5)
  }

  @Test func noRows() {
    let frame = composer.compose(composer.prepare(RankMatrixInput(entries: [])), in: rect, theme: Fixtures.theme, measurer: Fixtures.measurer)
    #expect(frame.findings.map(\.message.code) == ["no-data"])
  }

  @Test func snapshot() {
    let frame = composer.compose(data, in: rect, theme: Fixtures.theme, measurer: Fixtures.measurer)
    expectLegible(frame.items, in: rect)
    let lines = SceneDumper().dump(frame.group("frame"))
      + frame.findings.map { "finding \($0.severity.rawValue) \($0.message.code): \($0.message.text)" }
    assertSnapshot(lines.joined(separator: "\n") + "\n", name: "rank-matrix")
  }
}
