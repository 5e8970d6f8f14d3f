import Foundation

// MARK: - Working days

/// "The 5th working day after quarter end" for cron, which cannot say it: the crontab fires on
/// every weekday of the month and `briefing run --on-working-day 5` goes on only on the 5th.
/// Working days are Monday to Friday; public holidays and make-up working days (调休) are not
/// known to the tool.
public enum WorkingDay {
  /// The position of `date`'s day among the working days of its month in `timeZone` (1 = the
  /// month's first weekday), or nil on a Saturday or Sunday.
  public static func ordinal(of date: Date, in timeZone: TimeZone) -> Int? {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
    guard let day = parts.day, let weekday = parts.weekday, isWorking(weekday) else { return nil }
    // Weekday of the 1st: step back (day − 1) days from today's (1 = Sunday … 7 = Saturday).
    let firstWeekday = ((weekday - 1 - (day - 1)) % 7 + 7) % 7 + 1
    return (0..<day).filter { isWorking((firstWeekday - 1 + $0) % 7 + 1) }.count
  }

  /// Monday (2) to Friday (6) in Foundation's numbering.
  private static func isWorking(_ weekday: Int) -> Bool { (2...6).contains(weekday) }
}
