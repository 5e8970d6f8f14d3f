@testable import BriefingDocument
import BriefingRender
import BriefingScene
import Foundation
import Testing
import TestSupport

// MARK: - The Word copy read back by python-docx

/// Each .docx is read back by Debian's python-docx and compared with the scene the PDF draws:
/// every paragraph of the headline and the lists, every cell of the tables (text, colour,
/// weight, alignment), every chart picture (the same PNG drawn from its part of the page), the
/// footer and the properties. Skipped, saying so, without python3-docx.
@Suite(.serialized, .enabled(if: DocxReading.available, Comment(rawValue: DocxReading.missing)))
struct DocxReadBackTests {
  @Test func halfYearSheetReadsBackAsTheSceneDrawsIt() throws {
    let sheet = try ComposedSheet.sample("half-year-comparison.yaml", focus: "肃州区")
    let reading = try DocxReading.read(try sheet.docx())
    let paragraphs = reading.paragraphs.compactMap(\.text)
    var tables = reading.tables.makeIterator()
    var sawHeadline = false
    var sawLists = false
    var sawTable = false
    for (panel, page) in sheet.contents {
      let drawn = page.drawnTexts(panel)
      switch panel.content {
      case .paragraphs(let texts):
        for text in texts {
          #expect(drawn.contains(text), "\(panel.label): the scene's paragraph is drawn")
          #expect(paragraphs.contains(text), "\(panel.label): paragraph missing from the docx: \(text)")
          sawHeadline = true
        }
      case .lists(let lists):
        for list in lists {
          for line in [list.title] + list.items {
            #expect(drawn.contains(line), "\(panel.label): the list line is drawn")
            #expect(paragraphs.contains(line), "\(panel.label): list line missing from the docx: \(line)")
          }
          sawLists = true
        }
      case .table(let table):
        let next = tables.next()
        let read = try #require(next, "\(panel.label): no Word table")
        #expect(read.header_rows == Array(table.header.indices), "header rows repeat on every page")
        let body = try #require(read.rows).dropFirst(table.header.count)
        #expect(body.count == table.rows.count)
        for (row, readRow) in zip(table.rows, body) {
          #expect(readRow.map(\.text) == row.cells.map(\.text))
          // An empty cell (no change mark, no status) draws nothing and has no run to colour.
          for (column, (cell, readCell)) in zip(row.cells, readRow).enumerated() where !cell.text.isEmpty {
            // What the PDF shows: the cell text is drawn (whole, unless shortened with …).
            #expect(drawn.contains(cell.text) || drawn.contains { $0.hasSuffix("…") }, "\(cell.text) is drawn")
            #expect(readCell.color == String(cell.color.description.dropFirst().prefix(6)).uppercased())
            #expect(readCell.bold == cell.bold)
            let aligned = String(describing: table.alignments[column]).uppercased()
            #expect(readCell.alignment?.hasPrefix(aligned) == true, "\(cell.text) alignment")
          }
        }
        sawTable = true
      case nil: break
      }
    }
    #expect(sawHeadline && sawLists && sawTable)
    let extra = tables.next()
    #expect(extra == nil, "no table beyond the scene's")

    // Title, facts line, footer and properties.
    let text = sheet.document.text
    #expect(paragraphs.prefix(2) == [text.title, text.subtitle])
    #expect(reading.footer.map { $0.trimmingCharacters(in: .whitespaces) } == [text.footer])
    #expect(reading.core.title == sheet.scene.info.title)
    #expect(reading.core.subject == "2024年上半年")
    #expect(reading.core.creator == "Briefing test")
    #expect(reading.core.description?.contains("data as of 2024-06-30") == true)
    #expect(reading.core.created?.hasPrefix("2024-06-30T00:00:00") == true)
  }

