import Foundation

// MARK: - Scheduling

/// Crontab and systemd texts for a job's `schedule`. Pure functions: the CLI inspects the machine
/// (`SchedulingHost`), reads and writes the crontab (`crontab -l` / `crontab -`) and prints the
/// unit files.
public enum Schedule {
  public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
    case noSchedule(job: String)
    /// The cron runs every line in the server's zone and cannot say the job's times there.
    case notConvertible(job: String, why: String)
    public var description: String {
      switch self {
      case .noSchedule(let job): "job '\(job)' has no schedule: add `schedule: {cron: \"0 7 5 1,4,7,10 *\", timezone: Asia/Shanghai}`"
      case .notConvertible(let job, let why): "job '\(job)': no crontab line for a cron that ignores CRON_TZ: \(why); use the systemd timer"
      }
    }
  }

  /// The clock a cron daemon reads the crontab's times with.
  public enum CronClock: Hashable, Sendable {
    /// It honours `CRON_TZ` (cronie): the block sets it to the job's zone and keeps the times.
    case cronTZ
    /// It runs every line in its own zone, `zone` (Debian's cron 3.0pl1, busybox): the times are
    /// converted into it.
    case server(zone: String)
  }

  /// A crontab block and what it cannot promise.
  public struct CrontabEntry: Hashable, Sendable {
    /// The block between its marker lines, ending with a newline.
    public var text: String
    /// One sentence each; also written into the block as `# warning:` comments.
    public var warnings: [String]
  }

  /// `OnCalendar=` takes a time zone from systemd 235 on.
  public static let systemdZoneVersion = 235

  static func beginMarker(_ jobPath: String) -> String { "# >>> briefing job \(jobPath) >>>" }
  static func endMarker(_ jobPath: String) -> String { "# <<< briefing job \(jobPath) <<<" }

  /// Single-quotes for /bin/sh, with `%` escaped for cron (cron turns bare `%` into newlines).
  static func shellQuote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  static func slug(_ jobPath: String) -> String {
    let base = ((jobPath as NSString).lastPathComponent as NSString).deletingPathExtension
    return SafeName.component(base) + "-" + String(SHA256.hex(Array(jobPath.utf8)).prefix(8))
  }

  /// `run JOB [--on-working-day N] --quiet`.
  static func runArguments(_ schedule: JobFile.Schedule, job: String) -> String {
    "run \(job)" + (schedule.workingDay.map { " --on-working-day \($0)" } ?? "") + " --quiet"
  }

  // MARK: - crontab

  /// A crontab block between marker comments: `HOME` and `XDG_CACHE_HOME` for the fontconfig
  /// cache, `--quiet`, standard
  /// output appended to `$XDG_CACHE_HOME/briefing/<job>.cron.log` and standard error left to
  /// cron, which mails it to `MAILTO` (with `--quiet`, failures only). No outer `flock`: the run
  /// takes its own lock, and a run that finds it held exits 75 with a summary line on standard
  /// error (so cron mails it) and runs `on_failure`; an outer `flock -n` exited 75 without a word.
  ///
  /// With `.cronTZ` the block sets `CRON_TZ`, which applies to the lines after it, so `install`
  /// puts the block last. With `.server(zone)` the times are converted with the offset of the day
  /// of `now` (`CronExpression.shifted`); a warning says when daylight saving time moves the run.
  /// A conversion that fires on extra days is accepted only behind `working_day` (the run's guard
  /// skips them), else it is `.notConvertible`. With `working_day`, a warning names the Nth
  /// working days the expression does not fire on (`calendar`'s years, or this year and the next).
  public static func crontabEntry(
    job: JobFile, jobPath: String, binary: String, home: String? = nil, clock: CronClock = .cronTZ,
    calendar: HolidayCalendar? = nil, now: Date = Date()
  ) throws(Problem) -> CrontabEntry {
    guard let schedule = job.schedule else { throw .noSchedule(job: jobPath) }
    let home = home ?? ProcessInfo.processInfo.environment["HOME"] ?? "/root"
    let cache = home + "/.cache"
    let name = slug(jobPath)
    let command = [
      "mkdir -p \(shellQuote(cache + "/briefing")) &&",
      "HOME=\(shellQuote(home)) XDG_CACHE_HOME=\(shellQuote(cache))",
      "\(shellQuote(binary)) \(runArguments(schedule, job: shellQuote(jobPath)))",
      ">> \(shellQuote(cache + "/briefing/" + name + ".cron.log"))",
    ].joined(separator: " ").replacingOccurrences(of: "%", with: "\\%")
    var lines = [
      beginMarker(jobPath),
      "# managed by `briefing schedule --install`; edits inside this block are replaced",
      "# cron mails what the job writes to standard error (with --quiet: failures only, one summary line last);",
      "# set MAILTO=you@example.org at the top of the crontab (default: this user; mail needs an MTA such as postfix)",
    ]
    var warnings = missedWorkingDays(schedule, calendar: calendar, now: now)
    switch clock {
    case .cronTZ:
      lines += ["CRON_TZ=\(schedule.timezone)", "\(schedule.cron.text) \(command)"]
    case .server(let zone):
      let converted = try serverTimes(schedule, zone: zone, now: now, jobPath: jobPath)
      lines += converted.comments + converted.expressions.map { "\($0.text) \(command)" }
      warnings += converted.warnings
    }
    lines += warnings.map { "# warning: " + $0 }
    lines.append(endMarker(jobPath))
    return CrontabEntry(text: lines.joined(separator: "\n") + "\n", warnings: warnings)
  }

  /// The schedule's lines in the server's `zone`, the comments explaining them and the
  /// daylight-saving warning.
  static func serverTimes(_ schedule: JobFile.Schedule, zone: String, now: Date, jobPath: String)
    throws(Problem) -> (expressions: [CronExpression], comments: [String], warnings: [String])
  {
    guard let server = TimeZone(identifier: zone), let jobZone = TimeZone(identifier: schedule.timezone) else {
      throw .notConvertible(job: jobPath, why: "'\(zone)' is not an IANA time zone")
    }
    let offsets = ZoneOffsets.between(job: jobZone, server: server, from: now)
    let shift: ZoneShift
    do {
      shift = try schedule.cron.shifted(byMinutes: offsets.current)
    } catch {
      throw .notConvertible(job: jobPath, why: error.message)
    }
    let cron = schedule.cron.text
    if !shift.widenings.isEmpty, schedule.workingDay == nil {
      throw .notConvertible(
        job: jobPath, why: "'\(cron)' in \(schedule.timezone) has no exact twin in \(zone): " + shift.widenings.joined(separator: "; "))
    }
    let moved = shift.expressions.map(\.text).joined(separator: " and ")
    var comments = ["# \(cron) in \(schedule.timezone) is \(moved) in \(zone), the zone this cron runs every line in"]
    if let day = schedule.workingDay, !shift.widenings.isEmpty {
      comments.append(
        "# these lines fire on more days than needed (\(shift.widenings.joined(separator: "; "))); --on-working-day \(day) runs the job on its day only")
    }
    var warnings: [String] = []
    if !offsets.isConstant {
      warnings.append(daylightSaving(offsets, server: zone, job: schedule.timezone))
    }
    return (shift.expressions, comments, warnings)
  }

  /// "Europe/Berlin is not a fixed 7 h behind Asia/Shanghai (daylight saving time): …".
  static func daylightSaving(_ offsets: ZoneOffsets, server: String, job: String) -> String {
    let ahead = offsets.current > 0 ? "ahead of" : "behind"
    let changes = offsets.segments.dropFirst().map { segment -> String in
      let late = offsets.current - segment.minutes
      if late == 0 { return "from \(segment.from) on time again" }
      return "from \(segment.from) the job runs \(ZoneOffsets.duration(late)) \(late > 0 ? "late" : "early")"
    }
    return "\(server) is not a fixed \(ZoneOffsets.duration(offsets.current)) \(ahead) \(job) (daylight saving time): "
      + changes.joined(separator: ", ")
      + ". The systemd timer keeps \(job) all year."
  }

  /// With `working_day`: the Nth working days of the expression's months that it does not fire
  /// on, as warnings (a make-up working day on a Saturday, cut off by day-of-week `1-5`).
  static func missedWorkingDays(_ schedule: JobFile.Schedule, calendar: HolidayCalendar?, now: Date) -> [String] {
    guard let n = schedule.workingDay else { return [] }
    let zone = TimeZone(identifier: schedule.timezone) ?? TimeZone(identifier: "UTC")!
    let thisYear = CivilDate(now, in: zone).year
    let years = calendar.map { $0.years.sorted() } ?? [thisYear, thisYear + 1]
    let missed = years.flatMap { year in
      schedule.cron.values[3].compactMap { WorkingDay.nth(n, year: year, month: $0, calendar: calendar) }
    }.filter { !schedule.cron.fires(on: $0) }
    guard let first = missed.first else { return [] }
    let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    let listed = missed.prefix(3).map { "\($0) (\(names[$0.weekday - 1]))" }.joined(separator: ", ")
    let more = missed.count > 3 ? " and \(missed.count - 3) more" : ""
    let source = calendar.map { "with calendar \($0.source)" } ?? "counting Monday to Friday"
    return [
      "'\(schedule.cron.text)' does not fire on \(listed)\(more), the \(ordinal(n)) working day of \(first.year)-\(String(format: "%02d", first.month))"
        + (missed.count > 1 ? " and other months" : "")
        + " \(source): let it fire on every day of those months (day-of-month * and day-of-week *)"
    ]
  }

  /// `1st`, `2nd`, `3rd`, `4th`, … `11th`, `21st`.
  static func ordinal(_ n: Int) -> String {
    let suffix = (11...13).contains(n % 100) ? "th" : ["th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"][n % 10]
    return "\(n)\(suffix)"
  }

  /// Adds or replaces the block of `entry` (matched by its first marker line) in `existing`.
  /// Idempotent: installing the same entry twice gives the same text. The block goes last
  /// because `CRON_TZ` also affects the lines after it.
  public static func install(entry: String, into existing: String) -> String {
    let begin = entry.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
    let end = begin.replacingOccurrences(of: "# >>> ", with: "# <<< ").replacingOccurrences(of: " >>>", with: " <<<")
    var kept = remove(begin: begin, end: end, from: existing)
    while kept.hasSuffix("\n\n") { kept.removeLast() }
    if !kept.isEmpty, !kept.hasSuffix("\n") { kept += "\n" }
    return kept + (entry.hasSuffix("\n") ? entry : entry + "\n")
  }

  /// Removes the job's block, if any.
  public static func uninstall(jobPath: String, from existing: String) -> String {
    remove(begin: beginMarker(jobPath), end: endMarker(jobPath), from: existing)
  }

  static func remove(begin: String, end: String, from text: String) -> String {
    var lines: [String] = []
    var inside = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line == begin { inside = true; continue }
      if inside { if line == end { inside = false }; continue }
      lines.append(line)
    }
    var result = lines.joined(separator: "\n")
    if !result.isEmpty, !result.hasSuffix("\n") { result += "\n" }
    return result == "\n" ? "" : result
  }

  // MARK: - systemd

  /// A `.service` and `.timer` pair, or the reason the cron expression has no `OnCalendar` twin.
  public struct SystemdUnits: Hashable, Sendable {
    public var name: String
    public var service: String
    public var timer: String?
    /// Why `timer` is nil, or remarks.
    public var notes: [String]
  }

  /// `OnCalendar=` for the common shapes: fixed or listed minutes/hours, day-of-month and month as
  /// `*`, values, ranges or lists, weekday `*` or values/lists/ranges (not both day fields
  /// restricted: cron ORs them, systemd ANDs them); steps are refused with an explanation.
  public static func onCalendar(_ cron: CronExpression, timezone: String) -> Result<String, CronError> {
    let fields = cron.fields
    if fields.contains(where: { $0.contains("/") }) {
      return .failure(CronError("steps ('/') are not converted; write the values as a list, e.g. 0,15,30,45"))
    }
    if !cron.isWildcard(2), !cron.isWildcard(4) {
      return .failure(CronError("cron runs when EITHER day-of-month or day-of-week matches; systemd requires both; split it into two timers"))
    }
    func convert(_ field: String, width: Int, names: [String] = []) -> String {
      if field == "*" { return "*" }
      return field.split(separator: ",").map { item -> String in
        item.split(separator: "-").map { bound -> String in
          var value = Int(bound) ?? 0
          if let index = names.firstIndex(of: bound.lowercased()) { value = index + 1 }
          let text = String(value)
          return String(repeating: "0", count: max(0, width - text.count)) + text
        }.joined(separator: "..")
      }.joined(separator: ",")
    }
    let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    var weekday = ""
    if !cron.isWildcard(4) {
      let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
      weekday = cron.values[4].map { names[$0] }.joined(separator: ",") + " "
    }
    let date = "*-\(convert(fields[3], width: 2, names: months))-\(convert(fields[2], width: 2))"
    let time = "\(convert(fields[1], width: 2)):\(convert(fields[0], width: 2)):00"
    return .success("\(weekday)\(date) \(time) \(timezone)")
  }

  /// The service runs the same command as the crontab line (with `--on-working-day N` when the
  /// schedule has `working_day`); the timer's `OnCalendar=` carries the job's zone, so it needs
  /// systemd ≥ 235 and no conversion.
  public static func systemdUnits(job: JobFile, jobPath: String, binary: String) throws(Problem) -> SystemdUnits {
    guard let schedule = job.schedule else { throw .noSchedule(job: jobPath) }
    let name = "briefing-" + slug(jobPath)
    let service = """
      [Unit]
      Description=Briefing job \(jobPath)

      [Service]
      Type=oneshot
      Environment=XDG_CACHE_HOME=%h/.cache
      ExecStart=\(binary) \(runArguments(schedule, job: jobPath))
      # 75 = another run holds the lock; not a failure
      SuccessExitStatus=75

      """
    var notes: [String] = []
    var timer: String?
    switch onCalendar(schedule.cron, timezone: schedule.timezone) {
    case .success(let calendar):
      timer = """
        [Unit]
        Description=Schedule for briefing job \(jobPath) (cron: \(schedule.cron.text), \(schedule.timezone))

        [Timer]
        OnCalendar=\(calendar)
        Persistent=true
        Unit=\(name).service

        [Install]
        WantedBy=timers.target

        """
      notes.append("install as ~/.config/systemd/user/\(name).service and .timer, then: systemctl --user enable --now \(name).timer (and loginctl enable-linger for unattended runs)")
      notes.append("a zone in OnCalendar= needs systemd ≥ \(systemdZoneVersion); check the next runs with: systemd-analyze calendar --iterations=3 '\(calendar)'")
      if let day = schedule.workingDay {
        notes.append("Persistent=true catches up a run missed while the machine was off, but on a later day --on-working-day \(day) skips it")
      }
    case .failure(let problem):
      notes.append("no timer generated for '\(schedule.cron.text)': \(problem.message)")
    }
    return SystemdUnits(name: name, service: service, timer: timer, notes: notes)
  }
}
