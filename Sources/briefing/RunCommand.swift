import ArgumentParser
import BriefingCore
import BriefingIngest
import BriefingJobs
import BriefingSpec
import BriefingStats
import Foundation
import Synchronization

// MARK: - run

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Do everything a job file says: render, publish atomically, write the manifest.",
    discussion: HelpExamples.discussion(
      """
      Exit codes: 0 ok (or skipped: nothing changed), 65 job/data/layout error or every unit \
      failed, 70 internal, 74 I/O (an input missing or unreadable, an output or the manifest not \
      writable; nothing is published), 75 another run holds the lock, 76 partial (some units \
      failed, the rest published), 77 published but the on_success hook failed (the next run \
      retries it). Any non-zero exit runs on_failure and ends with one "briefing: run failed" \
      line on standard error.
      """,
      examples: "briefing run Samples/jiuquan-2024h1/job.yaml",
      "briefing run Samples/jiuquan-2024h1/job.yaml --force --quiet"))

  @Argument(help: "The job file (YAML).")
  var job: String

  @Flag(help: "Render even when inputs, layouts and tool version are unchanged.")
  var force = false

  @Flag(help: "Print only failures (for cron, which mails any output).")
  var quiet = false

  @Option(help: ArgumentHelp(
    "Render only shard I of N (1-based, e.g. 2/3) and write manifest-shard-I-of-N.json.",
    discussion: "Regions sorted by id (UTF-8 bytes), dealt round-robin: the p-th (from 0) goes to shard p mod N + 1."))
  var shard: String?

  @Option(help: "After all N shards ran: check and combine their manifests into manifest.json, then run the hooks.")
  var merge: Int?

  @Option(
    help: """
      Go on only if today is the Nth working day of the month in the job's schedule time zone, \
      else exit 0 at once: cron fires every day, the run happens on the Nth. Working days are \
      Monday–Friday unless a holiday calendar is given (--calendar or the job's schedule.calendar).
      """)
  var onWorkingDay: Int?

  @Option(help: "Holiday calendar for --on-working-day: a shipped name (cn-mainland) or a CSV file (date,kind,name).")
  var calendar: String?

  func validate() throws {
    if let onWorkingDay, !(1...23).contains(onWorkingDay) {
      throw ValidationError("--on-working-day must be 1…23 (a month has at most 23 working days)")
    }
    if let shard, Shard(parsing: shard) == nil {
      throw ValidationError("--shard must be I/N with 1 ≤ I ≤ N ≤ \(Shard.maxCount), e.g. 2/3 (got '\(shard)')")
    }
    if let merge, Shard(index: 1, count: merge) == nil {
      throw ValidationError("--merge must be the shard count N, 1 ≤ N ≤ \(Shard.maxCount) (got \(merge))")
    }
    if shard != nil, merge != nil { throw ValidationError("--shard and --merge are separate steps; give one") }
    if calendar != nil, onWorkingDay == nil { throw ValidationError("--calendar is used only with --on-working-day") }
  }

  func run() throws {
    try reportingFailures {
      let (loaded, jobFindings) = JobLoader.load(file: job, shippedLayouts: ShippedFiles.layouts)
      guard let jobFile = loaded else { throw Failure(loading: jobFindings) }
      if let onWorkingDay {
        guard try WorkingDayGuard.allows(onWorkingDay, job: jobFile, calendar: calendar, quiet: quiet) else { return }
      }
      let slice = shard.flatMap { Shard(parsing: $0) }
      let progress = TerminalProgress.forStandardError(quiet: quiet)
      let log = RunLog(quiet: quiet, file: jobFile.output + "/" + (slice?.logName ?? "briefing.log"), progress: progress)
      var options = RunOptions(toolVersion: BriefingVersion.string, log: log)
      options.force = force
      options.progress = progress.map { bar in { bar.update(done: $0, total: $1, label: $2) } }
      options.shard = slice
      // The data is loaded under the run's lock, so that bad or missing data is logged,
      // recorded in a manifest and reported to on_failure like any other failure. The log file
      // keeps every event; `RunLog` alone decides what --quiet shows on stderr.
      let report = merge.map { JobRunner.merge(job: jobFile, shards: $0, options: options) }
        ?? JobRunner.run(job: jobFile, options: options) { Self.inputs(of: jobFile) }
      // Cron mails what a job prints: one line says what went wrong and where to look.
      if let summary = report.summary { printError(summary) }
      if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
  }

  /// The job's data, comparison table and regions, or why they cannot be had: 74 when the data
  /// is missing or unreadable, 65 when it is wrong.
  static func inputs(of jobFile: JobFile) -> JobRunner.Inputs {
    let (result, fetched) = loadData(jobFile)
    guard let dataset = result.dataset else {
      let status = Failure(loading: result.findings).exitStatus
      return .failed(status == .ioError ? .ioError : .invalid, result.findings)
    }
    let table = compare(dataset)
    // `group: all`: every member of every peer group, each compared in its own (first) group.
    let everyGroup = jobFile.group == JobFile.allGroups
    let group = everyGroup ? nil : jobFile.group.flatMap { id in dataset.peerGroups.first { $0.id.rawValue == id } }
      ?? dataset.peerGroups.first
    var regions = (group?.members ?? []).map(\.rawValue)
    if everyGroup {
      var seen: Set<RegionID> = []
      regions = dataset.peerGroups.flatMap(\.members).filter { seen.insert($0).inserted }.map(\.rawValue)
    }
    var producer = SheetProducer(
      dataset: dataset, table: table, group: group,
      formats: jobFile.formats.compactMap(SheetFormat.init(rawValue:)),
      docxStyle: DocxStyleChoice(rawValue: jobFile.docxStyle) ?? .theme)
    producer.fetchedInputs = fetched
    return .ready(
      producer: producer,
      periods: dataset.periods(observedFor: Set(regions.map { RegionID($0) })), regions: regions)
  }
}

