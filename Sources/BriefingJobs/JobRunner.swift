import BriefingCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

// MARK: - Options

/// Knobs and injection points for `JobRunner.run`. Everything with a side effect outside the
/// output folder (time, sleeping, logging, hooks, test pauses) is injectable.
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
  /// Writes a new staged file; tests inject failures (e.g. ENOSPC).
  public var writeStagedFile: (String, [UInt8]) throws -> Void = { path, bytes throws(FileFailure) in
    try Posix.writeNewFile(path, bytes)
  }
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
  /// Seconds a hook may run before it is terminated.
  public var hookTimeout: Double = 600
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

// MARK: - Runner

/// Runs a job: lock, plan, fingerprint, stage, publish, manifest, retention, hooks.
///
/// Guarantees: published files only ever appear by `rename(2)` from a staging folder on the same
/// file system, so at any instant each output is either the previous complete file or the new
/// complete file; a crash leaves `.staging-<runid>/` behind, which the next run (holding the
/// lock) deletes. Nothing is written outside `job.output`.
public enum JobRunner {
  static let lockName = ".briefing.lock"
  static let stagingPrefix = ".staging-"
  static let reservedNames: Set<String> = ["manifest.json", "briefing.log", "runs"]

  /// - Parameters:
  ///   - periods: the periods the data has for `regions` (`Dataset.periods(observedFor:)`):
  ///     `PeriodResolver` picks `period: latest` among them and checks a fixed period against them.
  ///   - regions: region ids present in the data, already restricted to `job.group` by the caller.
  public static func run(
    job: JobFile, producer: any ReportProducing, periods: [Period], regions: [String],
    options: RunOptions
  ) -> RunReport {
    var run = Run(job: job, producer: producer, options: options)
    return run.execute(periods: periods, regions: regions)
  }
}

struct Run {
  let job: JobFile
  let producer: any ReportProducing
  let options: RunOptions
  let log: EventLog
  let out: String
  var findings: [Finding] = []
  var runID: String?
  var started: Date
  var published: [String] = []
  /// Units of the whole job when this run is one shard of it.
  var jobUnits: Int?
  /// Set when this run merges shard manifests: how many.
  var mergedShards: Int?

  init(job: JobFile, producer: any ReportProducing, options: RunOptions) {
    self.job = job
    self.producer = producer
    self.options = options
    self.log = EventLog(sink: options.log, clock: options.clock, quiet: options.quiet)
    self.out = job.output
    self.started = options.clock.now()
  }

  // MARK: Flow

