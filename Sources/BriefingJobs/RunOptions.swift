import Foundation

#if canImport(Glibc)
  import Glibc
#endif

// MARK: - Options

/// Knobs and injection points for `JobRunner.run`. Everything with a side effect outside the
/// output folder (time, sleeping, logging, hooks, test pauses) is injectable, and so is every
/// write inside it (`fileSystem`).
public struct RunOptions: @unchecked Sendable {
  /// Re-render even when nothing changed (`--force`).
  public var force = false
  /// Log only failures (`--quiet`).
  public var quiet = false
  public var toolVersion: String
  public var clock: any RunClock = SystemClock()
  public var sleeper: any Sleeper = SystemSleeper()
  public var log: any LogSink
  /// Run id; by default `yyyyMMdd-HHmmss` (UTC) from the clock, made unique.
  public var runID: String?
  /// Attempts per input read for transient errors (EIO, ESTALE, EAGAIN); back-off 0.5 s, doubling.
  public var readAttempts = 4
  public var readFile: (String) throws -> [UInt8] = { path throws(FileFailure) in try Posix.readFile(path) }
  /// Every write, folder, rename and link under the output folder; tests inject a full disk.
  public var fileSystem: any OutputFileSystem = PosixFileSystem()
  /// Environment for hooks (merged with the BRIEFING_* variables) and for
  /// `BRIEFING_TEST_PAUSE_AFTER`.
  public var environment: [String: String] = ProcessInfo.processInfo.environment
  /// Stop after this many files were published (test hook; the CLI's kill -9 test). Defaults to
  /// `BRIEFING_TEST_PAUSE_AFTER` from `environment`.
  public var pauseAfterPublishing: Int?
  /// What "stop" means; by default `raise(SIGSTOP)` so a test can `kill -9` the stopped process.
  public var onPause: () -> Void = { _ = raise(SIGSTOP) }
  /// Called after each published file with the count so far; throwing simulates a crash: the
  /// runner returns at once without any clean-up (as kill -9 would).
  public var afterPublish: ((Int) throws -> Void)?
  /// Seconds between SIGTERM and SIGKILL for a hook that outlives the job's `hook_timeout`
  /// (default 10).
  public var hookGrace: Double = 10
  /// Called after each unit is rendered with (units done, units in all, the unit's output name);
  /// the CLI draws a progress bar with it on a terminal. Nil (the default) reports nothing.
  public var progress: ((Int, Int, String) -> Void)?
  public var pid: Int32 = getpid()
  /// Render only this slice of the job (`--shard i/n`); nil renders everything. A shard writes
  /// `manifest-shard-i-of-n.json` only; retention and hooks wait for the merge.
  public var shard: Shard?

  public init(toolVersion: String, log: any LogSink) {
    self.toolVersion = toolVersion
    self.log = log
    pauseAfterPublishing = Self.pauseCount(from: environment)
  }

  /// `BRIEFING_TEST_PAUSE_AFTER=N` (N ≥ 1), else nil.
  public static func pauseCount(from environment: [String: String]) -> Int? {
    guard let text = environment["BRIEFING_TEST_PAUSE_AFTER"], let count = Int(text), count > 0 else { return nil }
    return count
  }
}
