#if canImport(Glibc)
import Glibc
#endif
import Foundation

// MARK: - Scratch folders of a test run

/// Scratch folders for tests, all under one folder per test process
/// (`$TMPDIR/briefing-tests-<pid>`), which is removed when the process exits: a test run
/// leaves nothing behind in the temporary directory, however its tests end.
public enum TestScratch {
  /// A new empty folder whose name starts with `prefix`.
  public static func folder(_ prefix: String) throws -> String {
    let path = root + "/" + prefix + "-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// The process's folder, created and registered for removal on first use.
  public static let root: String = {
    let path = rootPath(of: getpid())
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    atexit {
      try? FileManager.default.removeItem(atPath: TestScratch.rootPath(of: getpid()))
    }
    return path
  }()

  static func rootPath(of process: pid_t) -> String {
    NSTemporaryDirectory() + "briefing-tests-\(process)"
  }
}
