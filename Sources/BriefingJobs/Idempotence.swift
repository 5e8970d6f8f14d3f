import BriefingCore
import Foundation

// MARK: - Skip when unchanged

extension Run {
  /// True when the previous run published everything from the same inputs (sha256), job,
  /// units and tool version, and every file it published is still there with the same content
  /// (sha256 of the file as it is now, so a file damaged in place is rendered again).
  func unchanged(_ previous: Manifest, inputs: [Manifest.Input], units: [WorkUnit]) -> Bool {
    guard previous.status == RunOutcome.ok.status || previous.status == RunOutcome.deliveredWithHookFailure.status,
      previous.toolVersion == options.toolVersion, previous.inputs == inputs,
      previous.units.map({ [$0.layout, $0.region ?? "", $0.period, $0.name] })
        == units.map({ [$0.layout, $0.region ?? "", $0.period, $0.outputName] })
    else { return false }
    return previous.outputs.allSatisfy { output in
      let path = out + "/" + output.path
      // The size first: a cheap answer for most changes, before reading the whole file.
      guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
        (attributes[.size] as? NSNumber)?.intValue == output.size
      else { return false }
      return (try? SHA256.hex(fileAt: path)) == output.sha256
    }
  }

  /// Nothing changed and nothing is left to deliver: exit 0, nothing written.
  func skip(_ previous: Manifest) -> RunReport {
    log.emit(.info, "skipped", [("reason", "unchanged"), ("previous_run", previous.runID)])
    log.emit(.info, "done", [("status", "skipped"), ("units", "\(previous.units.count)"), ("published", "0"), ("seconds", seconds(since: started))])
    return RunReport(
      outcome: .skipped, runID: nil, manifest: previous, manifestPath: out + "/" + manifestName, findings: findings,
      published: [])
  }
}
