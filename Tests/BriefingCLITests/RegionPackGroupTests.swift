import Foundation
import Testing

/// Which group `render --every-region` packs when `--group` is not given: the focus region's
/// parent group (as `--group`'s help says), the focus itself when it is only a group, and an
/// error when the focus is in several groups and none is its parent.
@Suite(.serialized) struct RegionPackGroupTests {
  @Test func focusThatIsAMemberPacksItsParentGroup() throws {
    let out = try CLI.scratch()
    let result = try CLI.run([
      "render", "--data", "Samples/jiuquan-2024h1", "--focus", "肃州区", "--period", "2024-H1", "--every-region",
      "--out", out,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty, "\(result.stderr)")
    let files = result.stdout.split(whereSeparator: \.isNewline)
    #expect(files.count == 10, "\(result.stdout)")
    #expect(files.last.map(String.init) == out + "/half-year-comparison-酒泉市-2024-H1-all.pdf")
  }

  /// `--every-region --format`: each member's sheet in every format asked for; the combined
  /// PDF when `pdf` is among them.
  @Test func packWritesEveryFormatAskedForPerMember() throws {
    let out = try CLI.scratch()
    let result = try CLI.run([
      "render", "--data", "Samples/jiuquan-2024h1", "--focus", "肃州区", "--period", "2024-H1", "--every-region",
      "--format", "pdf,docx,md", "--out", out,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let files = result.stdout.split(whereSeparator: \.isNewline).map(String.init)
    for suffix in [".pdf", ".docx", ".md"] {
      #expect(files.filter { $0.hasSuffix(suffix) && !$0.hasSuffix("-all.pdf") }.count == 9, "\(suffix): \(result.stdout)")
    }
    #expect(files.contains(out + "/half-year-comparison-敦煌市-2024-H1.docx"))
    #expect(files.last == out + "/half-year-comparison-酒泉市-2024-H1-all.pdf")
    let wordOnly = try CLI.run([
      "render", "--data", "Samples/jiuquan-2024h1", "--focus", "肃州区", "--period", "2024-H1", "--every-region",
      "--format", "docx", "--out", try CLI.scratch(),
    ])
    #expect(wordOnly.status == 0, "\(wordOnly.stderr)")
    let words = wordOnly.stdout.split(whereSeparator: \.isNewline)
    #expect(words.count == 9 && words.allSatisfy { $0.hasSuffix(".docx") }, "\(wordOnly.stdout)")
  }

  @Test func focusThatIsOnlyAGroupPacksItself() throws {
    let out = try CLI.scratch()
    let result = try CLI.run([
      "render", "--data", "Samples/jiuquan-2024h1", "--focus", "酒泉市", "--period", "2024-H1", "--every-region",
      "--out", out,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasSuffix("/half-year-comparison-酒泉市-2024-H1-all.pdf\n"), "\(result.stdout)")
  }

  @Test func focusInSeveralGroupsWithoutAParentIsAnError() throws {
    let data = try CLI.scratch() + "/data"
    try FileManager.default.copyItem(atPath: CLI.root + "/Samples/midwest-2024q3", toPath: data)
    // Ohio leaves its parent and is framed in both groups.
    let regions = data + "/regions.csv"
    let text = try String(contentsOfFile: regions, encoding: .utf8)
    try text.replacingOccurrences(
      of: "Ohio,Ohio,OH,OH;State of Ohio,Midwest,state,Great Lakes,",
      with: "Ohio,Ohio,OH,OH;State of Ohio,,state,Great Lakes;Midwest,"
    ).write(toFile: regions, atomically: true, encoding: .utf8)
    let layout = data + "/one-line.yaml"
    try "sections:\n  - components:\n      - {kind: text, text: x}\n".write(toFile: layout, atomically: true, encoding: .utf8)
    let result = try CLI.run([
      "render", "--data", data, "--layout", layout, "--focus", "Ohio", "--every-region", "--out", data + "/out",
    ])
    #expect(result.status == 65, "\(result.stdout)\(result.stderr)")
    #expect(result.stderr.contains("pack-group-ambiguous"), "\(result.stderr)")
    #expect(result.stderr.contains("Great Lakes") && result.stderr.contains("--group"), "\(result.stderr)")
  }
}
