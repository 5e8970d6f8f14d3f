import BriefingCore
import Foundation

// MARK: - Ending a run

extension Run {
  /// Stops before the run owns the output folder (unusable folder, lock held): a log line, no
  /// manifest, `on_failure`.
  mutating func refuse(_ outcome: RunOutcome, _ message: Finding.Message) -> RunReport {
    record(Finding(.error, message))
    return end(outcome, manifest: nil, path: nil)
  }

  /// Ends a run that publishes nothing of its own (or merges what shards published): writes
  /// its manifest in place, then concludes. A run that would exit 0 without a manifest is an
  /// I/O failure instead (74), and `on_success` does not run.
  mutating func finish(
    _ initial: RunOutcome, units: [Manifest.UnitRecord], inputs: [Manifest.Input], outputs: [Manifest.Output] = []
  ) -> RunReport {
    if runID == nil { runID = makeRunID() }
    var outcome = initial
    var manifest = makeManifest(outcome, units: units, inputs: inputs, outputs: outputs)
    let path = writeManifest(manifest)
    if path == nil, outcome.exitCode == 0 {
      record(Finding(.error, .outputIO("cannot write the manifest of run \(manifest.runID)")))
      outcome = .ioError
      manifest.status = outcome.status
      manifest.findings = findings
    }
    return conclude(outcome, manifest: manifest, path: path)
  }

  /// Gives up before anything is visible: removes the staging folder, records why and ends
  /// with 74 and a failed-run manifest.
  mutating func abandon(
    _ staging: String, _ message: Finding.Message, units: [Manifest.UnitRecord], inputs: [Manifest.Input]
  ) -> RunReport {
    Posix.removeTree(staging)
    record(Finding(.error, message))
    return finish(.ioError, units: units, inputs: inputs)
  }

  /// After the manifest is on disk: retention, then `on_success` when everything was
  /// published (a shard leaves both to the merge).
  mutating func conclude(_ initial: RunOutcome, manifest: Manifest, path: String?) -> RunReport {
    var outcome = initial
    var manifest = manifest
    var path = path
    if options.shard == nil {
      applyRetention(keeping: manifest.runID)
      if outcome == .ok { outcome = deliver(&manifest, path: &path) }
    }
    return end(outcome, manifest: manifest, path: path)
  }

  /// The last step of every run that did not skip: `on_failure` when the exit status is not 0,
  /// the `done` line, the report.
  mutating func end(_ outcome: RunOutcome, manifest: Manifest?, path: String?) -> RunReport {
    let report = RunReport(
      outcome: outcome, runID: runID, manifest: manifest, manifestPath: path, findings: findings, published: published)
    runOnFailure(report)
    let units = manifest?.units ?? []
    log.emit(outcome == .ok ? .info : .error, "done", [
      ("status", outcome.status), ("units", "\(units.count)"), ("ok", "\(units.filter { $0.status == "ok" }.count)"),
      ("failed", "\(units.filter { $0.status == "failed" }.count)"), ("published", "\(published.count)"),
      ("seconds", seconds(since: started)),
    ])
    return report
  }
}
