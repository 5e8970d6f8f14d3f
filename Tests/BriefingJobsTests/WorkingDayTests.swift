import Foundation
import Testing

@testable import BriefingJobs

@Suite struct WorkingDayTests {
  /// July 2024 starts on a Monday; October 2024 on a Tuesday; June 2024 on a Saturday.
  /// Without a calendar every Monday to Friday works (7 October 2024, a holiday, counts).
  @Test(arguments: [
    ("2024-07-01T08:00:00+08:00", 1),
    ("2024-07-05T08:00:00+08:00", 5),
    ("2024-07-06T08:00:00+08:00", nil),
    ("2024-07-08T08:00:00+08:00", 6),
    ("2024-10-07T08:00:00+08:00", 5),
    ("2024-06-03T08:00:00+08:00", 1),
    ("2024-06-07T08:00:00+08:00", 5),
    ("2024-06-01T08:00:00+08:00", nil),
    // 23:30 UTC on Sunday 30 June is Monday 1 July in Shanghai.
    ("2024-06-30T23:30:00Z", 1),
  ] as [(String, Int?)])
  func ordinal(_ stamp: String, _ expected: Int?) throws {
    let date = try #require(ISO8601DateFormatter().date(from: stamp))
    let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
    #expect(WorkingDay.ordinal(of: date, in: shanghai) == expected)
  }

  // MARK: - With the shipped mainland-China calendar

  /// 2024 (国办发明电〔2023〕7号): 国庆节 1–7 October off, Saturday 12 October worked.
  /// October: Tue 8 = 1, Wed 9 = 2, Thu 10 = 3, Fri 11 = 4, Sat 12 (make-up) = 5.
  /// Monday 7 October, which Monday–Friday counting made the 5th, is a holiday.
  @Test func october2024() throws {
    let calendar = try shipped()
    #expect(WorkingDay.nth(5, year: 2024, month: 10, calendar: calendar) == date("2024-10-12"))
    #expect(WorkingDay.ordinal(of: date("2024-10-07"), calendar: calendar) == nil)
    #expect(WorkingDay.ordinal(of: date("2024-10-12"), calendar: calendar) == 5)
    #expect(WorkingDay.ordinal(of: date("2024-10-08"), calendar: calendar) == 1)
    #expect(WorkingDay.nth(5, year: 2024, month: 10) == date("2024-10-07"), "Monday–Friday only")
  }

  /// 2025 (国办发明电〔2024〕12号): 国庆节、中秋节 1–8 October off, Saturday 11 October worked.
  /// October: Thu 9 = 1, Fri 10 = 2, Sat 11 (make-up) = 3, Mon 13 = 4, Tue 14 = 5.
  /// February: 春节 until Tue 4 February; Wed 5 = 1, Thu 6 = 2, Fri 7 = 3, Sat 8 (make-up) = 4.
  @Test func october2025() throws {
    let calendar = try shipped()
    #expect(WorkingDay.nth(5, year: 2025, month: 10, calendar: calendar) == date("2025-10-14"))
    #expect(WorkingDay.ordinal(of: date("2025-10-11"), calendar: calendar) == 3)
    #expect(WorkingDay.ordinal(of: date("2025-10-08"), calendar: calendar) == nil)
    #expect(WorkingDay.nth(4, year: 2025, month: 2, calendar: calendar) == date("2025-02-08"))
  }

  /// 2026 (notice of 4 November 2025): 元旦 1–3 January off, Sunday 4 January worked, so the
  /// year's first working day is a Sunday; Sun 4 = 1, Mon 5 = 2, Tue 6 = 3, Wed 7 = 4, Thu 8 = 5.
  /// October: 国庆节 1–7 off, Saturday 10 worked; Thu 8 = 1, Fri 9 = 2, Sat 10 = 3, Mon 12 = 4, Tue 13 = 5.
  @Test func januaryAndOctober2026() throws {
    let calendar = try shipped()
    #expect(WorkingDay.nth(1, year: 2026, month: 1, calendar: calendar) == date("2026-01-04"))
    #expect(WorkingDay.nth(5, year: 2026, month: 1, calendar: calendar) == date("2026-01-08"))
    #expect(WorkingDay.nth(5, year: 2026, month: 10, calendar: calendar) == date("2026-10-13"))
    #expect(WorkingDay.ordinal(of: date("2026-10-10"), calendar: calendar) == 3)
  }

  /// The guard `run --on-working-day` applies: go, skip (naming the day), or stop when the
  /// calendar does not cover the year (never a silent Monday–Friday answer).
  @Test func decision() throws {
    let calendar = try shipped()
    #expect(WorkingDay.decide(5, on: date("2024-10-12"), calendar: calendar) == .go)
    #expect(WorkingDay.decide(5, on: date("2024-10-07"), calendar: calendar) == .skip(nth: date("2024-10-12")))
    #expect(WorkingDay.decide(5, on: date("2027-01-07"), calendar: calendar) == .uncovered(year: 2027))
    #expect(WorkingDay.decide(5, on: date("2027-01-07"), calendar: nil) == .go)
    #expect(WorkingDay.decide(23, on: date("2024-02-29"), calendar: calendar) == .skip(nth: nil))
  }

  /// Instants are read in the schedule's zone: 23:30 UTC on 11 October 2024 is Saturday 12
  /// October in Shanghai, the 5th working day.
  @Test func instantInZone() throws {
    let instant = try #require(ISO8601DateFormatter().date(from: "2024-10-11T23:30:00Z"))
    let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
    #expect(WorkingDay.ordinal(of: instant, in: shanghai, calendar: try shipped()) == 5)
    #expect(WorkingDay.ordinal(of: instant, in: TimeZone(identifier: "UTC")!, calendar: try shipped()) == 4)
  }

  func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }
}

/// The shipped `Calendars/cn-mainland.csv` of this checkout.
func shipped() throws -> HolidayCalendar {
  let (calendar, findings) = HolidayCalendar.load("cn-mainland", shippedFolders: [shippedFolder()])
  #expect(findings.isEmpty, "\(findings)")
  return try #require(calendar)
}

@Suite struct CivilDateTests {
  /// Weekdays and day counts against Foundation's Gregorian calendar, 1999–2031 day by day.
  @Test func agreesWithFoundation() throws {
    var gregorian = Calendar(identifier: .gregorian)
    gregorian.timeZone = try #require(TimeZone(identifier: "UTC"))
    let start = try #require(CivilDate(iso: "1999-01-01"))
    for offset in 0..<(33 * 366) {
      let date = start.adding(days: offset)
      let instant = Date(timeIntervalSince1970: Double(date.daysSinceEpoch) * 86_400)
      let parts = gregorian.dateComponents([.year, .month, .day, .weekday], from: instant)
      #expect([parts.year, parts.month, parts.day] == [date.year, date.month, date.day])
      #expect(parts.weekday! == date.weekday % 7 + 1, "\(date)")
    }
  }

  @Test func parsing() {
    #expect(CivilDate(iso: "2024-02-29")?.description == "2024-02-29")
    for bad in ["2025-02-29", "2024-13-01", "2024-1-01", "24-01-01", "2024-01-01x", "２０２４-01-01"] {
      #expect(CivilDate(iso: bad) == nil, "\(bad)")
    }
  }
}
