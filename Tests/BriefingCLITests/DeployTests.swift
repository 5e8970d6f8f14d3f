import Foundation
import Testing
import Yams

/// The scale-out files in Tools/deploy run as a scheduler would run them: the Slurm scripts
/// through `submit.sh` with a stand-in `sbatch`, the Kubernetes Indexed Job's shard and merge
/// commands with the environment the manifests set and the completion index Kubernetes adds.
/// Either way the shards plus the merge must give the files of one whole run.
@Suite(.serialized) struct DeployTests {
  static let shards = 3

  /// The report files of one whole run of the same job.
  private func wholeRun() throws -> [String: Data] {
    let dir = try CLI.scratch()
    let result = try CLI.run(["run", try CLI.jiuquanJob(in: dir), "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    return try CLI.reports(in: dir + "/out")
  }

  // MARK: - Slurm

  /// Slurm's `sbatch` reduced to what submit.sh uses: `--export=ALL,K=V…` sets the variables,
  /// `--array=1-N` runs the script once per task with SLURM_ARRAY_TASK_ID and
  /// SLURM_ARRAY_TASK_COUNT (one after the other), any other script runs once; prints a job id.
  private static let fakeSbatch = #"""
    #!/bin/bash
    array="" exports=""
    while [ $# -gt 1 ]; do
      case "$1" in
        --array=*) array=${1#--array=} ;;
        --export=*) exports=${1#--export=} ;;
      esac
      shift
    done
    IFS=, read -ra pairs <<< "$exports"
    for pair in "${pairs[@]}"; do [ "$pair" = ALL ] || export "$pair"; done
    if [ -n "$array" ]; then
      first=${array%-*} last=${array#*-}
      for ((task = first; task <= last; task++)); do
        SLURM_ARRAY_TASK_ID=$task SLURM_ARRAY_TASK_COUNT=$((last - first + 1)) bash "$1" || exit $?
      done
    else
      bash "$1" || exit $?
    fi
    echo 4242
    """#

  @Test func slurmArrayAndMergeEqualOneRun() throws {
    let dir = try CLI.scratch()
    let job = try CLI.jiuquanJob(in: dir)
    try FileManager.default.createDirectory(atPath: dir + "/bin", withIntermediateDirectories: true)
    try Self.fakeSbatch.write(toFile: dir + "/bin/sbatch", atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir + "/bin/sbatch")
    let path = dir + "/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    let submit = try CLI.shell(
      ["Tools/deploy/slurm/submit.sh", job, "\(Self.shards)"], environment: ["PATH": path])
    #expect(submit.status == 0, "\(submit.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir + "/out/manifest.json"))
    let sharded = try CLI.reports(in: dir + "/out")
    #expect(sharded == (try wholeRun()))
  }

  // MARK: - Kubernetes

  /// The manifest's first container: its command line and its environment.
  private func container(_ file: String) throws -> (command: [String], environment: [String: String], job: [String: Any]) {
    let text = try String(contentsOfFile: CLI.root + "/Tools/deploy/kubernetes/" + file, encoding: .utf8)
    let job = try #require(try Yams.load(yaml: text) as? [String: Any])
    let spec = try #require(job["spec"] as? [String: Any])
    let template = try #require((spec["template"] as? [String: Any])?["spec"] as? [String: Any])
    let first = try #require((template["containers"] as? [[String: Any]])?.first)
    let command = (first["command"] as? [String] ?? []) + (first["args"] as? [String] ?? [])
    var environment: [String: String] = [:]
    for entry in first["env"] as? [[String: Any]] ?? [] {
      if let name = entry["name"] as? String, let value = entry["value"] { environment[name] = "\(value)" }
    }
    return (command, environment, spec)
  }

  @Test func kubernetesIndexedJobAndMergeEqualOneRun() throws {
    let dir = try CLI.scratch()
    let job = try CLI.jiuquanJob(in: dir)
    let shard = try container("briefing-shards.yaml")
    #expect(shard.job["completionMode"] as? String == "Indexed")
    let declared = try #require(shard.environment["SHARDS"].flatMap { Int($0) })
    #expect(shard.job["completions"] as? Int == declared && shard.job["parallelism"] as? Int == declared)
    #expect(shard.command.count == 3 && shard.command[0] == "/bin/sh" && shard.command[1] == "-c")
    // The cluster's values for this test: 3 shards, the job file on "shared storage".
    let local = ["SHARDS": "\(Self.shards)", "JOB_FILE": job, "HOME": dir, "XDG_CACHE_HOME": dir + "/cache"]
    for index in 0..<Self.shards {
      let environment = shard.environment.merging(local) { $1 }.merging(["JOB_COMPLETION_INDEX": "\(index)"]) { $1 }
      let result = try CLI.shell(Array(shard.command.dropFirst()), shell: "/bin/sh", environment: environment)
      #expect(result.status == 0, "index \(index): \(result.stderr)")
    }
    let merge = try container("briefing-merge.yaml")
    #expect(merge.environment["SHARDS"] == shard.environment["SHARDS"])
    let merged = try CLI.shell(
      Array(merge.command.dropFirst()), shell: "/bin/sh", environment: merge.environment.merging(local) { $1 })
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir + "/out/manifest.json"))
    #expect(try CLI.reports(in: dir + "/out") == (try wholeRun()))
  }
}
