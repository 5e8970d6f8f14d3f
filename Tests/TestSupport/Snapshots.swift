import Foundation

// MARK: - Snapshots

/// Text snapshots shared by the scene and CLI tests. This target is built by a plain
/// `swift build` too (release included), where the Testing module is absent: it reports a
/// mismatch as text, and each test target records it with its own three-line `assertSnapshot`.
public enum Snapshot {
  /// Compares `text` with `Snapshots/<name>.scene.txt` next to the test file at `filePath`.
  /// With `RECORD_SNAPSHOTS=1` the file is (re)written instead. Returns nil when they match (or
  /// after recording), else what differs: the first differing lines, or why there is nothing
  /// to compare with.
  public static func mismatch(_ text: String, name: String, filePath: String) -> String? {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
      .appendingPathComponent("Snapshots")
    let file = directory.appendingPathComponent(name + ".scene.txt")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return nil
      } catch {
        return "could not record \(file.path): \(error)"
      }
    }
    guard let recorded = try? String(contentsOf: file, encoding: .utf8) else {
      return "no snapshot \(file.lastPathComponent); run with RECORD_SNAPSHOTS=1 to record it"
    }
    guard recorded != text else { return nil }
    let old = recorded.split(separator: "\n", omittingEmptySubsequences: false)
    let new = text.split(separator: "\n", omittingEmptySubsequences: false)
    let first = Array(zip(old, new)).firstIndex { $0.0 != $0.1 } ?? min(old.count, new.count)
    var report = ["snapshot \(name) differs at line \(first + 1) (RECORD_SNAPSHOTS=1 to accept):"]
    for index in first..<min(first + 5, max(old.count, new.count)) {
      if index < old.count { report.append("- \(old[index])") }
      if index < new.count { report.append("+ \(new[index])") }
    }
    return report.joined(separator: "\n")
  }
}
