import BriefingCore
import Foundation

// MARK: - Delivery

extension Run {
  /// Runs `on_success` for the run that `manifest` describes, records the attempt in its
  /// `delivery` and writes the manifest again (at `path`, which this updates). Returns `ok`,
  /// `deliveredWithHookFailure` (77) when the hook failed, or `ioError` (74) when the record
  /// could not be written: the delivery then stays `pending` on disk and is attempted again.
  mutating func deliver(_ manifest: inout Manifest, path: inout String?) -> RunOutcome {
    guard let command = job.onSuccess else { return .ok }
    let ending = runHook(command, name: "on_success", status: RunOutcome.ok.status, manifest: path)
    var delivery = manifest.delivery ?? Manifest.Delivery(status: .pending, attempts: 0)
    delivery.attempts += 1
    delivery.exitStatus = ending.status
    delivery.attemptedAt = EventLog.timestamp(options.clock.now())
    delivery.status = ending == .exited(0) ? .delivered : .failed
    manifest.delivery = delivery
    manifest.findings.removeAll { $0.message.code == Finding.Message.hookFailedCode }
    if delivery.status == .failed {
      let finding = Finding(.error, .hookFailed("on_success", ending))
      record(finding)
      manifest.findings.append(finding)
    }
    let outcome: RunOutcome = delivery.status == .delivered ? .ok : .deliveredWithHookFailure
    manifest.status = outcome.status
    guard let written = writeManifest(manifest) else {
      record(Finding(.error, .outputIO("cannot record the delivery in the manifest of run \(manifest.runID)")))
      return .ioError
    }
    path = written
    return outcome
  }

  /// The previous run's files are current but `on_success` has not succeeded for them: run it
  /// again, without rendering.
  mutating func retryDelivery(_ previous: Manifest) -> RunReport {
    runID = previous.runID
    let attempt = (previous.delivery?.attempts ?? 0) + 1
    log.emit(.info, "delivery-retry", [("previous_run", previous.runID), ("attempt", "\(attempt)")])
    var manifest = previous
    var path: String? = out + "/" + manifestPaths(id: previous.runID)[0]
    let outcome = deliver(&manifest, path: &path)
    return end(outcome, manifest: manifest, path: path)
  }
}
