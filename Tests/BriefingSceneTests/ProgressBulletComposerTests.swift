import BriefingCore
import BriefingStats
import TestSupport
import Testing

@testable import BriefingScene

@Suite struct ProgressBulletComposerTests {
  let composer = ProgressBulletComposer()
  let rect = Rect(x: 36, y: 300, width: 523, height: 200)

  /// The focus region's row of a 9-region group with a completion against time progress 50 %.
  static func entry(_ id: String, _ name: String, completion: Double?, time: Double = 50) -> KPIEntry {
    let indicator = Indicator(id: IndicatorID(id), name: name, unit: .yiYuan, decimals: 1)
    var row = Fixtures.row("泸县", value: 100, growth: 5, indicator: indicator)
    row.rankOf = 9
    row.completionPct = completion
    row.timeProgressPct = time
    row.progressGapPp = completion.map { $0 - time }
    return KPIEntry(indicator: indicator, row: row)
  }

  static let entries = [
    entry("gdp", "地区生产总值", completion: 52.3),
    entry("fai", "固定资产投资", completion: 47.6),
    entry("retail", "社会消费品零售总额", completion: 112.4),
    entry("revenue", "一般公共预算收入", completion: nil),
    entry("industry", "规上工业增加值", completion: 38.0),
  ]

  func frame(_ entries: [KPIEntry], format: NumberFormat = .chinese, in rect: Rect? = nil) -> ComposedFrame {
    let area = rect ?? self.rect
    let frame = composer.compose(
      input: ProgressBulletInput(entries: entries, format: format), in: area, theme: Fixtures.theme,
      measurer: Fixtures.measurer)
    expectLegible(frame.items, in: area)
    expectShapesInside(frame.items, area)
    return frame
  }

  func run(_ frame: ComposedFrame, _ text: String) -> TextRun? {
    frame.items.flatMap(\.textRuns).first { $0.text == text }
  }

  @Test func preparesInGivenOrderAndSkipsIndicatorsWithoutTarget() {
    let data = composer.prepare(ProgressBulletInput(entries: Self.entries))
    #expect(data.bullets.map(\.name) == ["地区生产总值", "固定资产投资", "社会消费品零售总额", "规上工业增加值"])
    #expect(data.bullets.map(\.label) == ["52.3%", "47.6%", "112.4%", "38.0%"])
    #expect(data.bullets.map(\.isBehind) == [false, true, false, true])
    #expect(data.skipped == ["一般公共预算收入"])
    #expect(data.timeProgressLabel == "时序进度50%")
  }

  @Test func composesBulletsWithTimeProgressLine() throws {
    let frame = frame(Self.entries)
    #expect(frame.findings.map(\.message.code) == ["no-target"])
    #expect(frame.findings[0].severity == .notice)
    #expect(frame.findings[0].message.text.contains("一般公共预算收入"))
    let label = try #require(run(frame, "时序进度50%"))
    let bar = theme.fill(.barFill)
    let alarm = theme.fill(.alarmFill)
    // Completion bars: alarm when behind.
    let bars = frame.items.shapes.filter { $0.fill == bar || $0.fill == alarm }
    #expect(bars.map { $0.fill == alarm } == [false, true, false, true])
    // The time-progress line crosses every bullet and sits under its label.
    let lines = frame.items.shapes.compactMap { shape -> (Point, Point)? in
      if case .line(let a, let b) = shape.geometry { return (a, b) }
      return nil
    }
    #expect(lines.count == 1)
    let (top, bottom) = lines[0]
    #expect(abs(label.bounds.midX - top.x) < 0.01)
    #expect(top.y >= label.bounds.maxY)
    for case .rect(let box) in bars.map(\.geometry) {
      #expect(box.minY >= top.y && box.maxY <= bottom.y)
    }
    // Behind labels in alarm style, others normal.
    #expect(run(frame, "47.6%")?.style == theme.text(.labelAlarm))
    #expect(run(frame, "38.0%")?.style == theme.text(.labelAlarm))
    #expect(run(frame, "52.3%")?.style == theme.text(.labelValue))
  }

