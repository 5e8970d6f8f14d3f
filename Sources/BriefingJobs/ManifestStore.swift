import BriefingCore
import Foundation

// MARK: - Manifests

extension Run {
  /// `manifest.json`, or `manifest-shard-i-of-n.json` for a shard.
  var manifestName: String { options.shard?.manifestName ?? "manifest.json" }

  /// Where a run's manifest goes, relative to the output folder: `runs/<id>/manifest.json`
  /// then `manifest.json`; a shard writes only its `manifest-shard-i-of-n.json`.
  func manifestPaths(id: String) -> [String] {
    options.shard == nil ? ["runs/" + id + "/manifest.json", manifestName] : [manifestName]
  }

  /// The manifest of this run so far (`runID` must be set).
  func makeManifest(
    _ outcome: RunOutcome, units: [Manifest.UnitRecord], inputs: [Manifest.Input], outputs: [Manifest.Output]
  ) -> Manifest {
    Manifest(
      runID: runID ?? makeRunID(), job: job.file, toolVersion: options.toolVersion, status: outcome.status,
      period: units.first?.period, startedAt: EventLog.timestamp(started),
      finishedAt: EventLog.timestamp(options.clock.now()), seconds: options.clock.now().timeIntervalSince(started),
      inputs: inputs, outputs: outputs, units: units, findings: findings,
      shard: options.shard.map { ShardRecord(index: $0.index, count: $0.count, jobUnits: jobUnits ?? units.count) },
      mergedShards: mergedShards)
  }

  /// Pretty, sorted-key JSON with a final newline: stable for equal manifests.
  static func encode(_ manifest: Manifest) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain value types into JSON cannot fail.
    return [UInt8](try! encoder.encode(manifest)) + [0x0A]
  }

  /// Writes the manifest into the staging folder under each of `paths`, to be published with
  /// the outputs.
  func stageManifest(_ manifest: Manifest, as paths: [String], in staging: String) throws {
    let bytes = Self.encode(manifest)
    for path in paths {
      try ensureDirectories(root: staging, for: path)
      try options.fileSystem.writeStagedFile(staging + "/" + path, bytes)
    }
  }

  /// Replaces the run's manifests in place (a failed run's, or one whose delivery changed), each
  /// through a temporary file and a rename, after the run's page (`writeIndexPage`). Returns the
  /// path of the first manifest written; nil when none could be (each failure is logged).
  func writeManifest(_ manifest: Manifest) -> String? {
    writeIndexPage(for: manifest)
    let bytes = Self.encode(manifest)
    let temporary = out + "/." + manifestName + ".tmp-" + manifest.runID
    var written: [String] = []
    for path in manifestPaths(id: manifest.runID) {
      do {
        try ensureDirectories(root: out, for: path, checkLinks: true)
        try Posix.unlink(temporary)
        try options.fileSystem.writeNewFile(temporary, bytes)
        try options.fileSystem.rename(temporary, out + "/" + path)
        written.append(out + "/" + path)
      } catch {
        try? Posix.unlink(temporary)
        log.emit(.error, "manifest-failed", [("path", path), ("error", "\(error)")])
      }
    }
    Posix.fsyncDirectory(out)
    return written.first
  }

  /// The latest manifest (`manifest.json`, or the shard's), if readable.
  func loadLatestManifest() -> Manifest? {
    guard let data = FileManager.default.contents(atPath: out + "/" + manifestName) else { return nil }
    return try? JSONDecoder().decode(Manifest.self, from: data)
  }
}
