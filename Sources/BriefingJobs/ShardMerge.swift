import BriefingCore
import Foundation

// MARK: - Merging shard manifests

extension JobRunner {
  /// Combines `manifest-shard-1-of-n.json` … `manifest-shard-n-of-n.json` in the job's output
  /// folder into `manifest.json` (and `runs/<id>/manifest.json`), then applies retention and runs
  /// the job's hooks, as a whole run would.
  ///
  /// Holds the whole-run lock exclusively, so it waits for no shard: a shard still running makes
  /// it exit 75. Refuses (65, nothing written) when a shard manifest is missing or unreadable, or
  /// when the shards disagree (tool version, period, input fingerprints, shard count, total units)
  /// or do not add up to the whole job (a unit twice or missing). The merged status follows the
  /// units: all ok → `ok`; some failed → `partial` (76); none ok → `failed` (65). The merged
  /// manifest lists outputs by path and units by output name, and its `startedAt` is the earliest
  /// shard start, so `seconds` is the wall time of the whole scale-out.
  public static func merge(job: JobFile, shards count: Int, options: RunOptions) -> RunReport {
    var whole = options
    whole.shard = nil
    var run = Run(job: job, options: whole)
    return run.merge(count: count)
  }
}

extension Run {
  mutating func merge(count: Int) -> RunReport {
    log.emit(.info, "start", [("job", job.file), ("output", out), ("merge", "\(count)"), ("tool", options.toolVersion)])
    guard (try? Posix.kind(out)) == .directory else {
      return refuse(.invalid, .shardsMissing(Array(1...count), count: count))
    }
    let (lock, refusal) = takeLock()
    guard let lock else { return refusal! }
    defer { lock.release() }

    var manifests: [Manifest] = []
    var missing: [Int] = []
    for index in 1...count {
      let name = Shard(index: index, count: count)!.manifestName
      guard let data = FileManager.default.contents(atPath: out + "/" + name) else {
        missing.append(index)
        continue
      }
      guard let manifest = try? JSONDecoder().decode(Manifest.self, from: data) else {
        return refuse(.invalid, .shardMismatch(name, why: "it is not a readable manifest"))
      }
      manifests.append(manifest)
    }
    guard missing.isEmpty else { return refuse(.invalid, .shardsMissing(missing, count: count)) }
    if let problem = Self.disagreement(manifests, count: count) {
      return refuse(.invalid, .shardMismatch(problem.name, why: problem.why))
    }

    let units = manifests.flatMap(\.units).sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    let outputs = manifests.flatMap(\.outputs).sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    for finding in manifests.flatMap(\.findings) where !findings.contains(finding) { findings.append(finding) }
    let starts = manifests.compactMap { ISO8601DateFormatter().date(from: $0.startedAt) }
    if let earliest = starts.min() { started = earliest }
    mergedShards = count
    runID = makeRunID()
    let ok = units.filter { $0.status == "ok" }.count
    let outcome: RunOutcome = ok == units.count ? .ok : (ok > 0 ? .partial : .failed)
    log.emit(.info, "merged", [("shards", "\(count)"), ("units", "\(units.count)"), ("outputs", "\(outputs.count)")])
    return finish(outcome, units: units, inputs: manifests[0].inputs, outputs: outputs)
  }

  /// The first way the shard manifests fail to make up one run, if any.
  static func disagreement(_ manifests: [Manifest], count: Int) -> (name: String, why: String)? {
    let first = manifests[0]
    var names: Set<String> = []
    var total = 0
    for (offset, manifest) in manifests.enumerated() {
      let name = Shard(index: offset + 1, count: count)!.manifestName
      guard let shard = manifest.shard, shard.index == offset + 1, shard.count == count else {
        return (name, "it is not the manifest of shard \(offset + 1) of \(count)")
      }
      if manifest.toolVersion != first.toolVersion {
        return (name, "tool version \(manifest.toolVersion) differs from shard 1's \(first.toolVersion)")
      }
      if manifest.period != first.period {
        return (name, "period \(manifest.period ?? "none") differs from shard 1's \(first.period ?? "none")")
      }
      if manifest.inputs != first.inputs {
        return (name, "its inputs (data, layouts, job file) differ from shard 1's; re-run the shards on the same inputs")
      }
      if shard.jobUnits != first.shard?.jobUnits {
        return (name, "it plans \(shard.jobUnits) units for the job, shard 1 plans \(first.shard?.jobUnits ?? 0)")
      }
      for unit in manifest.units where !names.insert(unit.name).inserted {
        return (name, "unit '\(unit.name)' is also in another shard")
      }
      total += manifest.units.count
    }
    if let expected = first.shard?.jobUnits, total != expected {
      return (Shard(index: 1, count: count)!.manifestName, "the shards hold \(total) units, the job has \(expected)")
    }
    return nil
  }
}

// MARK: - Messages

extension Finding.Message {
  static func shardsMissing(_ indexes: [Int], count: Int) -> Self {
    let list = indexes.map { "\($0)" }.joined(separator: ", ")
    return Self(
      code: "shard-missing",
      text: "no manifest from shard \(list) of \(count) (manifest-shard-i-of-\(count).json); run the missing shards first")
  }
  static func shardMismatch(_ name: String, why: String) -> Self {
    Self(code: "shard-mismatch", text: "cannot merge '\(name)': \(why)")
  }
}
