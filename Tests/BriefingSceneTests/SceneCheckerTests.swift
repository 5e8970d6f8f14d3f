import BriefingCore
import Testing

@testable import BriefingScene

/// The scene checker on hand-built pages: each kind of violation is found and named (sheet,
/// page, component, layout location), and what is allowed is not reported.
@Suite struct SceneCheckerTests {
  static let checker = SceneChecker(minimumTextSize: 6)
  static let style = TextStyle(family: "Noto Sans CJK SC", size: 9)
  static let location = SourceLocation(file: "sheet.yaml", line: 12, column: 9)

  /// A text run with its box at `x, y` (`width × 10` pt).
  static func text(_ text: String, x: Double, y: Double, width: Double = 40, size: Double = 9)
    -> FrameItem
  {
    var style = Self.style
    style.size = size
    return .text(
      TextRun(
        text: text, origin: Point(x: x, y: y), style: style, size: Size(width: width, height: 10)))
  }

  /// One page (200 × 200 pt) with a component `rankedBar` in 0,0 100×100 drawing `items`, and
  /// `chrome` outside it.
  static func page(_ items: [FrameItem], chrome: [FrameItem] = [], coverage: [Coverage] = [])
    -> Page
  {
    Page(
      size: Size(width: 200, height: 200),
      items: chrome + [.group(name: "rankedBar", clip: nil, items: items)],
      panels: [
        Panel(
          component: "rankedBar", title: "增速", location: location, key: "sections[0].components[0]",
          rect: Rect(x: 0, y: 0, width: 100, height: 100), items: chrome.count..<(chrome.count + 1),
          coverage: coverage)
      ])
  }

  func codes(_ findings: [Finding]) -> [String] { findings.map(\.message.code) }

  @Test func aCleanPageHasNoFindings() {
    let page = Self.page(
      [Self.text("甲", x: 0, y: 0), Self.text("乙", x: 40.4, y: 0), Self.text("丙", x: 0, y: 9.6)],
      chrome: [Self.text("标题", x: 110, y: 0)])
    // Boxes sharing up to 0.5 pt touch; they do not overlap.
    #expect(Self.checker.check([page], reported: []).isEmpty)
  }

  @Test func overlappingTextsAreNamedWithTheirComponents() throws {
    let page = Self.page(
      [
        Self.text("肃州区", x: 0, y: 0), Self.text("+7.2%", x: 30, y: 5), Self.text("玉门", x: 0, y: 50),
      ],
      chrome: [Self.text("页眉", x: 0, y: 52)])
    let findings = Self.checker.check([page], reported: [], subject: "肃州区")
    #expect(codes(findings) == ["scene-text-overlap", "scene-text-overlap"])
    let within = try #require(findings.first)
    #expect(within.severity == .warning)
    #expect(within.location == Self.location)
    #expect(within.message.text == "肃州区, page 1, rankedBar 「增速」: “肃州区” overlaps “+7.2%”")
    #expect(findings[1].message.text.contains("“玉门” overlaps “页眉” (page header, footer or titles)"))
  }

