import Foundation
import TestSupport
import Testing

/// The scene checker runs on every render before drawing: its warnings name the layout's
/// component (file:line:column), the sheet and the page; `--strict` refuses them (exit 65,
/// nothing written); `dump-scene` prints them too. And generated sheets render clean.
@Suite struct SceneCheckCLITests {
  /// The half-year sheet with a minimum text size above the sizes it sets (7 pt, its tables
  /// are 6.5–7 pt): the checker reports texts too small.
  func strictMinimumLayout() throws -> String {
    let folder = try CLI.scratch()
    let path = folder + "/half-year-min7.yaml"
    let yaml = try String(
      contentsOfFile: CLI.root + "/Layouts/half-year-comparison.yaml", encoding: .utf8
    )
    .replacingOccurrences(
      of: "    spacing.section: \"7\"\n",
      with: "    spacing.section: \"7\"\n    text.size.min: \"7\"\n")
    try yaml.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func renderReportsTheCheckersFindingsAndStrictRefusesThem() throws {
    let layout = try strictMinimumLayout()
    let args = [
      "render", "--data", "Samples/jiuquan-2024h1", "--layout", layout, "--focus", "肃州区",
      "--period", "2024-H1", "--dpi", "0",
    ]
    let plainOut = try CLI.scratch()
    let plain = try CLI.run(args + ["--out", plainOut])
    #expect(plain.status == 0, "\(plain.stderr)")
    // Located at the component in the layout, naming the sheet, the page and the component.
    #expect(
      plain.stderr.contains(
        "half-year-min7.yaml:30:9: warning: 肃州区, page 1, kpiTable: 11 text(s) below the 7.0 pt minimum"
      ),
      "\(plain.stderr)")
    #expect(plain.stderr.contains("[scene-text-too-small]"))
    #expect(
      FileManager.default.fileExists(atPath: plainOut + "/half-year-comparison-肃州区-2024-H1.pdf"))

    let strictOut = try CLI.scratch()
    let strict = try CLI.run(args + ["--out", strictOut, "--strict"])
    #expect(strict.status == 65, "\(strict.stderr)")
    #expect(strict.stderr.contains("error: 肃州区, page 1, kpiTable"), "\(strict.stderr)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: strictOut).isEmpty, "nothing written")

    let dump = try CLI.run([
      "dump-scene", "--data", "Samples/jiuquan-2024h1", "--layout", layout, "--focus", "肃州区",
      "--period", "2024-H1", "--measure", "fixed",
    ])
    #expect(dump.status == 0, "\(dump.stderr)")
    #expect(dump.stderr.contains("[scene-text-too-small]"), "\(dump.stderr)")
  }

  @Test func chartSetsAreCheckedToo() throws {
    let folder = try CLI.scratch()
    let layout = folder + "/charts-min9.yaml"
    let yaml =
      try String(contentsOfFile: CLI.root + "/Layouts/region-charts.yaml", encoding: .utf8)
      + "theme:\n  overrides: {text.size.min: \"9\"}\n"
    try yaml.write(toFile: layout, atomically: true, encoding: .utf8)
    let out = try CLI.scratch()
    let result = try CLI.run([
      "render", "--data", "Samples/jiuquan-2024h1", "--layout", layout, "--focus", "肃州区",
      "--period", "2024-H1", "--out", out, "--strict", "--jobs", "1",
    ])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains("error: 肃州区 · 地区生产总值, page 1, rankedBar:"), "\(result.stderr)")
  }

  /// Generated data sets whose sheets have no known finding, rendered to PDF by the CLI: the
  /// checker says nothing and every member is printed.
  @Test(arguments: [
    ("52-members-half-year-simplified-long", "ranking-bulletin", false),
    ("2-members-sixty-years-english", "gallery", true),
    ("9-members-half-year-all-equal", "state-comparison-en", true),
  ])
  func generatedSheetsRenderWithoutFindings(caseID: String, layout: String, focused: Bool) throws {
    let sheet = try #require(SheetCorpus.case(caseID))
    let corpus = sheet.corpus
    let data = try CLI.scratch()
    try corpus.write(to: data)
    let out = try CLI.scratch()
    var args = [
      "render", "--data", data, "--layout", "Layouts/\(layout).yaml", "--group", "G", "--period",
      sheet.shape.calendar.periods.last ?? "", "--out", out, "--dpi", "0",
    ]
    if focused { args += ["--focus", corpus.memberIDs[0]] }
    let result = try CLI.run(args)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("[scene-"), "\(result.stderr)")
    let pdf = try #require(result.stdout.split(separator: "\n").first { $0.hasSuffix(".pdf") })
    let text = try CLI.tool("pdftotext", ["-layout", String(pdf), "-"])
    if layout == "ranking-bulletin" {
      // The last member (a 26-character name, printed whole) and a short-named one.
      #expect(text.contains("某某经济技术开发区高新技术产业园区管理委员会第52片区"), "\(text.prefix(400))")
      #expect(text.contains("县区51"), "\(text.prefix(400))")
    } else {
      #expect(
        text.contains(corpus.memberIDs.count == 2 ? "County 1" : "县区1"), "\(text.prefix(400))")
    }
  }
}
