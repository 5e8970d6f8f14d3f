import BriefingCore
import Foundation
import Testing
import TestSupport

@testable import BriefingJobs

/// `layouts:` entries: a file beside the job file wins, else a bare name is a shipped layout,
/// else the file beside the job, with where the name was looked for.
@Suite struct JobLayoutNameTests {
  /// A job folder holding `mine.yaml`, and a shipped folder holding `mine.yaml` and
  /// `ranking-bulletin.yaml`.
  static func folders() throws -> (job: String, shipped: String) {
    let root = try TestScratch.folder("job-layouts")
    let shipped = root + "/share/Layouts"
    try FileManager.default.createDirectory(atPath: root + "/jobs", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: shipped, withIntermediateDirectories: true)
    for file in [root + "/jobs/mine.yaml", shipped + "/mine.yaml", shipped + "/ranking-bulletin.yaml"] {
      try "sections: []\n".write(toFile: file, atomically: true, encoding: .utf8)
    }
    return (root + "/jobs/job.yaml", shipped)
  }

  static func load(_ layouts: String, job: String, shipped: String) -> (JobFile?, [Finding]) {
    JobLoader.load(
      yaml: "version: 1\ndata: d\nlayouts: \(layouts)\noutput: o\n", file: job,
      shippedLayouts: LayoutLookup(folders: ["/none", shipped]))
  }

  @Test func besideTheJobWinsThenShippedNames() throws {
    let (job, shipped) = try Self.folders()
    let folder = URL(fileURLWithPath: job).deletingLastPathComponent().path
    let (loaded, findings) = Self.load("[mine.yaml, ranking-bulletin, ranking-bulletin.yaml]", job: job, shipped: shipped)
    #expect(findings.isEmpty, "\(findings)")
    #expect(try #require(loaded).layouts == [
      folder + "/mine.yaml", shipped + "/ranking-bulletin.yaml", shipped + "/ranking-bulletin.yaml",
    ])
  }

  /// Left for the run to report (exit 74, `on_failure`), as any input missing when it runs.
  @Test func anUnknownNameStandsForTheFileBesideTheJobAndSaysWhereItLooked() throws {
    let (job, shipped) = try Self.folders()
    let beside = URL(fileURLWithPath: job).deletingLastPathComponent().path + "/rankng-bulletin"
    let (loaded, findings) = Self.load("[mine.yaml, rankng-bulletin]", job: job, shipped: shipped)
    #expect(findings.isEmpty, "\(findings)")
    let file = try #require(loaded)
    #expect(file.layouts.last == beside)
    let missing = try #require(file.layoutsNotFound[beside])
    #expect(missing.message.contains(beside) && missing.message.contains(shipped), "\(missing.message)")
    #expect(missing.suggestion == "ranking-bulletin")
  }

  @Test func aMissingPathIsLeftForTheRunToReport() throws {
    let (job, shipped) = try Self.folders()
    let (loaded, findings) = Self.load("[sub/gone.yaml]", job: job, shipped: shipped)
    #expect(findings.isEmpty, "\(findings)")
    #expect(try #require(loaded).layouts.first?.hasSuffix("/jobs/sub/gone.yaml") == true)
  }
}
