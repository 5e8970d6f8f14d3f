import Foundation
import Testing

// MARK: - Snapshots

/// Compares `text` with `Snapshots/<name>.scene.txt` next to the calling test file (found via
/// `#filePath`). With `RECORD_SNAPSHOTS=1` the file is (re)written instead. On mismatch the test
/// fails and shows the first differing lines. Shared by the scene and CLI snapshot tests.
public func assertSnapshot(
  _ text: String, name: String, filePath: String = #filePath,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    .appendingPathComponent("Snapshots")
  let file = directory.appendingPathComponent(name + ".scene.txt")
  if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try text.write(to: file, atomically: true, encoding: .utf8)
    } catch {
      Issue.record("could not record \(file.path): \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard let recorded = try? String(contentsOf: file, encoding: .utf8) else {
    Issue.record(
      "no snapshot \(file.lastPathComponent); run with RECORD_SNAPSHOTS=1 to record it",
      sourceLocation: sourceLocation)
    return
  }
  guard recorded != text else { return }
  let old = recorded.split(separator: "\n", omittingEmptySubsequences: false)
  let new = text.split(separator: "\n", omittingEmptySubsequences: false)
  let first = Array(zip(old, new)).firstIndex { $0.0 != $0.1 } ?? min(old.count, new.count)
  var report = ["snapshot \(name) differs at line \(first + 1) (RECORD_SNAPSHOTS=1 to accept):"]
  for index in first..<min(first + 5, max(old.count, new.count)) {
    if index < old.count { report.append("- \(old[index])") }
    if index < new.count { report.append("+ \(new[index])") }
  }
  Issue.record(Comment(rawValue: report.joined(separator: "\n")), sourceLocation: sourceLocation)
}
