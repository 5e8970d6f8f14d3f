import Foundation
import TestSupport

// MARK: - A job folder for the page and recipe tests

/// A scratch folder holding copies of the Jiuquan sample (`data/`) and of two shipped layouts,
/// a sheet and a chart set (`layouts/`), and `job.yaml` rendering both for 肃州区 and 玉门市 in
/// 2024-H1 into `out/`. Every path in the job is relative, so the job file's bytes (and the
/// inputs' sha256) are the same wherever the folder is.
struct JobFolder {
  static let regions = ["肃州区", "玉门市"]

  let path: String
  var job: String { path + "/job.yaml" }
  var output: String { path + "/out" }

  /// `extra` is appended to the job file (hooks, for instance).
  init(extra: String = "") throws {
    path = try TestScratch.folder("job")
    try FileManager.default.copyItem(atPath: CLI.root + "/Samples/jiuquan-2024h1", toPath: path + "/data")
    try FileManager.default.createDirectory(atPath: path + "/layouts", withIntermediateDirectories: true)
    for layout in ["half-year-comparison", "region-charts"] {
      try FileManager.default.copyItem(atPath: CLI.root + "/Layouts/\(layout).yaml", toPath: path + "/layouts/\(layout).yaml")
    }
    try """
      version: 1
      data: data
      layouts: [layouts/half-year-comparison.yaml, layouts/region-charts.yaml]
      regions: [\(Self.regions.joined(separator: ", "))]
      period: 2024-H1
      output: out

      """.appending(extra).write(toFile: job, atomically: true, encoding: .utf8)
  }

  /// `briefing run job.yaml --quiet` with `environment` added.
  func run(_ environment: [String: String] = [:]) throws -> CLI.Result {
    try CLI.run(["run", job, "--quiet"], environment: environment)
  }

  /// Makes the 4th data row's value `12a.5`: the next run fails (65) with a finding at
  /// `observations.csv:5:18`.
  func breakData() throws {
    let file = path + "/data/observations.csv"
    var lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n")
    var fields = lines[4].components(separatedBy: ",")
    fields[3] = "12a.5"
    lines[4] = fields.joined(separator: ",")
    try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
  }

  /// The published `manifest.json` as JSON.
  func manifest() throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: output + "/manifest.json"))
    return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
  }
}
