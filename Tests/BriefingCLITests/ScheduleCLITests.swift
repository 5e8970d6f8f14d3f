import Foundation
import Testing

// MARK: - briefing schedule, and run --on-working-day --calendar

@Suite struct ScheduleCLITests {
  /// A quarterly job at 07:00 Asia/Shanghai on the 5th; `extra` lines go under `schedule:`.
  func job(_ cron: String = "0 7 5 1,4,7,10 *", extra: String = "", data: String = "nowhere") throws -> String {
    let dir = try CLI.scratch()
    let text = """
      version: 1
      data: \(data)
      layouts: [\(CLI.root)/Layouts/half-year-comparison.yaml]
      output: out
      schedule:
        cron: "\(cron)"
        timezone: Asia/Shanghai

      """ + extra
    try text.write(toFile: dir + "/job.yaml", atomically: true, encoding: .utf8)
    return dir + "/job.yaml"
  }

  /// For Debian's cron on a UTC server the line says 23:00 on the 4th and sets no CRON_TZ.
  @Test func debianCronOnAUTCServer() throws {
    let result = try CLI.run(["schedule", try job(), "--cron", "debian", "--server-timezone", "UTC"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("# cron: Debian cron (--cron debian) ignores CRON_TZ"))
    #expect(result.stdout.contains("\n0 23 4 1,4,7,10 * mkdir -p "))
    #expect(!result.stdout.contains("CRON_TZ="))
    #expect(result.stdout.contains("OnCalendar=*-01,04,07,10-05 07:00:00 Asia/Shanghai"))
    #expect(result.stderr.isEmpty)
  }

  @Test func cronieKeepsTheJobsZone() throws {
    let result = try CLI.run(["schedule", try job(), "--cron", "cronie"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("\nCRON_TZ=Asia/Shanghai\n0 7 5 1,4,7,10 * mkdir -p "))
  }

  /// Daylight saving time on the server is a warning on stderr; the timer is recommended.
  @Test func daylightSavingWarns() throws {
    let result = try CLI.run(["schedule", try job(), "--cron", "busybox", "--server-timezone", "Europe/Berlin"])
    #expect(result.status == 0)
    #expect(result.stderr.contains("briefing: warning: Europe/Berlin is not a fixed 7 h behind Asia/Shanghai (daylight saving time)"))
    #expect(result.stdout.contains("# note: recommended here: the systemd timer"))
  }

  /// 07:00 on the 1st in Shanghai is the previous month's last day in UTC: no exact crontab line
  /// without a working-day guard, so none is printed (a warning says why), and --install refuses.
  @Test func noExactLineIsAWarningAndNoInstall() throws {
    let path = try job("0 7 1 * *")
    let result = try CLI.run(["schedule", path, "--cron", "debian", "--server-timezone", "UTC"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("# crontab entry: none"))
    #expect(result.stderr.contains("day 1 falls on the previous month's last day"))
    let install = try CLI.run(["schedule", path, "--cron", "debian", "--server-timezone", "UTC", "--install"])
    #expect(install.status == 65)
  }

  /// The job's calendar is checked when the schedule is made: an error points at file:line:column.
  @Test func badCalendarIsReported() throws {
    let path = try job(extra: "  working_day: 5\n  calendar: holidays.csv\n")
    let calendar = (path as NSString).deletingLastPathComponent + "/holidays.csv"
    try "date,kind,name\n2024-10-01,holliday,国庆节\n".write(toFile: calendar, atomically: true, encoding: .utf8)
    let result = try CLI.run(["schedule", path, "--cron", "cronie"])
    #expect(result.status == 65)
    #expect(result.stderr.contains("holidays.csv:2:12: error: kind 'holliday' is neither 'holiday' nor 'workday' (did you mean 'holiday'?)"))
  }

  @Test func unknownServerZoneIsAUsageError() throws {
    #expect(try CLI.run(["schedule", try job(), "--server-timezone", "Mars/Olympus"]).status == 64)
  }

  // MARK: - The guard

  /// A calendar for a year that is not this one: the guard stops (65) instead of counting
  /// Monday to Friday.
  @Test func uncoveredYearStopsTheRun() throws {
    let path = try job()
    let calendar = (path as NSString).deletingLastPathComponent + "/old.csv"
    try "date,kind,name\n1999-10-01,holiday,国庆节\n".write(toFile: calendar, atomically: true, encoding: .utf8)
    let result = try CLI.run(["run", path, "--on-working-day", "5", "--calendar", calendar])
    #expect(result.status == 65)
    #expect(result.stderr.contains("covers 1999, not "), "\(result.stderr)")
  }

  /// A calendar that makes today the month's only working day (every other day a holiday):
  /// `--on-working-day 2` skips with the reason, `--on-working-day 1` goes on (and then fails on
  /// the missing data folder, 74, which shows it went on).
  @Test func calendarDecidesTheDay() throws {
    let path = try job()
    var shanghai = Calendar(identifier: .gregorian)
    shanghai.timeZone = TimeZone(identifier: "Asia/Shanghai")!
    let today = shanghai.dateComponents([.year, .month, .day], from: Date())
    let days = shanghai.range(of: .day, in: .month, for: Date())!
    let rows = days.map { day in
      String(format: "%04d-%02d-%02d,%@,x", today.year!, today.month!, day, day == today.day! ? "workday" : "holiday")
    }
    let calendar = (path as NSString).deletingLastPathComponent + "/only-today.csv"
    try (["date,kind,name"] + rows).joined(separator: "\n").write(toFile: calendar, atomically: true, encoding: .utf8)
    let skip = try CLI.run(["run", path, "--on-working-day", "2", "--calendar", calendar])
    #expect(skip.status == 0)
    #expect(skip.stderr.contains("is not working day 2 of the month (this month has fewer, with calendar \(calendar))"), "\(skip.stderr)")
    let go = try CLI.run(["run", path, "--on-working-day", "1", "--calendar", calendar])
    #expect(go.status == 74, "\(go.stderr)")
  }

  @Test func calendarNeedsTheGuard() throws {
    #expect(try CLI.run(["run", "job.yaml", "--calendar", "cn-mainland"]).status == 64)
  }

  /// The shipped calendar is found by name from the built binary.
  @Test func shippedCalendarByName() throws {
    let result = try CLI.run(["run", try job(), "--on-working-day", "23", "--calendar", "cn-mainland"])
    // 2024–2026 are covered; later years stop with the coverage message, earlier ones skip.
    #expect(result.status == 0 || result.stderr.contains("covers 2024–2026"), "\(result.stderr)")
    let unknown = try CLI.run(["run", try job(), "--on-working-day", "5", "--calendar", "cn-mainlnd"])
    #expect(unknown.status == 65)
    #expect(unknown.stderr.contains("did you mean 'cn-mainland'?"))
  }
}
