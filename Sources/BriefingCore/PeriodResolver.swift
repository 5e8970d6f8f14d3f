// MARK: - Choosing the period of a sheet

/// The one answer to "which period?" for every command (`render`, `run`, chart sets): the
/// period asked for when there is one, else the latest period of the data.
///
/// Rules, in order:
/// 1. Only periods the data has for the regions compared count (`Dataset.periods(observedFor:)`):
///    a period another group alone has would draw a sheet of dashes.
/// 2. An explicit period must be one of them; otherwise `period-not-in-data`, listing what there
///    is and suggesting the period ending in the same month (2024-Q3 → 2024-M09) or else the
///    closest spelling.
/// 3. "Latest" is the latest cumulative (year-to-date) period, full years included: 2024 comes
///    after 2024-M09, and 2024-H1 after 2023. Chinese statistics are released year-to-date and a
///    full year is the last release of its year.
/// 4. When the data has no cumulative period, "latest" is the latest period of any kind
///    (quarters, months) in `Period` order: the later end month first, and for the same end
///    month the shorter span (2024-09 after 2024-Q3).
/// 5. No period at all: `no-periods`.
///
/// Pure: no I/O, no clock.
public enum PeriodResolver {
  // MARK: - Methods

  /// The latest period among `periods` by rules 3 and 4; nil when there is none.
  public static func latest(among periods: some Sequence<Period>) -> Period? {
    var latestCumulative: Period?
    var latestAny: Period?
    for period in periods {
      if period.family == .cumulative, latestCumulative.map({ $0 < period }) ?? true {
        latestCumulative = period
      }
      if latestAny.map({ $0 < period }) ?? true { latestAny = period }
    }
    return latestCumulative ?? latestAny
  }

  /// `requested` when `available` has it, or the latest of `available` when nothing was
  /// requested; otherwise the problem (rules 2 and 5).
  ///
  /// - Parameters:
  ///   - requested: the period asked for (`--period`, `period:` of a job); nil for "latest".
  ///   - available: the periods the data has for the regions compared, in any order.
  public static func resolve(_ requested: Period?, among available: [Period]) -> Result<Period, Problem> {
    let sorted = available.sorted()
    guard let requested else {
      return latest(among: sorted).map { .success($0) } ?? .failure(.noPeriods)
    }
    if sorted.contains(requested) { return .success(requested) }
    // The likeliest intent is the period ending in the same month (2024-Q3 → 2024-M09).
    let codes = sorted.map(\.code)
    let sameEnd = sorted.first { $0.year == requested.year && $0.endMonth == requested.endMonth }
    let suggestion = sameEnd?.code ?? Suggestion.closest(to: requested.code, in: codes)
    return .failure(.notInData(requested, available: sorted, suggestion: suggestion))
  }

  // MARK: - Problems

  /// Why no period could be chosen.
  public enum Problem: Error, Hashable, Sendable {
    /// The requested period is not among `available`; `suggestion` is the likeliest meant.
    case notInData(Period, available: [Period], suggestion: String?)
    /// The data has no period for the regions compared.
    case noPeriods

    /// The problem as an error finding at `location` (the job file, say), with "did you mean".
    public func finding(at location: SourceLocation? = nil) -> Finding {
      switch self {
      case .notInData(let period, let available, let suggestion):
        Finding(
          .error, .periodNotInData(period.code, available: available.map(\.code)), at: location,
          notes: suggestion.map { ["did you mean '\($0)'?"] } ?? [])
      case .noPeriods:
        Finding(.error, .noPeriods, at: location)
      }
    }
  }
}

// MARK: - Periods of some regions

extension Dataset {
  /// Distinct periods with at least one observation of a region in `regions`, ascending.
  ///
  /// Each observation costs a lookup of its period among those found so far; only one of a
  /// period not seen yet looks its region up, so a national file is scanned about as fast as
  /// `periods`.
  public func periods(observedFor regions: Set<RegionID>) -> [Period] {
    var found: Set<Period> = []
    for observation in observations
    where !found.contains(observation.period) && regions.contains(observation.region) {
      found.insert(observation.period)
    }
    return found.sorted()
  }
}

// MARK: - Messages

extension Finding.Message {
  static let noPeriods = Self(code: "no-periods", text: "the data has no period for the regions compared")
  static func periodNotInData(_ code: String, available: [String]) -> Self {
    Self(
      code: "period-not-in-data",
      text: "the data has no period '\(code)' for the regions compared; it has "
        + (available.isEmpty ? "none" : available.joined(separator: ", ")))
  }
}
