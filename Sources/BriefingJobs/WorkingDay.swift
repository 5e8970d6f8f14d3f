import Foundation

// MARK: - Working days

/// "The 5th working day after quarter end" for cron, which cannot say it: the crontab fires on
/// every day of the month and `briefing run --on-working-day 5` goes on only on the 5th.
///
/// Without a calendar the working days are Monday to Friday. With a `HolidayCalendar` its
/// holidays do not count and its make-up working days (调休, often a Saturday or Sunday) do: in
/// October 2024 the 5th working day was Saturday the 12th, not Monday the 7th (a holiday).
public enum WorkingDay {
  /// What `run --on-working-day N` does on a given day.
  public enum Decision: Hashable, Sendable {
    /// The day is the Nth working day of its month.
    case go
    /// It is not; `nth` is this month's Nth working day (nil when the month has fewer).
    case skip(nth: CivilDate?)
    /// The calendar has no rows for the day's year: counting would silently ignore its holidays.
    case uncovered(year: Int)
  }

  /// The position of the day `instant` falls on in `timeZone` among its month's working days
  /// (1 = the first), or nil when that day is not a working day.
  public static func ordinal(of instant: Date, in timeZone: TimeZone, calendar: HolidayCalendar? = nil) -> Int? {
    ordinal(of: CivilDate(instant, in: timeZone), calendar: calendar)
  }

  /// The position of `date` among its month's working days (1 = the first), or nil when it is
  /// not a working day.
  public static func ordinal(of date: CivilDate, calendar: HolidayCalendar? = nil) -> Int? {
    guard isWorking(date, calendar) else { return nil }
    return (1...date.day).count { isWorking(CivilDate(year: date.year, month: date.month, day: $0)!, calendar) }
  }

  /// The `n`th working day (1-based) of `month` in `year`, or nil when the month has fewer.
  public static func nth(_ n: Int, year: Int, month: Int, calendar: HolidayCalendar? = nil) -> CivilDate? {
    var seen = 0
    for day in 1...CivilDate.days(inMonth: month, of: year) {
      let date = CivilDate(year: year, month: month, day: day)!
      if isWorking(date, calendar) {
        seen += 1
        if seen == n { return date }
      }
    }
    return nil
  }

  /// Whether `date` is the `n`th working day of its month; `.uncovered` when `calendar` has no
  /// rows for its year.
  public static func decide(_ n: Int, on date: CivilDate, calendar: HolidayCalendar?) -> Decision {
    if let calendar, !calendar.covers(year: date.year) { return .uncovered(year: date.year) }
    if ordinal(of: date, calendar: calendar) == n { return .go }
    return .skip(nth: nth(n, year: date.year, month: date.month, calendar: calendar))
  }

  private static func isWorking(_ date: CivilDate, _ calendar: HolidayCalendar?) -> Bool {
    calendar?.isWorkingDay(date) ?? !date.isWeekend
  }
}
