import BriefingCore
import Foundation

// MARK: - Runner

/// Runs a job: lock, load, plan, fingerprint, stage, publish, manifest, retention, hooks.
///
/// Guarantees:
/// - **All or nothing.** Every output and the run's manifests are written into
///   `.staging-<runid>/` on the output folder's file system first; only when all of them are
///   there are they renamed into place, the manifests last, and a rename that fails puts back
///   the files already renamed (see `publish`). A renderer error in one unit leaves that unit
///   out and publishes the others (76); any I/O failure publishes nothing (74). A kill -9
///   half-way leaves each file either old or new and the previous `manifest.json`, whose hashes
///   then no longer match, so the next run renders again (and removes the leftover staging).
/// - **Failures reach someone.** Once the job file is read, every run that does not end with
///   exit 0 logs its findings, writes a manifest saying why (when the output folder can be
///   written), runs `on_failure` and returns a one-line `RunReport.summary` for standard error.
/// - Nothing is written outside `job.output`.
public enum JobRunner {
  static let lockName = ".briefing.lock"
  static let stagingPrefix = ".staging-"
  static let reservedNames: Set<String> = ["manifest.json", "briefing.log", "runs", RunIndexPage.fileName]

  /// What the caller's loader hands the runner. The loader runs once the lock is held, so that
  /// data that cannot be loaded is recorded like any other failure.
  public enum Inputs {
    /// - periods: the periods the data has for `regions` (`Dataset.periods(observedFor:)`):
    ///   `PeriodResolver` picks `period: latest` among them and checks a fixed period against them.
    /// - regions: region ids present in the data, already restricted to `job.group` by the caller.
    case ready(producer: any ReportProducing, periods: [Period], regions: [String])
    /// The data did not load: `.invalid` (65) when it is wrong, `.ioError` (74) when it is
    /// missing or unreadable; the findings say where.
    case failed(RunOutcome, [Finding])
  }

  public static func run(job: JobFile, options: RunOptions, load: () -> Inputs) -> RunReport {
    var run = Run(job: job, options: options)
    return run.execute(load: load)
  }

  /// A run over data that is already loaded.
  public static func run(
    job: JobFile, producer: any ReportProducing, periods: [Period], regions: [String],
    options: RunOptions
  ) -> RunReport {
    run(job: job, options: options) { .ready(producer: producer, periods: periods, regions: regions) }
  }
}

/// The state of one run while it executes; its phases are extensions in the files beside this.
struct Run {
  let job: JobFile
  let options: RunOptions
  let log: EventLog
  let out: String
  var findings: [Finding] = []
  var runID: String?
  var started: Date
  /// Relative paths of the outputs this run renamed into place.
  var published: [String] = []
  /// Units of the whole job when this run is one shard of it.
  var jobUnits: Int?
  /// Set when this run merges shard manifests: how many.
  var mergedShards: Int?

  init(job: JobFile, options: RunOptions) {
    self.job = job
    self.options = options
    self.log = EventLog(sink: options.log, clock: options.clock, quiet: options.quiet)
    self.out = job.output
    self.started = options.clock.now()
  }

  // MARK: Flow

  mutating func execute(load: () -> JobRunner.Inputs) -> RunReport {
    log.emit(.info, "start", [("job", job.file), ("output", out), ("tool", options.toolVersion)])
    if let refusal = prepareOutputFolder() { return refusal }
    let (lock, refusal) = takeLock()
    guard let lock else { return refusal! }
    defer { lock.release() }
    removeLeftovers()

    let producer: any ReportProducing
    let planned: [WorkUnit]
    switch load() {
    case .failed(let outcome, let found):
      record(found)
      return finish(outcome, units: [], inputs: [])
    case .ready(let ready, let periods, let regions):
      guard let units = plan(periods: periods, regions: regions) else { return finish(.invalid, units: [], inputs: []) }
      producer = ready
      planned = units
    }
    jobUnits = planned.count
    let units = options.shard.map { $0.select(planned) } ?? planned

    let inputs: [Manifest.Input]
    do {
      inputs = try fingerprintInputs(fetched: producer.fetchedInputs)
    } catch {
      // Missing or unreadable, an input that cannot be read is an I/O error (74), as in every command.
      record(Finding(.error, error.message, at: SourceLocation(file: job.file)))
      return finish(.ioError, units: units.map(notRun), inputs: [])
    }

    if !options.force, let previous = loadLatestManifest(), unchanged(previous, inputs: inputs, units: units) {
      if job.onSuccess != nil, previous.delivery?.needsAttempt == true { return retryDelivery(previous) }
      return skip(previous)
    }
    return renderAndPublish(units, producer: producer, inputs: inputs)
  }

