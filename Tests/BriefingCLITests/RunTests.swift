import Foundation
import Testing

/// `briefing run`: publication, manifest, skip when unchanged, re-render when an input changes.
@Suite(.serialized) struct RunTests {
  @Test func publishesThenSkipsThenRerendersOnChange() throws {
    let dir = try CLI.scratch()
    try FileManager.default.copyItem(atPath: CLI.root + "/Samples/jiuquan-2024h1", toPath: dir + "/data")
    let job = """
      version: 1
      data: data
      layouts: [\(CLI.root)/Layouts/half-year-comparison.yaml]
      regions: [肃州区, 玉门市]
      period: latest
      output: out
      """
    try job.write(toFile: dir + "/job.yaml", atomically: true, encoding: .utf8)

    let first = try CLI.run(["run", dir + "/job.yaml"])
    #expect(first.status == 0, "\(first.stderr)")
    let sheet = dir + "/out/half-year-comparison/肃州区-2024-H1.pdf"
    let published = try #require(FileManager.default.contents(atPath: sheet))
    #expect(published.starts(with: Data("%PDF".utf8)))
    #expect(FileManager.default.fileExists(atPath: dir + "/out/manifest.json"))
    #expect(first.stderr.contains("event=published"))

    let second = try CLI.run(["run", dir + "/job.yaml"])
    #expect(second.status == 0)
    #expect(second.stderr.contains("event=skipped"))

    let observations = dir + "/data/observations.csv"
    var text = try String(contentsOfFile: observations, encoding: .utf8)
    text += "\n"
    try text.write(toFile: observations, atomically: true, encoding: .utf8)
    let third = try CLI.run(["run", dir + "/job.yaml", "--quiet"])
    #expect(third.status == 0)
    #expect(third.stderr.isEmpty, "quiet prints only failures: \(third.stderr)")
    let log = try String(contentsOfFile: dir + "/out/briefing.log", encoding: .utf8)
    #expect(log.components(separatedBy: "event=published").count - 1 == 4)
  }

  @Test func jobFileTypoExits65WithLocation() throws {
    let dir = try CLI.scratch()
    try "version: 1\ndata: d\nlayouts: [x.yaml]\noutpt: out\n".write(
      toFile: dir + "/job.yaml", atomically: true, encoding: .utf8)
    let result = try CLI.run(["run", dir + "/job.yaml"])
    #expect(result.status == 65)
    #expect(result.stderr.contains("job.yaml:4:1"))
    #expect(result.stderr.contains("did you mean 'output'?"))
  }
}
