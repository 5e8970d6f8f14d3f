import Testing
import TestSupport

/// Fails the test with what differs from `Snapshots/<name>.scene.txt` (see `Snapshot`).
func assertSnapshot(
  _ text: String, name: String, filePath: String = #filePath,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  guard let problem = Snapshot.mismatch(text, name: name, filePath: filePath) else { return }
  Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
}
