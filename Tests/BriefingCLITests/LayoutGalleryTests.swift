import Foundation
import Testing

/// Every shipped layout renders every sample it is meant for, with zero warnings.
@Suite(.serialized) struct LayoutGalleryTests {
  /// (layout, sample, focus or nil, period)
  static let pairs: [(String, String, String?, String)] = [
    ("half-year-comparison", "jiuquan-2024h1", "肃州区", "2024-H1"),
    ("gallery", "jiuquan-2024h1", "肃州区", "2024-H1"),
    ("ranking-bulletin", "jiuquan-2024h1", nil, "2024-H1"),
    ("region-charts", "jiuquan-2024h1", nil, "2024-H1"),
    ("three-quarter-comparison-tw", "xuchang-2016q3", "魏都區", "2016-M09"),
    ("state-comparison-en", "midwest-2024q3", "Ohio", "2024-M09"),
  ]

  @Test(arguments: pairs)
  func rendersWithoutWarnings(_ layout: String, _ sample: String, _ focus: String?, _ period: String) throws {
    let out = try CLI.scratch()
    var arguments = [
      "render", "--data", "Samples/" + sample, "--layout", "Layouts/\(layout).yaml", "--period",
      period, "--out", out, "--dpi", "40",
    ]
    if let focus { arguments += ["--focus", focus] }
    let result = try CLI.run(arguments)
    #expect(result.status == 0, "\(layout) × \(sample): \(result.stderr)")
    #expect(result.stderr.isEmpty, "\(layout) × \(sample) warnings: \(result.stderr)")
    #expect(!result.stdout.isEmpty)
  }

  /// Each region sheet is one page, as a briefing sheet must be; the English one's table shows
  /// the indicators' short names (`names: short`), which helps keep it on one page.
  @Test(arguments: pairs.filter { $0.0.contains("comparison") })
  func regionSheetsFitOnOnePage(_ layout: String, _ sample: String, _ focus: String?, _ period: String) throws {
    let out = try CLI.scratch()
    let result = try CLI.run([
      "render", "--data", "Samples/" + sample, "--layout", "Layouts/\(layout).yaml", "--period",
      period, "--focus", focus ?? "", "--out", out,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let pdf = try #require(result.stdout.split(separator: "\n").map(String.init).first { $0.hasSuffix(".pdf") })
    #expect(try CLI.tool("pdfinfo", [pdf]).contains("Pages:           1"), "\(layout) is not one page")
    if layout == "state-comparison-en" {
      let table = try CLI.tool("pdftotext", ["-layout", pdf, "-"]).split(separator: "\n")
        .filter { $0.contains("15,400") }  // the permits row of the KPI table
      #expect(table.count == 1 && table[0].contains("Housing permits"), "\(table)")
    }
  }

  @Test func regionChartsAreNamedPredictably() throws {
    let out = try CLI.scratch()
    let result = try CLI.run([
      "render", "--data", "Samples/jiuquan-2024h1", "--layout", "Layouts/region-charts.yaml",
      "--period", "2024-H1", "--out", out,
    ])
    #expect(result.status == 0)
    let path = out + "/region-charts-2024-H1/肃州区/gdp.png"
    let png = try #require(FileManager.default.contents(atPath: path))
    // 800 × 500 px at 96 dpi, as the layout says.
    let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
    let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
    #expect(width == 800 && height == 500)
    // 9 regions × 14 main indicators.
    #expect(result.stdout.split(separator: "\n").count == 9 * 14)
  }
}

/// Region pack (bursting): a sheet per member plus a combined PDF with one outline entry each.
@Suite(.serialized) struct RegionPackTests {
  @Test func burstsAndCombinesWithAnOutlinePerRegion() throws {
    let out = try CLI.scratch()
    let result = try CLI.run([
      "render", "--data", "Samples/jiuquan-2024h1", "--every-region", "--period", "2024-H1", "--out", out,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty, "\(result.stderr)")
    let files = result.stdout.split(whereSeparator: \.isNewline)
    #expect(files.count == 10)
    let combined = out + "/half-year-comparison-酒泉市-2024-H1-all.pdf"
    let outline = try CLI.tool("qpdf", ["--json", "--json-key=outlines", combined])
    for region in ["肃州区", "玉门市", "肃北蒙古族自治县", "酒泉经济技术开发区"] {
      #expect(outline.contains("\"title\": \"\(region)\""), "outline entry for \(region)")
    }
    let labels = try CLI.tool("qpdf", ["--json", "--json-key=pagelabels", combined])
    #expect(labels.contains("\"/P\": \"u:肃州 \""), "page labels name the region")
  }
}