  @Test func textOutsideItsComponentOrThePage() {
    let page = Self.page(
      [Self.text("甲", x: 90, y: 0), Self.text("乙", x: 0, y: 20)],
      chrome: [Self.text("页脚", x: 180, y: 195)])
    let findings = Self.checker.check([page], reported: [])
    #expect(codes(findings) == ["scene-text-outside-page", "scene-text-outside-component"])
    #expect(
      findings[0].message.text.hasPrefix(
        "page 1, page header, footer or titles: 1 text(s) outside the page"))
    #expect(
      findings[1].message.text.contains(
        "1 text(s) outside the component's area 0.0,0.0 100.0×100.0 pt, e.g. “甲”"))
  }

  @Test func shapesOutsideTheirComponent() {
    let bar = FrameItem.shape(Shape(.rect(Rect(x: 10, y: 10, width: 95, height: 5)), fill: .black))
    let findings = Self.checker.check([Self.page([Self.text("甲", x: 0, y: 0), bar])], reported: [])
    #expect(codes(findings) == ["scene-shape-outside-component"])
  }

  @Test func textBelowTheMinimumSize() {
    let page = Self.page([
      Self.text("甲", x: 0, y: 0, size: 4.2), Self.text("乙", x: 0, y: 20, size: 6),
    ])
    let findings = Self.checker.check([page], reported: [])
    #expect(codes(findings) == ["scene-text-too-small"])
    #expect(
      findings[0].message.text.contains(
        "1 text(s) below the 6.0 pt minimum (smallest 4.2 pt), e.g. “甲”"))
  }

  @Test func anEmptyComponentMustSayNoData() {
    #expect(codes(Self.checker.check([Self.page([])], reported: [])) == ["scene-empty-component"])
    let none = [Coverage("bars", asked: [], drawn: [])]
    let axesOnly = FrameItem.shape(Shape(.line(from: Point(x: 0, y: 90), to: Point(x: 90, y: 90))))
    #expect(
      codes(Self.checker.check([Self.page([axesOnly], coverage: none)], reported: [])) == [
        "scene-empty-component"
      ])
    let note = Self.text(NoDataNote.text(.chinese), x: 30, y: 40)
    #expect(Self.checker.check([Self.page([note], coverage: none)], reported: []).isEmpty)
  }

  /// The note counts in the script the sheet printed it in: 「无数据」, 「無數據」, `No data`.
  @Test(arguments: [NumberFormat.chinese, .traditional, .english])
  func theNoDataNoteCountsInEveryScript(_ format: NumberFormat) {
    let none = [Coverage("bars", asked: [], drawn: [])]
    let note = Self.text(NoDataNote.text(format), x: 30, y: 40)
    #expect(Self.checker.check([Self.page([note], coverage: none)], reported: []).isEmpty)
  }

  @Test func marksLeftOutMustBeNamedByAWarning() throws {
    let coverage = [Coverage("bars", asked: ["甲", "乙", "丙"], drawn: ["甲"])]
    let page = Self.page([Self.text("甲", x: 0, y: 0)], coverage: coverage)
    let named = Finding(.warning, .init(code: "overflow", text: "ranked-bar: 乙 left out"))
    let notice = Finding(.notice, .init(code: "overflow", text: "ranked-bar: 丙 left out"))
    let findings = Self.checker.check([page], reported: [named, notice], subject: "肃州区")
    #expect(codes(findings) == ["scene-left-out-silently"])
    let finding = try #require(findings.first)
    #expect(
      finding.message.text
        == "肃州区, page 1, rankedBar 「增速」: 1 bars asked for and not drawn, named by no warning: “丙”")
  }

  @Test func marksLeftOutMayBeCountedOnTheSheetInstead() {
    func findings(statement: String, drawing caption: String) -> [Finding] {
      let coverage = [Coverage("rows", asked: ["甲", "乙", "丙"], drawn: ["甲"], statement: statement)]
      let page = Self.page(
        [Self.text("甲", x: 0, y: 0), Self.text("合计3个" + caption, x: 0, y: 80, width: 90)],
        coverage: coverage)
      return Self.checker.check([page], reported: [])
    }
    #expect(findings(statement: "；另有2个未列出", drawing: "；另有2个未列出").isEmpty)
    // Not drawn, or counting other than what is left out: silent after all.
    #expect(codes(findings(statement: "；另有2个未列出", drawing: "")) == ["scene-left-out-silently"])
    #expect(
      codes(findings(statement: "；另有1个未列出", drawing: "；另有1个未列出")) == ["scene-left-out-silently"])
  }

  @Test func partsOfAContinuedTableAreOneComponent() {
    let first = Self.page(
      [Self.text("甲", x: 0, y: 0)], coverage: [Coverage("rows", asked: ["甲", "乙"], drawn: ["甲"])])
    let second = Self.page(
      [Self.text("乙", x: 0, y: 0)], coverage: [Coverage("rows", asked: ["乙"], drawn: ["乙"])])
    #expect(Self.checker.check([first, second], reported: []).isEmpty)
    #expect(codes(Self.checker.check([first], reported: [])) == ["scene-left-out-silently"])
  }

  @Test func prependingAnchorsKeepsPanelsOnTheirItems() {
    var page = Self.page([Self.text("甲", x: 0, y: 0)], chrome: [Self.text("页眉", x: 110, y: 0)])
    page.prepend([.anchor(Bookmark(title: "甲")), .anchor(Bookmark(title: "乙"))])
    let panel = page.panels[0]
    #expect(panel.items == 3..<4)
    guard case .group(let name, _, _) = page.items[panel.items.lowerBound] else {
      Issue.record("panel points at \(page.items[panel.items.lowerBound])")
      return
    }
    #expect(name == "rankedBar")
  }

  @Test func theLayoutComposerRecordsEveryComponentAsAPanel() throws {
    let tables = TablePaginationTests()
    let (pages, findings) = try tables.compose(
      TablePaginationTests.bulletin, tables.context(members: 52, indicators: 5))
    try #require(pages.count > 2)
    for page in pages {
      let groups = page.items.indices.filter {
        if case .group = page.items[$0] { true } else { false }
      }
      #expect(page.panels.map(\.items) == groups.map { $0..<($0 + 1) })
      for panel in page.panels {
        guard case .group(let name, _, _) = page.items[panel.items.lowerBound] else { continue }
        #expect(name == panel.component)
        #expect(panel.coverage.map(\.marks) == ["rows", "indicators"])
      }
    }
    // The parts of each continued table are one component.
    #expect(
      Set(pages.flatMap(\.panels).map(\.key)) == [
        "sections[0].components[0]", "sections[1].components[0]",
      ])
    #expect(SceneChecker(theme: Fixtures.theme).check(pages, reported: findings).isEmpty)
  }
}
