import BriefingCore
import Testing
@testable import BriefingStats

@Suite struct ExportTests {
  static let header =
    "indicator,period,group,region,value,unit,status,rank,rank_of,bottom_rank,rank_overall,rank_overall_of,growth_rank,growth_rank_of,prior_period,prior_value,growth_pct,prev_period,prev_value,prev_growth_pct,group_total,group_mean,group_growth_pct,share_pct,target,completion_pct,time_progress_pct,progress_gap_pp,rank_change,is_group_row,official_growth_pct,computed_growth_pct,growth_change_pp,growth_gap_to_group_pp,gap_to_leader,gap_to_above,share_change_pp,contribution_pp,progress_gap_amount,remaining,monthly_pace_needed,target_growth_pct,target_growth_met,growth_rank_change"

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

  @Test func csvRowAndQuoting() throws {
    let data = Fixture.dataset(
      members: ["A,\"x\""],
      indicators: [Indicator(id: "gdp", unit: .yiYuan)],
      observations: [Fixture.obs("A,\"x\"", "2024-H1", 60, target: 120)])
    let csv = AnalyzeExport.csv(compare(data))
    let lines = csv.split(separator: "\r\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines[1].hasPrefix("gdp,2024-H1,市,\"A,\"\"x\"\"\",60,亿元,actual,1,1,1,1,1,,0,2023-H1,,,,,,60,60,,100,120,50,50,0,,false,"))
    let json = AnalyzeExport.json(compare(data))
    #expect(json.contains("\"region\":\"A,\\\"x\\\"\",\"value\":60,\"unit\":\"亿元\""))
    #expect(json.contains("\"rank_change\":null,\"is_group_row\":false"))
  }
}

@Suite struct PropertyTests {
  @Test(arguments: [1, 2, 3, 42, 2024] as [UInt64])
  func ranksAreCompetitionRanksAndTotalsAddUp(_ seed: UInt64) throws {
    var rng = SplitMix64(state: seed)
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
      let scale = DecimalRounding.power10(decimals)
      func key(_ row: ComparisonRow) -> Double { ((row.value ?? 0) * scale).rounded(.toNearestOrAwayFromZero) }
      for row in ranked {
        let better = ranked.filter { polarity == .lower ? key($0) < key(row) : key($0) > key(row) }.count
        #expect(row.rank == better + 1)
        #expect(row.rankOf == ranked.count)
      }
      let sum = rows.compactMap(\.value).reduce(0, +)
      let group = try #require(table.groupRow(indicator: "gdp", period: period, group: Fixture.city))
      if ranked.isEmpty { #expect(group.value == nil) } else { #expect(group.groupTotal == sum) }
    }
  }
}
