import BriefingCore

// MARK: - Options

/// A calendar date used as the "as of" moment for time progress (时序进度).
public struct CalendarDate: Hashable, Sendable, Codable {
  public var year: Int
  public var month: Int
  public var day: Int

  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Gregorian leap year.
  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// 365 or 366.
  public var daysInYear: Int { Self.isLeap(year) ? 366 : 365 }

  /// 1-based day of the year (1 January = 1). Month and day are clamped to valid ranges.
  public var dayOfYear: Int {
    let lengths = [31, Self.isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    let m = min(max(month, 1), 12)
    let d = min(max(day, 1), lengths[m - 1])
    return lengths.prefix(m - 1).reduce(0, +) + d
  }

  /// Elapsed share of the year at the end of this day, in 0...1: `dayOfYear / daysInYear`.
  public var elapsedShareOfYear: Double { Double(dayOfYear) / Double(daysInYear) }
}

/// Knobs of `compare`. Defaults follow the conventions of Chinese statistics bureaus.
public struct CompareOptions: Sendable {
  /// Time progress overrides per period, as a share of the year in 0...1 (0.5 = 50%).
  /// Takes precedence over `asOf` and over `Period.elapsedShareOfYear`.
  public var timeProgress: [Period: Double]
  /// When set, periods of `asOf.year` use `asOf.dayOfYear / daysInYear` as time progress
  /// (unless overridden in `timeProgress`). Periods of other years keep `elapsedShareOfYear`.
  public var asOf: CalendarDate?
  /// Official vs computed growth differing by more than this (percentage points) is a warning.
  public var growthMismatchTolerancePp: Double

  public init(
    timeProgress: [Period: Double] = [:], asOf: CalendarDate? = nil,
    growthMismatchTolerancePp: Double = 0.1
  ) {
    self.timeProgress = timeProgress
    self.asOf = asOf
    self.growthMismatchTolerancePp = growthMismatchTolerancePp
  }

  /// Time progress of `period` as a share of the year in 0...1 (see `timeProgress`, `asOf`).
  public func timeProgressShare(for period: Period) -> Double {
    if !timeProgress.isEmpty, let share = timeProgress[period] { return share }
    if let asOf, asOf.year == period.year { return asOf.elapsedShareOfYear }
    return period.elapsedShareOfYear
  }
}