// MARK: - Producing one unit

/// Renders one work unit of a job with the same pipeline as `briefing render` (the job's
/// `formats:`, default PDF only; chart layouts give their PNGs).
struct SheetProducer: ReportProducing {
  let dataset: Dataset
  let table: ComparisonTable
  /// What each sheet is written as (the job's `formats:`).
  let formats: [SheetFormat]
  /// The Word copy's look (the job's `docx_style:`).
  let docxStyle: DocxStyleChoice
  /// The group every unit is compared in; nil: each region's default (parent's) peer group.
  let group: PeerGroup?
  /// Each region's default peer group (its parent's), found once (`Dataset.defaultPeerGroups`).
  private let defaultGroup: [RegionID: PeerGroup]
  /// The fingerprint of a database's rows (`Run.loadData`); none for files.
  var fetchedInputs: [FetchedInput] = []

  init(
    dataset: Dataset, table: ComparisonTable, group: PeerGroup?, formats: [SheetFormat] = [.pdf],
    docxStyle: DocxStyleChoice = .theme
  ) {
    self.dataset = dataset
    self.table = table
    self.formats = formats
    self.docxStyle = docxStyle
    self.group = group
    defaultGroup = dataset.defaultPeerGroups
  }

  /// A failure of this unit is thrown as `UnitFailure`: its findings (a layout's with file,
  /// line and column) go into the run's manifest.
  func produce(_ unit: WorkUnit) throws -> [ProducedFile] {
    let files: [OutputFile]
    do {
      let (document, _) = try loadLayout(unit.layout)
      let job = SheetJob(document: document, dataset: dataset, table: table, selection: try selection(unit, document))
      let found: [Finding]
      (files, found) = try job.render(dpi: 0, formats: formats, docxStyle: docxStyle)
      if found.hasErrors { throw Failure.data(found) }
    } catch let failure as Failure {
      throw UnitFailure(failure)
    }
    return files.map { file in
      let sheetFile = formats.first { file.name.hasSuffix("." + $0.rawValue) }
      let path = sheetFile.map { SafeName.appendingExtension($0.rawValue, to: unit.outputName) }
        ?? unit.outputName + "/" + file.name
      return ProducedFile(path: path, bytes: file.bytes)
    }
  }

  /// A region unit's focus, group and period directly (the planner took the region from the
  /// data); anything else through `SheetSelection.resolve`, which explains what is wrong.
  private func selection(_ unit: WorkUnit, _ document: LayoutDocument) throws -> SheetSelection {
    if let region = unit.region.map({ RegionID($0) }), let period = Period(code: unit.period),
      let peers = group ?? defaultGroup[region], peers.members.contains(region)
    {
      return SheetSelection(focus: region, group: peers, period: period)
    }
    return try SheetSelection.resolve(
      dataset: dataset, focus: unit.region, period: unit.period, group: group?.id.rawValue, scope: document.scope)
  }
}

extension UnitFailure {
  /// A command failure as findings: a layout's or the data's errors as they are, an I/O or
  /// internal failure as one finding without a location.
  init(_ failure: Failure) {
    switch failure {
    case .data(let findings): self.init(findings.filter { $0.severity == .error })
    case .io(let message): self.init([Finding(.error, .renderFailed("I/O error: \(message)"))])
    case .internal(let message): self.init([Finding(.error, .renderFailed("internal error: \(message)"))])
    }
  }
}

extension Finding.Message {
  static func renderFailed(_ text: String) -> Self { Self(code: "render-failed", text: text) }
}

/// Writes each logfmt line to standard error (only failures when quiet) and appends it to
/// `<output>/briefing.log` through `LogFile` (never through a link). A log that cannot be
/// written is said once on standard error.
struct RunLog: LogSink {
  let quiet: Bool
  let file: String
  /// When a progress bar is shown, only warnings and errors are printed (above it).
  var progress: TerminalProgress? = nil
  /// Set once the log file failed, so its error is printed once.
  private let failed = FailureFlag()

  init(quiet: Bool, file: String, progress: TerminalProgress? = nil) {
    self.quiet = quiet
    self.file = file
    self.progress = progress
  }

  func write(_ line: String) {
    if let progress {
      if line.contains("level=error") || line.contains("level=warning") { progress.printAbove(line) }
    } else if !quiet || line.contains("level=error") {
      printError(line)
    }
    do {
      try LogFile.append(Array((line + "\n").utf8), to: file)
    } catch {
      if !failed.raised.exchange(true, ordering: .relaxed) { printError("briefing: cannot write the log: \(error)") }
    }
  }
}

/// A flag shared by the copies of a `RunLog`.
private final class FailureFlag: Sendable {
  let raised = Atomic<Bool>(false)
}
