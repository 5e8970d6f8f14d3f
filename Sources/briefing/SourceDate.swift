import BriefingCore

#if canImport(Glibc)
  import Glibc
#endif

// MARK: - Creation dates

/// The PDF creation date: `SOURCE_DATE_EPOCH` (seconds, UTC) when set, otherwise the last day
/// of the reported period, so that the same inputs give the same bytes. ISO-8601 with offset.
enum SourceDate {
  static func creationDate(for period: Period?) -> String {
    if let raw = getenv("SOURCE_DATE_EPOCH"), let seconds = Int(String(cString: raw)) {
      return iso8601(epochSeconds: seconds)
    }
    guard let period else { return "2000-01-01T00:00:00+00:00" }
    let days = [31, isLeap(period.year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    let month = period.endMonth
    return "\(period.year)-\(two(month))-\(two(days[month - 1]))T00:00:00+00:00"
  }

  /// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm), UTC.
  static func iso8601(epochSeconds: Int) -> String {
    let days = epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400
    let secondsOfDay = epochSeconds - days * 86_400
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    let time = "\(two(secondsOfDay / 3600)):\(two(secondsOfDay % 3600 / 60)):\(two(secondsOfDay % 60))"
    return "\(year)-\(two(month))-\(two(day))T\(time)+00:00"
  }

  private static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
