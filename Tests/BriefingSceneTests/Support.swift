import BriefingCore
import BriefingStats
import Testing

@testable import BriefingScene

// MARK: - Fixtures

/// Hand-built comparison rows (compare() is written elsewhere).
enum Fixtures {
  static let period = Period(year: 2024, kind: .cumulative(through: 6))
  static let group: RegionID = "泸州市"
  static let gdp = Indicator(id: "gdp", name: "地区生产总值", unit: .yiYuan, decimals: 1)
  static let energy = Indicator(
    id: "energy", name: "单位GDP能耗", unit: Unit.parse("吨标准煤/万元"), polarity: .lower, decimals: 2)

  /// (id, name, short name, value, growth %)
  static let luzhou: [(String, String, String, Double?, Double?)] = [
    ("江阳区", "江阳区", "江阳", 412.3, 6.6),
    ("纳溪区", "纳溪区", "纳溪", 150.2, 5.1),
    ("龙马潭区", "龙马潭区", "龙马潭", 260.8, 7.9),
    ("泸县", "泸县", "泸县", 280.1, 4.2),
    ("合江县", "合江县", "合江", 230.5, -1.3),
    ("叙永县", "叙永县", "叙永", 120.4, 3.0),
    ("古蔺县", "古蔺县", "古蔺", 160.7, 6.3),
  ]

  static var regions: [Region] {
    luzhou.map { Region(id: RegionID($0.0), name: $0.1, shortName: $0.2, parent: group) }
      + [Region(id: group, name: "泸州市", label: "全市7个县（区）")]
  }

  static func row(
    _ region: String, value: Double?, growth: Double?, indicator: Indicator = gdp,
    status: ValueStatus? = nil
  ) -> ComparisonRow {
    var row = ComparisonRow(
      indicator: indicator.id, period: period, group: group, region: RegionID(region), value: value,
      unit: indicator.unit, status: status ?? (value == nil ? .missing : .actual))
    row.growthPct = growth
    // As the comparison table declares it for data with a year-earlier period.
    row.priorBasis = .yearAgo
    row.priorPeriod = period.samePeriodLastYear
    return row
  }

  static func rows(_ data: [(String, Double?)], status: ValueStatus? = nil) -> [ComparisonRow] {
    data.map { row($0.0, value: 100, growth: $0.1, status: status) }
  }

  static var luzhouRows: [ComparisonRow] {
    luzhou.map { row($0.0, value: $0.3, growth: $0.4) }
  }

  static let theme = Theme.briefing().resolved()
  static let measurer = FixedMetricsMeasurer()
}

// MARK: - Legibility

/// Every text box lies inside `rect` and no two text boxes intersect.
func expectLegible(
  _ items: [FrameItem], in rect: Rect, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  let runs = items.flatMap(\.textRuns)
  for run in runs {
    #expect(
      rect.contains(run.bounds), "'\(run.text)' at \(run.bounds) leaves \(rect)",
      sourceLocation: sourceLocation)
  }
  for (offset, run) in runs.enumerated() {
    for other in runs[(offset + 1)...] where run.bounds.intersects(other.bounds) {
      Issue.record(
        "'\(run.text)' \(run.bounds) overlaps '\(other.text)' \(other.bounds)",
        sourceLocation: sourceLocation)
    }
  }
}

/// Every shape lies inside `rect`.
func expectShapesInside(
  _ items: [FrameItem], _ rect: Rect, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  for item in items {
    switch item {
    case .group(_, _, let children): expectShapesInside(children, rect, sourceLocation: sourceLocation)
    case .text, .anchor: break
    case .shape(let shape):
      let points: [Point]
      switch shape.geometry {
      case .rect(let r): points = [r.origin, Point(x: r.maxX, y: r.maxY)]
      case .line(let a, let b): points = [a, b]
      case .polyline(let p), .polygon(let p): points = p
      case .circle(let c, let radius):
        points = [Point(x: c.x - radius, y: c.y - radius), Point(x: c.x + radius, y: c.y + radius)]
      }
      for point in points {
        #expect(
          rect.contains(Rect(x: point.x, y: point.y, width: 0, height: 0)),
          "shape point \(point) leaves \(rect)", sourceLocation: sourceLocation)
      }
    }
  }
}

