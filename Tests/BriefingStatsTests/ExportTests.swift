import BriefingCore
import Synchronization
import Testing
import TestSupport
@testable import BriefingStats

@Suite struct ExportTests {
  static let header =
    "indicator,period,group,region,value,unit,status,rank,rank_of,bottom_rank,rank_overall,rank_overall_of,growth_rank,growth_rank_of,prior_period,prior_value,growth_pct,prev_period,prev_value,prev_growth_pct,group_total,group_mean,group_growth_pct,share_pct,target,completion_pct,time_progress_pct,progress_gap_pp,rank_change,is_group_row,official_growth_pct,computed_growth_pct,growth_change_pp,growth_gap_to_group_pp,gap_to_leader,gap_to_above,share_change_pp,contribution_pp,progress_gap_amount,remaining,monthly_pace_needed,target_growth_pct,target_growth_met,growth_rank_change,prior_basis,rank_tied,growth_rank_tied,change_from_prior,target_growth_gap_pp,red_line_breached,red_line_gap,red_line_breaches"

  @Test func headerIsExact() {
    let csv = AnalyzeExport.csv(ComparisonTable(rows: []))
    #expect(csv == Self.header + "\r\n")
  }

  static let numbers: [(Double, String)] = [
    (1, "1"), (-0.0, "0"), (120, "120"), (0.1, "0.1"), (1e-6, "0.000001"), (1.5e-5, "0.000015"),
    (123456789012345, "123456789012345"), (1e15, "1000000000000000"), (1e17, "1e+17"), (2.5e-7, "2.5e-07"),
    (10.000000000000009, "10.000000000000009"), (-3.25, "-3.25"), (12345678.9, "12345678.9"),
    (1.2345e14, "123450000000000"), (9.87654321e13 + 0.5, "98765432100000.5"),
  ]

  @Test(arguments: numbers)
  func numberText(_ value: Double, _ text: String) {
    #expect(NumberText.format(value) == text)
  }

  /// The writer's digit-by-digit spelling of short decimals must equal `NumberText.format`
  /// (shortest round-trip digits) for every value: short decimals of every scale, their
  /// neighbours one ulp away (which need 16–17 digits) and arbitrary doubles.
  @Test(arguments: [7, 99, 2024] as [UInt64])
  func writerNumbersMatchNumberText(_ seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    var values: [Double] = [
      0.1, 0.05, -0.0001, 0.0001, 99_999_999_999.9999, 1e11 - 0.5, 1e-4 / 3, 1.5e-5, -2.5e-6, 9.99e-5,
      1e-6, 1e-6 / 3, 999_999_999_999_999.9, 123_456_789_012.345_67, 5.634782608695652,
      // Around the thousandths shortcut: its ends, a sum that is not 0.3, a double just below 1.005.
      0.001, 0.000_999_9, 0.0015, 999_999_999_999.999, 1e12 - 0.5, 1e12 + 0.5, 0.1 + 0.2, 1.005, -0.125,
    ]
    for _ in 0..<4_000 {
      let decimals = rng.int(1...6)
      let scale = [10.0, 100, 1_000, 10_000, 100_000, 1_000_000][decimals - 1]
      let mantissa = Double(rng.int(-2_000_000_000...2_000_000_000)) * Double(rng.int(1...50_000))
      let short = mantissa / scale / Double([1, 10, 1_000, 100_000][rng.int(0...3)])
      values += [short, short.nextUp, short.nextDown]
      values.append(Double(bitPattern: rng.next() & 0x7FEF_FFFF_FFFF_FFFF) * (rng.int(0...1) == 0 ? 1 : -1))
    }
    for value in values {
      var writer = AnalyzeExport.Writer(.csv)
      writer.append(number: value)
      let text = String(decoding: writer.finish(), as: UTF8.self)
      #expect(text == NumberText.format(value), "value bits \(value.bitPattern)")
    }
    // One writer for all, each value twice and then its neighbours again: numbers written from
    // the writer's memory of recent ones must still be the right ones.
    var writer = AnalyzeExport.Writer(.csv)
    var expected: [String] = []
    for (n, value) in values.enumerated() {
      for again in [value, value, values[max(0, n - 3)]] {
        writer.append(number: again)
        expected.append(NumberText.format(again))
      }
    }
    #expect(String(decoding: writer.finish(), as: UTF8.self) == expected.joined())
  }

