import BriefingCore
import BriefingIngest
import TestSupport

// MARK: - Generated data sets

/// One generated data set in the files a user would bring (CSV text), with the shape it was
/// drawn from. Shapes cover what outside panels bring: 1 to 60 members, ties in printed
/// figures, negative values, missing and masked cells, lower-is-better, neutral, rates,
/// 5-yearly spacing, unknown unit labels, with and without an indicators file.
struct GeneratedCorpus {
  enum Calendar: CaseIterable {
    /// 2019 … 2024, yearly.
    case yearly
    /// 1997, 2002, … 2017: no period has a year-earlier one.
    case fiveYearly
    /// 2023-M03, 2023-H1, 2024-M03, 2024-H1.
    case halfYear

    var periods: [String] {
      switch self {
      case .yearly: (2019...2024).map(String.init)
      case .fiveYearly: stride(from: 1997, through: 2017, by: 5).map(String.init)
      case .halfYear: ["2023-M03", "2023-H1", "2024-M03", "2024-H1"]
      }
    }
  }

  /// An indicator of the generated set: id, name, unit label, polarity, aggregate, decimals
  /// written in the data.
  struct IndicatorShape {
    var id: String
    var name: String
    var unit: String
    var polarity: String
    var aggregate: String
    var kind: String
    /// Fraction digits the generator writes.
    var digits: Int
    /// Typical magnitude.
    var scale: Double
    /// Values may be negative (profits, net flows).
    var signed: Bool
  }

  static let indicatorShapes: [IndicatorShape] = [
    IndicatorShape(
      id: "gdp", name: "地区生产总值", unit: "亿元", polarity: "higher", aggregate: "sum", kind: "flow",
      digits: 2, scale: 800, signed: false),
    IndicatorShape(
      id: "unemployment", name: "城镇登记失业率", unit: "%", polarity: "lower", aggregate: "mean",
      kind: "ratio", digits: 1, scale: 4, signed: false),
    IndicatorShape(
      id: "population", name: "常住人口", unit: "万人", polarity: "neutral", aggregate: "sum", kind: "stock",
      digits: 1, scale: 60, signed: false),
    IndicatorShape(
      id: "income", name: "Income per person", unit: "US$ per person, inflation-adjusted",
      polarity: "higher", aggregate: "mean", kind: "ratio", digits: 0, scale: 42_000, signed: false),
    IndicatorShape(
      id: "profit", name: "规上工业利润", unit: "亿元", polarity: "higher", aggregate: "sum", kind: "flow",
      digits: 1, scale: 20, signed: true),
    IndicatorShape(
      id: "share", name: "城镇化率", unit: "比例(0-1)", polarity: "higher", aggregate: "mean", kind: "ratio",
      digits: 3, scale: 0.6, signed: false),
  ]

  var seed: UInt64
  var memberCount: Int
  var calendar: Calendar
  var withIndicatorsFile: Bool
  var observations: String
  var regions: String
  var indicators: String?
  var memberIDs: [String]

  /// Group sizes of the corpus.
  static let sizes = [1, 2, 3, 9, 17, 52, 60]

  /// Draws a data set from `seed`. The shape is the seed's place in the cross product of
  /// `sizes` × calendars (21 seeds cover every pair; odd seeds bring an indicators file); the
  /// values are drawn from the seed.
  init(seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    self.seed = seed
    let n = Int(seed % 21)
    memberCount = Self.sizes[n % Self.sizes.count]
    calendar = Calendar.allCases[n / Self.sizes.count % Calendar.allCases.count]
    withIndicatorsFile = seed % 2 == 1
    memberIDs = (1...memberCount).map { n in
      n % 7 == 3 ? "某某土家族苗族自治县第\(n)片区" : "县区\(n)"
    }
    regions = Self.regionsFile(memberIDs: memberIDs, rng: &rng)
    indicators = withIndicatorsFile ? Self.indicatorsFile() : nil
    observations = Self.observationsFile(
      memberIDs: memberIDs, periods: calendar.periods, rng: &rng)
  }

  /// The data set as the loader reads it.
  var files: (observations: InputFile, regions: InputFile, indicators: InputFile?) {
    (
      InputFile(path: "gen-\(seed)/observations.csv", bytes: Array(observations.utf8)),
      InputFile(path: "gen-\(seed)/regions.csv", bytes: Array(regions.utf8)),
      indicators.map { InputFile(path: "gen-\(seed)/indicators.csv", bytes: Array($0.utf8)) }
    )
  }

  // MARK: - Files

  private static func regionsFile(memberIDs: [String], rng: inout SeededGenerator) -> String {
    // The group's own metadata decides the frame word (全省 / 全国 / a macro-region's label).
    let group: String
    switch Int.random(in: 0..<3, using: &rng) {
    case 0: group = "G,甘肃省,甘肃,,,province,,全省\(memberIDs.count)个市州"
    case 1: group = "G,中国,中国,,,country,,全国\(memberIDs.count)个省份"
    default: group = "G,华南,华南,,,frame,,华南地区\(memberIDs.count)个省份"
    }
    var lines = ["id,name,short_name,aliases,parent,level,frames,label", group]
    for (n, id) in memberIDs.enumerated() { lines.append("\(id),\(id),\(id.count > 6 ? "某某\(n + 1)" : id),,G,county,,") }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func indicatorsFile() -> String {
    var lines = ["id,name,unit,polarity,aggregate,kind,main"]
    for shape in indicatorShapes {
      lines.append("\(shape.id),\(shape.name),\"\(shape.unit)\",\(shape.polarity),\(shape.aggregate),\(shape.kind),1")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func observationsFile(
    memberIDs: [String], periods: [String], rng: inout SeededGenerator
  ) -> String {
    var lines = ["region,period,indicator,value,unit"]
    for shape in indicatorShapes {
      // Growth rates drawn from few one-decimal figures, so computed growths tie in print
      // while their binary values differ (7.2 vs 7.199999999999999).
      let growthChoices = [-3.5, 0.0, 1.25, 4.4, 7.2, 7.2, 12.5]
      var previous: [String: Double] = [:]
      for period in periods {
        var written: [Double] = []
        for id in memberIDs {
          let draw = Double.random(in: 0..<1, using: &rng)
          if draw < 0.04 {
            lines.append("\(id),\(period),\(shape.id),,\"\(shape.unit)\"")
            continue
          }
          if draw < 0.07 {
            lines.append("\(id),\(period),\(shape.id),*,\"\(shape.unit)\"")
            continue
          }
          var value: Double
          if draw < 0.2, let tied = written.randomElement(using: &rng) {
            value = tied  // the same printed figure as another member
          } else if let before = previous[id], Double.random(in: 0..<1, using: &rng) < 0.8 {
            let growth = growthChoices.randomElement(using: &rng) ?? 0
            value = before * (1 + growth / 100)
          } else {
            value = Double.random(in: 0.2...1.8, using: &rng) * shape.scale
            if shape.signed, Double.random(in: 0..<1, using: &rng) < 0.25 { value = -value }
          }
          value = DecimalRounding.rounded(value, decimals: shape.digits)
          previous[id] = value
          written.append(value)
          let text = DecimalRounding.fixed(value, decimals: shape.digits) ?? ""
          lines.append("\(id),\(period),\(shape.id),\(text),\"\(shape.unit)\"")
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
