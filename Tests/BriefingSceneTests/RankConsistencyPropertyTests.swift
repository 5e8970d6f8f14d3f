import BriefingCore
import BriefingStats
import Testing
import TestSupport

@testable import BriefingScene

/// Scene-level property: for generated comparison tables (seeded), every rank number and bottom
/// mark a ranked bar or KPI table shows is the row's field, and every value label is
/// `NumberFormat` of the row's figure. Tables cover 1, 2, 9 and 52 members, ties in printed
/// figures (7.2000001 vs 7.2), negative values, missing and masked values, lower-is-better,
/// neutral, rates, a previous-period basis, and a published growth beside a missing or masked
/// value (ranked by the table, so drawn by the chart).
@Suite struct RankConsistencyPropertyTests {
  enum Variant: CaseIterable { case higher, lower, neutral, rate }

  struct Table {
    var indicator: Indicator
    var rows: [ComparisonRow]
    var groupRow: ComparisonRow?
    var regions: [Region]
  }

  static let format = NumberFormat.chinese
  static let sizes = [1, 2, 9, 52]
  static let seeds: [UInt64] = [1, 2, 3]

  // MARK: - Generator


  static func table(size: Int, variant: Variant, seed: UInt64) -> Table {
    var random = SeededGenerator(state: seed &* 7919 &+ UInt64(size) &* 31)
    let indicator: Indicator
    switch variant {
    case .higher: indicator = Indicator(id: "gdp", name: "地区生产总值", unit: .yiYuan, decimals: 1)
    case .lower:
      indicator = Indicator(
        id: "energy", name: "单位GDP能耗", unit: Unit.parse("吨标准煤/万元"), polarity: .lower,
        decimals: 2)
    case .neutral:
      indicator = Indicator(
        id: "population", name: "常住人口", unit: Unit.parse("万人"), polarity: .neutral, decimals: 1)
    case .rate:
      indicator = Indicator(
        id: "unemployment", name: "城镇登记失业率", unit: .percent, polarity: .lower, decimals: 1)
    }
    let step = 1 / DecimalRounding.power10(indicator.decimals)
    // Few distinct printed figures, so printed ties are common; binary noise on some of them.
    let valuePool = (0..<max(2, size / 3)).map { _ in
      Double(Int.random(in: -40...400, using: &random)) * step * (variant == .rate ? 0.05 : 1)
    }
    let growthPool = (0..<max(2, size / 3)).map { _ in
      Double(Int.random(in: -150...150, using: &random)) / 10
    }
    let noises = [0, 0, 1e-9, -1e-9, 3e-7]
    let basis: PriorBasis = Bool.random(using: &random) ? .yearAgo : .previousPeriod
    let prior =
      basis == .yearAgo
      ? Fixtures.period.samePeriodLastYear : Period(year: 2002, kind: .cumulative(through: 12))
    var rows: [ComparisonRow] = []
    for index in 0..<size {
      let roll = Double.random(in: 0..<1, using: &random)
      let status: ValueStatus =
        roll < 0.1 ? .missing : roll < 0.16 ? .masked : roll < 0.22 ? .estimate : .actual
      let noise = noises.randomElement(using: &random) ?? 0
      let value =
        status == .missing ? nil : (valuePool.randomElement(using: &random) ?? 0) + noise
      var row = ComparisonRow(
        indicator: indicator.id, period: Fixtures.period, group: Fixtures.group,
        region: RegionID("R\(index + 1)"), value: value, unit: indicator.unit, status: status)
      row.priorBasis = basis
      row.priorPeriod = prior
      if status != .missing && status != .masked, let value {
        let growth = (growthPool.randomElement(using: &random) ?? 0) + noise
        row.growthPct = growth
        row.priorValue =
          variant == .rate
          ? value - Double(Int.random(in: -9...9, using: &random)) / 10 : value / (1 + growth / 100)
      } else if variant != .rate, Bool.random(using: &random) {
        // The office published the growth but not the level (规上工业增加值 often arrives so).
        row.growthPct = growthPool.randomElement(using: &random) ?? 0
      }
      rows.append(row)
    }
    var ranked = Fixtures.ranked(rows, polarity: indicator.polarity, decimals: indicator.decimals)
    if variant == .rate {
      // An older table ranked a rate's relative growth; the scene must not show it.
      for index in ranked.indices where ranked[index].growthPct != nil {
        ranked[index].growthRank = 1
        ranked[index].growthRankOf = size
        ranked[index].growthBottomRank = 1
      }
    }
    var group: ComparisonRow?
    if Double.random(in: 0..<1, using: &random) < 0.7 {
      var row = Fixtures.groupRow(
        indicator: indicator, mean: valuePool.randomElement(using: &random),
        growth: growthPool.randomElement(using: &random))
      row.value = valuePool.first
      row.priorValue = valuePool.last
      row.status = .actual
      group = row
    }
    let regions = (1...max(1, size)).map { Region(id: RegionID("R\($0)"), name: "R\($0)") }
    return Table(indicator: indicator, rows: ranked, groupRow: group, regions: regions)
  }

