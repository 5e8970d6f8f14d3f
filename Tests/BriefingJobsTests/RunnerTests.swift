import BriefingCore
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@testable import BriefingJobs

struct SimulatedCrash: Error {}

@Suite struct RunnerTests {
  @Test func happyPathPublishesAndWritesManifest() throws {
    let fixture = Fixture()
    let log = MemoryLogSink()
    let report = fixture.run(options: fixture.options(log))
    #expect(report.outcome == .ok)
    #expect(report.exitCode == 0)
    #expect(fixture.visibleFiles().filter { $0.hasPrefix("overview/") } == [
      "overview/A-2024-H1.pdf", "overview/B-2024-H1.pdf", "overview/C-2024-H1.pdf",
    ])
    #expect(fixture.read("overview/A-2024-H1.pdf") == Array("PDF v1 overview A 2024-H1".utf8))
    #expect(fixture.hiddenEntries().isEmpty)
    let manifest = try #require(report.manifest)
    #expect(manifest.status == "ok")
    #expect(manifest.outputs.count == 3)
    #expect(manifest.outputs[0].sha256 == SHA256.hex(Array("PDF v1 overview A 2024-H1".utf8)))
    #expect(manifest.outputs[0].pages == 2)
    #expect(manifest.inputs.map { ($0.path as NSString).lastPathComponent } == ["job.yaml", "values.csv", "overview.yaml"])
    #expect(manifest.toolVersion == "1.0.0")
    #expect(manifest.startedAt == "2024-01-05T07:00:01Z")
    let latest = try #require(fixture.read("manifest.json"))
    let perRun = try #require(fixture.read("runs/\(report.runID!)/manifest.json"))
    #expect(latest == perRun)
    // logfmt, deterministic
    #expect(log.lines.first == "ts=2024-01-05T07:00:02Z level=info event=start job=\(fixture.jobPath) output=\(fixture.output) tool=1.0.0")
    #expect(log.lines.contains { $0.contains("event=published path=overview/B-2024-H1.pdf") })
    #expect(log.lines.last?.contains("event=done status=ok units=3 ok=3 failed=0 published=3 seconds=") == true)
  }

  @Test func quietLogsOnlyFailures() {
    let fixture = Fixture()
    let log = MemoryLogSink()
    var options = fixture.options(log)
    options.quiet = true
    #expect(fixture.run(options: options).outcome == .ok)
    #expect(log.lines.isEmpty)
    let failing = MemoryLogSink()
    var second = fixture.options(failing)
    second.quiet = true
    second.force = true
    #expect(fixture.run(FakeProducer(failRegion: "B"), options: second).outcome == .partial)
    #expect(!failing.lines.isEmpty)
    #expect(failing.lines.allSatisfy { $0.contains("level=error") })
  }

  @Test func partialFailurePublishesTheOthers() throws {
    let fixture = Fixture()
    let report = fixture.run(FakeProducer(failRegion: "B"))
    #expect(report.outcome == .partial)
    #expect(report.exitCode == 76)
    #expect(fixture.read("overview/A-2024-H1.pdf") != nil)
    #expect(fixture.read("overview/B-2024-H1.pdf") == nil)
    #expect(fixture.read("overview/C-2024-H1.pdf") != nil)
    let manifest = try #require(report.manifest)
    #expect(manifest.status == "partial")
    let b = try #require(manifest.units.first { $0.region == "B" })
    #expect(b.status == "failed")
    #expect(b.error?.contains("renderer exploded") == true)
    #expect(fixture.hiddenEntries().isEmpty)
  }

  @Test func skipWhenUnchangedAndRerenderOnChange() {
    let fixture = Fixture()
    #expect(fixture.run().outcome == .ok)
    let second = fixture.run(FakeProducer(salt: "v2"))
    #expect(second.outcome == .skipped)
    #expect(second.exitCode == 0)
    #expect(fixture.read("overview/A-2024-H1.pdf") == Array("PDF v1 overview A 2024-H1".utf8))
    // --force re-renders
    var forced = fixture.options()
    forced.force = true
    #expect(fixture.run(FakeProducer(salt: "v2"), options: forced).outcome == .ok)
    #expect(fixture.read("overview/A-2024-H1.pdf") == Array("PDF v2 overview A 2024-H1".utf8))
    #expect(fixture.run(FakeProducer(salt: "v3")).outcome == .skipped)
    // touching content re-renders
    fixture.write("data/values.csv", "region,period,value\nA,2024-H1,2\n")
    #expect(fixture.run(FakeProducer(salt: "v3")).outcome == .ok)
    #expect(fixture.read("overview/A-2024-H1.pdf") == Array("PDF v3 overview A 2024-H1".utf8))
    // a new tool version re-renders
    #expect(fixture.run(FakeProducer(salt: "v4"), options: fixture.options(tool: "1.1.0")).outcome == .ok)
    // a deleted output re-renders
    try? FileManager.default.removeItem(atPath: fixture.output + "/overview/B-2024-H1.pdf")
    #expect(fixture.run(FakeProducer(salt: "v4"), options: fixture.options(tool: "1.1.0")).outcome == .ok)
  }

  @Test func lockHeldByAnotherDescriptor() throws {
    let fixture = Fixture()
    try FileManager.default.createDirectory(atPath: fixture.output, withIntermediateDirectories: true)
    let fd = open(fixture.output + "/.briefing.lock", O_RDWR | O_CREAT, 0o644)
    #expect(fd >= 0)
    defer { close(fd) }
    #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
    let pid = Array("31337\n".utf8)
    _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    let report = fixture.run()
    #expect(report.outcome == .locked(holderPid: 31337))
    #expect(report.exitCode == 75)
    #expect(fixture.visibleFiles().isEmpty)
    #expect(fixture.hiddenEntries().isEmpty)
    flock(fd, LOCK_UN)
    #expect(fixture.run().outcome == .ok)
  }

  @Test func simulatedCrashMidPublicationKeepsPreviousFiles() throws {
    let fixture = Fixture()
    #expect(fixture.run().outcome == .ok)
    let before = fixture.visibleFiles().map { ($0, fixture.read($0)!) }
    var options = fixture.options()
    options.force = true
    options.afterPublish = { count in if count == 1 { throw SimulatedCrash() } }
    let crashed = fixture.run(FakeProducer(salt: "v2"), options: options)
    #expect(crashed.outcome == .internalError)
    // Same visible files; first is the complete new version, the rest byte-identical old ones.
    #expect(fixture.visibleFiles() == before.map(\.0))
    #expect(fixture.read("overview/A-2024-H1.pdf") == Array("PDF v2 overview A 2024-H1".utf8))
    for (path, bytes) in before where path != "overview/A-2024-H1.pdf" {
      #expect(fixture.read(path) == bytes, "\(path)")
    }
    // The only leftover is the hidden staging folder, which the next run removes.
    #expect(fixture.hiddenEntries().count == 1)
    #expect(fixture.hiddenEntries().first?.hasPrefix(".staging-") == true)
    let next = fixture.run(FakeProducer(salt: "v2"), options: { var o = fixture.options(); o.force = true; return o }())
    #expect(next.outcome == .ok)
    #expect(fixture.hiddenEntries().isEmpty)
    #expect(fixture.read("overview/C-2024-H1.pdf") == Array("PDF v2 overview C 2024-H1".utf8))
  }

  @Test func pauseHookFiresAfterNPublishedFiles() {
    let fixture = Fixture()
    var options = fixture.options()
    #expect(RunOptions.pauseCount(from: ["BRIEFING_TEST_PAUSE_AFTER": "2"]) == 2)
    #expect(RunOptions.pauseCount(from: ["BRIEFING_TEST_PAUSE_AFTER": "x"]) == nil)
    #expect(RunOptions.pauseCount(from: [:]) == nil)
    final class Box: @unchecked Sendable { var seen: [Int] = [] }
    let box = Box()
    var published = 0
    options.pauseAfterPublishing = 2
    options.afterPublish = { count in published = count }
    options.onPause = { box.seen.append(published) }
    #expect(fixture.run(options: options).outcome == .ok)
    #expect(box.seen == [1])  // onPause runs right after the 2nd rename, before afterPublish(2)
  }

  @Test func unwritableOutputIsIOErrorAndKeepsPreviousFiles() throws {
    let fixture = Fixture()
    #expect(fixture.run().outcome == .ok)
    let before = fixture.visibleFiles().map { ($0, fixture.read($0)!) }
    var options = fixture.options()
    options.force = true
    options.fileSystem = FullDisk(free: 0)
    let report = fixture.run(FakeProducer(salt: "v2"), options: options)
    #expect(report.outcome == .ioError)
    #expect(report.exitCode == 74)
    for (path, bytes) in before where !path.hasPrefix("runs/") && path != "manifest.json" {
      #expect(fixture.read(path) == bytes)
    }
    #expect(fixture.hiddenEntries().isEmpty)
    if getuid() != 0 {
      chmod(fixture.output, 0o555)
      defer { chmod(fixture.output, 0o755) }
      var again = fixture.options()
      again.force = true
      #expect(fixture.run(FakeProducer(salt: "v3"), options: again).exitCode == 74)
      #expect(fixture.read("overview/A-2024-H1.pdf") == Array("PDF v1 overview A 2024-H1".utf8))
    }
  }

  @Test func symlinkEscapeIsRefused() throws {
    let fixture = Fixture()
    let outside = fixture.root + "/outside"
    try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: fixture.output, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: fixture.output + "/overview", withDestinationPath: outside)
    let report = fixture.run()
    #expect(report.outcome == .ioError)
    #expect(report.findings.contains { $0.message.code == "unsafe-output" })
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    // The output folder itself as a symlink is refused too.
    let linked = fixture.root + "/linked-out"
    try FileManager.default.createSymbolicLink(atPath: linked, withDestinationPath: outside)
    var job = fixture.job()
    job.output = linked
    #expect(fixture.run(job: job).exitCode == 74)
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
  }

  @Test func hostileRegionIdsStayInside() {
    let fixture = Fixture()
    let report = fixture.run(regions: ["../../etc/x", "酒泉市"])
    #expect(report.outcome == .ok)
    #expect(fixture.visibleFiles().filter { $0.hasSuffix(".pdf") } == ["overview/_._etc_x-2024-H1.pdf", "overview/酒泉市-2024-H1.pdf"])
  }

  @Test func producerCannotEscape() throws {
    struct Evil: ReportProducing {
      func produce(_ unit: WorkUnit) throws -> [ProducedFile] {
        [ProducedFile(path: unit.region == "A" ? "../evil.pdf" : unit.outputName + ".pdf", bytes: [1])]
      }
    }
    let fixture = Fixture()
    let report = fixture.run(Evil())
    #expect(report.outcome == .partial)
    #expect(!FileManager.default.fileExists(atPath: fixture.root + "/evil.pdf"))
  }

  @Test func retentionKeepsLastN() throws {
    let fixture = Fixture(extra: "retention: 2\n")
    var ids: [String] = []
    for index in 0..<4 {
      var options = fixture.options()
      options.force = true
      options.runID = "2024010\(index)-070000"
      let report = fixture.run(options: options)
      #expect(report.outcome == .ok)
      ids.append(report.runID!)
    }
    let kept = try FileManager.default.contentsOfDirectory(atPath: fixture.output + "/runs").sorted()
    #expect(kept == Array(ids.suffix(2)))
  }

  @Test func hookFailureIs77AndKeepsFiles() throws {
    let fixture = Fixture(extra: "on_success: 'echo \"$BRIEFING_STATUS $BRIEFING_OUTPUT\" > hook.txt; test -f \"$BRIEFING_MANIFEST\" && exit 3'\n")
    let report = fixture.run()
    #expect(report.outcome == .deliveredWithHookFailure)
    #expect(report.exitCode == 77)
    #expect(fixture.read("overview/A-2024-H1.pdf") != nil)
    #expect(String(decoding: fixture.read("hook.txt") ?? [], as: UTF8.self) == "ok \(fixture.output)\n")
    #expect(report.manifest?.status == "delivered-with-hook-failure")
    #expect(report.manifest?.delivery == Manifest.Delivery(status: .failed, attempts: 1, exitStatus: 3, attemptedAt: "2024-01-05T07:00:16Z"))
    // The files count as current: the next run only delivers again (and fails again).
    let again = fixture.run(FakeProducer(salt: "v2"))
    #expect(again.outcome == .deliveredWithHookFailure)
    #expect(again.published.isEmpty)
    #expect(again.manifest?.delivery?.attempts == 2)
    #expect(fixture.read("overview/A-2024-H1.pdf") == Array("PDF v1 overview A 2024-H1".utf8))
  }

  @Test func failureHookRunsOnPartial() {
    let fixture = Fixture(extra: "on_success: 'exit 0'\non_failure: 'echo $BRIEFING_STATUS > failure.txt'\n")
    #expect(fixture.run(FakeProducer(failRegion: "A")).outcome == .partial)
    #expect(String(decoding: fixture.read("failure.txt") ?? [], as: UTF8.self) == "partial\n")
  }

  @Test func transientReadErrorsAreRetried() {
    let fixture = Fixture()
    final class Flaky: @unchecked Sendable { var failures = 2 }
    let flaky = Flaky()
    let sleeper = RecordingSleeper()
    var options = fixture.options()
    options.sleeper = sleeper
    options.readFile = { path throws in
      if path.hasSuffix("values.csv"), flaky.failures > 0 {
        flaky.failures -= 1
        throw FileFailure("read", path, code: EIO)
      }
      return try Posix.readFile(path)
    }
    #expect(fixture.run(options: options).outcome == .ok)
    #expect(sleeper.delays == [0.5, 1.0])
    // Persistent errors give up after the bounded attempts → 74.
    let always = RecordingSleeper()
    var failing = fixture.options()
    failing.force = true
    failing.sleeper = always
    failing.readFile = { path throws in throw FileFailure("read", path, code: ESTALE) }
    #expect(fixture.run(options: failing).exitCode == 74)
    #expect(always.delays == [0.5, 1.0, 2.0])
  }

  @Test func planningErrorsAre65() {
    let fixture = Fixture(extra: "")
    var job = fixture.job()
    job.regions = .list(["A", "Bx"])
    let report = fixture.run(job: job)
    #expect(report.exitCode == 65)
    #expect(report.findings.contains { $0.message.code == "unknown-region" && $0.notes == ["did you mean 'B'?"] })
    job.regions = .every
    job.name = "{layout}"
    #expect(fixture.run(job: job).findings.contains { $0.message.code == "name-collision" })
    #expect(fixture.visibleFiles().filter { $0.hasSuffix(".pdf") }.isEmpty)
  }

  /// `period: latest` and a fixed period go through `PeriodResolver` (full years count; a period
  /// the data lacks is refused with the likeliest one).
  @Test func periodsAreChosenByTheSharedRule() throws {
    let fixture = Fixture()
    let latest = fixture.run(periods: ["2023", "2024-M09", "2024", "2024-Q4"])
    #expect(latest.outcome == .ok)
    #expect(latest.manifest?.period == "2024")
    var job = fixture.job()
    job.period = .fixed(try #require(Period(code: "2024-Q3")))
    let absent = fixture.run(periods: ["2024-H1", "2024-M09"], job: job)
    #expect(absent.exitCode == 65)
    let finding = try #require(absent.findings.first { $0.message.code == "period-not-in-data" })
    #expect(finding.notes == ["did you mean '2024-M09'?"])
    #expect(finding.location?.file == fixture.jobPath)
  }

  /// A data folder gone after a good run is an I/O error (74), not bad data, and the manifest and
  /// log say what happened.
  @Test func missingDataFolderIsIOError() throws {
    let fixture = Fixture()
    #expect(fixture.run().outcome == .ok)
    try FileManager.default.removeItem(atPath: fixture.root + "/data")
    let log = MemoryLogSink()
    var options = fixture.options(log)
    options.force = true
    let report = fixture.run(options: options)
    #expect(report.exitCode == 74)
    #expect(report.manifest?.status == "io-error")
    #expect(report.findings.contains { $0.message.code == "input-missing" })
    #expect(log.lines.contains { $0.contains("code=input-missing") })
    #expect(fixture.visibleFiles().contains("overview/A-2024-H1.pdf"), "earlier files stay")
  }
}
