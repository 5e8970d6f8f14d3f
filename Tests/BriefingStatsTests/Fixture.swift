import BriefingCore
@testable import BriefingStats

// MARK: - Dataset builder

/// A city `市` (level city) with county members (level county), one or more indicators.
/// Observations are written as `(region, period code, value)` with optional extras.
enum Fixture {
  static let city: RegionID = "市"

  static func dataset(
    members: [String], indicators: [Indicator] = [Indicator(id: "gdp")], observations: [Observation]
  ) -> Dataset {
    var regions = [Region(id: city, level: "city")]
    regions += members.map { Region(id: RegionID($0), parent: city, level: "county") }
    return Dataset(regions: regions, indicators: indicators, observations: observations)
  }

  static func obs(
    _ region: String, _ period: String, _ value: Double?, indicator: IndicatorID = "gdp",
    status: ValueStatus = .actual, target: Double? = nil, targetGrowth: Double? = nil,
    official: Double? = nil
  ) -> Observation {
    guard let p = Period(code: period) else { fatalError("bad period \(period)") }
    return Observation(
      region: RegionID(region), period: p, indicator: indicator, value: value, status: status,
      target: target, targetGrowth: targetGrowth, officialGrowth: official)
  }

  /// One period of values for members A, B, C, … (nil = missing).
  static func single(
    _ values: [Double?], period: String = "2024-H1", indicator: Indicator = Indicator(id: "gdp")
  ) -> Dataset {
    let names = values.indices.map { String(UnicodeScalar(UInt8(65 + $0))) }
    return dataset(
      members: names, indicators: [indicator],
      observations: zip(names, values).map { obs($0, period, $1, indicator: indicator.id) })
  }

  static func row(_ table: ComparisonTable, _ region: String, _ period: String = "2024-H1")
    -> ComparisonRow?
  {
    table.rows.first {
      $0.region == RegionID(region) && $0.period.code == period && !$0.isGroupRow
    }
  }

  static func groupRow(_ table: ComparisonTable, _ period: String = "2024-H1") -> ComparisonRow? {
    table.rows.first { $0.isGroupRow && $0.period.code == period }
  }
}

