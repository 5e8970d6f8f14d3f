import BriefingCore
import Foundation

// MARK: - Rendering seam

/// One unit of work: one layout for one focus region and period.
public struct WorkUnit: Hashable, Sendable, Codable {
  /// Absolute path of the layout file.
  public var layout: String
  /// The layout's safe short name (file name without extension), used in `{layout}`.
  public var layoutName: String
  /// Focus region id, or nil when the job renders without a focus region.
  public var region: String?
  /// Period code, e.g. `2024-H1`.
  public var period: String
  /// Expanded, sanitised output name pattern (relative, no extension), e.g. `overview/620900-2024-H1`.
  public var outputName: String
  public var language: String?

  public init(
    layout: String, layoutName: String, region: String?, period: String, outputName: String,
    language: String? = nil
  ) {
    self.layout = layout
    self.layoutName = layoutName
    self.region = region
    self.period = period
    self.outputName = outputName
    self.language = language
  }
}

/// A rendered file: a path relative to the output folder (normally `unit.outputName + ".pdf"`),
/// its bytes and page count when known.
public struct ProducedFile: Hashable, Sendable {
  public var path: String
  public var bytes: [UInt8]
  public var pages: Int?
  public init(path: String, bytes: [UInt8], pages: Int? = nil) {
    self.path = path
    self.bytes = bytes
    self.pages = pages
  }
}

/// The renderer, implemented by the CLI. Must be deterministic for unchanged inputs; throwing
/// fails only this unit.
public protocol ReportProducing {
  /// Renders one unit of work (e.g. one region's sheet) into files (relative names → bytes).
  func produce(_ unit: WorkUnit) throws -> [ProducedFile]
  /// Inputs that are not files (a database query's rows), fingerprinted by the loader that
  /// read them; recorded after the files (`InputFingerprints`). Default: none.
  var fetchedInputs: [FetchedInput] { get }
}

// MARK: - Outcomes

// MARK: - Exit statuses

/// The exit status of every `briefing` command: the one table from failure to code.
///
/// The first five are BSD `sysexits.h` codes, which cron wrappers and scripts already know;
/// 75–77 are `run`'s own outcomes. A missing or unreadable input (data folder or file, layout,
/// job or scoring file) is an I/O error for every command, as is any failed write, standard
/// output included.
///
/// | code | case            | meaning |
/// |------|-----------------|---------|
/// | 0    | `ok`            | done (or, for `run`, skipped because nothing changed) |
/// | 64   | `usage`         | bad arguments (`EX_USAGE`, argument-parser's `validationFailure`) |
/// | 65   | `dataError`     | an input was read but is wrong: data, layout, job or scoring file (`EX_DATAERR`) |
/// | 70   | `internalError` | a bug or a broken environment: fonts missing, cairo failing (`EX_SOFTWARE`) |
/// | 74   | `ioError`       | an input is missing or unreadable, or an output (standard output too) cannot be written (`EX_IOERR`) |
/// | 75   | `locked`        | `run`: another run holds the lock; retry later (`EX_TEMPFAIL`) |
/// | 76   | `partial`       | `run`: some units failed, the rest were published |
/// | 77   | `hookFailed`    | `run`: everything was published but the `on_success` hook failed |
public enum ExitStatus: Int32, CaseIterable, Sendable {
  case ok = 0
  case usage = 64
  case dataError = 65
  case internalError = 70
  case ioError = 74
  case locked = 75
  case partial = 76
  case hookFailed = 77
}

// MARK: - Run outcomes

/// How a run ended, and the process exit code the CLI must return (`exitStatus`).
///
/// | code | outcome                        | meaning |
/// |------|--------------------------------|---------|
/// | 0    | `ok`                           | every unit rendered and published |
/// | 0    | `skipped`                      | inputs, layouts, job, tool version and published files (sha256) unchanged since the last successful run, and its delivery done; nothing written |
/// | 64   | (CLI)                          | usage error: bad arguments (`EX_USAGE`) |
/// | 65   | `invalid` / `failed`           | job, data or layout problem, or every unit failed; nothing published (`EX_DATAERR`) |
/// | 70   | `internalError`                | bug or simulated crash (`EX_SOFTWARE`) |
/// | 74   | `ioError`                      | cannot read inputs, or cannot write the output folder or the manifest (disk full, a rename failing), or unsafe symlink; nothing published, previous outputs untouched (`EX_IOERR`) |
/// | 75   | `locked`                       | another run holds `<output>/.briefing.lock`; nothing written but the log (`EX_TEMPFAIL`, retry later) |
/// | 76   | `partial`                      | the renderer failed some units; the others were published; see the manifest |
/// | 77   | `deliveredWithHookFailure`     | all outputs published but the `on_success` hook failed; the next run with unchanged inputs runs it again without rendering |
///
/// Every outcome but `ok` and `skipped` runs the job's `on_failure` hook (not for a shard).
public enum RunOutcome: Hashable, Sendable {
  case ok
  case skipped
  case partial
  case deliveredWithHookFailure
  case locked(holderPid: Int32?)
  case invalid
  case failed
  case ioError
  case internalError