  /// Integer cells of every length (both signs, the ends of `Int`) are written as
  /// `String(value)`, whole doubles below 1e15 as `NumberText.format`.
  @Test func writerIntegersOfEveryLength() {
    var values: [Int] = [0, 1, -1, 9, 10, 99, 100, Int.max, Int.min, Int.min + 1]
    var power = 1
    for _ in 0..<18 {
      power *= 10
      values += [power - 1, power, power + 1, -power, -(power - 1), power / 3 * 2]
    }
    for value in values {
      var writer = AnalyzeExport.Writer(.csv)
      writer.integer(value)
      #expect(String(decoding: writer.finish(), as: UTF8.self) == String(value))
      guard value.magnitude < 1_000_000_000_000_000 else { continue }
      var numbers = AnalyzeExport.Writer(.csv)
      numbers.append(number: Double(value))
      #expect(String(decoding: numbers.finish(), as: UTF8.self) == NumberText.format(Double(value)))
    }
  }

  /// Parts written by separate writers (one per indicator, in any thread count) and joined
  /// with `opening`, `separator` and `closing` give the bytes of the one-writer export.
  @Test(arguments: [AnalyzeExport.Format.csv, .json], [1, 2, 3])
  func partsJoinToTheWholeExport(_ format: AnalyzeExport.Format, threads: Int) {
    let indicators = ["gdp", "tax", "empty", "retail"].map { Indicator(id: IndicatorID($0), unit: .yiYuan) }
    var observations: [Observation] = []
    for (n, region) in ["A", "B", "C"].enumerated() {
      for period in ["2023-H1", "2024-H1"] {
        observations.append(Fixture.obs(region, period, Double(n) * 1.25 + 3, indicator: "gdp"))
        observations.append(Fixture.obs(region, period, Double(n) + 0.5, indicator: "retail"))
      }
      observations.append(Fixture.obs(region, "2024-H1", nil, indicator: "tax", status: .masked))
    }
    let data = Fixture.dataset(members: ["A", "B", "C"], indicators: indicators, observations: observations)
    let whole = format == .csv ? AnalyzeExport.csv(compare(data)) : AnalyzeExport.json(compare(data))
    let plan = ComparisonPlan(data)
    var joined = AnalyzeExport.opening(format)
    var rows = 0
    plan.forEachIndicatorPart(threads: threads) { i in
      var writer = AnalyzeExport.Writer(format)
      plan.forEachRow(ofIndicator: i) { writer.append($0) }
      return (rows: writer.rowCount, bytes: writer.finish())
    } deliver: { part in
      guard part.rows > 0 else { return }
      if rows > 0 { joined += AnalyzeExport.separator(format) }
      joined += part.bytes
      rows += part.rows
    }
    joined += AnalyzeExport.closing(format, rowCount: rows)
    #expect(String(decoding: joined, as: UTF8.self) == whole)
    #expect(rows == plan.rowCount)
  }

