import BriefingCore
import BriefingSpec
import Foundation
import Yams

// MARK: - Job file

/// An unattended job, read from YAML (`briefing run monthly.yaml`).
///
/// | key          | required | default                        | meaning |
/// |--------------|----------|--------------------------------|---------|
/// | `version`    | yes      | —                              | job file format, must be 1 |
/// | `data`       | yes      | —                              | data folder or file, relative to the job file's folder; or a database, as a mapping (`JobFile.Database`) |
/// | `map`        | no       | none                           | intake map (`briefing import`) for data that is not a long table; relative to the job file |
/// | `layouts`    | yes      | —                              | layout or list of layouts: a path relative to the job file, or a shipped layout's name (`ranking-bulletin`, with or without `.yaml`; a file of that name beside the job file wins) |
/// | `regions`    | no       | `every`                        | list of region ids, or `every` |
/// | `group`      | no       | none                           | region group the caller restricts `every` to; `all`: every region of every group |
/// | `period`     | no       | `latest`                       | `latest` (see `PeriodResolver`: the latest cumulative period the regions have, full years included) or a code such as `2024-H1` |
/// | `output`     | yes      | —                              | output folder; relative to the job file |
/// | `name`       | no       | `{layout}/{region}-{period}`   | output name pattern; `/` makes folders |
/// | `retention`  | no       | 12                             | run folders kept under `runs/` (1…1000) |
/// | `schedule`   | no       | none                           | mapping with `cron` (5 fields), `timezone` (IANA, default `UTC`), `working_day` (1…23: run only on the month's Nth working day) and `calendar` (holiday calendar: a shipped name such as `cn-mainland`, or a CSV path relative to the job file) |
/// | `language`   | no       | none (layout decides)          | passed to the renderer |
/// | `on_success` | no       | none                           | `/bin/sh -c` command after a successful publication; run again by the next run while it fails |
/// | `on_failure` | no       | none                           | `/bin/sh -c` command after any run that exits non-zero |
/// | `hook_timeout` | no     | 600                          | seconds a hook may run (1…86400); then SIGTERM to its process group, SIGKILL 10 s later |
/// | `formats`    | no       | `[pdf]`                        | what each sheet is written as: a list of `pdf`, `docx`, `md`, `txt` (`<name>.pdf`, `<name>.docx`, …) |
/// | `docx_style` | no       | `theme`                        | the Word copy's look, as `--docx-style`: `theme` (the layout's fonts, colours and paper) or `gongwen` (GB/T 9704) |
public struct JobFile: Hashable, Sendable {
  public static let currentVersion = 1
  public static let defaultName = "{layout}/{region}-{period}"
  public static let defaultRetention = 12
  /// `formats:` of a job that names none, and every name it may list.
  public static let defaultFormats = ["pdf"]
  public static let knownFormats = ["pdf", "docx", "md", "txt"]
  /// `docx_style:` of a job that names none, and every name it may give.
  public static let defaultDocxStyle = "theme"
  public static let knownDocxStyles = ["theme", "gongwen"]
  /// Seconds a hook may run unless the job says otherwise.
  public static let defaultHookTimeout: Double = 600
  /// `group: all` — `regions: every` then means every member of every peer group.
  public static let allGroups = "all"

  public enum Regions: Hashable, Sendable {
    case every
    case list([String])
  }

  /// `period:` of the job: `latest` (chosen by `PeriodResolver` from the data) or one period.
  public enum PeriodChoice: Hashable, Sendable {
    case latest
    case fixed(Period)
  }

  public struct Schedule: Hashable, Sendable {
    public var cron: CronExpression
    public var timezone: String
    /// `briefing schedule` adds `--on-working-day N` to the command it prints.
    public var workingDay: Int?
    /// A shipped calendar's name, or an absolute path (see `HolidayCalendar.load`).
    public var calendar: String?
    public init(cron: CronExpression, timezone: String, workingDay: Int? = nil, calendar: String? = nil) {
      self.cron = cron
      self.timezone = timezone
      self.workingDay = workingDay
      self.calendar = calendar
    }
  }

  /// The job file's path as given.
  public var file: String
  public var version: Int
  /// Absolute (resolved) paths. For a database, its address (`database.address`).
  public var data: String
  /// `data:` as a mapping: the database the data set is read from; nil for a folder or file.
  public var database: Database?
  /// Intake map of the data (`map:`), absolute; nil when the data is read without one.
  public var map: String?
  public var layouts: [String]
  /// `layouts:` names found neither beside the job file nor among the shipped layouts, by the
  /// path beside the job file that stands for each in `layouts`: what the run reports (exit 74,
  /// `on_failure`) if that file is still missing when it runs. Default: none.
  public var layoutsNotFound: [String: LayoutLookup.NotFound] = [:]
  public var regions: Regions
  public var group: String?
  public var period: PeriodChoice
  public var output: String
  public var name: String
  public var retention: Int
  public var schedule: Schedule?
  public var language: String?
  public var onSuccess: String?
  public var onFailure: String?
  /// Seconds `on_success` or `on_failure` may run (`hook_timeout`, default 600).
  public var hookTimeout: Double
  /// What each sheet is written as (`formats:`), in the order given. Default: `[pdf]`.
  public var formats: [String] = JobFile.defaultFormats
  /// The Word copy's look (`docx_style:`): `theme` or `gongwen`. Default: `theme`.
  public var docxStyle: String = JobFile.defaultDocxStyle

