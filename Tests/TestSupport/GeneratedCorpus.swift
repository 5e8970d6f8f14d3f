import BriefingCore
import BriefingIngest
import Foundation

// MARK: - Generated data sets

/// One generated data set in the files a user would bring (CSV text), with the shape it was
/// drawn from. Shapes cover what outside panels bring: 1 to 150 members, 1 to 60 periods, names
/// of 20+ CJK or 40+ Latin characters in Simplified, Traditional or English metadata, ties in
/// printed figures, negative, missing, masked and all-equal values, lower-is-better, neutral,
/// rates, 5-yearly spacing, unknown unit labels, annual targets, red lines, townships with tasks,
/// with and without an indicators file. Values are drawn from the seed: a seed and a shape give
/// the same bytes on every machine.
public struct GeneratedCorpus: Sendable {
  // MARK: - Properties

  public var seed: UInt64
  public var shape: Shape
  public var observations: String
  public var regions: String
  public var indicators: String?
  /// Region ids of the members, in order (the first is the townships' parent).
  public var memberIDs: [String]

  public var calendar: Calendar { shape.calendar }

  // MARK: - Initialization

  /// Group sizes of the cross-phase corpus.
  public static let sizes = [1, 2, 3, 9, 17, 52, 60]
  /// Calendars of the cross-phase corpus.
  public static let calendars: [Calendar] = [.yearly, .fiveYearly, .halfYear]

  /// A data set of the cross-phase corpus: the shape is the seed's place in the cross product
  /// of `sizes` × `calendars` (21 seeds cover every pair; odd seeds bring an indicators file),
  /// with `consistencyIndicators`, Simplified names and no targets; the values are drawn from
  /// the seed.
  public init(seed: UInt64) {
    let n = Int(seed % 21)
    let shape = Shape(
      members: Self.sizes[n % Self.sizes.count],
      calendar: Self.calendars[n / Self.sizes.count % Self.calendars.count],
      indicators: Self.consistencyIndicators, indicatorsFile: seed % 2 == 1, targets: false)
    self.init(seed: seed, shape: shape)
  }

  /// Draws a data set of `shape` from `seed`.
  public init(seed: UInt64, shape: Shape) {
    var rng = SeededGenerator(seed: seed)
    // Targets, townships and all-equal values draw from their own stream, so the values of a
    // shape without them stay what they were.
    var extra = SeededGenerator(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 7)
    self.seed = seed
    self.shape = shape
    let naming = Naming(shape.names)
    let numbered = shape.names.script == .simplified && !shape.names.long
    memberIDs = (1...shape.members).map { n in
      numbered ? naming.member(n) : String(format: "r%03d", n)
    }
    let townshipIDs = (0..<shape.townships).map { String(format: "t%03d", $0 + 1) }
    regions = Self.regionsFile(
      memberIDs: memberIDs, townshipIDs: townshipIDs, naming: naming, rng: &rng)
    indicators = shape.indicatorsFile ? Self.indicatorsFile(shape) : nil
    observations = Self.observationsFile(
      shape, memberIDs: memberIDs, townshipIDs: townshipIDs, rng: &rng, extra: &extra)
  }

  /// The data set as the loader reads it.
  public var files: (observations: InputFile, regions: InputFile, indicators: InputFile?) {
    (
      InputFile(path: "gen-\(seed)/observations.csv", bytes: Array(observations.utf8)),
      InputFile(path: "gen-\(seed)/regions.csv", bytes: Array(regions.utf8)),
      indicators.map { InputFile(path: "gen-\(seed)/indicators.csv", bytes: Array($0.utf8)) }
    )
  }

  /// Writes the data set's files into `folder` (created when missing): a data folder for
  /// `briefing --data`.
  public func write(to folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try observations.write(toFile: folder + "/observations.csv", atomically: true, encoding: .utf8)
    try regions.write(toFile: folder + "/regions.csv", atomically: true, encoding: .utf8)
    if let indicators {
      try indicators.write(toFile: folder + "/indicators.csv", atomically: true, encoding: .utf8)
    }
  }

  // MARK: - Files

  private static func regionsFile(
    memberIDs: [String], townshipIDs: [String], naming: Naming, rng: inout SeededGenerator
  ) -> String {
    // The group's own metadata decides the frame word (全省 / 全国 / a macro-region's label).
    let count = memberIDs.count
    let group: [String]
    switch (Int.random(in: 0..<3, using: &rng), naming.names.script) {
    case (0, .english):
      group = [
        "G", "Central Plains", "Central", "", "", "province", "", "the \(count) prefectures",
      ]
    case (1, .english):
      group = ["G", "The Federation", "Federation", "", "", "country", "", "the \(count) states"]
    case (_, .english):
      group = ["G", "Lake Region", "Lakes", "", "", "frame", "", "the \(count) Lake Region states"]
    case (0, .traditional): group = ["G", "甘肅省", "甘肅", "", "", "province", "", "全省\(count)個市州"]
    case (1, .traditional): group = ["G", "中國", "中國", "", "", "country", "", "全國\(count)個省份"]
    case (_, .traditional): group = ["G", "華南", "華南", "", "", "frame", "", "華南地區\(count)個省份"]
    case (0, .simplified): group = ["G", "甘肃省", "甘肃", "", "", "province", "", "全省\(count)个市州"]
    case (1, .simplified): group = ["G", "中国", "中国", "", "", "country", "", "全国\(count)个省份"]
    case (_, .simplified): group = ["G", "华南", "华南", "", "", "frame", "", "华南地区\(count)个省份"]
    }
    var rows = [
      ["id", "name", "short_name", "aliases", "parent", "level", "frames", "label"], group,
    ]
    for (index, id) in memberIDs.enumerated() {
      let name = naming.member(index + 1)
      let label = index == 0 && !townshipIDs.isEmpty ? naming.townshipsLabel(townshipIDs.count) : ""
      rows.append([id, name, naming.short(name, index + 1), "", "G", "county", "", label])
    }
    for (index, id) in townshipIDs.enumerated() {
      let name = naming.township(index + 1)
      rows.append([
        id, name, naming.short(name, index + 1, township: true), "", memberIDs[0], "township", "",
        "",
      ])
    }
    return CSV.text(rows)
  }

