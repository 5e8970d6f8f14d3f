import BriefingCore
import Foundation

// MARK: - What a hook is told about its run

extension Run {
  /// The variables a hook gets from the manifest at `path` (the one the run just wrote), all
  /// present and empty when there is none:
  ///
  /// | variable | value |
  /// |---|---|
  /// | `BRIEFING_RUN_ID` | the run id, e.g. `20240705-070000` |
  /// | `BRIEFING_PERIOD` | the period the run rendered, e.g. `2024-H1` |
  /// | `BRIEFING_FAILED_UNITS` | output names of the units that did not publish, one a line |
  /// | `BRIEFING_INDEX` | absolute path of the run's page, `<output>/index.html` |
  func hookVariables(manifestAt path: String?) -> [String: String] {
    var variables = ["BRIEFING_RUN_ID": "", "BRIEFING_PERIOD": "", "BRIEFING_FAILED_UNITS": "", "BRIEFING_INDEX": ""]
    guard let path, let data = FileManager.default.contents(atPath: path),
      let manifest = try? JSONDecoder().decode(Manifest.self, from: data)
    else { return variables }
    variables["BRIEFING_RUN_ID"] = manifest.runID
    variables["BRIEFING_PERIOD"] = manifest.period ?? ""
    variables["BRIEFING_FAILED_UNITS"] = manifest.units.filter { $0.status != "ok" }.map(\.name).joined(separator: "\n")
    let page = indexPagePaths.first.map { out + "/" + $0 }
    if let page, (try? Posix.kind(page)) == .other { variables["BRIEFING_INDEX"] = page }
    return variables
  }
}