  public init(
    file: String, data: String, layouts: [String], output: String, regions: Regions = .every,
    group: String? = nil, period: PeriodChoice = .latest, name: String = JobFile.defaultName,
    retention: Int = JobFile.defaultRetention, schedule: Schedule? = nil, language: String? = nil,
    onSuccess: String? = nil, onFailure: String? = nil, hookTimeout: Double = JobFile.defaultHookTimeout
  ) {
    self.file = file
    self.version = Self.currentVersion
    self.data = data
    self.layouts = layouts
    self.output = output
    self.regions = regions
    self.group = group
    self.period = period
    self.name = name
    self.retention = retention
    self.schedule = schedule
    self.language = language
    self.onSuccess = onSuccess
    self.onFailure = onFailure
    self.hookTimeout = hookTimeout
  }
}

// MARK: - Loader

public enum JobLoader {
  static let keys = [
    "version", "data", "layouts", "regions", "group", "period", "output", "name", "retention",
    "schedule", "language", "on_success", "on_failure", "hook_timeout", "map", "formats", "docx_style",
  ]
  static let scheduleKeys = ["cron", "timezone", "working_day", "calendar"]
  static let placeholders = ["region", "period", "layout"]

  /// Reads a job file from disk; a missing or unreadable file is one error finding.
  /// `shippedLayouts`: as for `load(yaml:file:shippedLayouts:)`.
  public static func load(file: String, shippedLayouts: LayoutLookup? = nil) -> (JobFile?, [Finding]) {
    guard let data = FileManager.default.contents(atPath: file),
      let text = String(data: data, encoding: .utf8)
    else {
      return (nil, [Finding(.error, .jobUnreadable(file), at: SourceLocation(file: file))])
    }
    return load(yaml: text, file: file, shippedLayouts: shippedLayouts)
  }

