import Foundation
import Testing

@testable import BriefingJobs

private let systemdAnalyze = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first {
  FileManager.default.isExecutableFile(atPath: $0)
}

/// The `OnCalendar=` values `briefing schedule` writes, checked by systemd itself: systemd-analyze
/// must accept each one and name the same next runs as the cron expression does.
@Suite(.enabled(if: systemdAnalyze != nil, "systemd-analyze is not installed: OnCalendar= values NOT validated"))
struct SystemdCalendarTests {

  /// 1 January 2024, 00:00 UTC.
  static let base = Date(timeIntervalSince1970: 1_704_067_200)

  @Test(arguments: [
    ("0 7 5 1,4,7,10 *", "Asia/Shanghai"),
    ("0 7 * 1,4,7,10 *", "Asia/Shanghai"),
    ("30 6 * * mon-fri", "UTC"),
    ("0 7 1-5 * *", "Asia/Shanghai"),
    ("0,30 9-17 * * 1-5", "Asia/Shanghai"),
    ("0 7 5 jan,jul *", "Asia/Shanghai"),
    ("@daily", "UTC"),
    ("15 7,19 * * sun", "Asia/Shanghai"),
  ])
  func systemdAgrees(_ text: String, _ zone: String) throws {
    let cron = try CronExpression(text)
    guard case .success(let calendar) = Schedule.onCalendar(cron, timezone: zone) else {
      Issue.record("no OnCalendar= for \(text)")
      return
    }
    let (status, output) = try analyze(calendar, iterations: 5)
    #expect(status == 0, "\(output)")
    #expect(elapses(output) == Self.nextRuns(cron, zone: TimeZone(identifier: zone)!, count: 5), "\(calendar)\n\(output)")
  }

  /// The timer `schedule` generates for the quarterly job: 07:00 Shanghai on the 5th is 23:00 UTC
  /// on the 4th, four times a year.
  @Test func generatedTimer() throws {
    let (job, _) = JobLoader.load(
      yaml: "version: 1\ndata: d\nlayouts: [a]\noutput: o\nschedule: {cron: '0 7 5 1,4,7,10 *', timezone: Asia/Shanghai}\n", file: "/j.yaml")
    let timer = try #require(try Schedule.systemdUnits(job: job!, jobPath: "/j.yaml", binary: "/b").timer)
    let line = try #require(timer.split(separator: "\n").first { $0.hasPrefix("OnCalendar=") })
    let (status, output) = try analyze(String(line.dropFirst("OnCalendar=".count)), iterations: 4)
    #expect(status == 0)
    #expect(elapses(output) == ["2024-01-04 23:00:00", "2024-04-04 23:00:00", "2024-07-04 23:00:00", "2024-10-04 23:00:00"])
  }

  /// `systemd-analyze calendar` from `base`, in UTC.
  func analyze(_ calendar: String, iterations: Int) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: systemdAnalyze!)
    process.arguments = ["calendar", "--iterations=\(iterations)", "--base-time=2024-01-01 00:00:00 UTC", calendar]
    process.environment = ["TZ": "UTC", "LC_ALL": "C", "SYSTEMD_COLORS": "0", "PATH": "/usr/bin:/bin"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// `YYYY-MM-DD HH:MM:SS` of each "Next elapse" / "Iter. #n" line.
  func elapses(_ output: String) -> [String] {
    output.split(separator: "\n").filter { $0.contains("Next elapse:") || $0.contains("Iter. #") }.map { line in
      let words = line.split(separator: " ")
      return words.count >= 3 ? words[words.count - 3] + " " + words[words.count - 2] : String(line)
    }
  }

  /// The cron expression's own next runs after `base` (as systemd counts: strictly after), in UTC (both zones here have no DST).
  static func nextRuns(_ cron: CronExpression, zone: TimeZone, count: Int) -> [String] {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let start = CivilDate(base, in: zone)
    var runs: [Date] = []
    for offset in -1...800 where runs.count < count * 4 {
      let day = start.adding(days: offset)
      guard cron.fires(on: day) else { continue }
      for hour in cron.values[1] {
        for minute in cron.values[0] {
          let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute))!
          if date > base { runs.append(date) }
        }
      }
    }
    let format = DateFormatter()
    format.locale = Locale(identifier: "en_US_POSIX")
    format.timeZone = TimeZone(identifier: "UTC")
    format.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return runs.sorted().prefix(count).map { format.string(from: $0) }
  }
}
