import Foundation
import Testing
import ZIPFoundation

/// End to end: the shipped half-year layout on the 酒泉-style sample, read back with poppler.
@Suite(.serialized) struct RenderTests {
  static let args = [
    "render", "--data", "Samples/jiuquan-2024h1", "--layout", "Layouts/half-year-comparison.yaml",
    "--focus", "肃州区", "--period", "2024-H1", "--dpi", "60",
  ]

  @Test func halfYearSheetIsSearchableEmbeddedAndMatchesTheData() throws {
    let out = try CLI.scratch()
    let result = try CLI.run(Self.args + ["--out", out])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty, "no warnings: \(result.stderr)")
    let pdf = out + "/half-year-comparison-肃州区-2024-H1.pdf"
    #expect(result.stdout.contains(pdf))
    #expect(FileManager.default.fileExists(atPath: out + "/half-year-comparison-肃州区-2024-H1.png"), "one page")

    let text = try CLI.tool("pdftotext", [pdf, "-"])
    #expect(text.contains("肃州区2024年上半年主要经济指标对比分析"))
    // Narrow charts fall back to the short name (regions.csv `short_name`).
    for (name, short) in [
      ("肃州区", "肃州"), ("玉门市", "玉门"), ("敦煌市", "敦煌"), ("瓜州县", "瓜州"), ("金塔县", "金塔"),
      ("肃北蒙古族自治县", "肃北"), ("阿克塞哈萨克族自治县", "阿克塞"), ("嘉峪关片区", "嘉峪关片区"),
      ("酒泉经济技术开发区", "经开区"),
    ] {
      #expect(text.contains(name) || text.contains(short), "\(name) printed")
    }
    #expect(try CLI.tool("pdfinfo", [pdf]).contains("Pages:           1"), "the sheet is one A4 page")
    // Figures from Samples/jiuquan-2024h1/observations.csv, checked by hand:
    // GDP 2024-H1 132.60 (estimate) vs 2023-H1 125.57 → +5.6%; annual target 278.57 → 47.6%.
    for figure in ["132.60", "5.6", "47.6", "全市9个县（市、区）", "时序进度：50.0%"] {
      #expect(text.contains(figure), "\(figure) printed")
    }

