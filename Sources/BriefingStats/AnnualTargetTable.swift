import BriefingCore

// MARK: - Annual target table

/// The annual targets of a comparison by (indicator, year), each a dense array by region
/// number: member rows take theirs by position, and gathering them hashes nothing (a
/// dictionary by (region, indicator, year) held 1.2 M keys for the township data and its
/// hashing was the largest part of the set-up's targets step).
///
/// An (indicator, year) gets its array (one `AnnualTarget?` per region) when one of its
/// observations carries a target, so the table holds at most indicators × years × regions
/// entries, no more than the cells of the comparison (`CompareIndex.cellCount`).
struct AnnualTargetTable: Sendable {
  /// The dataset's distinct years, ascending.
  private let years: [Int]
  /// Per period number: the position of its year in `years`.
  private let yearOfPeriod: [Int]
  private let regionCount: Int
  /// Per (indicator, year position), `indicator * years.count + position`: the targets by region.
  private var slots: [[AnnualTarget?]?]

  init(indicators: Int, periods: [Period], regions: Int) {
    years = Array(Set(periods.map(\.year))).sorted()
    let positions = Dictionary(uniqueKeysWithValues: years.enumerated().map { ($0.element, $0.offset) })
    yearOfPeriod = periods.map { positions[$0.year]! }
    regionCount = regions
    slots = Array(repeating: nil, count: indicators * years.count)
  }

  /// Takes `target` and `growth` into the target of (region, indicator, the year of period
  /// number `p`) by `AnnualTarget.merge` (the first value stays; a different one goes to
  /// `conflicts`).
  mutating func merge(
    region r: Int, indicator i: Int, period p: Int, target: Double?, growth: Double?,
    conflicts: inout [(what: String, first: Double, second: Double)]
  ) {
    let slot = i * years.count + yearOfPeriod[p]
    if slots[slot] == nil { slots[slot] = Array(repeating: nil, count: regionCount) }
    var merged = slots[slot]![r] ?? AnnualTarget()
    merged.merge(target: target, growth: growth, conflicts: &conflicts)
    slots[slot]![r] = merged
  }

  /// The targets of indicator `i` in the year of period number `p`, by region (nil: no region
  /// has one).
  func byRegion(indicator i: Int, period p: Int) -> [AnnualTarget?]? {
    slots[i * years.count + yearOfPeriod[p]]
  }
}
