import BriefingCore
import Foundation
import Testing

@testable import BriefingJobs

@Suite struct ScheduleTests {
  func job(_ cron: String = "0 7 5 1,4,7,10 *", extra: String = "") -> JobFile {
    let (job, findings) = JobLoader.load(
      yaml: "version: 1\ndata: d\nlayouts: [a.yaml]\noutput: o\nschedule:\n  cron: '\(cron)'\n  timezone: Asia/Shanghai\n" + extra,
      file: "/srv/jobs/quarterly.yaml")
    #expect(findings.isEmpty, "\(findings)")
    return job!
  }

  /// 15 January 2025: Berlin keeps winter time until 30 March.
  let january2025 = Date(timeIntervalSince1970: 1_736_899_200)

  func entry(_ job: JobFile, clock: Schedule.CronClock, calendar: HolidayCalendar? = nil) throws -> Schedule.CrontabEntry {
    try Schedule.crontabEntry(
      job: job, jobPath: "/srv/jobs/quarterly.yaml", binary: "/usr/local/bin/briefing", home: "/home/stats",
      clock: clock, calendar: calendar, now: january2025)
  }

  func lines(_ entry: Schedule.CrontabEntry) -> [String] { entry.text.split(separator: "\n").map(String.init) }

  // MARK: - The crontab block

  /// A cron that honours CRON_TZ (cronie) keeps the job's times under `CRON_TZ`. Standard output
  /// goes to the log; standard error is left to cron, which mails it (the failure summary).
  @Test func cronieBlock() throws {
    let lines = lines(try entry(job(), clock: .cronTZ))
    #expect(lines.first == "# >>> briefing job /srv/jobs/quarterly.yaml >>>")
    #expect(lines.last == "# <<< briefing job /srv/jobs/quarterly.yaml <<<")
    #expect(lines.contains("CRON_TZ=Asia/Shanghai"))
    #expect(lines.contains { $0.hasPrefix("# cron mails what the job writes to standard error") })
    #expect(lines.contains { $0.contains("MAILTO=") && $0.hasPrefix("#") })
    let command = try #require(lines.first { $0.hasPrefix("0 7 5 1,4,7,10 * ") })
    #expect(command.contains("HOME='/home/stats' XDG_CACHE_HOME='/home/stats/.cache'"))
    #expect(!command.contains("flock"), "the run's own lock speaks when held; an outer flock -n was silent")
    #expect(command.contains("'/usr/local/bin/briefing' run '/srv/jobs/quarterly.yaml' --quiet >> '/home/stats/.cache/briefing/quarterly-"))
    #expect(command.hasSuffix(".cron.log'"), "stdout to the log, stderr to cron's mail")
    #expect(!command.contains("2>"))
  }

  /// Debian's cron ignores CRON_TZ and runs every line in the server's zone: 07:00 on the 5th in
  /// Asia/Shanghai is 23:00 on the 4th in UTC, said without a CRON_TZ line that would mislead.
  @Test func debianCronGetsServerTimes() throws {
    let made = try entry(job(), clock: .server(zone: "UTC"))
    let lines = lines(made)
    #expect(!lines.contains { $0.hasPrefix("CRON_TZ") })
    #expect(lines.contains { $0.hasPrefix("0 23 4 1,4,7,10 * mkdir -p ") })
    #expect(lines.contains("# 0 7 5 1,4,7,10 * in Asia/Shanghai is 0 23 4 1,4,7,10 * in UTC, the zone this cron runs every line in"))
    #expect(made.warnings.isEmpty)
  }

  /// Europe/Berlin keeps daylight saving time and Asia/Shanghai does not: the converted line is
  /// right in winter only, and the warning says from when to when it is an hour early.
  @Test func daylightSavingIsAWarning() throws {
    let made = try entry(job(), clock: .server(zone: "Europe/Berlin"))
    #expect(lines(made).contains { $0.hasPrefix("0 0 5 1,4,7,10 * ") })
    #expect(made.warnings.count == 1)
    let warning = try #require(made.warnings.first)
    #expect(warning.contains("from 2025-03-30 the job runs 1 h early"), "\(warning)")
    #expect(warning.contains("from 2025-10-26 on time again"), "\(warning)")
    #expect(warning.contains("systemd timer"))
    #expect(lines(made).contains("# warning: " + warning))
  }

  /// The 5th working day: cron fires every day of the quarter's first month and the run goes on
  /// only on its day. In UTC the lines fire on more days (the months before are added, since
  /// 07:00 on the 1st in Shanghai is the previous month's last day), which the guard absorbs.
  @Test func workingDayScheduleIsGuarded() throws {
    let guarded = job("0 7 * 1,4,7,10 *", extra: "  working_day: 5\n  calendar: cn-mainland\n")
    let made = try entry(guarded, clock: .server(zone: "UTC"), calendar: try shipped())
    let command = try #require(lines(made).first { $0.hasPrefix("0 23 * 1,3,4,6,7,9,10,12 * ") })
    #expect(command.contains("run '/srv/jobs/quarterly.yaml' --on-working-day 5 --quiet"))
    #expect(made.warnings.isEmpty, "\(made.warnings)")
    #expect(lines(made).contains { $0.hasPrefix("# these lines fire on more days than needed") })
    // Without the guard the same widening would run the job on wrong days: refused.
    #expect(throws: Schedule.Problem.self) { try entry(job("0 7 * 1,4,7,10 *"), clock: .server(zone: "UTC")) }
  }