  /// The row of the `ExitStatus` table this outcome ends with.
  public var exitStatus: ExitStatus {
    switch self {
    case .ok, .skipped: .ok
    case .invalid, .failed: .dataError
    case .internalError: .internalError
    case .ioError: .ioError
    case .locked: .locked
    case .partial: .partial
    case .deliveredWithHookFailure: .hookFailed
    }
  }

  public var exitCode: Int32 { exitStatus.rawValue }

  /// The word used in the manifest, logs and `BRIEFING_STATUS`.
  public var status: String {
    switch self {
    case .ok: "ok"
    case .skipped: "skipped"
    case .partial: "partial"
    case .deliveredWithHookFailure: "delivered-with-hook-failure"
    case .locked: "locked"
    case .invalid: "invalid"
    case .failed: "failed"
    case .ioError: "io-error"
    case .internalError: "internal-error"
    }
  }
}

// MARK: - Manifest

/// `<output>/runs/<runid>/manifest.json`, copied to `<output>/manifest.json` for the latest run.
public struct Manifest: Codable, Hashable, Sendable {
  public struct Input: Codable, Hashable, Sendable {
    public var path: String
    public var size: Int
    public var sha256: String
  }
  public struct Output: Codable, Hashable, Sendable {
    public var path: String
    public var size: Int
    public var sha256: String
    public var pages: Int?
  }
  public struct UnitRecord: Codable, Hashable, Sendable {
    public var layout: String
    public var region: String?
    public var period: String
    public var name: String
    /// `ok`, `failed`, `not-run`, or `not-published` (rendered, but the run published nothing
    /// because of an I/O failure).
    public var status: String
    public var error: String?
    public var seconds: Double
    public var outputs: [String]
  }

  /// What became of `on_success` for a run that published everything: the next run with
  /// unchanged inputs re-runs the hook while the delivery is `pending` or `failed`, without
  /// re-rendering.
  public struct Delivery: Codable, Hashable, Sendable {
    public enum Status: String, Codable, Hashable, Sendable {
      /// Published; `on_success` not run yet (or the run ended before it finished).
      case pending
      case delivered
      /// `on_success` exited non-zero, timed out or could not start.
      case failed
    }
    public var status: Status
    /// Times `on_success` was started for these files: 1 after the run, one more per retry.
    public var attempts: Int
    /// The last attempt's exit status (124 timed out, 127 could not start, 128 + n killed by
    /// signal n); nil while pending.
    public var exitStatus: Int32?
    /// When the last attempt ended (ISO 8601, UTC); nil while pending.
    public var attemptedAt: String?

    public var needsAttempt: Bool { status != .delivered }
  }

  public var format: Int = 1
  public var runID: String
  public var job: String
  public var toolVersion: String
  public var status: String
  public var period: String?
  public var startedAt: String
  public var finishedAt: String
  public var seconds: Double
  public var inputs: [Input]
  public var outputs: [Output]
  public var units: [UnitRecord]
  public var findings: [Finding]
  /// Present on a shard's manifest (`manifest-shard-i-of-n.json`).
  public var shard: ShardRecord? = nil
  /// Present on a merged manifest: the number of shard manifests it combines.
  public var mergedShards: Int? = nil
  /// Present when the job has `on_success` and the run published every unit (see `Delivery`).
  public var delivery: Delivery? = nil
}

/// What `JobRunner.run` returns.
public struct RunReport: Sendable {
  public var outcome: RunOutcome
  public var exitCode: Int32 { outcome.exitCode }
  public var runID: String?
  public var manifest: Manifest?
  /// Where the run's manifest was written, if it was.
  public var manifestPath: String?
  public var findings: [Finding]
  /// Relative paths published by this run.
  public var published: [String]

  /// One line for standard error when the run failed (cron mails it), nil when it did not:
  /// status, exit code, the first error and where the manifest is.
  public var summary: String? {
    guard exitCode != 0 else { return nil }
    var line = "briefing: run failed: \(outcome.status) (exit \(exitCode))"
    let errors = findings.filter { $0.severity == .error }
    if let first = errors.first {
      line += ": \(first)"
      if errors.count > 1 { line += " (and \(errors.count - 1) more)" }
    }
    return line + "; manifest: " + (manifestPath ?? "not written")
  }
}

/// A failed system call on a path.
public struct FileFailure: Error, Hashable, Sendable, CustomStringConvertible {
  public var operation: String
  public var path: String
  public var code: Int32
  public init(_ operation: String, _ path: String, code: Int32) {
    self.operation = operation
    self.path = path
    self.code = code
  }
  public var description: String {
    "\(operation) '\(path)': \(String(cString: strerror(code)))"
  }
  /// Errors worth retrying on network and flaky storage.
  public var isTransient: Bool { code == EIO || code == ESTALE || code == EAGAIN || code == EINTR }
}
