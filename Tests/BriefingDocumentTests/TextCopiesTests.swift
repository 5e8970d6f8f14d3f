@testable import BriefingDocument
import BriefingScene
import Foundation
import Testing
import TestSupport

// MARK: - Markdown, plain text, determinism, LibreOffice

@Suite(.serialized) struct TextCopiesTests {
  private static let black = TextStyle(family: "Noto Sans CJK SC")

  /// A two-row header (region spanning both rows, an indicator over two columns) and a cell
  /// holding `|`.
  private static let table = TableContent(
    header: [[TableHeaderCell("地区", rows: 2), TableHeaderCell("地区生产总值", columns: 2)], [TableHeaderCell("总量"), TableHeaderCell("增速(%)")]],
    alignments: [.left, .right, .right],
    rows: [
      TableContentRow(cells: [TableContentCell("肃州区", style: black), TableContentCell("132.60", style: black), TableContentCell("5.6", style: black)]),
      TableContentRow(cells: [TableContentCell("A|B", style: black), TableContentCell("9.86", style: black), TableContentCell("-0.1", style: black)]),
    ])

  @Test func headerCellsOverAColumnJoinIntoItsTitle() {
    #expect(Self.table.columnTitles(separator: " ") == ["地区", "地区生产总值 总量", "地区生产总值 增速(%)"])
  }

  /// The rank matrix's header: a title over a rank column and its change-mark column, one row.
  private static let rankHeader = TableContent(
    header: [[TableHeaderCell("指标"), TableHeaderCell("总量位次", columns: 2), TableHeaderCell("增速位次", columns: 2)]],
    alignments: [.left, .right, .center, .right, .center],
    rows: [TableContentRow(cells: ["地区生产总值", "1/9", "", "4/9", "▲1"].map { TableContentCell($0, style: black) })])

  @Test func aTitleOverAMarkColumnIsWrittenOnceNotRepeated() {
    #expect(Self.rankHeader.columnTitles(separator: " ") == ["指标", "总量位次", "", "增速位次", ""])
    #expect(MarkdownWriter.table(Self.rankHeader)[0] == "| 指标 | 总量位次 |  | 增速位次 |  |")
  }

  /// The red-line panel: two columns and no header row.
  private static let headerless = TableContent(
    header: [], alignments: [.left, .center],
    rows: [
      TableContentRow(cells: [TableContentCell("PM10 78 微克/立方米，限值 76，超出 2", style: black), TableContentCell("超限", style: black)]),
      TableContentRow(cells: [TableContentCell("较大以上事故 0 起，限值 0，余量 0", style: black), TableContentCell("达标", style: black)]),
    ])