  private static func indicatorsFile(_ shape: Shape) -> String {
    var rows = [["id", "name", "unit", "polarity", "aggregate", "kind", "main", "redline"]]
    let naming = Naming(shape.names)
    for (index, indicator) in shape.indicators.enumerated() {
      rows.append([
        indicator.id, indicator.name(shape.names, long: naming.isLong(index + 1)),
        naming.unit(indicator.unit), indicator.polarity, indicator.aggregate, indicator.kind,
        indicator.main ? "yes" : "no", indicator.redLine.map { "\($0)" } ?? "",
      ])
    }
    return CSV.text(rows)
  }

  private static func observationsFile(
    _ shape: Shape, memberIDs: [String], townshipIDs: [String], rng: inout SeededGenerator,
    extra: inout SeededGenerator
  ) -> String {
    let withTargets = shape.targets || !townshipIDs.isEmpty
    var lines = [
      withTargets
        ? "region,period,indicator,value,unit,target" : "region,period,indicator,value,unit"
    ]
    let naming = Naming(shape.names)
    let periods = shape.calendar.periods
    let lastYear = periods.last.flatMap { Period(code: $0)?.year }
    let values = shape.values
    for indicator in shape.indicators where !indicator.task {
      let unit = CSV.field(naming.unit(indicator.unit))
      // Growth rates drawn from few one-decimal figures, so computed growths tie in print
      // while their binary values differ (7.2 vs 7.199999999999999).
      let growthChoices = [-3.5, 0.0, 1.25, 4.4, 7.2, 7.2, 12.5]
      // Annual targets of the last year (main flows only), one per member.
      var targets: [String: Double] = [:]
      if shape.targets, indicator.main, indicator.kind == "flow" {
        for id in memberIDs {
          targets[id] = indicator.scale * Double.random(in: 1.2...2.6, using: &extra)
        }
      }
      var previous: [String: Double] = [:]
      for (step, period) in periods.enumerated() {
        var written: [Double] = []
        let target = { (id: String) -> String in
          guard withTargets else { return "" }
          guard Period(code: period)?.year == lastYear, let value = targets[id] else { return "," }
          return "," + (DecimalRounding.fixed(value, decimals: indicator.digits) ?? "")
        }
        for id in memberIDs {
          if values.allEqual.contains(indicator.id) {
            let value = DecimalRounding.rounded(
              indicator.scale * (1 + 0.05 * Double(step)), decimals: indicator.digits)
            let text = DecimalRounding.fixed(value, decimals: indicator.digits) ?? ""
            lines.append("\(id),\(period),\(indicator.id),\(text),\(unit)\(target(id))")
            continue
          }
          let draw = Double.random(in: 0..<1, using: &rng)
          if draw < values.missing {
            lines.append("\(id),\(period),\(indicator.id),,\(unit)\(target(id))")
            continue
          }
          if draw < values.missing + values.masked {
            lines.append("\(id),\(period),\(indicator.id),*,\(unit)\(target(id))")
            continue
          }
          var value: Double
          if draw < values.missing + values.masked + values.tied,
            let tied = written.randomElement(using: &rng)
          {
            value = tied  // the same printed figure as another member
          } else if let before = previous[id], Double.random(in: 0..<1, using: &rng) < 0.8 {
            let growth = growthChoices.randomElement(using: &rng) ?? 0
            value = before * (1 + growth / 100)
          } else {
            value = Double.random(in: 0.2...1.8, using: &rng) * indicator.scale
            if indicator.signed, Double.random(in: 0..<1, using: &rng) < values.negative {
              value = -value
            }
          }
          value = DecimalRounding.rounded(value, decimals: indicator.digits)
          previous[id] = value
          written.append(value)
          let text = DecimalRounding.fixed(value, decimals: indicator.digits) ?? ""
          lines.append("\(id),\(period),\(indicator.id),\(text),\(unit)\(target(id))")
        }
      }
    }
    // Township tasks: the last period's value and the annual target; some not reported.
    if let last = periods.last {
      for indicator in shape.indicators where indicator.task {
        let unit = CSV.field(naming.unit(indicator.unit))
        for id in townshipIDs {
          let target = DecimalRounding.fixed(indicator.scale, decimals: indicator.digits) ?? ""
          guard Double.random(in: 0..<1, using: &extra) >= 0.08 else {
            lines.append("\(id),\(last),\(indicator.id),,\(unit),\(target)")
            continue
          }
          let value = indicator.scale * Double.random(in: 0...1.3, using: &extra)
          let text = DecimalRounding.fixed(value, decimals: indicator.digits) ?? ""
          lines.append("\(id),\(last),\(indicator.id),\(text),\(unit),\(target)")
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
