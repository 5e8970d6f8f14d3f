import ArgumentParser
import BriefingCore
import BriefingJobs
import Foundation

// MARK: - schedule

struct ScheduleJob: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schedule",
    abstract: "Print a crontab entry and an equivalent systemd timer for a job; --install adds the entry.",
    discussion: HelpExamples.discussion(
      """
      The crontab entry suits the cron that will read it. One that honours CRON_TZ (cronie) gets \
      the job's times under CRON_TZ. One that runs every line in the server's zone (Debian's and \
      Ubuntu's cron 3.0pl1, busybox crond) gets the times converted into that zone, with a warning \
      when daylight saving time moves them. Where no cron is installed, or the times have no exact \
      twin in the server's zone, use the systemd timer: its OnCalendar= keeps the job's zone \
      (systemd ≥ 235).
      """,
      examples: "briefing schedule Samples/jiuquan-2024h1/job.yaml",
      "briefing schedule Samples/jiuquan-2024h1/job.yaml \\\n  --cron debian --server-timezone UTC"))

  /// `--cron`: which cron will read the entry.
  enum CronChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, cronie, debian, busybox
  }

  @Argument(help: "The job file (YAML) with a `schedule:` mapping.")
  var job: String

  @Flag(help: "Add (or replace) the entry in the current user's crontab.")
  var install = false

  @Option(
    help: """
      The cron that will read the entry: auto (inspect this machine), cronie (honours CRON_TZ), \
      debian or busybox (run every line in the server's zone).
      """)
  var cron: CronChoice = .auto

  @Option(help: "The time zone the cron daemon runs in (default: this machine's, from /etc/localtime).")
  var serverTimezone: String?

  func validate() throws {
    if let serverTimezone, TimeZone(identifier: serverTimezone) == nil {
      throw ValidationError("--server-timezone '\(serverTimezone)' is not an IANA time zone (e.g. UTC, Asia/Shanghai)")
    }
  }

  func run() throws {
    try reportingFailures {
      let (loaded, findings) = JobLoader.load(file: job, shippedLayouts: ShippedFiles.layouts)
      guard let jobFile = loaded else { throw Failure(loading: findings) }
      let binary =
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
      let path = URL(fileURLWithPath: job).standardizedFileURL.path
      let host = SchedulingHost.inspect()
      let (clock, about) = cronClock(host)
      let calendar = try HolidayCalendar.resolve(jobFile.schedule?.calendar)
      var warnings: [String] = []
      var entry: Schedule.CrontabEntry?
      let units: Schedule.SystemdUnits
      do throws(Schedule.Problem) {
        units = try Schedule.systemdUnits(job: jobFile, jobPath: path, binary: binary)
        do throws(Schedule.Problem) {
          entry = try Schedule.crontabEntry(job: jobFile, jobPath: path, binary: binary, clock: clock, calendar: calendar)
        } catch {
          guard case .notConvertible = error else { throw error }
          warnings.append(error.description)
        }
      } catch {
        throw Failure.data([Finding(.error, .noSchedule("\(error)"), at: SourceLocation(file: job))])
      }
      print("# cron: " + about)
      if let entry {
        print("# crontab entry\n" + entry.text)
        warnings += entry.warnings
      } else {
        print("# crontab entry: none (see the warning)\n")
      }
      print("# systemd service\n" + units.service)
      if let timer = units.timer { print("# systemd timer\n" + timer) }
      for note in units.notes + systemdNotes(host, clock: clock, entry: entry, warnings: warnings) {
        print("# note: " + note)
      }
      for warning in warnings { printError("briefing: warning: " + warning) }
      if install {
        guard let entry else { throw Failure.data([Finding(.error, .noCrontabLine(warnings[0]), at: SourceLocation(file: job))]) }
        if cron == .auto, host.cron == nil {
          throw Failure.io("no cron daemon is installed here (Debian: apt-get install cron); or install the systemd timer printed above")
        }
        try installCrontab(entry.text)
      }
    }
  }

  /// The clock the entry is written for and a sentence saying why.
  private func cronClock(_ host: SchedulingHost) -> (Schedule.CronClock, String) {
    let zone = serverTimezone ?? host.zone ?? TimeZone.current.identifier
    let serverClock = "ignores CRON_TZ and runs every line in the server's zone, \(zone): times converted"
    switch cron {
    case .auto:
      guard let daemon = host.cron else {
        let looked = SchedulingHost.daemonPaths.joined(separator: ", ")
        return (
          .server(zone: zone),
          "no cron daemon is installed here (looked for \(looked)); the entry is written for one that runs every line in \(zone), the systemd timer is recommended"
        )
      }
      return daemon.honoursCronTZ ? (.cronTZ, "\(daemon) honours CRON_TZ") : (.server(zone: zone), "\(daemon) \(serverClock)")
    case .cronie:
      return (.cronTZ, "cronie (--cron cronie) honours CRON_TZ")
    case .debian:
      return (.server(zone: zone), "Debian cron (--cron debian) \(serverClock)")
    case .busybox:
      return (.server(zone: zone), "busybox crond (--cron busybox) \(serverClock)")
    }
  }

  /// Whether the timer is the better choice here, and whether this systemd can read its zone.
  private func systemdNotes(_ host: SchedulingHost, clock: Schedule.CronClock, entry: Schedule.CrontabEntry?, warnings: [String]) -> [String] {
    var notes: [String] = []
    if let version = host.systemdVersion, version < Schedule.systemdZoneVersion {
      notes.append("systemd \(version) here is older than \(Schedule.systemdZoneVersion) and cannot read a zone in OnCalendar=")
    } else if case .server = clock, entry == nil || !warnings.isEmpty || (cron == .auto && host.cron == nil) {
      notes.append("recommended here: the systemd timer, whose OnCalendar= keeps the job's zone all year")
    }
    return notes
  }

  /// `crontab -l` → replace our block → `crontab -`.
  private func installCrontab(_ entry: String) throws(Failure) {
    let current = (try? shell("crontab -l", input: nil)) ?? ""
    _ = try shell("crontab -", input: Schedule.install(entry: entry, into: current))
    print("# installed into the crontab of \(NSUserName())")
  }

  /// Runs `command` with `/bin/sh`, feeding it `input`; its standard output, or `.io` when it
  /// cannot be started or exits non-zero.
  private func shell(_ command: String, input: String?) throws(Failure) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    let out = Pipe()
    let inPipe = Pipe()
    process.standardOutput = out
    process.standardInput = inPipe
    do {
      try process.run()
      if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
      try inPipe.fileHandleForWriting.close()
    } catch {
      throw .io("\(command): \(error.localizedDescription)")
    }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw .io("\(command) exited \(process.terminationStatus)") }
    return String(decoding: data, as: UTF8.self)
  }
}

// MARK: - Messages

extension Finding.Message {
  static func noSchedule(_ text: String) -> Self { Self(code: "no-schedule", text: text) }
  static func noCrontabLine(_ text: String) -> Self { Self(code: "no-crontab-line", text: text) }
}