  /// The rank matrix, the township task table and the red-line panel are Word tables (not
  /// pictures) whose cells read back as the strings the PDF draws, in the Markdown copy as pipe
  /// tables and not as chart placeholders.
  @Test func rankMatrixTownshipTableAndRedLinesAreNativeTables() throws {
    let sheet = try ComposedSheet.sample("half-year-comparison.yaml", focus: "肃州区")
    let reading = try DocxReading.read(try sheet.docx())
    let markdown = MarkdownWriter.write(sheet.document)
    let tables = sheet.document.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    #expect(reading.tables.count == tables.count)
    for kind in ["rankMatrix", "subRegionTable", "redLinePanel"] {
      let found = sheet.contents.first { $0.panel.component == kind }
      let (panel, page) = try #require(found, "\(kind) is on the sheet")
      guard case .table(let table) = panel.content else {
        Issue.record("\(kind) is recorded as a table")
        continue
      }
      #expect(!table.rows.isEmpty, "\(kind) has rows")
      let drawn = page.drawnTexts(panel)
      for cell in table.rows.flatMap(\.cells) where !cell.text.isEmpty {
        // Drawn whole, or shortened with … to fit its column (the record keeps the whole text).
        let shortened = drawn.contains { $0.hasSuffix("…") && cell.text.hasPrefix($0.dropLast()) }
        #expect(drawn.contains(cell.text) || shortened, "\(kind): \(cell.text) is drawn as recorded")
      }
      let index = try #require(tables.firstIndex(of: table), "\(kind) is one of the document's tables")
      let read = try #require(reading.tables[index].rows).dropFirst(table.header.count)
      #expect(read.map { $0.map(\.text) } == table.rows.map { $0.cells.map(\.text) }, "\(kind): Word cells are the scene's")
      for line in MarkdownWriter.table(table) where !line.isEmpty { #expect(markdown.contains(line), "\(kind): pipe table line \(line)") }
      if let note = table.note {
        #expect(drawn.contains(note), "\(kind): the note is drawn")
        #expect(reading.paragraphs.contains { $0.text == note }, "\(kind): the note follows the Word table")
      }
      if let title = panel.title {
        #expect(!markdown.contains("〔图：\(title)，"), "\(kind) is not a chart placeholder")
      }
    }
  }

  /// The rank matrix's light good/alarm cell backgrounds reach Word: every recorded cell fill
  /// is one the PDF draws in that panel, and the Word cell carries it as shading.
  @Test func rankMatrixCellBackgroundsReachWord() throws {
    let sheet = try ComposedSheet.sample("half-year-comparison.yaml", focus: "肃州区")
    let reading = try DocxReading.read(try sheet.docx())
    let (panel, page) = try #require(sheet.contents.first { $0.panel.component == "rankMatrix" })
    guard case .table(let table) = panel.content else {
      Issue.record("rank matrix is a table")
      return
    }
    let filled = table.rows.flatMap(\.cells).filter { $0.fill != nil }
    #expect(!filled.isEmpty, "the sample has first and bottom places on light fills")
    let drawn = page.drawnRectangleFills(panel)
    for cell in filled { #expect(drawn.contains(cell.fill!), "\(cell.text): its fill is drawn") }
    let tables = sheet.document.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    let index = try #require(tables.firstIndex(of: table))
    let read = try #require(reading.tables[index].rows).dropFirst(table.header.count)
    for (recorded, word) in zip(table.rows, read) {
      for (cell, wordCell) in zip(recorded.cells, word) {
        #expect(wordCell.fill == cell.fill.map(XMLText.hex), "\(cell.text): Word shading")
      }
    }
  }

  @Test func everyChartIsThePictureOfItsPartOfThePage() throws {
    let sheet = try ComposedSheet.sample("half-year-comparison.yaml", focus: "肃州区")
    let reading = try DocxReading.read(try sheet.docx())
    let figures = sheet.document.figures
    let images = try sheet.figureImages()
    #expect(!figures.isEmpty)
    #expect(reading.images.count == figures.count)
    for (figure, (image, read)) in zip(figures, zip(images, reading.images)) {
      let hash = try sha256(image)
      #expect(read.sha256 == hash, "figure \(figure.number) is the scene's part, drawn again")
      // Print resolution: 200 dpi or better.
      #expect(Double(read.width) >= figure.rect.width * 200 / 72 - 1)
      if let caption = figure.caption {
        #expect(reading.paragraphs.contains { $0.text == caption && $0.style == "Figure Caption" })
      }
    }
  }

  @Test func headlineReadsAsThePDFPrintsIt() throws {
    let sheet = try ComposedSheet.sample("half-year-comparison.yaml", focus: "肃州区")
    let pdf = try PDFRenderer.render(sheet.scene)
    let folder = try TestScratch.folder("docx-pdf")
    try Data(pdf).write(to: URL(fileURLWithPath: folder + "/sheet.pdf"))
    let printed = try DocxReading.run("/usr/bin/pdftotext", ["-enc", "UTF-8", folder + "/sheet.pdf", "-"])
    let squeezed = printed.stdout.filter { !$0.isWhitespace }
    let reading = try DocxReading.read(try sheet.docx())
    let headline = try #require(sheet.document.blocks.first { if case .paragraph = $0 { true } else { false } })
    guard case .paragraph(let text) = headline else { return }
    #expect(reading.paragraphs.contains { $0.text == text })
    #expect(squeezed.contains(text.filter { !$0.isWhitespace }), "the PDF prints the docx's headline")
  }

  /// 52 members: the bulletin's tables run over several PDF pages and are one Word table each,
  /// all 52 rows, the two header rows repeated (`w:tblHeader`), the region cell spanning both.
  @Test func fiftyTwoRowBulletinIsOneWordTablePerSection() throws {
    let sheet = try ComposedSheet.corpus("52-members-half-year-simplified-long", layout: "ranking-bulletin.yaml")
    #expect(sheet.scene.pages.count > 1, "the PDF continues the tables on later pages")
    let reading = try DocxReading.read(try sheet.docx())
    #expect(reading.tables.count == 3)
    for table in reading.tables {
      let rows = try #require(table.rows)
      #expect(table.header_rows == [0, 1])
      #expect(rows.count == 2 + 52)
      #expect(rows[0].first?.vmerge == "restart")
      #expect(rows[1].first?.vmerge == "continue")
      #expect(rows[0].dropFirst().allSatisfy { $0.span == 4 }, "indicator names span their four columns")
    }
    let names = sheet.contents.compactMap { panel, _ -> [String]? in
      guard case .table(let table) = panel.content else { return nil }
      return table.rows.map { $0.cells[0].text }
    }.joined()
    let readNames = reading.tables.flatMap { ($0.rows ?? []).dropFirst(2).map { $0[0].text } }
    #expect(readNames == Array(names))
  }

  @Test func gongwenStyleSetsOfficialMarginsAndFonts() throws {
    let sheet = try ComposedSheet.sample("half-year-comparison.yaml", focus: "肃州区")
    let bytes = try sheet.docx(gongwen: true)
    let reading = try DocxReading.read(bytes)
    #expect(reading.paragraphs.first?.text == sheet.document.text.title)
    let styles = try DocxReading.run("/usr/bin/unzip", ["-p", try write(bytes), "word/styles.xml"]).stdout
    #expect(styles.contains(#"w:eastAsia="方正小标宋简体""#))
    #expect(styles.contains(#"w:eastAsia="仿宋_GB2312""#))
    #expect(styles.contains(#"<w:sz w:val="32"/>"#), "body 3号 16 pt")
    #expect(styles.contains(#"<w:sz w:val="44"/>"#), "title 2号 22 pt")
    #expect(styles.contains(#"w:line="579" w:lineRule="exact""#), "22 lines a page")
    let fonts = try DocxReading.run("/usr/bin/unzip", ["-p", try write(bytes), "word/fontTable.xml"]).stdout
    #expect(fonts.contains(#"<w:altName w:val="FangSong"/>"#))
    let section = try DocxReading.run(DocxReading.python, [
      "-c", "import docx,sys; s=docx.Document(sys.argv[1]).sections[0]; print(round(s.top_margin.mm), round(s.bottom_margin.mm), round(s.left_margin.mm), round(s.right_margin.mm))",
      try write(bytes),
    ]).stdout
    #expect(section.trimmingCharacters(in: .whitespacesAndNewlines) == "37 35 28 26")
  }

  /// `sha256sum` of `bytes`, hex.
  private func sha256(_ bytes: [UInt8]) throws -> String {
    let path = try write(bytes)
    return String(try DocxReading.run("/usr/bin/sha256sum", [path]).stdout.prefix(64))
  }

  private func write(_ bytes: [UInt8]) throws -> String {
    let path = try TestScratch.folder("docx-raw") + "/sheet.docx"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }
}