  /// A delivery that throws stops the builders (no hang), rethrows its error, and leaves no
  /// more than the in-flight window of parts built beyond the failing one.
  @Test(arguments: [1, 2, 3])
  func failedDeliveryStopsTheBuilders(threads: Int) {
    struct Stop: Error, Equatable { let at: Int }
    let indicators = (0..<12).map { Indicator(id: IndicatorID("i\($0)"), unit: .yiYuan) }
    let observations = indicators.map { Fixture.obs("A", "2024-H1", 1, indicator: $0.id) }
    let plan = ComparisonPlan(Fixture.dataset(members: ["A"], indicators: indicators, observations: observations))
    let built = Mutex(0)
    var delivered: [Int] = []
    #expect(throws: Stop(at: 4)) {
      try plan.forEachIndicatorPart(threads: threads) { i in
        built.withLock { $0 += 1 }
        return i
      } deliver: { (i: Int) throws(Stop) in
        if i == 4 { throw Stop(at: 4) }
        delivered.append(i)
      }
    }
    #expect(delivered == [0, 1, 2, 3])
    #expect(built.withLock { $0 } <= 5 + threads + 1)
  }

  @Test func csvRowAndQuoting() throws {
    let data = Fixture.dataset(
      members: ["A,\"x\""],
      indicators: [Indicator(id: "gdp", unit: .yiYuan)],
      observations: [Fixture.obs("A,\"x\"", "2024-H1", 60, target: 120)])
    let csv = AnalyzeExport.csv(compare(data))
    let lines = csv.split(separator: "\r\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines[1].hasPrefix("gdp,2024-H1,市,\"A,\"\"x\"\"\",60,亿元,actual,1,1,1,1,1,,0,,,,,,,60,60,,100,120,50,50,0,,false,"))
    #expect(lines[1].hasSuffix(",,false,,,,,,"))
    let json = AnalyzeExport.json(compare(data))
    #expect(json.contains("\"region\":\"A,\\\"x\\\"\",\"value\":60,\"unit\":\"亿元\""))
    #expect(json.contains("\"rank_change\":null,\"is_group_row\":false"))
  }

  /// The columns added at the end: the prior basis, the tie flags and the change from the
  /// prior in the unit (the points of a rate), in CSV, JSON and the worksheet alike.
  @Test func basisTieAndChangeColumns() throws {
    let rate = Indicator(id: "jobless", unit: .percent, polarity: .lower, aggregation: .none, kind: .ratio)
    let observations = [
      Fixture.obs("A", "2002", 5, indicator: "jobless"), Fixture.obs("A", "2007", 4.5, indicator: "jobless"),
      Fixture.obs("B", "2002", 5, indicator: "jobless"), Fixture.obs("B", "2007", 4.5, indicator: "jobless"),
    ]
    let table = compare(Fixture.dataset(members: ["A", "B"], indicators: [rate], observations: observations))
    let csv = AnalyzeExport.csv(table).split(separator: "\r\n").map(String.init)
    let header = csv[0].split(separator: ",", omittingEmptySubsequences: false)
    func field(_ line: String, _ name: String) -> String {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      guard let column = header.firstIndex(of: Substring(name)), column < fields.count else { return "<no \(name)>" }
      return String(fields[column])
    }
    let a2007 = try #require(csv.first { $0.hasPrefix("jobless,2007,市,A,") })
    #expect(field(a2007, "prior_period") == "2002" && field(a2007, "prior_basis") == "previous_period")
    #expect(field(a2007, "rank_tied") == "true" && field(a2007, "growth_rank_tied") == "")
    #expect(field(a2007, "growth_rank") == "" && field(a2007, "growth_pct") != "")
    #expect(field(a2007, "change_from_prior") == "-0.5")
    let a2002 = try #require(csv.first { $0.hasPrefix("jobless,2002,市,A,") })
    #expect(field(a2002, "prior_period") == "" && field(a2002, "prior_basis") == "")
    #expect(field(a2002, "change_from_prior") == "")
    let json = AnalyzeExport.json(table)
    #expect(json.contains("\"prior_basis\":\"previous_period\",\"rank_tied\":true,\"growth_rank_tied\":null,\"change_from_prior\":-0.5,\"target_growth_gap_pp\":null,\"red_line_breached\":null,\"red_line_gap\":null,\"red_line_breaches\":null}"))
    #expect(json.contains("\"prior_basis\":null,\"rank_tied\":true,\"growth_rank_tied\":null,\"change_from_prior\":null,\"target_growth_gap_pp\":null,\"red_line_breached\":null,\"red_line_gap\":null,\"red_line_breaches\":null}"))
    var sheet = AnalyzeExport.opening(.xlsxSheet)
    var writer = AnalyzeExport.Writer(.xlsxSheet)
    for row in table.rows { writer.append(row) }
    sheet += writer.finish() + AnalyzeExport.closing(.xlsxSheet, rowCount: table.rows.count)
    let xml = String(decoding: sheet, as: UTF8.self)
    let change = AnalyzeExport.columnName(AnalyzeExport.columns.firstIndex(of: "change_from_prior") ?? 0)
    #expect(xml.contains("<c r=\"\(change)1\" t=\"inlineStr\"><is><t>change_from_prior</t></is></c>"))
    #expect(xml.contains("<is><t>previous_period</t></is></c>"))
    #expect(xml.contains("<c r=\"\(change)5\"><v>-0.5</v></c>"))
  }
}