extension Array where Element == FrameItem {
  /// All shapes, depth first.
  var shapes: [Shape] {
    flatMap { item -> [Shape] in
      switch item {
      case .shape(let shape): [shape]
      case .group(_, _, let items): items.shapes
      case .text, .anchor: []
      }
    }
  }
}

// MARK: - Ranks as the comparison table gives them

extension Fixtures {
  /// `rows` with the rank fields filled the way the comparison table defines them (a stand-in
  /// for Stats, which is tested on its own): competition ranks on the printed figure
  /// (`DecimalRounding.key`: 7.2000001 and 7.2 tie), descending for higher/neutral and ascending
  /// for lower polarity, bottom ranks with ties sharing the better bottom place, tie flags, and
  /// no growth rank for rates (`changesInPoints`). Missing and masked values are unranked; their
  /// published growth (an official yoy beside a suppressed value) is ranked, as Stats does.
  static func ranked(
    _ rows: [ComparisonRow], polarity: Polarity = .higher, decimals: Int = 1
  ) -> [ComparisonRow] {
    func shown(_ row: ComparisonRow) -> Bool {
      row.status != .missing && row.status != .masked && row.value != nil
    }
    func places(_ keys: [Double?]) -> [(rank: Int, bottom: Int, tied: Bool, of: Int)?] {
      let present = keys.compactMap { $0 }
      let better: (Double, Double) -> Bool = polarity == .lower ? { $0 < $1 } : { $0 > $1 }
      return keys.map { key in
        guard let key else { return nil }
        let above = present.filter { better($0, key) }.count
        let below = present.filter { better(key, $0) }.count
        let equal = present.filter { $0 == key }.count
        return (above + 1, below + 1, equal > 1, present.count)
      }
    }
    let valueKeys = rows.map { row in
      shown(row) ? row.value.map { DecimalRounding.key($0, decimals: decimals) } : nil
    }
    let growthKeys = rows.map { row -> Double? in
      guard !row.changesInPoints, let growth = row.growthPct else { return nil }
      return DecimalRounding.key(growth, decimals: 1)
    }
    let byValue = places(valueKeys)
    let byGrowth = places(growthKeys)
    return rows.enumerated().map { index, row in
      var copy = row
      copy.rank = byValue[index]?.rank
      copy.bottomRank = byValue[index]?.bottom
      copy.rankIsTied = byValue[index]?.tied
      copy.rankOf = byValue[index]?.of
      copy.growthRank = byGrowth[index]?.rank
      copy.growthBottomRank = byGrowth[index]?.bottom
      copy.growthRankIsTied = byGrowth[index]?.tied
      copy.growthRankOf = byGrowth[index]?.of
      return copy
    }
  }

  /// A group row whose figures are the plain mean of the shown `rows` (a stand-in for Stats).
  static func groupRow(averaging rows: [ComparisonRow], indicator: Indicator = gdp) -> ComparisonRow {
    let shown = rows.filter { $0.status != .masked && $0.status != .missing }
    let values = shown.compactMap(\.value)
    let growths = shown.compactMap(\.growthPct)
    return groupRow(
      indicator: indicator,
      mean: values.isEmpty ? nil : values.reduce(0, +) / Double(values.count),
      growth: growths.isEmpty ? nil : growths.reduce(0, +) / Double(growths.count))
  }

  /// A group row carrying the given group figures (as Stats would compute them).
  static func groupRow(
    indicator: Indicator = gdp, mean: Double? = nil, growth: Double? = nil
  ) -> ComparisonRow {
    var row = ComparisonRow(
      indicator: indicator.id, period: period, group: group, region: group, isGroupRow: true,
      unit: indicator.unit)
    row.groupMean = mean
    row.groupGrowthPct = growth
    return row
  }
}
