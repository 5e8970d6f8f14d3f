import Testing

@testable import BriefingScene

@Suite struct TextBlockComposerTests {
  let items: [TextBlockItem] = [
    .paragraph("上半年全区地区生产总值增长4.2%，低于全市平均0.3个百分点，增速居全市第4位。"),
    .bullet("亮点：社会消费品零售总额增长8.8%，增速居全市第1位。"),
    .bullet("短板：固定资产投资下降3.1%，完成年度目标41.0%，落后时序进度9.0个百分点。", marker: "▲"),
  ]

  @Test func wrapsInsideTheRectWithoutOverlap() {
    let rect = Rect(x: 36, y: 36, width: 200, height: 300)
    let frame = TextBlockComposer().compose(input: items, in: rect, theme: Fixtures.theme, measurer: Fixtures.measurer)
    #expect(frame.findings.isEmpty)
    expectLegible(frame.items, in: rect)
    #expect(frame.items.flatMap(\.textRuns).contains { $0.wrapWidth != nil && $0.size.height > 13 })
  }

  @Test func overflowIsReportedAndItemsStayWhole() {
    let rect = Rect(x: 0, y: 0, width: 200, height: 60)
    let frame = TextBlockComposer().compose(input: items, in: rect, theme: Fixtures.theme, measurer: Fixtures.measurer)
    #expect(frame.findings.map(\.message.code) == ["overflow"])
    expectLegible(frame.items, in: rect)
  }
}
