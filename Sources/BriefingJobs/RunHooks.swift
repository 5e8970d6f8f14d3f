import BriefingCore
import Foundation

// MARK: - Running the job's hooks

extension Run {
  /// Runs `command` (`on_success` or `on_failure`, named `name`) with `HookRunner`: in the output
  /// folder (the job file's folder when the output folder is unusable), with the run's
  /// environment plus `BRIEFING_STATUS`, `BRIEFING_MANIFEST` (empty when no manifest was
  /// written), `BRIEFING_OUTPUT`, the manifest's `hookVariables` and `extra`. Logs how it ended.
  func runHook(
    _ command: String, name: String, status: String, manifest: String?, extra: [String: String] = [:]
  ) -> HookRunner.Ending {
    var environment = options.environment.merging(hookVariables(manifestAt: manifest)) { $1 }.merging(extra) { $1 }
    environment["BRIEFING_MANIFEST"] = manifest ?? ""
    environment["BRIEFING_STATUS"] = status
    environment["BRIEFING_OUTPUT"] = out
    let directory = (try? Posix.kind(out)) == .directory ? out : (job.file as NSString).deletingLastPathComponent
    let runner = HookRunner(timeout: job.hookTimeout, grace: options.hookGrace)
    let ending = runner.run(command, environment: environment, directory: directory.isEmpty ? "." : directory)
    switch ending {
    case .exited(0):
      log.emit(.info, "hook", [("hook", name), ("exit", "0")])
    case .timedOut:
      log.emit(.error, "hook-timeout", [("hook", name), ("seconds", "\(job.hookTimeout)"), ("grace", "\(options.hookGrace)")])
    case .exited, .signalled, .notStarted, .lost:
      log.emit(.error, "hook-failed", [("hook", name), ("exit", "\(ending.status)")])
    }
    return ending
  }

  /// `on_failure`, when the job has one and this is not a shard (the merge reports for the
  /// shards), with `BRIEFING_SUMMARY` set to the one-line summary.
  func runOnFailure(_ report: RunReport) {
    guard options.shard == nil, let command = job.onFailure, let summary = report.summary else { return }
    _ = runHook(
      command, name: "on_failure", status: report.outcome.status, manifest: report.manifestPath,
      extra: ["BRIEFING_SUMMARY": summary])
  }
}
