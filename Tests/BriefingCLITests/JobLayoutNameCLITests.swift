import Foundation
import Testing

/// A job file's `layouts:` takes shipped layout names, as `render --layout` does.
@Suite(.serialized) struct JobLayoutNameCLITests {
  /// A job in a scratch folder rendering 肃州区's 2024-H1 sheet with `layouts`.
  static func job(layouts: String) throws -> String {
    let folder = try CLI.scratch()
    let job = folder + "/job.yaml"
    try """
      version: 1
      data: \(CLI.root)/Samples/jiuquan-2024h1
      layouts: \(layouts)
      regions: [肃州区]
      period: 2024-H1
      output: out

      """.write(toFile: job, atomically: true, encoding: .utf8)
    return job
  }

  @Test func shippedNamesRender() throws {
    let job = try Self.job(layouts: "[half-year-comparison, ranking-bulletin.yaml]")
    let result = try CLI.run(["run", job, "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    let out = URL(fileURLWithPath: job).deletingLastPathComponent().path + "/out"
    #expect(FileManager.default.fileExists(atPath: out + "/half-year-comparison/肃州区-2024-H1.pdf"))
    let bulletin = (try? FileManager.default.contentsOfDirectory(atPath: out + "/ranking-bulletin")) ?? []
    #expect(bulletin.contains { $0.hasSuffix(".pdf") }, "\(bulletin)")
  }

  @Test func anUnknownNameFailsTheRunNamingBothPlaces() throws {
    let job = try Self.job(layouts: "[rankng-bulletin]")
    let result = try CLI.run(["run", job, "--quiet"])
    #expect(result.status == 74, "\(result.stderr)")
    #expect(result.stderr.contains("[input-missing]"), "\(result.stderr)")
    let folder = URL(fileURLWithPath: job).deletingLastPathComponent().path
    #expect(result.stderr.contains(folder + "/rankng-bulletin"), "\(result.stderr)")
    #expect(result.stderr.contains(CLI.root + "/Layouts"), "\(result.stderr)")
    #expect(result.stderr.contains("did you mean 'ranking-bulletin'?"), "\(result.stderr)")
  }
}
