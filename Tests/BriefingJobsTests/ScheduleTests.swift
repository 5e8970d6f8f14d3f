import BriefingCore
import Foundation
import Testing

@testable import BriefingJobs

@Suite struct ScheduleTests {
  func job(_ cron: String = "0 7 5 1,4,7,10 *") -> JobFile {
    let (job, findings) = JobLoader.load(
      yaml: "version: 1\ndata: d\nlayouts: [a.yaml]\noutput: o\nschedule:\n  cron: '\(cron)'\n  timezone: Asia/Shanghai\n",
      file: "/srv/jobs/quarterly.yaml")
    #expect(findings.isEmpty, "\(findings)")
    return job!
  }

  @Test func crontabBlock() throws {
    let entry = try Schedule.crontabEntry(job: job(), jobPath: "/srv/jobs/quarterly.yaml", binary: "/usr/local/bin/briefing", home: "/home/stats")
    let lines = entry.split(separator: "\n").map(String.init)
    #expect(lines.first == "# >>> briefing job /srv/jobs/quarterly.yaml >>>")
    #expect(lines.last == "# <<< briefing job /srv/jobs/quarterly.yaml <<<")
    #expect(lines.contains("CRON_TZ=Asia/Shanghai"))
    let command = try #require(lines.first { $0.hasPrefix("0 7 5 1,4,7,10 * ") })
    #expect(command.contains("HOME='/home/stats' XDG_CACHE_HOME='/home/stats/.cache'"))
    #expect(command.contains("flock -n -E 75 '/home/stats/.cache/briefing/quarterly-"))
    #expect(command.contains("'/usr/local/bin/briefing' run '/srv/jobs/quarterly.yaml' --quiet >> '/home/stats/.cache/briefing/quarterly-"))
    #expect(command.hasSuffix(".cron.log' 2>&1"))
  }

  @Test func installIsIdempotentAndReplaces() throws {
    let existing = "MAILTO=ops@example.org\n30 2 * * * /usr/bin/backup\n"
    let entry = try Schedule.crontabEntry(job: job(), jobPath: "/srv/jobs/quarterly.yaml", binary: "/b", home: "/h")
    let once = Schedule.install(entry: entry, into: existing)
    let twice = Schedule.install(entry: entry, into: once)
    #expect(once == twice)
    #expect(once.hasPrefix(existing))
    #expect(once.components(separatedBy: "# >>> briefing job").count == 2)
    let changed = try Schedule.crontabEntry(job: job("0 8 5 1,4,7,10 *"), jobPath: "/srv/jobs/quarterly.yaml", binary: "/b", home: "/h")
    let replaced = Schedule.install(entry: changed, into: twice)
    #expect(replaced.contains("0 8 5 1,4,7,10 *"))
    #expect(!replaced.contains("0 7 5 1,4,7,10 *"))
    #expect(Schedule.uninstall(jobPath: "/srv/jobs/quarterly.yaml", from: replaced) == existing)
    #expect(Schedule.install(entry: entry, into: "") == entry)
  }

  @Test func systemdTimerForQuarterly() throws {
    let units = try Schedule.systemdUnits(job: job(), jobPath: "/srv/jobs/quarterly.yaml", binary: "/usr/local/bin/briefing")
    let timer = try #require(units.timer)
    #expect(timer.contains("OnCalendar=*-01,04,07,10-05 07:00:00 Asia/Shanghai"))
    #expect(timer.contains("Persistent=true"))
    #expect(units.service.contains("ExecStart=/usr/local/bin/briefing run /srv/jobs/quarterly.yaml --quiet"))
    #expect(units.name.hasPrefix("briefing-quarterly-"))
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
}
