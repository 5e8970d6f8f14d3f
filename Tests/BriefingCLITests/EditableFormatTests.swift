import Foundation
import Testing
import TestSupport

// MARK: - render --format docx, md, txt

@Suite(.serialized) struct EditableFormatTests {
  @Test func sheetWritesTheFormatsListedAndOnlyThose() throws {
    let out = try TestScratch.folder("formats")
    let result = try CLI.run([
      "render", "--data", "Samples/jiuquan-2024h1", "--layout", "Layouts/half-year-comparison.yaml",
      "--focus", "肃州区", "--period", "2024-H1", "--out", out, "--format", "docx,md", "--format", "txt",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
    #expect(files == ["docx", "md", "txt"].map { "half-year-comparison-肃州区-2024-H1.\($0)" })
    let markdown = try String(contentsOfFile: out + "/half-year-comparison-肃州区-2024-H1.md", encoding: .utf8)
    #expect(markdown.hasPrefix("# 肃州区2024年上半年主要经济指标对比分析\n"))
  }

  @Test func traditionalSheetAsTextKeepsItsScript() throws {
    let out = try TestScratch.folder("formats-tw")
    let result = try CLI.run([
      "render", "--data", "Samples/xuchang-2016q3", "--layout", "Layouts/three-quarter-comparison-tw.yaml",
      "--out", out, "--format", "txt", "--focus", "魏都區", "--period", "2016-M09",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let path = try #require(try FileManager.default.contentsOfDirectory(atPath: out).first { $0.hasSuffix(".txt") })
    let text = try String(contentsOfFile: out + "/" + path, encoding: .utf8)
    #expect(text.contains("【"), "section titles")
    #expect(!text.contains("图："), "a Traditional sheet names a chart 圖")
  }

  @Test func aFormatTheLayoutKindCannotWriteIsAnError() throws {
    let charts = try CLI.run([
      "render", "--data", "Samples/jiuquan-2024h1", "--layout", "Layouts/region-charts.yaml", "--focus", "肃州区",
      "--out", try TestScratch.folder("formats-charts"), "--format", "docx",
    ])
    #expect(charts.status == 65)
    #expect(charts.stderr.contains("--format docx is not written for a scope: charts layout"))
    let sheet = try CLI.run([
      "render", "--data", "Samples/jiuquan-2024h1", "--layout", "Layouts/ranking-bulletin.yaml",
      "--out", try TestScratch.folder("formats-sheet"), "--format", "pdf,svg",
    ])
    #expect(sheet.status == 65)
    #expect(sheet.stderr.contains("--format svg is not written for a scope: group layout"))
  }

  /// A job file for 肃州区's half-year sheet of the sample, with `extra` lines after `output: out`.
  private func sampleJob(_ extra: String) -> String {
    """
    version: 1
    data: \(CLI.root)/Samples/jiuquan-2024h1
    layouts: [\(CLI.root)/Layouts/half-year-comparison.yaml]
    regions: [肃州区]
    period: 2024-H1
    output: out

    """ + extra
  }

  @Test func jobFileFormatsWriteTheWordCopyBesideThePDF() throws {
    let dir = try CLI.scratch()
    let job = sampleJob("formats: [pdf, docx, md]\n")
    try job.write(toFile: dir + "/job.yaml", atomically: true, encoding: .utf8)
    let result = try CLI.run(["run", dir + "/job.yaml"])
    #expect(result.status == 0, "\(result.stderr)")
    for suffix in ["pdf", "docx", "md"] {
      #expect(FileManager.default.fileExists(atPath: dir + "/out/half-year-comparison/肃州区-2024-H1." + suffix), "\(suffix)")
    }
    try job.replacingOccurrences(of: "[pdf, docx, md]", with: "[pdf, dox]").write(
      toFile: dir + "/job.yaml", atomically: true, encoding: .utf8)
    let wrong = try CLI.run(["run", dir + "/job.yaml"])
    #expect(wrong.status != 0)
    #expect(wrong.stderr.contains("formats[1]") && wrong.stderr.contains("did you mean 'docx'?"))
  }

  @Test func jobFileDocxStyleGivesTheOfficialLook() throws {
    let dir = try CLI.scratch()
    let job = sampleJob("formats: [docx]\ndocx_style: gongwen\n")
    try job.write(toFile: dir + "/job.yaml", atomically: true, encoding: .utf8)
    let result = try CLI.run(["run", dir + "/job.yaml"])
    #expect(result.status == 0, "\(result.stderr)")
    let styles = try ChildProcess.run(
      "/usr/bin/unzip", ["-p", dir + "/out/half-year-comparison/肃州区-2024-H1.docx", "word/styles.xml"])
    #expect(styles.stdout.contains(#"w:eastAsia="仿宋_GB2312""#))
    try job.replacingOccurrences(of: "docx_style: gongwen", with: "docx_style: gongwn").write(
      toFile: dir + "/job.yaml", atomically: true, encoding: .utf8)
    let wrong = try CLI.run(["run", dir + "/job.yaml"])
    #expect(wrong.status == 65)
    #expect(wrong.stderr.contains("docx_style") && wrong.stderr.contains("did you mean 'gongwen'?"), "\(wrong.stderr)")
  }
}
