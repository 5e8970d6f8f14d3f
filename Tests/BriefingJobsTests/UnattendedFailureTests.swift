import BriefingCore
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@testable import BriefingJobs

// MARK: - Failures of unattended runs reach someone; publication is all or nothing

@Suite struct UnattendedFailureTests {
  /// Hooks that append one line each to `<root>/hooks.txt` (a hook runs in the output folder).
  static let recordingHooks = """
    on_success: 'echo "success $BRIEFING_STATUS" >> ../hooks.txt'
    on_failure: 'echo "failure $BRIEFING_STATUS" >> ../hooks.txt'

    """

  static func text(_ fixture: Fixture, _ relative: String) -> String {
    (try? String(contentsOfFile: fixture.root + "/" + relative, encoding: .utf8)) ?? ""
  }

  // MARK: Manifest

  /// No manifest, no publication: a run whose manifest cannot be written fails (74), publishes
  /// nothing and runs `on_failure`, never `on_success`.
  @Test func unwritableManifestFailsTheRunAndPublishesNothing() throws {
    let fixture = Fixture(extra: Self.recordingHooks)
    try FileManager.default.createDirectory(atPath: fixture.output, withIntermediateDirectories: true)
    fixture.write("out/runs", "a file where the run folders go\n")
    let report = fixture.run()
    #expect(report.exitCode == 74)
    #expect(fixture.visibleFiles().filter { $0.hasSuffix(".pdf") }.isEmpty, "nothing published without its manifest")
    #expect(Self.text(fixture, "hooks.txt") == "failure io-error\n")
  }

  // MARK: Delivery

  /// `on_success` failing (77) leaves the delivery pending: the next run with unchanged inputs
  /// re-runs the hook without re-rendering, and the run after that skips.
  @Test func failedDeliveryIsRetriedWithoutRerendering() throws {
    let fixture = Fixture(extra: "on_success: 'test -f ../deliver-ok || exit 9; echo delivered >> ../delivered.txt'\n")
    #expect(fixture.run().exitCode == 77)
    fixture.write("deliver-ok", "")
    let retry = fixture.run(FakeProducer(salt: "v2"))
    #expect(retry.outcome == .ok)
    #expect(Self.text(fixture, "delivered.txt") == "delivered\n")
    #expect(fixture.read("overview/A-2024-H1.pdf") == Array("PDF v1 overview A 2024-H1".utf8), "not re-rendered")
    #expect(fixture.run(FakeProducer(salt: "v3")).outcome == .skipped)
    #expect(Self.text(fixture, "delivered.txt") == "delivered\n", "delivered once")
  }

  /// A failed `on_success` is a failure like any other: `on_failure` hears of it.
  @Test func failedDeliveryRunsOnFailure() {
    let fixture = Fixture(extra: "on_success: 'exit 3'\non_failure: 'echo \"failure $BRIEFING_STATUS\" >> ../hooks.txt'\n")
    #expect(fixture.run().exitCode == 77)
    #expect(Self.text(fixture, "hooks.txt") == "failure delivered-with-hook-failure\n")
  }

  // MARK: Hooks

  /// A hook that ignores SIGTERM is killed with its whole process group after the grace period:
  /// the run returns (and releases its lock), the hook's child is gone and never gets to write.
  @Test func hookIgnoringSIGTERMIsKilledWithItsProcessGroup() throws {
    let hook = "trap '' TERM; sleep 30 & echo $! > ../child.pid; wait; echo survived > ../survived.txt"
    let fixture = Fixture(extra: "on_success: \"\(hook)\"\n")
    var job = fixture.job()
    job.hookTimeout = 0.3
    var options = fixture.options()
    options.hookGrace = 0.3
    let report = fixture.run(options: options, job: job)
    #expect(report.exitCode == 77)
    #expect(report.findings.contains { $0.message.code == "hook-failed" && $0.message.text.contains("hook_timeout") })
    let child = try #require(Int32(Self.text(fixture, "child.pid").trimmingCharacters(in: .whitespacesAndNewlines)))
    #expect(Self.waitUntilGone(child), "the hook's child was killed with its group")
    #expect(!FileManager.default.fileExists(atPath: fixture.root + "/survived.txt"))
    let lock = try RunLock.acquire(out: fixture.output, shard: nil, pid: 1).get()
    lock.release()
  }