  mutating func execute(periods: [Period], regions: [String]) -> RunReport {
    log.emit(.info, "start", [("job", job.file), ("output", out), ("tool", options.toolVersion)])

    // 1. Output folder: exists, is a real directory (not a symlink).
    do {
      switch try Posix.kind(out) {
      case .symlink:
        return refuse(.ioError, .unsafeOutput(out, why: "it is a symbolic link; give its real path in the job file"))
      case .other:
        return refuse(.ioError, .unsafeOutput(out, why: "it is not a folder"))
      case .missing:
        do {
          try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
          return refuse(.ioError, .outputIO("create output folder '\(out)': \(error.localizedDescription)"))
        }
      case .directory: break
      }
    } catch {
      return refuse(.ioError, .outputIO(error.description))
    }

    // 2. Lock (shards share the whole-run lock and hold their own; see `RunLock`).
    let (lock, refusal) = takeLock()
    guard let lock else { return refusal! }
    defer { lock.release() }

    // 3. Leftovers of crashed runs (we hold the lock, so they are not anybody's live staging).
    // A shard removes only its own leftovers: the other shards may be running.
    let leftovers = options.shard.map { [$0.stagingPrefix, "." + $0.manifestName + ".tmp-"] }
      ?? [JobRunner.stagingPrefix, ".manifest"]
    for name in Posix.list(out) where leftovers.contains(where: name.hasPrefix) {
      Posix.removeTree(out + "/" + name)
      log.emit(.info, "cleaned", [("path", name)])
    }

    // 4. Plan.
    let planned = plan(periods: periods, regions: regions)
    guard !findings.hasErrors, let planned else {
      return finishWithoutRendering(.invalid, units: planned ?? [])
    }
    jobUnits = planned.count
    let units = options.shard.map { $0.select(planned) } ?? planned

    // 5. Fingerprint the inputs.
    let inputs: [Manifest.Input]
    do {
      inputs = try fingerprintInputs()
    } catch let failure as InputProblem {
      // Missing or unreadable, an input that cannot be read is an I/O error (74), as in every command.
      let finding = Finding(.error, failure.message, at: SourceLocation(file: job.file))
      findings.append(finding)
      logFinding(finding)
      return finishWithoutRendering(.ioError, units: units)
    } catch {
      return finishWithoutRendering(.internalError, units: units)
    }

    // 6. Skip when nothing changed.
    if !options.force, let previous = loadLatestManifest(), unchanged(previous, inputs: inputs, units: units) {
      log.emit(.info, "skipped", [("reason", "unchanged"), ("previous_run", previous.runID)])
      log.emit(.info, "done", [("status", "skipped"), ("units", "\(units.count)"), ("published", "0"), ("seconds", seconds(since: started))])
      return RunReport(outcome: .skipped, runID: nil, manifest: previous, manifestPath: out + "/" + manifestName, findings: findings, published: [])
    }

    // 7. Stage.
    let id = makeRunID()
    runID = id
    let staging = out + "/" + (options.shard?.stagingPrefix ?? JobRunner.stagingPrefix) + id
    do {
      try Posix.makeDirectory(staging)
    } catch {
      findings.append(Finding(.error, .outputIO(error.description)))
      logFinding(findings.last!)
      return finishWithoutRendering(.ioError, units: units)
    }
    var records: [Manifest.UnitRecord] = []
    // Only what the manifest needs stays in memory: a national job stages gigabytes.
    var staged: [[Manifest.Output]?] = []
    var claimed: Set<String> = []
    var stagingIOFailures = 0
    for unit in units {
      let unitStart = options.clock.now()
      var record = Manifest.UnitRecord(
        layout: unit.layout, region: unit.region, period: unit.period, name: unit.outputName,
        status: "ok", error: nil, seconds: 0, outputs: [])
      do {
        let files = try producer.produce(unit)
        for file in files {
          guard SafeName.isSafeRelativePath(file.path) else { throw UnitProblem("unsafe output path '\(file.path)'") }
          let first = String(file.path.split(separator: "/").first ?? "")
          guard !JobRunner.reservedNames.contains(first) else { throw UnitProblem("output path '\(file.path)' is reserved") }
          guard !claimed.contains(file.path) else { throw UnitProblem("output path '\(file.path)' is produced twice") }
        }
        for file in files {
          do {
            try ensureDirectories(root: staging, for: file.path)
            try options.writeStagedFile(staging + "/" + file.path, file.bytes)
          } catch {
            stagingIOFailures += 1
            throw UnitProblem("staging '\(file.path)': \(error)")
          }
          claimed.insert(file.path)
        }
        record.outputs = files.map(\.path)
        staged.append(files.map { file in
          Manifest.Output(path: file.path, size: file.bytes.count, sha256: SHA256.hex(file.bytes), pages: file.pages)
        })
      } catch {
        record.status = "failed"
        record.error = "\(error)"
        staged.append(nil)
        log.emit(.error, "failed", [("layout", unit.layoutName), ("region", unit.region ?? "-"), ("period", unit.period), ("error", "\(error)")])
      }
      record.seconds = options.clock.now().timeIntervalSince(unitStart)
      records.append(record)
      options.progress?(records.count, units.count, unit.outputName)
    }

    // 8. Check destinations before publishing anything (symlink escapes).
    for files in staged.compactMap({ $0 }) {
      for file in files {
        do {
          try checkDestination(file.path)
        } catch {
          findings.append(Finding(.error, .unsafeOutput(out + "/" + file.path, why: "\(error)")))
          logFinding(findings.last!)
          Posix.removeTree(staging)
          return finish(.ioError, units: records, inputs: inputs, outputs: [], staging: nil)
        }
      }
    }

    // 9. Publish by rename.
    var outputs: [Manifest.Output] = []
    var touchedDirectories: Set<String> = []
    for (index, files) in staged.enumerated() {
      guard let files else { continue }
      for file in files {
        let destination = out + "/" + file.path
        do {
          try ensureDirectories(root: out, for: file.path, checkLinks: true)
          try Posix.rename(staging + "/" + file.path, destination)
        } catch {
          records[index].status = "failed"
          records[index].error = "publishing '\(file.path)': \(error)"
          log.emit(.error, "failed", [("path", file.path), ("error", "\(error)")])
          break
        }
        touchedDirectories.insert((destination as NSString).deletingLastPathComponent)
        published.append(file.path)
        outputs.append(file)
        log.emit(.info, "published", [("path", file.path), ("bytes", "\(file.size)")])
        if let limit = options.pauseAfterPublishing, published.count == limit {
          log.emit(.info, "paused", [("published", "\(published.count)")])
          options.onPause()
        }
        if let hook = options.afterPublish {
          do {
            try hook(published.count)
          } catch {
            // Simulated crash: no clean-up, no manifest, exactly as if killed here.
            return RunReport(outcome: .internalError, runID: id, manifest: nil, manifestPath: nil, findings: findings, published: published)
          }
        }
      }
    }
    for directory in touchedDirectories { Posix.fsyncDirectory(directory) }

    // 10. Outcome.
    let failedCount = records.filter { $0.status != "ok" }.count
    let outcome: RunOutcome
    if failedCount == 0 {
      outcome = .ok
    } else if failedCount < records.count {
      outcome = .partial
    } else {
      outcome = stagingIOFailures > 0 ? .ioError : .failed
    }
    return finish(outcome, units: records, inputs: inputs, outputs: outputs, staging: staging)
  }

