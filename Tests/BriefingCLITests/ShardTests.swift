import Foundation
import Testing

/// `briefing run --shard i/n` as separate processes: the union of the shards' files equals one
/// whole run, file for file; bad shard values are usage errors.
@Suite(.serialized) struct ShardCLITests {
  @Test func threeShardProcessesEqualOneRunFileForFile() throws {
    let sharded = try CLI.scratch()
    let shardedJob = try CLI.jiuquanJob(in: sharded)
    let processes = try (1...3).map { index in try CLI.start(["run", shardedJob, "--shard", "\(index)/3", "--quiet"]) }
    for process in processes {
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
    }
    let merge = try CLI.run(["run", shardedJob, "--merge", "3"])
    #expect(merge.status == 0, "\(merge.stderr)")

    let whole = try CLI.scratch()
    let single = try CLI.run(["run", try CLI.jiuquanJob(in: whole), "--quiet"])
    #expect(single.status == 0, "\(single.stderr)")

    let shardedFiles = try CLI.reports(in: sharded + "/out")
    let wholeFiles = try CLI.reports(in: whole + "/out")
    #expect(shardedFiles.count == 9 + 9 * 14)
    #expect(shardedFiles.keys.sorted() == wholeFiles.keys.sorted())
    for (path, bytes) in wholeFiles { #expect(shardedFiles[path] == bytes, "\(path) differs") }

    // The merged manifest lists the same outputs as the whole run's.
    let merged = try manifestOutputs(sharded + "/out/manifest.json")
    #expect(merged == (try manifestOutputs(whole + "/out/manifest.json")))
    #expect(merged.count == wholeFiles.count)
  }

  @Test(arguments: ["0/3", "4/3", "3", "1/0", "x/3", "-1/3"])
  func badShardIsAUsageError(_ value: String) throws {
    let dir = try CLI.scratch()
    let result = try CLI.run(["run", try CLI.jiuquanJob(in: dir), "--shard=" + value])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--shard must be I/N"))
    #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
  }

  @Test func mergeBeforeAllShardsRanExits65() throws {
    let dir = try CLI.scratch()
    let job = try CLI.jiuquanJob(in: dir)
    let first = try CLI.run(["run", job, "--shard", "1/2", "--quiet"])
    #expect(first.status == 0, "\(first.stderr)")
    let merge = try CLI.run(["run", job, "--merge", "2"])
    #expect(merge.status == 65)
    #expect(merge.stderr.contains("no manifest from shard 2 of 2"))
    #expect(!FileManager.default.fileExists(atPath: dir + "/out/manifest.json"))
  }

  /// `group: all`: every member of every peer group once (Midwest and its frame Great Lakes share
  /// six states), split over two shards.
  @Test func groupAllCoversEveryMemberOfEveryGroupOnce() throws {
    let dir = try CLI.scratch()
    let job = """
      version: 1
      data: \(CLI.root)/Samples/midwest-2024q3
      layouts: [\(CLI.root)/Layouts/state-comparison-en.yaml]
      regions: every
      group: all
      output: out
      name: "{region}"
      """
    try job.write(toFile: dir + "/job.yaml", atomically: true, encoding: .utf8)
    for index in 1...2 {
      let shard = try CLI.run(["run", dir + "/job.yaml", "--shard", "\(index)/2", "--quiet"])
      #expect(shard.status == 0, "\(shard.stderr)")
    }
    #expect(try CLI.run(["run", dir + "/job.yaml", "--merge", "2", "--quiet"]).status == 0)
    let sheets = try CLI.reports(in: dir + "/out").keys.sorted()
    #expect(sheets == [
      "Illinois.pdf", "Indiana.pdf", "Iowa.pdf", "Michigan.pdf", "Minnesota.pdf", "Missouri.pdf", "Ohio.pdf",
      "Wisconsin.pdf",
    ])
  }

  // MARK: - Helpers

  /// `path → sha256` of a manifest's outputs.
  private func manifestOutputs(_ path: String) throws -> [String: String] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let outputs = try #require(object["outputs"] as? [[String: Any]])
    var result: [String: String] = [:]
    for output in outputs {
      if let path = output["path"] as? String, let sha = output["sha256"] as? String { result[path] = sha }
    }
    return result
  }
}
