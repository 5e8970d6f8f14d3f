import BriefingCore
import Foundation
import Testing
import TestSupport

@testable import BriefingJobs

/// `layouts:` entries: a file beside the job file wins, else a bare name is a shipped layout,
/// else an error at the entry naming both places looked in.
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

  @Test func anUnknownNameIsAnErrorAtItsEntry() throws {
    let (job, shipped) = try Self.folders()
    let (loaded, findings) = Self.load("[mine.yaml, rankng-bulletin]", job: job, shipped: shipped)
    #expect(loaded == nil)
    let finding = try #require(findings.first)
    #expect(findings.count == 1, "\(findings)")
    #expect(finding.location?.description == job + ":3:22")
    #expect(finding.message.text.contains(URL(fileURLWithPath: job).deletingLastPathComponent().path + "/rankng-bulletin"))
    #expect(finding.message.text.contains(shipped), "\(finding.message.text)")
    #expect(finding.notes.contains("did you mean 'ranking-bulletin'?"), "\(finding.notes)")
  }

  @Test func aMissingPathIsLeftForTheRunToReport() throws {
    let (job, shipped) = try Self.folders()
    let (loaded, findings) = Self.load("[sub/gone.yaml]", job: job, shipped: shipped)
    #expect(findings.isEmpty, "\(findings)")
    #expect(try #require(loaded).layouts.first?.hasSuffix("/jobs/sub/gone.yaml") == true)
  }
}