  /// Parses and validates job YAML. `file` locates findings and anchors relative paths.
  /// `shippedLayouts` finds `layouts:` entries by `LayoutLookup`'s rule (a name found nowhere
  /// stands for the file beside the job file, with why in `layoutsNotFound`, for the run to
  /// report); nil takes every entry as a path beside the job file.
  /// Returns nil when any error was found.
  public static func load(yaml: String, file: String, shippedLayouts: LayoutLookup? = nil) -> (JobFile?, [Finding]) {
    var reader = NodeReader(file: file)
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: yaml) else {
        reader.error(.jobWrongType(path: "job file", expected: "a mapping"), at: nil)
        return (nil, reader.findings)
      }
      root = node
    } catch let error as YamlError {
      return (nil, [Finding(.error, .jobSyntax("\(error)"), at: SourceLocation(file: file))])
    } catch {
      return (nil, [Finding(.error, .jobSyntax("\(error)"), at: SourceLocation(file: file))])
    }
    let entries = reader.mapping(root, path: "job", allowed: keys)
    let base = URL(fileURLWithPath: file).deletingLastPathComponent().standardizedFileURL.path
    func resolve(_ path: String) -> String {
      let expanded = (path as NSString).expandingTildeInPath
      if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL.path }
      return URL(fileURLWithPath: base).appendingPathComponent(expanded).standardizedFileURL.path
    }
    func required(_ key: String) -> Node? {
      if entries[key] == nil, root.mapping != nil {
        reader.error(.jobMissingKey(key), at: root)
      }
      return entries[key]
    }
    /// A required text value; `key: ~` or `key:` with nothing is an error, like a missing key.
    func requiredString(_ key: String) -> String? {
      let node = required(key)
      let errorsBefore = reader.findings.count
      let text = reader.string(node, path: key)
      if text == nil, let node, reader.findings.count == errorsBefore {
        reader.error(.jobMissingKey(key), at: node)
      }
      return text
    }

    // version
    let version = reader.wholeNumber(required("version"), path: "version", range: 1...Int.max)
    if let version, version != JobFile.currentVersion {
      reader.error(.jobVersion(version), at: entries["version"])
    }
    var data: String?
    var database: JobFile.Database?
    if let node = entries["data"], node.mapping != nil {
      database = Self.database(node, reader: &reader, resolve: resolve)
      data = database?.address.description
    } else if let text = requiredString("data") {
      if DatabaseAddress.isDatabase(text) { reader.error(.jobDatabaseAsText(text), at: entries["data"]) }
      data = resolve(text)
    }
    let map = reader.string(entries["map"], path: "map").map(resolve)
    var layouts: [String] = []
    var layoutsNotFound: [String: LayoutLookup.NotFound] = [:]
    if let nodes = reader.list(required("layouts"), path: "layouts") {
      for (index, node) in nodes.enumerated() {
        guard let reference = reader.string(node, path: "layouts[\(index)]") else { continue }
        guard let shippedLayouts else {
          layouts.append(resolve(reference))
          continue
        }
        let expanded = (reference as NSString).expandingTildeInPath
        switch shippedLayouts.file(expanded, relativeTo: base) {
        case .success(let path): layouts.append(path)
        case .failure(let missing):
          layouts.append(missing.path)
          layoutsNotFound[missing.path] = missing
        }
      }
      if nodes.isEmpty { reader.error(.jobWrongType(path: "layouts", expected: "a non-empty list"), at: entries["layouts"]) }
    }
    var regions = JobFile.Regions.every
    if let node = entries["regions"] {
      if let scalar = node.scalar, node.sequence == nil {
        if scalar.string == "every" {
          regions = .every
        } else if let hint = Suggestion.closest(to: scalar.string, in: ["every"]) {
          reader.error(.jobWrongType(path: "regions", expected: "a list of region ids or 'every'"), at: node, notes: ["did you mean '\(hint)'?"])
        } else {
          regions = .list([scalar.string])
        }
      } else if let nodes = reader.list(node, path: "regions") {
        var ids: [String] = []
        for (index, item) in nodes.enumerated() {
          if let id = reader.string(item, path: "regions[\(index)]") {
            if ids.contains(id) { reader.error(.jobDuplicateRegion(id), at: item) } else { ids.append(id) }
          }
        }
        if ids.isEmpty { reader.error(.jobWrongType(path: "regions", expected: "a non-empty list or 'every'"), at: node) }
        regions = .list(ids)
      }
    }
    let group = reader.string(entries["group"], path: "group")
    var period = JobFile.PeriodChoice.latest
    if let text = reader.string(entries["period"], path: "period") {
      if text == "latest" {
        period = .latest
      } else if let parsed = Period(code: text) {
        period = .fixed(parsed)
      } else {
        let hint = Suggestion.closest(to: text, in: ["latest"]).map { ["did you mean '\($0)'?"] } ?? []
        reader.error(.jobBadPeriod(text), at: entries["period"], notes: hint)
      }
    }
    let output = requiredString("output").map(resolve)
    var name = JobFile.defaultName
    if let pattern = reader.string(entries["name"], path: "name") {
      if let problem = Self.checkPattern(pattern) {
        reader.error(problem.0, at: entries["name"], notes: problem.1)
      } else {
        name = pattern
      }
    }
    let retention = reader.wholeNumber(entries["retention"], path: "retention", range: 1...1000) ?? JobFile.defaultRetention
    var schedule: JobFile.Schedule?
    if let node = entries["schedule"] {
      let fields = reader.mapping(node, path: "schedule", allowed: scheduleKeys)
      if node.mapping != nil, fields["cron"] == nil { reader.error(.jobMissingKey("schedule.cron"), at: node) }
      let zone = reader.string(fields["timezone"], path: "schedule.timezone") ?? "UTC"
      if TimeZone(identifier: zone) == nil {
        reader.error(.jobBadTimezone(zone), at: fields["timezone"])
      }
      let workingDay = reader.wholeNumber(fields["working_day"], path: "schedule.working_day", range: 1...23)
      let calendar = reader.string(fields["calendar"], path: "schedule.calendar").map {
        HolidayCalendar.isShippedName($0) ? $0 : resolve($0)
      }
      if let text = reader.string(fields["cron"], path: "schedule.cron") {
        do {
          schedule = JobFile.Schedule(cron: try CronExpression(text), timezone: zone, workingDay: workingDay, calendar: calendar)
        } catch {
          reader.error(.jobBadCron(error.message), at: fields["cron"])
        }
      }
    }
    let language = reader.string(entries["language"], path: "language")
    let onSuccess = reader.string(entries["on_success"], path: "on_success")
    let onFailure = reader.string(entries["on_failure"], path: "on_failure")
    let hookTimeout = reader.wholeNumber(entries["hook_timeout"], path: "hook_timeout", range: 1...86_400)
    var formats = JobFile.defaultFormats
    if let nodes = reader.list(entries["formats"], path: "formats") {
      formats = []
      for (index, node) in nodes.enumerated() {
        guard let name = reader.word(node, path: "formats[\(index)]", in: JobFile.knownFormats) else { continue }
        if !formats.contains(name) { formats.append(name) }
      }
      if nodes.isEmpty { reader.error(.jobWrongType(path: "formats", expected: "a non-empty list"), at: entries["formats"]) }
    }
    let docxStyle = entries["docx_style"].flatMap { reader.word($0, path: "docx_style", in: JobFile.knownDocxStyles) }

    guard !reader.findings.hasErrors, let data, let output else { return (nil, reader.findings) }
    var job = JobFile(
      file: file, data: data, layouts: layouts, output: output, regions: regions, group: group,
      period: period, name: name, retention: retention, schedule: schedule, language: language,
      onSuccess: onSuccess, onFailure: onFailure,
      hookTimeout: hookTimeout.map(Double.init) ?? JobFile.defaultHookTimeout)
    job.version = version ?? JobFile.currentVersion
    job.map = map
    job.layoutsNotFound = layoutsNotFound
    job.formats = formats
    job.docxStyle = docxStyle ?? JobFile.defaultDocxStyle
    job.database = database
    return (job, reader.findings)
  }

  /// Checks `{placeholder}` names in an output pattern; returns the message and notes on error.
  static func checkPattern(_ pattern: String) -> (Finding.Message, [String])? {
    if pattern.hasPrefix("/") || pattern.split(separator: "/").contains("..") {
      return (.jobBadPattern(pattern, why: "it must stay inside the output folder"), [])
    }
    var rest = Substring(pattern)
    while let open = rest.firstIndex(of: "{") {
      guard let close = rest[open...].firstIndex(of: "}") else {
        return (.jobBadPattern(pattern, why: "an unclosed '{'"), [])
      }
      let key = String(rest[rest.index(after: open)..<close])
      if !placeholders.contains(key) {
        let hint = Suggestion.closest(to: key, in: placeholders).map { ["did you mean '{\($0)}'?"] } ?? []
        return (.jobBadPattern(pattern, why: "unknown placeholder '{\(key)}' (known: {region}, {period}, {layout})"), hint)
      }
      rest = rest[rest.index(after: close)...]
    }
    return nil
  }
}

