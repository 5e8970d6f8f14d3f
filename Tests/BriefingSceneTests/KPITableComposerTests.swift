import BriefingCore
import BriefingStats
import Testing

@testable import BriefingScene

@Suite struct KPITableComposerTests {
  let composer = KPITableComposer()
  let rect = Rect(x: 36, y: 400, width: 523, height: 300)

  static func entry(
    _ id: String, _ name: String, value: Double?, growth: Double?, completion: Double?,
    rank: (Int, Int)?, growthRank: (Int, Int)?, gap: Double?
  ) -> KPIEntry {
    let indicator = Indicator(id: IndicatorID(id), name: name, unit: .yiYuan, decimals: 1)
    var row = Fixtures.row("泸县", value: value, growth: growth, indicator: indicator)
    row.completionPct = completion
    row.timeProgressPct = 50
    row.progressGapPp = completion.map { $0 - 50 }
    if let (r, n) = rank {
      row.rank = r
      row.rankOf = n
      row.bottomRank = n - r + 1
    }
    if let (r, n) = growthRank {
      row.growthRank = r
      row.growthRankOf = n
      row.growthBottomRank = n - r + 1
    }
    row.growthGapToGroupPp = gap
    return KPIEntry(indicator: indicator, row: row)
  }

  static let entries = [
    entry("gdp", "地区生产总值", value: 280.1, growth: 4.2, completion: 52.3, rank: (2, 7), growthRank: (5, 7), gap: -0.4),
    entry("fai", "固定资产投资", value: 95.6, growth: -3.1, completion: 41.0, rank: (6, 7), growthRank: (7, 7), gap: -5.2),
    entry("retail", "社会消费品零售总额", value: 120.3, growth: 8.8, completion: 55.0, rank: (1, 7), growthRank: (1, 7), gap: 2.5),
    entry("revenue", "一般公共预算收入", value: nil, growth: nil, completion: nil, rank: nil, growthRank: nil, gap: nil),
  ]

  var data: KPITableData { composer.prepare(KPITableInput(entries: Self.entries)) }

  @Test func formatsAndTonesCells() {
    let rows = data.rows
    #expect(rows[0].cells.map(\.text) == ["地区生产总值", "亿元", "280.1", "4.2", "52.3", "+2.3", "2/7", "5/7", "-0.4"])
    #expect(rows[1].cells[4].tone == .alarm)
    #expect(rows[1].cells[5].tone == .alarm)
    #expect(rows[1].cells[6].tone == .alarm)
    #expect(rows[1].cells[7].tone == .alarm)
    #expect(rows[2].cells[6].tone == .good)
    #expect(rows[0].cells[6].tone == .normal)
    #expect(rows[3].cells.dropFirst(2).allSatisfy { $0.text == "—" })
  }

  @Test func composesLegiblyWithRightAlignedNumbers() {
    let frame = composer.compose(data, in: rect, theme: Fixtures.theme, measurer: Fixtures.measurer)
    #expect(frame.findings.isEmpty)
    expectLegible(frame.items, in: rect)
    expectShapesInside(frame.items, rect)
    let numbers = frame.items.flatMap(\.textRuns).filter { $0.text == "280.1" || $0.text == "95.6" }
    #expect(numbers.count == 2)
    #expect(abs(numbers[0].bounds.maxX - numbers[1].bounds.maxX) < 0.01)
    let red = frame.items.flatMap(\.textRuns).filter { $0.style.color.description == "#D62728" }
    #expect(red.map(\.text) == ["41.0", "-9.0", "6/7", "7/7"])
    let green = frame.items.flatMap(\.textRuns).filter { $0.style.color.description == "#2E7D32" }
    #expect(green.map(\.text) == ["1/7", "1/7"])
  }