  static var cases: [(Int, Variant, UInt64)] {
    sizes.flatMap { size in Variant.allCases.flatMap { v in seeds.map { (size, v, $0) } } }
  }

  // MARK: - What the row says should be shown

  struct Expected {
    var rank: String?
    var label: String
    var mark: String?
  }

  static func expected(_ row: ComparisonRow, _ table: Table, metric: BarMetric) -> Expected {
    let shown = row.status != .missing && row.status != .masked
    let rate = row.changesInPoints
    let indicator = table.indicator
    let figure: Double?
    let rank: Int?
    let bottom: Int?
    switch metric {
    case .value:
      figure = shown ? row.value : nil
      (rank, bottom) = (row.rank, row.bottomRank)
    case .growthPct:
      // The growth is the row's whatever the value's status: a published yoy beside a missing
      // or masked level is ranked by the table.
      figure = rate ? row.changeFromPrior : row.growthPct
      (rank, bottom) = rate ? (nil, nil) : (row.growthRank, row.growthBottomRank)
    }
    guard let figure else {
      return Expected(rank: nil, label: row.status == .masked ? format.masked : format.missing)
    }
    let label: String
    switch metric {
    case .value: label = format.number(figure, decimals: indicator.decimals)
    case .growthPct: label = rate ? format.signedPoints(figure) : format.signedPercent(figure)
    }
    var mark: String?
    if indicator.polarity.isJudged, let rank, let bottom, bottom <= 2, bottom < rank {
      mark = format.bottomRank(bottom)
    }
    return Expected(rank: rank.map(String.init), label: label, mark: mark)
  }

  // MARK: - Ranked bar

  @Test func rankedBarShowsTheRowsRanksMarksAndFigures() {
    for (size, variant, seed) in Self.cases {
      let table = Self.table(size: size, variant: variant, seed: seed)
      for metric in BarMetric.allCases {
        checkRankedBar(table, metric: metric, context: "\(size) \(variant) seed \(seed) \(metric)")
      }
    }
  }

