import Foundation

// MARK: - Scheduling

/// Crontab and systemd texts for a job's `schedule`. Pure functions: the CLI reads and writes
/// the crontab (`crontab -l` / `crontab -`) and installs unit files.
public enum Schedule {
  public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
    case noSchedule(job: String)
    public var description: String {
      switch self {
      case .noSchedule(let job): "job '\(job)' has no schedule: add `schedule: {cron: \"0 7 5 1,4,7,10 *\", timezone: Asia/Shanghai}`"
      }
    }
  }

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

  /// A crontab block between marker comments:
  /// `CRON_TZ` (cronie; Debian's cron ignores it, prefer the systemd timer there), `HOME` and
  /// `XDG_CACHE_HOME` for the fontconfig cache, `flock -n` so a slow run is not doubled (exit 75
  /// when busy), `--quiet`, and stdout/stderr appended to `$XDG_CACHE_HOME/briefing/<job>.cron.log`.
  /// `CRON_TZ` applies to the lines after it, so `install` always puts the block last.
  public static func crontabEntry(job: JobFile, jobPath: String, binary: String, home: String? = nil) throws(Problem) -> String {
    guard let schedule = job.schedule else { throw .noSchedule(job: jobPath) }
    let home = home ?? ProcessInfo.processInfo.environment["HOME"] ?? "/root"
    let cache = home + "/.cache"
    let name = slug(jobPath)
    let lock = cache + "/briefing/" + name + ".lock"
    let logFile = cache + "/briefing/" + name + ".cron.log"
    let command = [
      "mkdir -p \(shellQuote(cache + "/briefing")) &&",
      "HOME=\(shellQuote(home)) XDG_CACHE_HOME=\(shellQuote(cache))",
      "flock -n -E 75 \(shellQuote(lock))",
      "\(shellQuote(binary)) run \(shellQuote(jobPath)) --quiet",
      ">> \(shellQuote(logFile)) 2>&1",
    ].joined(separator: " ").replacingOccurrences(of: "%", with: "\\%")
    return [
      beginMarker(jobPath),
      "# managed by `briefing schedule --install`; edits inside this block are replaced",
      "CRON_TZ=\(schedule.timezone)",
      "\(schedule.cron.text) \(command)",
      endMarker(jobPath),
    ].joined(separator: "\n") + "\n"
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

  // MARK: systemd

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

  public static func systemdUnits(job: JobFile, jobPath: String, binary: String) throws(Problem) -> SystemdUnits {
    guard let schedule = job.schedule else { throw .noSchedule(job: jobPath) }
    let name = "briefing-" + slug(jobPath)
    let service = """
      [Unit]
      Description=Briefing job \(jobPath)

      [Service]
      Type=oneshot
      Environment=XDG_CACHE_HOME=%h/.cache
      ExecStart=\(binary) run \(jobPath) --quiet
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
    case .failure(let problem):
      notes.append("no timer generated for '\(schedule.cron.text)': \(problem.message)")
    }
    return SystemdUnits(name: name, service: service, timer: timer, notes: notes)
  }
}
