import Testing

@testable import BriefingScene

@Suite struct SceneDumperTests {
  @Test func dumpsEveryItemKindRounded() {
    let style = TextStyle(family: "Noto Sans CJK SC", size: 9, bold: true, color: .black)
    let scene = Scene(
      info: DocumentInfo(title: "标题 \"q\"", creator: "Briefing"),
      pages: [
        Page(
          size: .a4, label: "1",
          items: [
            .anchor(Bookmark(title: "标题")),
            .group(
              name: "g", clip: Rect(x: 0, y: 0, width: 10, height: 10),
              items: [
                .text(TextRun(text: "a\nb", origin: Point(x: 1.234, y: 2.005), style: style, size: Size(width: 3, height: 4))),
                .shape(Shape(.line(from: .zero, to: Point(x: 1, y: 1)), stroke: StrokeStyle(color: .black, width: 0.5, dash: [3, 2]))),
                .shape(Shape(.circle(center: .zero, radius: 2), fill: .white)),
              ]),
          ])
      ])
    let text = SceneDumper().dump(scene)
    #expect(text.contains("scene title=\"标题 \\\"q\\\"\""))
    #expect(text.contains("page 1 label=\"1\" 595.28×841.89"))
    #expect(text.contains("  anchor 0 \"标题\""))
    #expect(text.contains("  group \"g\" clip=0.00,0.00 10.00×10.00"))
    #expect(text.contains("    text \"a\\nb\" 1.23,2.01 3.00×4.00 \"Noto Sans CJK SC\" 9.00 bold #000000 zh-cn left"))
    #expect(text.contains("    line 0.00,0.00 -> 1.00,1.00 stroke=#000000/0.50 dash=3.00,2.00"))
    #expect(text.contains("    circle 0.00,0.00 r=2.00 fill=#FFFFFF"))
    #expect(SceneDumper().dump(scene) == text)
  }
}