@Suite struct PropertyTests {
  @Test(arguments: [1, 2, 3, 42, 2024] as [UInt64])
  func ranksAreCompetitionRanksAndTotalsAddUp(_ seed: UInt64) throws {
    var rng = SeededGenerator(seed: seed)
    let memberCount = rng.int(1...30)
    let names = (0..<memberCount).map { "R\($0)" }
    let decimals = rng.int(0...2)
    let polarity: Polarity = rng.int(0...1) == 0 ? .higher : .lower
    var observations: [Observation] = []
    for name in names {
      for period in ["2023", "2024"] {
        switch rng.int(0...9) {
        case 0: observations.append(Fixture.obs(name, period, nil, status: .masked))
        case 1: break
        default: observations.append(Fixture.obs(name, period, Double(rng.int(-50...500)) / 10))
        }
      }
    }
    let indicator = Indicator(id: "gdp", polarity: polarity, decimals: decimals)
    let table = compare(Fixture.dataset(members: names, indicators: [indicator], observations: observations))
    for year in [2023, 2024] {
      let period = Period(year: year, kind: .cumulative(through: 12))
      let rows = table.rows(indicator: "gdp", period: period, group: Fixture.city)
      let ranked = rows.filter { $0.rank != nil }
      #expect(rows.count == memberCount)
      #expect(ranked.count == rows.filter { $0.value != nil }.count)
      // Sorted by rank, values are monotone; each rank = 1 + number strictly better.
      func key(_ row: ComparisonRow) -> Double { DecimalRounding.key(row.value ?? 0, decimals: decimals) }
      for row in ranked {
        let better = ranked.filter { polarity == .lower ? key($0) < key(row) : key($0) > key(row) }.count
        let worse = ranked.filter { polarity == .lower ? key($0) > key(row) : key($0) < key(row) }.count
        #expect(row.rank == better + 1)
        #expect(row.bottomRank == worse + 1)
        #expect(row.rankIsTied == (ranked.count - better - worse > 1))
        #expect(row.rankOf == ranked.count)
      }
      let sum = rows.compactMap(\.value).reduce(0, +)
      let group = try #require(table.groupRow(indicator: "gdp", period: period, group: Fixture.city))
      if ranked.isEmpty { #expect(group.value == nil) } else { #expect(group.groupTotal == sum) }
    }
  }
}

@Suite struct FewPeriodsTests {
  /// Positions are first-seen order on both sides of the switch from linear search to a table.
  @Test func positionsAreStableBeyondTheLinearLimit() throws {
    let months = try (0..<50).map { n in
      try #require(Period(code: "\(2020 + n / 12)-\(n % 12 < 9 ? "0" : "")\(n % 12 + 1)"))
    }
    var few = FewPeriods()
    for (position, month) in months.enumerated() { #expect(few.index(of: month) == position) }
    for (position, month) in months.enumerated().reversed() { #expect(few.index(of: month) == position) }
    #expect(few.periods == months)
    var prefilled = FewPeriods(months)
    #expect(prefilled.index(of: months[40]) == 40)
  }
}

extension ExportTests {
  /// The group columns' figures that repeat from row to row (copied from the text above) are
  /// written as each row alone would spell them, in every format: repeats, a change, an empty
  /// cell between repeats, 0 and −0 (other bits, same text), a sum that is not 0.3.
  @Test(arguments: [AnalyzeExport.Format.csv, .json, .xlsxSheet])
  func repeatedGroupFiguresMatchRowsWrittenAlone(_ format: AnalyzeExport.Format) {
    let figures: [Double?] = [1251.4400000000003, 1251.4400000000003, nil, 1251.4400000000003, 7, -0.0, 0, 0.1 + 0.2, 0.1 + 0.2, 0.3]
    let period = Period(year: 2024, kind: .cumulative(through: 6))
    var rows: [ComparisonRow] = []
    for (k, figure) in figures.enumerated() {
      var row = ComparisonRow(indicator: "gdp", period: period, group: "G", region: RegionID("R\(k)"), value: Double(k))
      row.groupTotal = figure
      row.groupMean = figure.map { $0 / 3 }
      row.groupGrowthPct = k % 3 == 0 ? figure : 5.5
      rows.append(row)
    }
    var together = AnalyzeExport.Writer(format)
    for row in rows { together.append(row) }
    var alone: [UInt8] = []
    for (k, row) in rows.enumerated() {
      var writer = AnalyzeExport.Writer(format, firstRow: 2 + k)
      writer.append(row)
      if format == .json, k > 0 { alone += Array(",\n".utf8) }
      alone += writer.finish()
    }
    #expect(String(decoding: together.finish(), as: UTF8.self) == String(decoding: alone, as: UTF8.self))
  }
}