  /// Polls (bounded, not a timing assertion) until `pid` is gone or a zombie.
  static func waitUntilGone(_ pid: Int32) -> Bool {
    for _ in 0..<200 {
      let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
      let state = stat.split(separator: ")").last?.split(separator: " ").first
      if stat.isEmpty || state == "Z" { return true }
      usleep(50_000)
    }
    return false
  }

  /// A run that finds the lock taken (75) is a failure too: `on_failure` hears of it.
  @Test func lockedRunRunsOnFailure() throws {
    let fixture = Fixture(extra: Self.recordingHooks)
    try FileManager.default.createDirectory(atPath: fixture.output, withIntermediateDirectories: true)
    let fd = open(fixture.output + "/.briefing.lock", O_RDWR | O_CREAT, 0o644)
    defer { close(fd) }
    #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
    let report = fixture.run()
    #expect(report.exitCode == 75)
    #expect(Self.text(fixture, "hooks.txt") == "failure locked\n")
    #expect(report.summary?.contains("holds") == true, "\(report.summary ?? "")")
  }

  /// An output folder that cannot be used is reported to `on_failure`, run in the job file's
  /// folder since the output folder is not one.
  @Test func unusableOutputFolderRunsOnFailureInTheJobFolder() throws {
    let fixture = Fixture(extra: "on_failure: 'echo \"$BRIEFING_STATUS\" > failure.txt'\n")
    fixture.write("out", "a file, not a folder\n")
    #expect(fixture.run().exitCode == 74)
    #expect(Self.text(fixture, "failure.txt") == "io-error\n")
  }

  /// The summary names the status, the exit code, the first error and how many more there are.
  @Test func summaryOfAPartialRun() throws {
    let fixture = Fixture()
    let report = fixture.run(FakeProducer(failRegion: "B"))
    let summary = try #require(report.summary)
    #expect(summary.hasPrefix("briefing: run failed: partial (exit 76): error: 'overview/B-2024-H1' was not rendered: renderer exploded"))
    #expect(summary.hasSuffix("; manifest: \(fixture.output)/runs/\(report.runID!)/manifest.json"))
    #expect(fixture.run(FakeProducer(failRegion: "B")).summary != nil, "a partial run is rendered again")
    var fixed = fixture.options()
    fixed.force = true
    #expect(fixture.run(options: fixed).summary == nil)
  }

  // MARK: Skip when unchanged

  /// A published file damaged in place (same size) is noticed by its content hash and repaired.
  @Test func fileDamagedInPlaceIsRepaired() throws {
    let fixture = Fixture()
    #expect(fixture.run().outcome == .ok)
    let good = try #require(fixture.read("overview/B-2024-H1.pdf"))
    fixture.write("out/overview/B-2024-H1.pdf", String(repeating: "x", count: good.count))
    #expect(fixture.run().outcome == .ok, "re-rendered, not skipped")
    #expect(fixture.read("overview/B-2024-H1.pdf") == good)
  }

  // MARK: Retention

