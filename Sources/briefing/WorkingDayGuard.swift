import BriefingCore
import BriefingJobs
import Foundation

// MARK: - Holiday calendars for the CLI

extension HolidayCalendar {
  /// The calendar `reference` names (a shipped name or a path), or nil when there is none;
  /// shipped names are looked up beside this binary (`HolidayCalendar.shippedFolders`). A missing
  /// file is an I/O failure (74), a wrong one or an unknown name a data failure (65).
  static func resolve(_ reference: String?) throws(Failure) -> HolidayCalendar? {
    guard let reference else { return nil }
    let executable =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    let folders = HolidayCalendar.shippedFolders(
      executable: URL(fileURLWithPath: executable).resolvingSymlinksInPath().path,
      environment: ProcessInfo.processInfo.environment, home: NSHomeDirectory())
    let (calendar, findings) = HolidayCalendar.load(reference, shippedFolders: folders)
    guard let calendar else { throw Failure(loading: findings) }
    return calendar
  }
}

// MARK: - run --on-working-day

/// The guard of `briefing run --on-working-day N`: cron fires every day, the run goes on only on
/// the month's Nth working day in the job's schedule zone (the machine's zone without a
/// schedule), counted with `--calendar`, else the job's `schedule.calendar`, else Monday–Friday.
enum WorkingDayGuard {
  /// True to go on. False after saying why not (unless `quiet`). Throws when the calendar cannot
  /// be read or does not cover this year: counting Monday–Friday then would be a silent guess.
  static func allows(_ n: Int, job: JobFile, calendar reference: String?, quiet: Bool, now: Date = Date()) throws(Failure) -> Bool {
    let zone = job.schedule.flatMap { TimeZone(identifier: $0.timezone) } ?? .current
    let calendar = try HolidayCalendar.resolve(reference ?? job.schedule?.calendar)
    let today = CivilDate(now, in: zone)
    switch WorkingDay.decide(n, on: today, calendar: calendar) {
    case .go:
      return true
    case .skip(let nth):
      if !quiet {
        let day = nth.map { "that is \($0)" } ?? "this month has fewer"
        let counted = calendar.map { "with calendar \($0.source)" } ?? "counting Monday to Friday"
        printError("briefing: today (\(today), \(zone.identifier)) is not working day \(n) of the month (\(day), \(counted)); nothing to do")
      }
      return false
    case .uncovered(let year):
      throw .data([Finding(.error, .calendarUncovered(calendar?.source ?? "-", coverage: calendar?.coverage ?? "-", year: year))])
    }
  }
}

// MARK: - Messages

extension Finding.Message {
  static func calendarUncovered(_ source: String, coverage: String, year: Int) -> Self {
    Self(
      code: "calendar-uncovered",
      text: "holiday calendar '\(source)' covers \(coverage), not \(year): add \(year)'s official holidays and make-up days (see Calendars/README.md) before the run can count working days")
  }
}