  @Test func completionOverHundredExtendsPastTheTrack() throws {
    let frame = frame(Self.entries)
    let track = theme.fill(.trackFill)
    let tracks = frame.items.shapes.filter { $0.fill == track }.compactMap { shape -> Rect? in
      if case .rect(let r) = shape.geometry { return r }
      return nil
    }
    #expect(tracks.count == 4)
    let hundred = try #require(tracks.first).maxX
    let bars = frame.items.shapes.filter { $0.fill == theme.fill(.barFill) }.compactMap { shape -> Rect? in
      if case .rect(let r) = shape.geometry { return r }
      return nil
    }
    let longest = try #require(bars.map(\.maxX).max())
    #expect(longest > hundred + 1)
    // 112.4 % is not clipped: its width is 1.124 × the track's.
    let x0 = try #require(tracks.first).minX
    #expect(abs((longest - x0) / (hundred - x0) - 1.124) < 1e-6)
    let label = try #require(run(frame, "112.4%"))
    #expect(label.bounds.minX > longest)
  }

  @Test func allBehindTheLine() {
    let entries = [
      Self.entry("a", "地区生产总值", completion: 30.1), Self.entry("b", "固定资产投资", completion: 12.0),
      Self.entry("c", "社会消费品零售总额", completion: 49.9),
    ]
    let frame = frame(entries)
    #expect(frame.findings.isEmpty)
    let alarm = theme.text(.labelAlarm)
    #expect(["30.1%", "12.0%", "49.9%"].allSatisfy { run(frame, $0)?.style == alarm })
    #expect(frame.items.shapes.filter { $0.fill == theme.fill(.barFill) }.isEmpty)
    #expect(frame.items.shapes.filter { $0.fill == theme.fill(.alarmFill) }.count == 3)
  }

  @Test func englishLabel() {
    let frame = frame(Self.entries, format: .english)
    #expect(run(frame, "Time progress 50%") != nil)
  }

  @Test func fractionalTimeProgressKeepsItsDecimal() {
    let data = composer.prepare(ProgressBulletInput(entries: [Self.entry("a", "甲", completion: 60, time: 58.3)]))
    #expect(data.timeProgressLabel == "时序进度58.3%")
  }

  @Test func longNamesAreTruncatedWithFinding() {
    let entries = [Self.entry("a", "某某某某某某某某某某某某某某某某某某某某指标", completion: 40)]
    let narrow = Rect(x: 0, y: 0, width: 200, height: 60)
    let frame = frame(entries, in: narrow)
    #expect(frame.findings.map(\.message.code) == ["label-truncated"])
    #expect(frame.items.flatMap(\.textRuns).contains { $0.text.hasSuffix("…") })
  }

  @Test func nothingWithATarget() {
    let frame = frame([Self.entry("a", "甲", completion: nil)])
    #expect(frame.findings.map(\.message.code) == ["no-data", "no-target"])
    // The panel says so instead of staying blank.
    #expect(frame.items.flatMap(\.textRuns).map(\.text) == ["无数据"])
  }

  @Test func manyBulletsInALowAreaShrinkButStayLegible() {
    let entries = (1...30).map { Self.entry("i\($0)", "指标\($0)", completion: Double($0 * 4)) }
    let low = Rect(x: 36, y: 36, width: 400, height: 160)
    let frame = frame(entries, in: low)
    #expect(frame.findings.map(\.message.code).contains("text-shrunk"))
  }

  var theme: ResolvedTheme { Fixtures.theme }

  @Test func snapshot() {
    let frame = frame(Self.entries)
    let lines = SceneDumper().dump(frame.group("frame"))
      + frame.findings.map { "finding \($0.severity.rawValue) \($0.message.code): \($0.message.text)" }
    assertSnapshot(lines.joined(separator: "\n") + "\n", name: "progress-bullet")
  }
}

extension ProgressBulletComposerTests {
  @Test func labelsAreNotCrossedByTheTimeProgressLine() {
    let frame = frame(Self.entries)
    let lineX = frame.items.shapes.compactMap { shape -> Double? in
      if case .line(let a, _) = shape.geometry { return a.x }
      return nil
    }.first ?? 0
    for run in frame.items.flatMap(\.textRuns) where run.text.hasSuffix("%") && !run.text.hasPrefix("时序") {
      #expect(!(run.bounds.minX < lineX && run.bounds.maxX > lineX), "'\(run.text)' is crossed by the line")
    }
  }
}
