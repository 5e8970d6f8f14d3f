import Foundation

// MARK: - Retention

extension Run {
  /// Keeps `job.retention` folders under `runs/`: the run `current` (never deleted) and the
  /// newest others by the start time their manifests recorded, so a clock set back cannot make
  /// the run just written look oldest. Equal times fall back on the folder name; a folder
  /// without a readable manifest counts as oldest.
  func applyRetention(keeping current: String) {
    let runs = out + "/runs"
    let others = Posix.list(runs)
      .filter { $0 != current && (try? Posix.kind(runs + "/" + $0)) == .directory }
      .map { (name: $0, started: recordedStart(of: $0)) }
      .sorted { ($0.started ?? .distantPast, $0.name) > ($1.started ?? .distantPast, $1.name) }
    for old in others.dropFirst(max(0, job.retention - 1)) {
      Posix.removeTree(runs + "/" + old.name)
      log.emit(.info, "pruned", [("run", old.name)])
    }
  }

  /// `startedAt` of `runs/<name>/manifest.json`, if it can be read.
  private func recordedStart(of name: String) -> Date? {
    guard let data = FileManager.default.contents(atPath: out + "/runs/" + name + "/manifest.json"),
      let manifest = try? JSONDecoder().decode(Manifest.self, from: data)
    else { return nil }
    return ISO8601DateFormatter().date(from: manifest.startedAt)
  }
}