// MARK: - Strict node reading

extension NodeReader {
  /// A whole number in `range`; job files word the error as a type error (`wrong-type`).
  mutating func wholeNumber(_ node: Node?, path: String, range: ClosedRange<Int>) -> Int? {
    Self.record(.integer(path: path, range: range))
    guard let text = string(node, path: path) else { return nil }
    guard let number = Int(text), range.contains(number) else {
      let shown = range.upperBound == Int.max ? "≥ \(range.lowerBound)" : "\(range.lowerBound)…\(range.upperBound)"
      error(.jobWrongType(path: path, expected: "a whole number \(shown), not '\(text)'"), at: node)
      return nil
    }
    return number
  }
}

// MARK: - Messages

extension Finding.Message {
  static func jobUnreadable(_ file: String) -> Self {
    Self(code: "job-unreadable", text: "cannot read job file '\(file)'")
  }
  /// A `layouts:` name found nowhere (`input-missing`, as any missing input of a run).
  static func layoutNotFound(_ missing: LayoutLookup.NotFound) -> Self {
    Self(code: "input-missing", text: missing.message + (missing.suggestion.map { "; did you mean '\($0)'?" } ?? ""))
  }
  static func jobSyntax(_ detail: String) -> Self {
    Self(code: "yaml-syntax", text: "job file is not valid YAML: \(detail)")
  }
  static func jobMissingKey(_ key: String) -> Self {
    Self(code: "missing-key", text: "job file needs '\(key)'")
  }
  static func jobWrongType(path: String, expected: String) -> Self {
    Self(code: "wrong-type", text: "\(path) must be \(expected)")
  }
  static func jobVersion(_ version: Int) -> Self {
    Self(code: "unsupported-version", text: "job file version \(version) is not supported; this briefing reads version \(JobFile.currentVersion)")
  }
  static func jobDuplicateRegion(_ id: String) -> Self {
    Self(code: "duplicate-region", text: "region '\(id)' is listed twice")
  }
  static func jobBadPeriod(_ text: String) -> Self {
    Self(code: "bad-period", text: "period '\(text)' is neither 'latest' nor a period code such as 2024-H1, 2024-M09, 2024")
  }
  static func jobBadPattern(_ pattern: String, why: String) -> Self {
    Self(code: "bad-name-pattern", text: "name pattern '\(pattern)' is not usable: \(why)")
  }
  static func jobBadTimezone(_ zone: String) -> Self {
    Self(code: "bad-timezone", text: "schedule.timezone '\(zone)' is not an IANA time zone (e.g. Asia/Shanghai, Europe/Berlin, UTC)")
  }
  static func jobBadCron(_ why: String) -> Self {
    Self(code: "bad-cron", text: "schedule.cron: \(why)")
  }
}