  /// The run's locks (see `RunLock`), or the report to return: 75 when another run holds them.
  mutating func takeLock() -> (RunLock?, RunReport?) {
    switch RunLock.acquire(out: out, shard: options.shard, pid: options.pid) {
    case .success(let lock):
      return (lock, nil)
    case .failure(.held(let path, let holder)):
      log.emit(.error, "locked", [("lock", path), ("holder_pid", holder.map { "\($0)" } ?? "unknown")])
      return (nil, RunReport(outcome: .locked(holderPid: holder), runID: nil, manifest: nil, manifestPath: nil, findings: [], published: []))
    case .failure(.failed(let failure)):
      return (nil, refuse(.ioError, .outputIO(failure.description)))
    }
  }

  // MARK: Planning

  mutating func plan(periods: [Period], regions available: [String]) -> [WorkUnit]? {
    let location = SourceLocation(file: job.file)
    let requested: Period?
    switch job.period {
    case .latest: requested = nil
    case .fixed(let period): requested = period
    }
    let period: String
    switch PeriodResolver.resolve(requested, among: periods) {
    case .success(let resolved):
      period = resolved.code
    case .failure(let problem):
      let finding = problem.finding(at: location)
      findings.append(finding)
      logFinding(finding)
      return nil
    }
    var regionList: [String?]
    switch job.regions {
    case .every:
      regionList = available.isEmpty ? [nil] : available
    case .list(let ids):
      regionList = []
      let known = Set(available)
      for id in ids {
        if !available.isEmpty, !known.contains(id) {
          let hint = Suggestion.closest(to: id, in: available).map { ["did you mean '\($0)'?"] } ?? []
          findings.append(Finding(.error, .unknownRegion(id), at: location, notes: hint))
          logFinding(findings.last!)
        }
        regionList.append(id)
      }
    }
    var units: [WorkUnit] = []
    var names: [String: WorkUnit] = [:]
    for layout in job.layouts {
      let base = ((layout as NSString).lastPathComponent as NSString).deletingPathExtension
      let layoutName = SafeName.component(base)
      for region in regionList {
        let name = SafeName.expand(job.name, layout: layoutName, region: region, period: period)
        let unit = WorkUnit(layout: layout, layoutName: layoutName, region: region, period: period, outputName: name, language: job.language)
        if let other = names[name] {
          findings.append(Finding(.error, .nameCollision(name, first: other.region ?? other.layoutName, second: region ?? layoutName), at: location))
          logFinding(findings.last!)
        } else if let first = name.split(separator: "/").first, JobRunner.reservedNames.contains(String(first)) {
          findings.append(Finding(.error, .reservedName(name), at: location))
          logFinding(findings.last!)
        }
        names[name] = unit
        units.append(unit)
      }
    }
    return findings.hasErrors ? nil : units
  }

