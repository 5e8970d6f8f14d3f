import BriefingCore
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@testable import BriefingJobs

/// `--shard i/n` and `--merge n`: the partition rule, per-shard manifests and locks, the merge.
@Suite struct ShardTests {
  // MARK: - Parsing and partition

  @Test(arguments: [
    ("1/1", 1, 1), ("2/3", 2, 3), ("3/3", 3, 3), ("10000/10000", 10000, 10000),
  ])
  func parsesValidShards(_ text: String, _ index: Int, _ count: Int) throws {
    let shard = try #require(Shard(parsing: text))
    #expect(shard.index == index && shard.count == count)
    #expect(shard.description == text)
  }

  @Test(arguments: ["0/3", "4/3", "1/0", "-1/3", "1/-3", "a/b", "1/3/2", "2", "", "/3", "1/", " 1/3", "１/3", "1/10001"])
  func rejectsInvalidShards(_ text: String) {
    #expect(Shard(parsing: text) == nil)
  }

  /// Sorted by UTF-8 bytes (digits < capital letters < small letters < Chinese), dealt round-robin.
  @Test func partitionIsRoundRobinOverByteSortedIds() {
    let regions = ["b", "A", "玉门市", "620902", "肃州区", "a", "620901"]
    // byte order: 620901, 620902, A, a, b, 玉门市 (E7 8E), 肃州区 (E8 82)
    #expect(Shard.assignment(of: regions, count: 3) == [
      "620901": 1, "620902": 2, "A": 3, "a": 1, "b": 2, "玉门市": 3, "肃州区": 1,
    ])
    #expect(Shard.assignment(of: regions + ["a"], count: 1).values.allSatisfy { $0 == 1 })
  }

  @Test func shardsSplitUnitsByRegionAndGiveRegionlessUnitsToTheFirst() {
    let units = ["C", "A", "B", "D"].flatMap { region in
      ["overview", "charts"].map { layout in
        WorkUnit(layout: layout, layoutName: layout, region: region, period: "2024-H1", outputName: layout + region)
      }
    } + [WorkUnit(layout: "group", layoutName: "group", region: nil, period: "2024-H1", outputName: "group")]
    let first = Shard(index: 1, count: 2)!.select(units).map(\.outputName)
    let second = Shard(index: 2, count: 2)!.select(units).map(\.outputName)
    #expect(first == ["overviewC", "chartsC", "overviewA", "chartsA", "group"])
    #expect(second == ["overviewB", "chartsB", "overviewD", "chartsD"])
  }

  // MARK: - Runs

  @Test func shardsWriteOwnManifestsAndMergeEqualsAWholeRun() throws {
    let sharded = Fixture()
    var reports: [RunReport] = []
    for index in 1...2 {
      var options = sharded.options()
      options.shard = Shard(index: index, count: 2)
      reports.append(sharded.run(options: options))
    }
    #expect(reports.map(\.outcome) == [.ok, .ok])
    #expect(reports.map { $0.manifest?.units.compactMap(\.region) ?? [] } == [["A", "C"], ["B"]])
    #expect(reports[0].manifest?.shard == ShardRecord(index: 1, count: 2, jobUnits: 3))
    #expect(sharded.read("manifest.json") == nil)
    #expect(!FileManager.default.fileExists(atPath: sharded.output + "/runs"))

    let merged = JobRunner.merge(job: sharded.job(), shards: 2, options: sharded.options())
    #expect(merged.outcome == .ok)
    let whole = Fixture()
    let single = whole.run()
    #expect(sharded.visibleFiles().filter { $0.hasPrefix("overview/") } == whole.visibleFiles().filter { $0.hasPrefix("overview/") })
    let mergedManifest = try #require(merged.manifest)
    #expect(mergedManifest.outputs.map(\.sha256) == single.manifest?.outputs.map(\.sha256))
    #expect(mergedManifest.units.map(\.name) == ["overview/A-2024-H1", "overview/B-2024-H1", "overview/C-2024-H1"])
    #expect(mergedManifest.mergedShards == 2 && mergedManifest.shard == nil)
    #expect(sharded.read("manifest.json") == sharded.read("runs/\(merged.runID!)/manifest.json"))
    #expect(sharded.hiddenEntries().allSatisfy { $0.hasPrefix(".briefing-shard-") })
  }

  @Test func shardSkipsWhenItsOwnInputsAreUnchanged() {
    let fixture = Fixture()
    var options = fixture.options()
    options.shard = Shard(index: 2, count: 3)
    #expect(fixture.run(options: options).outcome == .ok)
    #expect(fixture.run(FakeProducer(salt: "v2"), options: options).outcome == .skipped)
    #expect(fixture.read("overview/B-2024-H1.pdf") == Array("PDF v1 overview B 2024-H1".utf8))
  }

  @Test func mergeRefusesMissingOrDisagreeingShards() throws {
    let fixture = Fixture()
    var first = fixture.options()
    first.shard = Shard(index: 1, count: 2)
    #expect(fixture.run(options: first).outcome == .ok)
    let log = MemoryLogSink()
    let missing = JobRunner.merge(job: fixture.job(), shards: 2, options: fixture.options(log))
    #expect(missing.exitCode == 65)
    #expect(missing.findings.map(\.message.code) == ["shard-missing"])
    #expect(log.lines.contains { $0.contains("no manifest from shard 2 of 2") })
    #expect(fixture.read("manifest.json") == nil)

    // Shard 2 ran on other data: its input fingerprints differ from shard 1's.
    fixture.write("data/values.csv", "region,period,value\nA,2024-H1,2\n")
    var second = fixture.options()
    second.shard = Shard(index: 2, count: 2)
    #expect(fixture.run(options: second).outcome == .ok)
    let mismatch = JobRunner.merge(job: fixture.job(), shards: 2, options: fixture.options())
    #expect(mismatch.exitCode == 65)
    #expect(mismatch.findings.first?.description.contains("inputs") == true)
    #expect(fixture.read("manifest.json") == nil)
  }

  @Test func mergeOfAPartialShardIsPartial() {
    let fixture = Fixture()
    for index in 1...2 {
      var options = fixture.options()
      options.shard = Shard(index: index, count: 2)
      _ = fixture.run(FakeProducer(failRegion: "B"), options: options)
    }
    let merged = JobRunner.merge(job: fixture.job(), shards: 2, options: fixture.options())
    #expect(merged.outcome == .partial)
    #expect(merged.exitCode == 76)
  }

  // MARK: - Locks

  @Test func sameShardTwiceIsLockedButOtherShardsRun() throws {
    let fixture = Fixture()
    try FileManager.default.createDirectory(atPath: fixture.output, withIntermediateDirectories: true)
    let fd = try hold(fixture.output + "/.briefing-shard-1-of-2.lock", LOCK_EX, pid: "31337")
    defer { close(fd) }
    var one = fixture.options()
    one.shard = Shard(index: 1, count: 2)
    #expect(fixture.run(options: one).outcome == .locked(holderPid: 31337))
    var two = fixture.options()
    two.shard = Shard(index: 2, count: 2)
    #expect(fixture.run(options: two).outcome == .ok)
  }

  @Test func wholeRunAndShardsExcludeEachOther() throws {
    let fixture = Fixture()
    try FileManager.default.createDirectory(atPath: fixture.output, withIntermediateDirectories: true)
    // A running shard: shared whole-run lock plus its own lock with its pid.
    let shared = try hold(fixture.output + "/.briefing.lock", LOCK_SH, pid: nil)
    let own = try hold(fixture.output + "/.briefing-shard-2-of-2.lock", LOCK_EX, pid: "4711")
    #expect(fixture.run().outcome == .locked(holderPid: 4711))
    #expect(JobRunner.merge(job: fixture.job(), shards: 2, options: fixture.options()).exitCode == 75)
    close(own)
    close(shared)
    // A running whole run blocks a shard.
    let whole = try hold(fixture.output + "/.briefing.lock", LOCK_EX, pid: "2024")
    defer { close(whole) }
    var options = fixture.options()
    options.shard = Shard(index: 1, count: 2)
    #expect(fixture.run(options: options).outcome == .locked(holderPid: 2024))
  }

  /// Opens `path` and takes `operation` on it from this process (a separate open file
  /// description, so it conflicts with the runner's own `flock`).
  private func hold(_ path: String, _ operation: Int32, pid: String?) throws -> Int32 {
    let fd = open(path, O_RDWR | O_CREAT, 0o644)
    try #require(fd >= 0)
    try #require(flock(fd, operation | LOCK_NB) == 0)
    if let pid {
      _ = ftruncate(fd, 0)
      _ = Array((pid + "\n").utf8).withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }
    return fd
  }
}