  func checkRankedBar(_ table: Table, metric: BarMetric, context: String) {
    let input = RankedBarInput(
      rows: table.rows, groupRow: table.groupRow, indicator: table.indicator,
      regions: table.regions, focus: table.rows.first?.region, metric: metric,
      // One column at any size: each row is read left to right below.
      options: .init(showRanks: true, bottomMarks: 2, splitAbove: .max))
    let rect = Rect(x: 36, y: 36, width: 523, height: max(260, Double(table.rows.count) * 13 + 90))
    let frame = RankedBarComposer().compose(
      input: input, in: rect, theme: Fixtures.theme, measurer: Fixtures.measurer)
    let runs = frame.items.flatMap(\.textRuns)
    let rows = Dictionary(uniqueKeysWithValues: table.rows.map { ($0.region.rawValue, $0) })
    for (name, row) in rows {
      let want = Self.expected(row, table, metric: metric)
      guard let nameRun = runs.first(where: { $0.text == name }) else {
        Issue.record("\(context): no name run for \(name)")
        continue
      }
      let line = runs.filter { $0.text != name && abs($0.bounds.midY - nameRun.bounds.midY) < 0.01 }
      let left = line.filter { $0.bounds.maxX <= nameRun.bounds.minX }.map(\.text)
      let right = line.filter { $0.bounds.minX >= nameRun.bounds.maxX }.sorted {
        $0.bounds.minX < $1.bounds.minX
      }.map(\.text)
      #expect(left == (want.rank.map { [$0] } ?? []), "\(context) \(name): rank \(left)")
      #expect(right.first == want.label, "\(context) \(name): label \(right)")
      #expect(
        Array(right.dropFirst()) == (want.mark.map { [$0] } ?? []),
        "\(context) \(name): mark \(right)")
    }
    // The average line is the group row's figure, or absent with a notice.
    let rate = metric == .growthPct && table.rows.first?.changesInPoints == true
    let groupFigure: Double? =
      switch metric {
      case .value: table.groupRow?.groupMean
      case .growthPct: rate ? table.groupRow?.changeFromPrior : table.groupRow?.groupGrowthPct
      }
    let averages = runs.filter { $0.text.hasPrefix("平均") }.map(\.text)
    if let groupFigure {
      let text: String
      switch metric {
      case .value: text = Self.format.number(groupFigure, decimals: table.indicator.decimals)
      case .growthPct: text = rate ? Self.format.signedPoints(groupFigure) : Self.format.percent(groupFigure)
      }
      #expect(averages == ["平均 " + text], "\(context): average")
    } else {
      #expect(averages.isEmpty, "\(context): invented average \(averages)")
      #expect(frame.findings.contains { $0.message.code == "no-group-average" }, "\(context)")
    }
  }

  // MARK: - KPI table

  @Test func kpiTableShowsTheRowsRanksAndFigures() {
    let columns: [KPIColumn] = [.indicator, .value, .growth, .rankByValue, .rankByGrowth]
    let rect = Rect(x: 36, y: 36, width: 523, height: 200)
    for (size, variant, seed) in Self.cases {
      let table = Self.table(size: size, variant: variant, seed: seed)
      let judged = table.indicator.polarity.isJudged
      for row in table.rows.prefix(12) {
        let context = "\(size) \(variant) seed \(seed) \(row.region)"
        let input = KPITableInput(
          entries: [KPIEntry(indicator: table.indicator, row: row)], columns: columns)
        let data = KPITableComposer().prepare(input)
        let cells = data.rows[0].cells
        let format = Self.format
        let rate = row.changesInPoints
        #expect(cells[1].text == format.value(row.value, decimals: table.indicator.decimals, status: row.status), "\(context)")
        let growth =
          rate
          ? row.changeFromPrior.map {
            format.signed($0, decimals: 1) + format.pointsUnit(forRateIn: row.unit)
          } ?? "—"
          : row.growthPct.map { format.number($0, decimals: 1) } ?? "—"
        #expect(cells[2].text == growth, "\(context)")
        #expect(cells[3].text == format.rank(row.rank, of: row.rankOf), "\(context)")
        #expect(cells[3].tone == Self.tone(row.rank, row.bottomRank, judged: judged), "\(context)")
        if rate {
          #expect(cells[4].text == "—" && cells[4].tone == .normal, "\(context)")
        } else {
          #expect(cells[4].text == format.rank(row.growthRank, of: row.growthRankOf), "\(context)")
          #expect(
            cells[4].tone == Self.tone(row.growthRank, row.growthBottomRank, judged: judged),
            "\(context)")
        }
        let frame = KPITableComposer().compose(
          data, in: rect, theme: Fixtures.theme, measurer: Fixtures.measurer)
        let shown = frame.items.flatMap(\.textRuns).map(\.text)
        for cell in cells.dropFirst() {
          #expect(shown.contains(cell.text), "\(context): '\(cell.text)' not drawn")
        }
      }
    }
  }

  /// Green for a judged first place, red for a judged place whose bottom rank is 1 or 2 and
  /// nearer the bottom than the top; uncoloured otherwise.
  static func tone(_ rank: Int?, _ bottom: Int?, judged: Bool) -> CellTone {
    guard judged, let rank else { return .normal }
    if rank == 1 { return .good }
    if let bottom, bottom <= 2, bottom < rank { return .alarm }
    return .normal
  }
}