  @Test func aTableWithoutHeaderIsAListInMarkdownAndHasNoEmptyTitleLineInText() {
    #expect(MarkdownWriter.table(Self.headerless) == [
      "- PM10 78 微克/立方米，限值 76，超出 2 — 超限", "- 较大以上事故 0 起，限值 0，余量 0 — 达标",
    ])
    let text = PlainTextWriter.table(Self.headerless)
    #expect(text.count == 2)
    #expect(text[0].hasPrefix("PM10 78") && text[0].hasSuffix("超限"))
  }

  @Test func markdownTableEscapesPipesAndAlignsNumbersRight() {
    let lines = MarkdownWriter.table(Self.table)
    #expect(lines[0] == "| 地区 | 地区生产总值 总量 | 地区生产总值 增速(%) |")
    #expect(lines[1] == "| :--- | ---: | ---: |")
    #expect(lines[3] == #"| A\|B | 9.86 | -0.1 |"#)
  }

  @Test func plainTextColumnsAlignByDisplayWidth() {
    let lines = PlainTextWriter.table(Self.table)
    // 肃州区 is 6 columns wide, A|B 3: the numbers after them end in the same display column.
    func end(of number: String, in line: String) -> Int? {
      line.range(of: number).map { DisplayWidth.of(String(line[..<$0.upperBound])) }
    }
    #expect(end(of: "132.60", in: lines[2]) == end(of: "9.86", in: lines[3]))
    #expect(end(of: "5.6", in: lines[2]) == end(of: "-0.1", in: lines[3]))
    #expect(lines[2].hasPrefix("肃州区  ") && lines[3].hasPrefix("A|B     "))
  }

  @Test func sheetCopiesHoldEveryWordOfTheScene() throws {
    let sheet = try ComposedSheet.sample("half-year-comparison.yaml", focus: "肃州区")
    let markdown = MarkdownWriter.write(sheet.document)
    let text = PlainTextWriter.write(sheet.document)
    for (panel, _) in sheet.contents {
      switch panel.content {
      case .paragraphs(let paragraphs):
        for paragraph in paragraphs {
          #expect(text.contains(paragraph))
          #expect(markdown.contains(MarkdownWriter.inline(paragraph)))
        }
      case .lists(let lists):
        for line in lists.flatMap(\.items) {
          #expect(text.contains(line))
          #expect(markdown.contains(MarkdownWriter.inline(line)))
        }
      case .table(let table):
        for cell in table.rows.flatMap(\.cells) where !cell.text.isEmpty { #expect(text.contains(cell.text) && markdown.contains(MarkdownWriter.cell(cell.text))) }
      case nil: break
      }
    }
    #expect(markdown.hasPrefix("# " + sheet.scene.info.title))
    #expect(markdown.contains("〔图：地区生产总值增速，见 PDF〕"), "a chart is named, not dropped")
  }

  @Test func englishAndTraditionalSheetsHaveTheirOwnPlaceholders() throws {
    let english = try ComposedSheet.sample("state-comparison-en.yaml", focus: "Ohio", data: "midwest-2024q3", period: "2024-M09")
    #expect(english.document.language.hasPrefix("en"))
    let figure = SheetDocument.Figure(page: 0, rect: Rect(x: 0, y: 0, width: 1, height: 1), caption: "GDP", number: 1)
    #expect(english.document.placeholder(figure) == "[Chart: GDP (see the PDF)]")
    #expect(MarkdownWriter.write(english.document).hasPrefix("# " + english.scene.info.title))
  }

  @Test func sameSceneGivesTheSameDocxBytes() throws {
    let sheet = try ComposedSheet.sample("half-year-comparison.yaml", focus: "肃州区")
    let first = try sheet.docx()
    let second = try ComposedSheet.sample("half-year-comparison.yaml", focus: "肃州区").docx()
    #expect(first == second)
    #expect(try sheet.docx(gongwen: true) == sheet.docx(gongwen: true))
  }

  /// LibreOffice opens the Word copy and prints it as a PDF. Skipped, saying so, where it is
  /// not installed (it is too big for `make test`; apt-get install libreoffice-writer-nogui).
  @Test(.enabled(if: Self.soffice != nil, Comment(rawValue: Self.sofficeMissing)))
  func libreOfficeConvertsTheDocxToAPDF() throws {
    let soffice = try #require(Self.soffice)
    let sheet = try ComposedSheet.sample("half-year-comparison.yaml", focus: "肃州区")
    let folder = try TestScratch.folder("docx-libreoffice")
    try Data(try sheet.docx()).write(to: URL(fileURLWithPath: folder + "/sheet.docx"))
    let profile = "-env:UserInstallation=file://" + folder + "/profile"
    let result = try DocxReading.run(
      "/usr/bin/timeout", ["180", soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", folder, folder + "/sheet.docx"])
    #expect(result.status == 0, "\(result.stderr)")
    let info = try DocxReading.run("/usr/bin/pdfinfo", [folder + "/sheet.pdf"])
    #expect(info.status == 0)
    let text = try DocxReading.run("/usr/bin/pdftotext", ["-enc", "UTF-8", folder + "/sheet.pdf", "-"]).stdout
    #expect(text.contains("主要指标完成情况"))
  }

  static let soffice: String? = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  static let sofficeMissing =
    "SKIPPED: LibreOffice is not installed, so the .docx was not opened by a word processor (apt-get install --no-install-recommends libreoffice-writer-nogui)"
}