  // MARK: Inputs

  /// An input of the job (job file, data, layout) that is missing or cannot be read.
  struct InputProblem: Error {
    var message: Finding.Message
  }

  func inputPaths() throws -> [String] {
    var paths: [String] = [job.file]
    switch try? Posix.kind(job.data) {
    case .directory:
      let enumerator = FileManager.default.enumerator(atPath: job.data)
      var found: [String] = []
      while let relative = enumerator?.nextObject() as? String {
        let full = job.data + "/" + relative
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
          found.append(full)
        }
      }
      paths += found.sorted()
    case .other, .symlink:
      paths.append(job.data)
    default:
      throw InputProblem(message: .inputMissing(job.data, what: "data"))
    }
    for layout in job.layouts {
      guard FileManager.default.fileExists(atPath: layout) else {
        throw InputProblem(message: .inputMissing(layout, what: "layout"))
      }
      paths.append(layout)
    }
    return paths
  }

  func fingerprintInputs() throws -> [Manifest.Input] {
    try inputPaths().map { path in
      let bytes = try readWithRetry(path)
      return Manifest.Input(path: path, size: bytes.count, sha256: SHA256.hex(bytes))
    }
  }

  func readWithRetry(_ path: String) throws -> [UInt8] {
    var attempt = 1
    var delay = 0.5
    while true {
      do {
        return try options.readFile(path)
      } catch let failure as FileFailure where failure.isTransient && attempt < options.readAttempts {
        log.emit(.warning, "retry", [("path", path), ("attempt", "\(attempt)"), ("error", failure.description)])
        options.sleeper.sleep(seconds: delay)
        delay *= 2
        attempt += 1
      } catch {
        throw InputProblem(message: .inputUnreadable(path, "\(error)"))
      }
    }
  }

  // MARK: Idempotence

  func loadLatestManifest() -> Manifest? {
    guard let data = FileManager.default.contents(atPath: out + "/" + manifestName) else { return nil }
    return try? JSONDecoder().decode(Manifest.self, from: data)
  }

  func unchanged(_ previous: Manifest, inputs: [Manifest.Input], units: [WorkUnit]) -> Bool {
    guard previous.status == RunOutcome.ok.status || previous.status == RunOutcome.deliveredWithHookFailure.status,
      previous.toolVersion == options.toolVersion, previous.inputs == inputs,
      previous.units.map({ [$0.layout, $0.region ?? "", $0.period, $0.name] })
        == units.map({ [$0.layout, $0.region ?? "", $0.period, $0.outputName] })
    else { return false }
    // The published files must still be there, with the recorded size.
    for output in previous.outputs {
      guard let attributes = try? FileManager.default.attributesOfItem(atPath: out + "/" + output.path),
        (attributes[.size] as? NSNumber)?.intValue == output.size
      else { return false }
    }
    return true
  }

  // MARK: Paths

  /// Creates the folders of `relative` under `root`; with `checkLinks`, refuses symlinked folders
  /// resolving outside the output folder.
  func ensureDirectories(root: String, for relative: String, checkLinks: Bool = false) throws {
    var parts = relative.split(separator: "/").map(String.init)
    parts.removeLast()
    var current = root
    for part in parts {
      current += "/" + part
      switch try Posix.kind(current) {
      case .missing: try Posix.makeDirectory(current)
      case .directory: break
      case .symlink:
        guard checkLinks, let target = Posix.realPath(current), let base = Posix.realPath(out),
          target == base || target.hasPrefix(base + "/")
        else { throw UnitProblem("'\(current)' is a symbolic link leading outside the output folder") }
      case .other: throw UnitProblem("'\(current)' is not a folder")
      }
    }
  }

  /// Existing folders on the way to `relative` must not be symlinks leading outside.
  func checkDestination(_ relative: String) throws {
    var parts = relative.split(separator: "/").map(String.init)
    parts.removeLast()
    var current = out
    guard let base = Posix.realPath(out) else { throw UnitProblem("cannot resolve '\(out)'") }
    for part in parts {
      current += "/" + part
      if try Posix.kind(current) == .symlink {
        guard let target = Posix.realPath(current), target == base || target.hasPrefix(base + "/") else {
          throw UnitProblem("'\(current)' is a symbolic link leading outside the output folder")
        }
      }
    }
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

  func logFinding(_ finding: Finding) {
    let level: EventLog.Level = finding.severity == .error ? .error : (finding.severity == .warning ? .warning : .info)
    log.emit(level, "finding", [("code", finding.message.code), ("message", finding.description)])
  }

  // MARK: Finishing

  mutating func refuse(_ outcome: RunOutcome, _ message: Finding.Message) -> RunReport {
    findings.append(Finding(.error, message))
    logFinding(findings.last!)
    log.emit(.error, "done", [("status", outcome.status), ("published", "0"), ("seconds", seconds(since: started))])
    return RunReport(outcome: outcome, runID: nil, manifest: nil, manifestPath: nil, findings: findings, published: [])
  }

  mutating func finishWithoutRendering(_ outcome: RunOutcome, units: [WorkUnit]) -> RunReport {
    let records = units.map {
      Manifest.UnitRecord(layout: $0.layout, region: $0.region, period: $0.period, name: $0.outputName, status: "not-run", error: nil, seconds: 0, outputs: [])
    }
    if runID == nil { runID = makeRunID() }
    return finish(outcome, units: records, inputs: [], outputs: [], staging: nil)
  }

  mutating func finish(
    _ initial: RunOutcome, units: [Manifest.UnitRecord], inputs: [Manifest.Input], outputs: [Manifest.Output],
    staging: String?
  ) -> RunReport {
    var outcome = initial
    let id = runID ?? makeRunID()
    var manifest = Manifest(
      runID: id, job: job.file, toolVersion: options.toolVersion, status: outcome.status,
      period: units.first?.period, startedAt: EventLog.timestamp(started), finishedAt: EventLog.timestamp(options.clock.now()),
      seconds: options.clock.now().timeIntervalSince(started), inputs: inputs, outputs: outputs, units: units,
      findings: findings,
      shard: options.shard.map { ShardRecord(index: $0.index, count: $0.count, jobUnits: jobUnits ?? units.count) },
      mergedShards: mergedShards)
    var manifestPath: String? = writeManifest(manifest, id: id)
    if let staging { Posix.removeTree(staging) }
    // A shard leaves retention and delivery to the merge.
    if options.shard == nil { applyRetention() }

    // Hooks run after publication; they never remove anything.
    let hook = options.shard != nil ? nil : outcome.isSuccess ? job.onSuccess : job.onFailure
    if let hook {
      let status = runHook(hook, status: outcome.status, manifest: manifestPath ?? "")
      if status != 0 {
        log.emit(.error, "hook-failed", [("hook", outcome.isSuccess ? "on_success" : "on_failure"), ("exit", "\(status)")])
        if outcome == .ok {
          outcome = .deliveredWithHookFailure
          manifest.status = outcome.status
          manifestPath = writeManifest(manifest, id: id) ?? manifestPath
        }
      } else {
        log.emit(.info, "hook", [("hook", outcome.isSuccess ? "on_success" : "on_failure"), ("exit", "0")])
      }
    }
    let failed = units.filter { $0.status == "failed" }.count
    let level: EventLog.Level = outcome == .ok ? .info : .error
    log.emit(level, "done", [
      ("status", outcome.status), ("units", "\(units.count)"), ("ok", "\(units.count - failed - units.filter { $0.status == "not-run" }.count)"),
      ("failed", "\(failed)"), ("published", "\(published.count)"), ("seconds", seconds(since: started)),
    ])
    return RunReport(outcome: outcome, runID: id, manifest: manifest, manifestPath: manifestPath, findings: findings, published: published)
  }

  /// `manifest.json`, or `manifest-shard-i-of-n.json` for a shard.
  var manifestName: String { options.shard?.manifestName ?? "manifest.json" }

  /// Writes `runs/<id>/manifest.json` and replaces `manifest.json`, both by rename; a shard
  /// replaces only its `manifest-shard-i-of-n.json`. Returns the path of the first.
  func writeManifest(_ manifest: Manifest, id: String) -> String? {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(manifest) else { return nil }
    let bytes = [UInt8](data) + [0x0A]
    let finals = options.shard == nil ? ["runs/" + id + "/manifest.json", manifestName] : [manifestName]
    let temporary = out + "/." + manifestName + ".tmp-" + id
    do {
      for final in finals {
        try ensureDirectories(root: out, for: final, checkLinks: true)
        unlink(temporary)
        try Posix.writeNewFile(temporary, bytes)
        try Posix.rename(temporary, out + "/" + final)
      }
      Posix.fsyncDirectory(out)
      return out + "/" + finals[0]
    } catch {
      log.emit(.error, "manifest-failed", [("error", "\(error)")])
      return nil
    }
  }

  /// Keeps the newest `job.retention` run folders.
  func applyRetention() {
    let runs = out + "/runs"
    let names = Posix.list(runs).filter { (try? Posix.kind(runs + "/" + $0)) == .directory }.sorted()
    guard names.count > job.retention else { return }
    for name in names.prefix(names.count - job.retention) {
      Posix.removeTree(runs + "/" + name)
      log.emit(.info, "pruned", [("run", name)])
    }
  }

  func runHook(_ command: String, status: String, manifest: String) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    var environment = options.environment
    environment["BRIEFING_MANIFEST"] = manifest
    environment["BRIEFING_STATUS"] = status
    environment["BRIEFING_OUTPUT"] = out
    process.environment = environment
    process.currentDirectoryURL = URL(fileURLWithPath: out)
    let done = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in done.signal() }
    do {
      try process.run()
    } catch {
      log.emit(.error, "hook-failed", [("error", "\(error)")])
      return 127
    }
    if done.wait(timeout: .now() + options.hookTimeout) == .timedOut {
      process.terminate()
      done.wait()
      log.emit(.error, "hook-timeout", [("seconds", "\(options.hookTimeout)")])
      return 124
    }
    return process.terminationStatus
  }
}

struct UnitProblem: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

// MARK: - Messages

extension Finding.Message {
  static func unsafeOutput(_ path: String, why: String) -> Self {
    Self(code: "unsafe-output", text: "refusing to write to '\(path)': \(why)")
  }
  static func outputIO(_ detail: String) -> Self {
    Self(code: "output-io", text: "cannot write the output folder: \(detail)")
  }
  static func unknownRegion(_ id: String) -> Self {
    Self(code: "unknown-region", text: "region '\(id)' is not in the data")
  }
  static func nameCollision(_ name: String, first: String, second: String) -> Self {
    Self(code: "name-collision", text: "output name '\(name)' is produced for both '\(first)' and '\(second)'; add {region} or {layout} to name")
  }
  static func reservedName(_ name: String) -> Self {
    Self(code: "reserved-name", text: "output name '\(name)' collides with the run bookkeeping (runs/, manifest.json, briefing.log)")
  }
  static func inputMissing(_ path: String, what: String) -> Self {
    Self(code: "input-missing", text: "\(what) '\(path)' does not exist")
  }
  static func inputUnreadable(_ path: String, _ detail: String) -> Self {
    Self(code: "input-unreadable", text: "cannot read '\(path)': \(detail)")
  }
}