  /// After the clock steps back, retention orders the runs by their manifests' recorded time and
  /// never deletes the run it just wrote.
  @Test func retentionAfterTheClockStepsBackKeepsTheCurrentRun() throws {
    let fixture = Fixture(extra: "retention: 2\n")
    var ids: [String] = []
    for day in [5, 6, 7, -30] {  // 2024-01-05, -06, -07, then the clock is set back to 2023-12-06
      var options = fixture.options()
      options.force = true
      options.clock = StepClock(start: Date(timeIntervalSince1970: 1_704_438_000 + Double(day - 5) * 86_400))
      let report = fixture.run(options: options)
      #expect(report.outcome == .ok)
      ids.append(try #require(report.runID))
    }
    let kept = try FileManager.default.contentsOfDirectory(atPath: fixture.output + "/runs").sorted()
    #expect(kept == [ids[3], ids[2]].sorted(), "the current run and the newest before it")
  }

  // MARK: Publication

  /// Disk full while staging the second of three files: nothing is published (74), every
  /// earlier file keeps its old bytes, no staging is left behind.
  @Test func diskFullWhileStagingPublishesNothing() throws {
    let fixture = Fixture()
    #expect(fixture.run().outcome == .ok)
    let before = fixture.visibleFiles().filter { $0.hasSuffix(".pdf") }.map { ($0, fixture.read($0)!) }
    var options = fixture.options()
    options.force = true
    options.fileSystem = FullDisk(free: 30)  // each file is 25 bytes
    let report = fixture.run(FakeProducer(salt: "v2"), options: options)
    #expect(report.exitCode == 74)
    #expect(report.published.isEmpty)
    for (path, bytes) in before { #expect(fixture.read(path) == bytes, "\(path)") }
    #expect(fixture.hiddenEntries().isEmpty)
    let manifest = try #require(report.manifest)
    #expect(manifest.status == "io-error")
    #expect(manifest.units.map(\.status) == ["not-published", "failed", "not-run"])
    #expect(report.findings.contains { $0.message.code == "output-io" && $0.message.text.contains("No space left") })
  }

  /// Disk full just after the outputs were staged, while staging the manifest: no manifest, no
  /// publication (74); `on_failure` still hears of it, with no manifest to point at.
  @Test func diskFullWhileStagingTheManifestPublishesNothing() throws {
    let fixture = Fixture(extra: "on_failure: 'echo \"$BRIEFING_STATUS [$BRIEFING_MANIFEST]\" >> ../hooks.txt'\n")
    #expect(fixture.run().outcome == .ok)
    let before = fixture.visibleFiles().map { ($0, fixture.read($0)!) }
    var options = fixture.options()
    options.force = true
    options.fileSystem = FullDisk(free: 3 * 25 + 10)
    let report = fixture.run(FakeProducer(salt: "v2"), options: options)
    #expect(report.exitCode == 74)
    #expect(report.manifestPath == nil)
    #expect(fixture.visibleFiles() == before.map(\.0), "no new run folder either")
    for (path, bytes) in before { #expect(fixture.read(path) == bytes, "\(path)") }
    #expect(fixture.hiddenEntries().isEmpty)
    #expect(Self.text(fixture, "hooks.txt") == "io-error []\n")
    #expect(report.summary?.hasSuffix("; manifest: not written") == true, "\(report.summary ?? "")")
  }

  /// A rename that fails half-way through publication (a folder stands where the third file
  /// goes) rolls the first two back: 74, and the folder holds only the previous run's files.
  @Test func failedRenameRollsBackThePublishedFiles() throws {
    let fixture = Fixture()
    #expect(fixture.run().outcome == .ok)
    let before = fixture.visibleFiles().filter { $0.hasSuffix(".pdf") && !$0.hasPrefix("overview/C") }
      .map { ($0, fixture.read($0)!) }
    try FileManager.default.removeItem(atPath: fixture.output + "/overview/C-2024-H1.pdf")
    fixture.write("out/overview/C-2024-H1.pdf/in-the-way", "")
    var options = fixture.options()
    options.force = true
    let report = fixture.run(FakeProducer(salt: "v2"), options: options)
    #expect(report.exitCode == 74)
    for (path, bytes) in before { #expect(fixture.read(path) == bytes, "\(path) rolled back") }
    #expect(fixture.hiddenEntries().isEmpty)
  }
}
