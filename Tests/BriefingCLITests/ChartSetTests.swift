import Foundation
import Testing

/// `scope: charts` layouts: focus selection, formats, and output independent of thread count.
@Suite(.serialized) struct ChartSetTests {
  static let base = [
    "render", "--data", "Samples/jiuquan-2024h1", "--layout", "Layouts/region-charts.yaml",
    "--period", "2024-H1",
  ]

  /// Every file under `folder`, by relative path.
  static func files(_ folder: String) throws -> [String: Data] {
    let paths = try FileManager.default.subpathsOfDirectory(atPath: folder)
    var files: [String: Data] = [:]
    for path in paths where !path.hasSuffix("/") {
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
      if !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: folder + "/" + path) }
    }
    return files
  }

  @Test func sameBytesNamesAndMessagesForAnyThreadCount() throws {
    let one = try CLI.scratch()
    let three = try CLI.scratch()
    let serial = try CLI.run(Self.base + ["--out", one, "--jobs", "1", "--format", "both"])
    let parallel = try CLI.run(Self.base + ["--out", three, "--jobs", "3", "--format", "both"])
    #expect(serial.status == 0 && parallel.status == 0, "\(serial.stderr) \(parallel.stderr)")
    let (serialPaths, parallelPaths) = (
      serial.stdout.replacingOccurrences(of: one, with: ""),
      parallel.stdout.replacingOccurrences(of: three, with: "")
    )
    #expect(serialPaths == parallelPaths)
    #expect(serial.stderr == parallel.stderr)
    let (a, b) = (try Self.files(one), try Self.files(three))
    #expect(a.count == 9 * 14 * 2)
    #expect(a == b)
  }

  @Test func focusRendersOneChartPerIndicatorForThatRegion() throws {
    let out = try CLI.scratch()
    let result = try CLI.run(Self.base + ["--out", out, "--focus", "肃州"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 14)
    #expect(lines.allSatisfy { $0.contains("/region-charts-2024-H1/肃州区/") && $0.hasSuffix(".png") })
  }

  @Test func focusListKeepsItsOrderAndSkipsComments() throws {
    let out = try CLI.scratch()
    let list = out + "/focus.txt"
    let text = "# two regions\n玉门市\n\n肃州区  # the seat\n"
    try text.write(toFile: list, atomically: true, encoding: .utf8)
    let result = try CLI.run(Self.base + ["--out", out, "--focus-list", list])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 28)
    #expect(lines.first?.contains("/玉门市/") == true)
    #expect(lines.last?.contains("/肃州区/") == true)
  }

  @Test func unknownRegionInFocusListIsADataError() throws {
    let out = try CLI.scratch()
    let list = out + "/focus.txt"
    try "肃州区\n不存在区\n".write(toFile: list, atomically: true, encoding: .utf8)
    let result = try CLI.run(Self.base + ["--out", out, "--focus-list", list])
    #expect(result.status == 65)
    #expect(result.stderr.contains("不存在区"))
  }

  @Test func focusListNeedsAChartsLayout() throws {
    let out = try CLI.scratch()
    let list = out + "/focus.txt"
    try "肃州区\n".write(toFile: list, atomically: true, encoding: .utf8)
    let result = try CLI.run([
      "render", "--data", "Samples/jiuquan-2024h1", "--period", "2024-H1", "--out", out,
      "--focus-list", list,
    ])
    #expect(result.status == 65)
    #expect(result.stderr.contains("focus-list-needs-charts"))
  }

  @Test func bothWritesPNGAndSVGOfEachChart() throws {
    let out = try CLI.scratch()
    let result = try CLI.run(Self.base + ["--out", out, "--focus", "肃州区", "--format", "both"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 28)
    #expect(lines[0].hasSuffix("/gdp.png") && lines[1].hasSuffix("/gdp.svg"))
    let svg = try String(contentsOfFile: lines[1], encoding: .utf8)
    #expect(svg.contains("<svg") && svg.contains("width=\"600pt\""))
  }

  @Test func pdfPutsEveryChartOfARegionOnItsOwnPage() throws {
    let out = try CLI.scratch()
    let result = try CLI.run(Self.base + ["--out", out, "--focus", "肃州区", "--format", "pdf"])
    #expect(result.status == 0, "\(result.stderr)")
    let path = out + "/region-charts-2024-H1/肃州区.pdf"
    #expect(result.stdout == path + "\n")
    let info = try CLI.tool("pdfinfo", [path])
    #expect(info.contains("Pages:           14"))
    let outline = try CLI.tool("qpdf", ["--json", "--json-key=outlines", path])
    #expect(outline.contains("地区生产总值同比增速"))
  }
}