  /// Stages every unit (no fsync per file), makes the staged files durable at once
  /// (`flushFileSystem`), then publishes all of them with the manifest, or nothing.
  mutating func renderAndPublish(_ units: [WorkUnit], producer: any ReportProducing, inputs: [Manifest.Input]) -> RunReport {
    let id = makeRunID()
    runID = id
    let staging = out + "/" + (options.shard?.stagingPrefix ?? JobRunner.stagingPrefix) + id
    do {
      try options.fileSystem.makeDirectory(staging)
    } catch {
      record(Finding(.error, .outputIO(error.description)))
      return finish(.ioError, units: units.map(notRun), inputs: inputs)
    }
    let staged = stage(units, producer: producer, into: staging)
    if let failure = staged.ioFailure {
      return abandon(staging, .outputIO(failure), units: staged.unpublished, inputs: inputs)
    }
    let outcome = staged.outcome
    guard outcome != .failed else {
      Posix.removeTree(staging)
      return finish(.failed, units: staged.records, inputs: inputs)
    }
    var manifest = makeManifest(outcome, units: staged.records, inputs: inputs, outputs: staged.outputs)
    if outcome == .ok, options.shard == nil, job.onSuccess != nil {
      manifest.delivery = Manifest.Delivery(status: .pending, attempts: 0)
    }
    let manifestFiles = manifestPaths(id: id)
    do {
      try stageIndexPage(for: manifest, in: staging)
      try stageManifest(manifest, as: manifestFiles, in: staging)
    } catch {
      return abandon(staging, .outputIO("writing the run manifest and page: \(error)"), units: staged.unpublished, inputs: inputs)
    }
    do {
      try options.fileSystem.flushFileSystem(of: staging)
    } catch {
      return abandon(staging, .outputIO("flushing the staged files to disk: \(error)"), units: staged.unpublished, inputs: inputs)
    }
    switch publish(staged.outputs, then: indexPagePaths + manifestFiles, from: staging) {
    case .crashed:
      // Simulated crash: no clean-up, no hooks, exactly as if killed here.
      return RunReport(outcome: .internalError, runID: id, manifest: nil, manifestPath: nil, findings: findings, published: published)
    case .failed(let message):
      return abandon(staging, message, units: staged.unpublished, inputs: inputs)
    case .published:
      Posix.removeTree(staging)
      return conclude(outcome, manifest: manifest, path: out + "/" + manifestFiles[0])
    }
  }

  // MARK: Before the lock

  /// The output folder exists and is a real folder (not a symlink); nil when it is fine.
  mutating func prepareOutputFolder() -> RunReport? {
    do {
      switch try Posix.kind(out) {
      case .symlink:
        return refuse(.ioError, .unsafeOutput(out, why: "it is a symbolic link; give its real path in the job file"))
      case .other:
        return refuse(.ioError, .unsafeOutput(out, why: "it is not a folder"))
      case .missing:
        do {
          try Posix.makeDirectories(out)
        } catch {
          return refuse(.ioError, .outputIO("create output folder '\(out)': \(error)"))
        }
      case .directory: break
      }
    } catch {
      return refuse(.ioError, .outputIO(error.description))
    }
    return nil
  }

  /// The run's locks (see `RunLock`), or the report to return: 75 when another run holds them.
  mutating func takeLock() -> (RunLock?, RunReport?) {
    switch RunLock.acquire(out: out, shard: options.shard, pid: options.pid) {
    case .success(let lock):
      return (lock, nil)
    case .failure(.held(let path, let holder)):
      log.emit(.error, "locked", [("lock", path), ("holder_pid", holder.map { "\($0)" } ?? "unknown")])
      return (nil, refuse(.locked(holderPid: holder), .locked(path, holder: holder)))
    case .failure(.failed(let failure)):
      return (nil, refuse(.ioError, .outputIO(failure.description)))
    }
  }

  /// Leftovers of crashed runs (we hold the lock, so they are not anybody's live staging). A
  /// shard removes only its own leftovers: the other shards may be running.
  func removeLeftovers() {
    let leftovers = options.shard.map { [$0.stagingPrefix, "." + $0.manifestName + ".tmp-"] }
      ?? [JobRunner.stagingPrefix, ".manifest", Self.indexTemporaryPrefix]
    for name in Posix.list(out) where leftovers.contains(where: name.hasPrefix) {
      Posix.removeTree(out + "/" + name)
      log.emit(.info, "cleaned", [("path", name)])
    }
  }

  // MARK: Helpers

  /// Adds a finding (once) and logs it.
  mutating func record(_ finding: Finding) {
    guard !findings.contains(finding) else { return }
    findings.append(finding)
    let level: EventLog.Level = finding.severity == .error ? .error : (finding.severity == .warning ? .warning : .info)
    log.emit(level, "finding", [("code", finding.message.code), ("message", finding.description)])
  }

  mutating func record(_ found: [Finding]) {
    for finding in found { record(finding) }
  }

  func notRun(_ unit: WorkUnit) -> Manifest.UnitRecord {
    Manifest.UnitRecord(
      layout: unit.layout, region: unit.region, period: unit.period, name: unit.outputName, status: "not-run",
      error: nil, seconds: 0, outputs: [])
  }

  func makeRunID() -> String {
    if let id = options.runID { return SafeName.component(id) }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    let base = formatter.string(from: options.clock.now())
    var id = base
    var counter = 2
    while FileManager.default.fileExists(atPath: out + "/runs/" + id)
      || FileManager.default.fileExists(atPath: out + "/" + JobRunner.stagingPrefix + id)
    {
      id = base + "-" + String(format: "%02d", counter)
      counter += 1
    }
    return id
  }

  func seconds(since date: Date) -> String {
    String(format: "%.3f", options.clock.now().timeIntervalSince(date))
  }
}