    let fonts = try CLI.tool("pdffonts", [pdf])
    for row in fonts.split(separator: "\n").dropFirst(2) {
      let columns = row.split(separator: " ", omittingEmptySubsequences: true)
      #expect(columns.suffix(5).prefix(3) == ["yes", "yes", "yes"], "embedded, subset, unicode: \(row)")
    }
    let check = try CLI.tool("qpdf", ["--check", pdf])
    #expect(check.contains("No syntax or stream encoding errors"))
  }

  @Test func renderingTwiceGivesIdenticalBytes() throws {
    let first = try CLI.scratch()
    let second = try CLI.scratch()
    let environment = ["SOURCE_DATE_EPOCH": "1720000000"]
    #expect(try CLI.run(Self.args + ["--out", first], environment: environment).status == 0)
    #expect(try CLI.run(Self.args + ["--out", second], environment: environment).status == 0)
    for file in ["half-year-comparison-肃州区-2024-H1.pdf", "half-year-comparison-肃州区-2024-H1.png"] {
      let a = FileManager.default.contents(atPath: first + "/" + file)
      let b = FileManager.default.contents(atPath: second + "/" + file)
      #expect(a != nil && a == b, "\(file) identical")
    }
    let info = try CLI.tool("pdfinfo", [first + "/half-year-comparison-肃州区-2024-H1.pdf"])
    #expect(info.contains("2024"), "creation date from SOURCE_DATE_EPOCH (2024-07-03)")
  }

  @Test func badDataExits65WithLocationAndLeavesOutputsAlone() throws {
    let out = try CLI.scratch()
    let previous = out + "/half-year-comparison-肃州区-2024-H1.pdf"
    try Data("previous".utf8).write(to: URL(fileURLWithPath: previous))
    let data = try CLI.scratch()
    for file in ["regions.csv", "indicators.csv"] {
      try FileManager.default.copyItem(
        atPath: CLI.root + "/Samples/jiuquan-2024h1/" + file, toPath: data + "/" + file)
    }
    var lines = try String(contentsOfFile: CLI.root + "/Samples/jiuquan-2024h1/observations.csv", encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines[3] = lines[3].replacingOccurrences(of: ",261.57,", with: ",26l.57,")
    try lines.joined(separator: "\n").write(toFile: data + "/observations.csv", atomically: true, encoding: .utf8)
    let result = try CLI.run(
      ["render", "--data", data, "--layout", "Layouts/half-year-comparison.yaml", "--focus", "肃州区", "--out", out])
    #expect(result.status == 65)
    #expect(result.stderr.contains("observations.csv:4:"), "\(result.stderr)")
    #expect(FileManager.default.contents(atPath: previous) == Data("previous".utf8))
  }

  @Test func unknownFocusSuggestsTheClosestRegion() throws {
    let result = try CLI.run(
      ["render", "--data", "Samples/jiuquan-2024h1", "--focus", "肃州", "--out", try CLI.scratch()])
    // 肃州 is the short name, so it resolves; a typo does not.
    #expect(result.status == 0 || result.status == 65)
    let typo = try CLI.run(
      ["render", "--data", "Samples/jiuquan-2024h1", "--focus", "肃洲区", "--out", try CLI.scratch()])
    #expect(typo.status == 65)
    #expect(typo.stderr.contains("did you mean '肃州区'?"))
  }

  @Test func analyzeWritesTheFixedColumns() throws {
    let result = try CLI.run(["analyze", "--data", "Samples/jiuquan-2024h1", "--format", "csv"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(whereSeparator: \.isNewline)
    let header = lines.first.map(String.init) ?? ""
    #expect(
      header.hasPrefix(
        "indicator,period,group,region,value,unit,status,rank,rank_of,bottom_rank,rank_overall,"
          + "rank_overall_of,growth_rank,growth_rank_of,prior_period,prior_value,growth_pct,prev_period,"
          + "prev_value,prev_growth_pct,group_total,group_mean,group_growth_pct,share_pct,target,"
          + "completion_pct,time_progress_pct,progress_gap_pp,rank_change"))
    // 肃州区 GDP, H1 2024: value 132.6, rank 1 of 9, growth rank 4 of 9, completion 47.6…
    let row = lines.first { $0.hasPrefix("gdp,2024-H1,酒泉市,肃州区,") }
    #expect(row?.contains(",132.6,亿元,estimate,1,9,9,") == true, "\(row ?? "")")
  }
}

/// The comparison table as an Excel workbook: a valid package whose sheet carries the columns.
@Suite struct AnalyzeXLSXTests {
  @Test func writesAWorkbookWithTheFixedColumns() throws {
    let out = try CLI.scratch() + "/table.xlsx"
    let result = try CLI.run(["analyze", "--data", "Samples/jiuquan-2024h1", "--format", "xlsx", "--out", out])
    #expect(result.status == 0, "\(result.stderr)")
    let archive = try Archive(url: URL(fileURLWithPath: out), accessMode: .read)
    let sheet = try #require(archive["xl/worksheets/sheet1.xml"])
    var xml = Data()
    _ = try archive.extract(sheet) { xml.append($0) }
    let text = String(decoding: xml, as: UTF8.self)
    #expect(text.contains("<c r=\"A1\" t=\"inlineStr\"><is><t>indicator</t></is></c>"))
    #expect(text.contains("<t>completion_pct</t>"))
    #expect(archive["xl/workbook.xml"] != nil && archive["[Content_Types].xml"] != nil)
    let again = try CLI.scratch() + "/table.xlsx"
    _ = try CLI.run(["analyze", "--data", "Samples/jiuquan-2024h1", "--format", "xlsx", "--out", again])
    #expect(FileManager.default.contents(atPath: out) == FileManager.default.contents(atPath: again))
  }

  /// The streamed workbook (parts deflated on separate threads, `--jobs 3`) holds, cell for
  /// cell, what the CSV export holds: numbers in the same spelling, text unescaped, booleans as
  /// 1/0, empty fields as absent cells; every entry passes its CRC check on extraction.
  @Test func workbookCellsAreTheCSVFields() throws {
    let dir = try CLI.scratch()
    let xlsx = try CLI.run(["analyze", "--data", "Samples/jiuquan-2024h1", "--format", "xlsx", "--jobs", "3", "--out", dir + "/t.xlsx"])
    let csv = try CLI.run(["analyze", "--data", "Samples/jiuquan-2024h1", "--out", dir + "/t.csv"])
    #expect(xlsx.status == 0 && csv.status == 0, "\(xlsx.stderr) \(csv.stderr)")
    let archive = try Archive(url: URL(fileURLWithPath: dir + "/t.xlsx"), accessMode: .read)
    var sheet = Data()
    for entry in archive {
      var data = Data()
      _ = try archive.extract(entry) { data.append($0) }  // verifies the CRC-32
      if entry.path == "xl/worksheets/sheet1.xml" { sheet = data }
    }
    let cellPattern = try NSRegularExpression(
      pattern: #"<c r="([A-Z]+)(\d+)"(?: t="(\w+)")?>(?:<is><t>(.*?)</t></is>|<v>(.*?)</v>)</c>"#)
    let text = String(decoding: sheet, as: UTF8.self)
    var cells: [String: String] = [:]
    for match in cellPattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
      let part = { (n: Int) in Range(match.range(at: n), in: text).map { String(text[$0]) } }
      var value = part(4) ?? part(5) ?? ""
      value = value.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
      if part(3) == "b" { value = value == "1" ? "true" : "false" }
      cells[part(1)! + part(2)!] = value
    }
    let lines = try String(contentsOfFile: dir + "/t.csv", encoding: .utf8).split(separator: "\r\n")
    #expect(lines.count > 100)
    var compared = 0
    for (r, line) in lines.enumerated() {
      // The sample's fields hold no quotes or commas, so a plain split is the CSV reading.
      for (c, field) in line.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
        let reference = Self.columnName(c) + "\(r + 1)"
        #expect(cells[reference] == (field.isEmpty ? nil : String(field)), "\(reference)")
        compared += field.isEmpty ? 0 : 1
      }
    }
    #expect(compared == cells.count)
  }

  /// 0 → A, 26 → AA (spreadsheet column names).
  private static func columnName(_ index: Int) -> String {
    index < 26 ? String(UnicodeScalar(UInt8(65 + index))) : columnName(index / 26 - 1) + columnName(index % 26)
  }

  /// `--transparent`: PNG charts keep an alpha channel (colour type 6) and a clear corner;
  /// without it they are opaque RGB (colour type 2).
  @Test(arguments: [(true, UInt8(6)), (false, UInt8(2))])
  func transparentBackground(_ transparent: Bool, _ colourType: UInt8) throws {
    let out = try CLI.scratch()
    let result = try CLI.run(
      [
        "render", "--data", "Samples/jiuquan-2024h1", "--layout", "Layouts/region-charts.yaml",
        "--period", "2024-H1", "--focus", "肃州区", "--out", out,
      ] + (transparent ? ["--transparent"] : []))
    #expect(result.status == 0, "\(result.stderr)")
    let png = try #require(FileManager.default.contents(atPath: out + "/region-charts-2024-H1/肃州区/gdp.png"))
    #expect(png[25] == colourType)
  }

  @Test func aPeriodAbsentFromTheDataIsRefusedWithTheLikelyOne() throws {
    let out = try CLI.scratch()
    let result = try CLI.run([
      "render", "--data", "Samples/midwest-2024q3", "--layout", "Layouts/state-comparison-en.yaml",
      "--focus", "Ohio", "--period", "2024-Q3", "--out", out,
    ])
    #expect(result.status == 65)
    #expect(result.stderr.contains("no period '2024-Q3'"))
    #expect(result.stderr.contains("did you mean '2024-M09'?"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
  }

  @Test func xlsxToStandardOutputIsAUsageError() throws {
    let result = try CLI.run(["analyze", "--data", "Samples/jiuquan-2024h1", "--format", "xlsx"])
    #expect(result.status == 65)
    #expect(result.stderr.contains("--out FILE.xlsx"))
  }
}