  @Test func rowsThatDoNotFitAreReturnedWhole() {
    let short = Rect(x: 36, y: 0, width: 523, height: 80)
    let result = composer.composeFitting(data, in: short, theme: Fixtures.theme, measurer: Fixtures.measurer)
    #expect(!result.remaining.isEmpty)
    #expect(result.remaining.count < 4)
    expectLegible(result.frame.items, in: short)
    let next = KPITableData(columns: data.columns, headers: data.headers, rows: result.remaining)
    let page2 = composer.composeFitting(next, in: rect, theme: Fixtures.theme, measurer: Fixtures.measurer)
    #expect(page2.remaining.isEmpty)
    #expect(page2.frame.items.flatMap(\.textRuns).contains { $0.text == "指标" })
    let flagged = composer.compose(data, in: short, theme: Fixtures.theme, measurer: Fixtures.measurer)
    #expect(flagged.findings.map(\.message.code) == ["overflow"])
  }

  @Test func narrowTablesShrinkTextInsteadOfOverlapping() {
    let narrow = Rect(x: 0, y: 0, width: 330, height: 300)
    let frame = composer.compose(data, in: narrow, theme: Fixtures.theme, measurer: Fixtures.measurer)
    expectLegible(frame.items, in: narrow)
  }

  @Test func englishHeaders() {
    let english = composer.prepare(KPITableInput(entries: Self.entries, format: .english))
    #expect(english.headers.first == "Indicator")
    #expect(english.rows[2].cells[6].text == "1/7")
  }
}

// MARK: - Latin words

/// An English table never breaks a Latin word (「Indicato / r」): every wrapped text, headers
/// and indicator names alike, is given at least the width of each of its words; when the table
/// is too narrow for that, its text shrinks first. Widths from a page column to a full page.
@Suite struct KPITableLatinWordTests {
  static let entries = [
    KPITableComposerTests.entry(
      "gdp", "Gross regional product", value: 28_010.4, growth: 4.2, completion: 52.3,
      rank: (2, 7), growthRank: (5, 7), gap: -0.4),
    KPITableComposerTests.entry(
      "manufacturing", "Manufacturing", value: 9_560.2, growth: -3.1, completion: 41.0,
      rank: (6, 7), growthRank: (7, 7), gap: -5.2),
    KPITableComposerTests.entry(
      "fdi", "FDI", value: 120.3, growth: 8.8, completion: 55.0, rank: (1, 7),
      growthRank: (1, 7), gap: 2.5),
  ]

  @Test(arguments: Array(stride(from: 280.0, through: 560, by: 10)))
  func latinWordsAreNeverBroken(width: Double) {
    let composer = KPITableComposer()
    let data = composer.prepare(KPITableInput(entries: Self.entries, format: .english))
    let area = Rect(x: 20, y: 20, width: width, height: 300)
    let frame = composer.compose(
      data, in: area, theme: Fixtures.theme, measurer: Fixtures.measurer)
    for run in frame.items.flatMap(\.textRuns) {
      guard let wrap = run.wrapWidth else { continue }
      let words = run.text.split(whereSeparator: \.isWhitespace).filter { word in
        !word.unicodeScalars.contains { $0.properties.isIdeographic }
      }
      for word in words {
        let wide = Fixtures.measurer.width(String(word), style: run.style)
        #expect(wide <= wrap + 1e-9, "width \(width): “\(word)” of “\(run.text)” in \(wrap) pt")
      }
    }
  }
}

// MARK: - Header widths

/// A header wraps to at most two lines and never inside a Latin word; CJK headers may break
/// anywhere. Fixed metrics: Latin 0.55 em, CJK 1 em.
@Suite struct HeaderWidthTests {
  @Test(arguments: [
    ("Growth (%)", 0.0, 6 * 0.55, "the longest word 'Growth' fits on one line"),
    ("vs last year (pp)", 0.0, 4 * 0.55, "two lines at most, no word split"),
    ("同比增长（%）", 0.0, 3.0, "CJK: about half the header, two lines"),
    ("Rank", 80.0, 0.0, "content wider than the header wins"),
  ])
  func headerWidth(_ header: String, _ content: Double, _ atLeastEm: Double, _ label: String) {
    let styles = TableStyles(theme: Fixtures.theme)
    let measurer = FixedMetricsMeasurer()
    let inner = styles.headerInnerWidth(header, content: content, measurer: measurer)
    let em = styles.header.size
    #expect(inner >= max(content, atLeastEm * em) - 1e-9, "\(label)")
    #expect(measurer.measure(header, style: styles.header, wrapWidth: inner).lineCount <= 2)
  }
}