  /// Make-up working days fall on weekends: a crontab limited to Monday–Friday misses Saturday
  /// 12 October 2024, the 5th working day of that October.
  @Test func weekdayOnlyCronMissesMakeUpDays() throws {
    let guarded = job("0 7 * 1,4,7,10 1-5", extra: "  working_day: 5\n  calendar: cn-mainland\n")
    let made = try entry(guarded, clock: .cronTZ, calendar: try shipped())
    #expect(made.warnings.count == 1)
    #expect(made.warnings.first?.contains("2024-10-12 (Saturday)") == true, "\(made.warnings)")
    #expect(made.warnings.first?.contains("day-of-week *") == true)
  }

  @Test func installIsIdempotentAndReplaces() throws {
    let existing = "MAILTO=ops@example.org\n30 2 * * * /usr/bin/backup\n"
    let entry = try entry(job(), clock: .cronTZ).text
    let once = Schedule.install(entry: entry, into: existing)
    let twice = Schedule.install(entry: entry, into: once)
    #expect(once == twice)
    #expect(once.hasPrefix(existing))
    #expect(once.components(separatedBy: "# >>> briefing job").count == 2)
    let changed = try self.entry(job("0 8 5 1,4,7,10 *"), clock: .cronTZ).text
    let replaced = Schedule.install(entry: changed, into: twice)
    #expect(replaced.contains("0 8 5 1,4,7,10 *"))
    #expect(!replaced.contains("0 7 5 1,4,7,10 *"))
    #expect(Schedule.uninstall(jobPath: "/srv/jobs/quarterly.yaml", from: replaced) == existing)
    #expect(Schedule.install(entry: entry, into: "") == entry)
  }

  // MARK: - systemd

  @Test func systemdTimerForQuarterly() throws {
    let units = try Schedule.systemdUnits(job: job(), jobPath: "/srv/jobs/quarterly.yaml", binary: "/usr/local/bin/briefing")
    let timer = try #require(units.timer)
    #expect(timer.contains("OnCalendar=*-01,04,07,10-05 07:00:00 Asia/Shanghai"))
    #expect(timer.contains("Persistent=true"))
    #expect(units.service.contains("ExecStart=/usr/local/bin/briefing run /srv/jobs/quarterly.yaml --quiet"))
    #expect(units.name.hasPrefix("briefing-quarterly-"))
    #expect(units.notes.contains { $0.contains("systemd ≥ 235") })
  }

  @Test func systemdServiceCarriesTheGuard() throws {
    let guarded = job("0 7 * 1,4,7,10 *", extra: "  working_day: 5\n  calendar: cn-mainland\n")
    let units = try Schedule.systemdUnits(job: guarded, jobPath: "/srv/jobs/quarterly.yaml", binary: "/b")
    #expect(units.service.contains("ExecStart=/b run /srv/jobs/quarterly.yaml --on-working-day 5 --quiet"))
    #expect(units.timer?.contains("OnCalendar=*-01,04,07,10-* 07:00:00 Asia/Shanghai") == true)
  }

  @Test func onCalendarShapes() throws {
    #expect(try Schedule.onCalendar(CronExpression("30 6 * * mon-fri"), timezone: "UTC") == .success("Mon,Tue,Wed,Thu,Fri *-*-* 06:30:00 UTC"))
    #expect(try Schedule.onCalendar(CronExpression("0 7 1-5 * *"), timezone: "UTC") == .success("*-*-01..05 07:00:00 UTC"))
    guard case .failure = try Schedule.onCalendar(CronExpression("*/5 * * * *"), timezone: "UTC") else {
      Issue.record("steps should be explained, not converted")
      return
    }
    let both = try Schedule.systemdUnits(job: job("0 7 5 * 1"), jobPath: "/j.yaml", binary: "/b")
    #expect(both.timer == nil)
    #expect(both.notes.first?.contains("EITHER") == true)
  }

  @Test func noScheduleIsAnError() {
    let (plain, _) = JobLoader.load(yaml: "version: 1\ndata: d\nlayouts: [a]\noutput: o\n", file: "/j.yaml")
    #expect(throws: Schedule.Problem.self) { try Schedule.crontabEntry(job: plain!, jobPath: "/j.yaml", binary: "/b") }
  }

  /// `working_day` and `calendar` under `schedule:`; a calendar path is relative to the job file.
  @Test func jobFileKeys() throws {
    let named = job(extra: "  working_day: 5\n  calendar: cn-mainland\n").schedule
    #expect(named?.workingDay == 5)
    #expect(named?.calendar == "cn-mainland")
    let path = job(extra: "  calendar: cal/holidays.csv\n").schedule
    #expect(path?.calendar == "/srv/jobs/cal/holidays.csv")
    let (_, findings) = JobLoader.load(
      yaml: "version: 1\ndata: d\nlayouts: [a]\noutput: o\nschedule: {cron: '0 7 * * *', working_day: 24}\n", file: "/j.yaml")
    #expect(findings.map(\.message.code) == ["wrong-type"])
  }
}
