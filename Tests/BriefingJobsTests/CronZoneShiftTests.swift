import Foundation
import Testing

@testable import BriefingJobs

@Suite struct CronZoneShiftTests {
  /// Asia/Shanghai → UTC is −480 minutes; UTC → Asia/Kolkata +330.
  @Test(arguments: [
    ("0 7 5 1,4,7,10 *", -480, ["0 23 4 1,4,7,10 *"]),
    ("30 6 * * mon-fri", -480, ["30 22 * * 0-4"]),
    ("0 7,9 * * *", -480, ["0 1,23 * * *"]),
    ("0 7,9 * * 1", -480, ["0 23 * * 0", "0 1 * * 1"]),
    ("30 7 * * *", 330, ["0 13 * * *"]),
    ("*/15 7 * * *", -480, ["0,15,30,45 23 * * *"]),
    ("0 20 27 * 5", 480, ["0 4 28 * 6"]),
    ("0 7 5 1,4,7,10 *", 0, ["0 7 5 1,4,7,10 *"]),
  ])
  func exact(_ cron: String, _ minutes: Int, _ expected: [String]) throws {
    let shift = try CronExpression(cron).shifted(byMinutes: minutes)
    #expect(shift.expressions.map(\.text) == expected)
    #expect(shift.widenings.isEmpty)
  }

  /// Firings that cross a month's end cannot be said exactly: the lines fire on a superset of
  /// days, and each reason is given.
  @Test(arguments: [
    ("0 7 1 * *", -480, ["0 23 28-31 * *"], 1),
    ("0 7 1 1,4,7,10 *", -480, ["0 23 28-31 1,3,4,6,7,9,10,12 *"], 2),
    ("0 7 * 1 *", -480, ["0 23 * 1,12 *"], 1),
    ("0 20 31 * *", 480, ["0 4 1 * *"], 1),
    ("0 7 30 * *", -480, ["0 23 29 * *"], 1),
  ])
  func widened(_ cron: String, _ minutes: Int, _ expected: [String], _ reasons: Int) throws {
    let shift = try CronExpression(cron).shifted(byMinutes: minutes)
    #expect(shift.expressions.map(\.text) == expected)
    #expect(shift.widenings.count == reasons, "\(shift.widenings)")
  }

  @Test func stepInADayFieldIsRefused() {
    #expect(throws: CronError.self) { try CronExpression("0 7 */2 * 1").shifted(byMinutes: -480) }
  }

  /// Every firing in 2024–2025 of the original, moved by the offset, is a firing of the result;
  /// for exact results the converse holds too (nothing extra).
  @Test(arguments: [
    "0 7 5 1,4,7,10 *", "30 6 * * mon-fri", "0 7,9 * * 1", "0 7 * 1,4,7,10 *", "0 7 1 1,4,7,10 *", "15 0,12 28 2 *",
    "0 7 5 * 1", "0 20 31 * *", "45 23 * 12 0",
  ])
  func firingsMatch(_ cron: String) throws {
    let original = try CronExpression(cron)
    for minutes in [-480, -420, 330, 480, 60] {
      let shift = try original.shifted(byMinutes: minutes)
      let moved = Set(firings(original).map { $0 + minutes })
      let result = Set(shift.expressions.flatMap(firings))
      let window = (first + 2 * 1440)...(last - 2 * 1440)
      #expect(moved.filter(window.contains).isSubset(of: result), "\(cron) by \(minutes)")
      if shift.widenings.isEmpty {
        #expect(result.filter(window.contains).isSubset(of: moved), "\(cron) by \(minutes): extra firings")
      }
    }
  }

  let first = CivilDate(iso: "2024-01-01")!.daysSinceEpoch * 1440
  let last = CivilDate(iso: "2025-12-31")!.daysSinceEpoch * 1440

  /// Minutes since 1970 of every firing in 2024–2025, the clock read as UTC.
  func firings(_ cron: CronExpression) -> [Int] {
    var result: [Int] = []
    for day in (first / 1440)...(last / 1440) where cron.fires(on: CivilDate(daysSinceEpoch: day)) {
      for hour in cron.values[1] { for minute in cron.values[0] { result.append(day * 1440 + hour * 60 + minute) } }
    }
    return result
  }
}
