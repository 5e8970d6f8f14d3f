import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A run killed with SIGKILL in the middle of publication leaves every published file either the
/// complete old one or the complete new one, and the next run cleans up and finishes the job.
@Suite(.serialized) struct CrashTests {
  static let regions = ["肃州区", "玉门市", "敦煌市"]

  @Test func killNineDuringPublicationLosesNothing() throws {
    let dir = try CLI.scratch()
    try FileManager.default.copyItem(atPath: CLI.root + "/Samples/jiuquan-2024h1", toPath: dir + "/data")
    try """
      version: 1
      data: data
      layouts: [\(CLI.root)/Layouts/half-year-comparison.yaml]
      regions: [\(Self.regions.joined(separator: ", "))]
      period: 2024-H1
      output: out
      """.write(toFile: dir + "/job.yaml", atomically: true, encoding: .utf8)
    #expect(try CLI.run(["run", dir + "/job.yaml"]).status == 0)
    let paths = Self.regions.map { dir + "/out/half-year-comparison/\($0)-2024-H1.pdf" }
    let old = paths.map { FileManager.default.contents(atPath: $0) }

    // New data changes every sheet (玉门市 GDP moves the group figures).
    let observations = dir + "/data/observations.csv"
    let text = try String(contentsOfFile: observations, encoding: .utf8)
    try text.replacingOccurrences(of: "玉门市,2024-H1,gdp,96.40,", with: "玉门市,2024-H1,gdp,96.90,")
      .write(toFile: observations, atomically: true, encoding: .utf8)

    // The runner stops itself (SIGSTOP) after publishing one file; then it is killed.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CLI.binary)
    process.arguments = ["run", dir + "/job.yaml", "--quiet"]
    process.environment = ProcessInfo.processInfo.environment.merging(["BRIEFING_TEST_PAUSE_AFTER": "1"]) { $1 }
    process.standardError = FileHandle.nullDevice
    try process.run()
    let pid = process.processIdentifier
    var stopped = false
    for _ in 0..<600 where !stopped {  // bounded wait for the stop, not a timing assertion
      let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
      stopped = stat.split(separator: ")").last?.split(separator: " ").first == "T"
      if !stopped { usleep(50_000) }
    }
    #expect(stopped, "the run paused after its first published file")

    // While the paused run holds the lock, a second run does not write and exits 75.
    let second = try CLI.run(["run", dir + "/job.yaml"])
    #expect(second.status == 75, "\(second.stderr)")
    #expect(second.stderr.contains("\(pid)"), "names the holder's pid: \(second.stderr)")

    kill(pid, SIGKILL)
    process.waitUntilExit()

    var changed = 0
    for (path, previous) in zip(paths, old) {
      let now = try #require(FileManager.default.contents(atPath: path), "\(path) still there")
      #expect(now.starts(with: Data("%PDF".utf8)) && now.suffix(6).contains(UInt8(ascii: "F")), "whole PDF")
      if now != previous { changed += 1 }
    }
    #expect(changed == 1, "exactly the one published file is new; the others are the old bytes")
    let visible = try FileManager.default.contentsOfDirectory(atPath: dir + "/out/half-year-comparison")
    #expect(visible.sorted() == Self.regions.map { "\($0)-2024-H1.pdf" }.sorted(), "no partial files")

    // The next run removes the crashed run's staging folder and publishes the rest.
    let next = try CLI.run(["run", dir + "/job.yaml"])
    #expect(next.status == 0, "\(next.stderr)")
    let staging = try FileManager.default.contentsOfDirectory(atPath: dir + "/out").filter { $0.hasPrefix(".staging") }
    #expect(staging.isEmpty)
    for (path, previous) in zip(paths, old) {
      #expect(FileManager.default.contents(atPath: path) != previous, "\(path) re-rendered")
    }
  }
}
