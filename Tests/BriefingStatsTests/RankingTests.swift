import BriefingCore
import Testing
import TestSupport
@testable import BriefingStats

@Suite struct RankingTests {
  /// values, polarity, decimals → expected ranks
  static let cases: [([Double?], Polarity, Int, [Int?])] = [
    ([10, 8, 8, 5], .higher, 1, [1, 2, 2, 4]),
    ([10, 8, 8, 5], .lower, 1, [4, 2, 2, 1]),
    ([10, 8, 8, 5], .neutral, 1, [1, 2, 2, 4]),
    ([8.04, 7.96, 9, 1], .higher, 1, [2, 2, 1, 4]),
    ([8.04, 7.96, 9, 1], .higher, 2, [2, 3, 1, 4]),
    ([1.25, 1.2, 1.3], .higher, 1, [1, 3, 1]),
    ([5, nil, 3, 5], .higher, 0, [1, nil, 3, 1]),
    ([2.1, 2.1, 2.1], .lower, 1, [1, 1, 1]),
  ]

  @Test(arguments: cases)
  func competitionRanks(_ values: [Double?], _ polarity: Polarity, _ decimals: Int, _ expected: [Int?]) {
    let indicator = Indicator(id: "gdp", polarity: polarity, decimals: decimals)
    let table = compare(Fixture.single(values, indicator: indicator))
    let rows = table.rows(indicator: "gdp", period: Period(year: 2024, kind: .cumulative(through: 6)), group: Fixture.city)
    #expect(rows.map(\.rank) == expected)
    let ranked = expected.compactMap { $0 }.count
    #expect(rows.allSatisfy { $0.rankOf == ranked })
  }

  /// `competitionRank` against its definition on random lists of every size around the
  /// small-list sort (0 … 40 candidates, ties, missing and non-finite values, both directions):
  /// rank = 1 + candidates printing better, bottom rank = 1 + candidates printing worse, order
  /// = best first, ties in input order.
  @Test(arguments: [5, 17, 2024] as [UInt64])
  func ranksMatchTheirDefinition(_ seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    for count in 0...40 {
      for ascending in [false, true] {
        let values: [Double?] = (0..<count).map { _ in
          switch rng.int(0...9) {
          case 0: nil
          case 1: .infinity
          default: Double(rng.int(0...12)) / 4
        }
        }
        let ranking = competitionRank(values, decimals: 1, ascending: ascending)
        let keys = values.map { $0.flatMap { $0.isFinite ? DecimalRounding.key($0, decimals: 1) : nil } }
        let ranked = keys.indices.filter { keys[$0] != nil }
        func better(_ a: Double, _ b: Double) -> Bool { ascending ? a < b : a > b }
        for (i, key) in keys.enumerated() {
          guard let key else {
            #expect(ranking.ranks[i] == nil && ranking.bottomRanks[i] == nil)
            continue
          }
          #expect(ranking.ranks[i] == 1 + ranked.filter { better(keys[$0]!, key) }.count)
          #expect(ranking.bottomRanks[i] == 1 + ranked.filter { better(key, keys[$0]!) }.count)
        }
        let order = ranked.sorted { a, b in keys[a]! != keys[b]! ? better(keys[a]!, keys[b]!) : a < b }
        #expect(ranking.order == order, "count \(count), ascending \(ascending)")
        #expect(ranking.rankedCount == ranked.count)
      }
    }
  }

  /// values, polarity → expected ranks, bottom ranks (倒数第k, ties share the better bottom
  /// place) and tie flags (并列)
  static let bottoms: [([Double?], Polarity, [Int?], [Int?], [Bool?])] = [
    ([9, 8, 7, 7], .higher, [1, 2, 3, 3], [4, 3, 1, 1], [false, false, true, true]),
    ([9, 9, 7, 6], .higher, [1, 1, 3, 4], [3, 3, 2, 1], [true, true, false, false]),
    ([9, 8, 7, 7], .lower, [4, 3, 1, 1], [1, 2, 3, 3], [false, false, true, true]),
    ([5, nil, 5, 5], .higher, [1, nil, 1, 1], [1, nil, 1, 1], [true, nil, true, true]),
    ([3, nil], .higher, [1, nil], [1, nil], [false, nil]),
    ([9, 8, 7, 6, 5, 4, 3, 1, 1], .higher, [1, 2, 3, 4, 5, 6, 7, 8, 8], [9, 8, 7, 6, 5, 4, 3, 1, 1],
     [false, false, false, false, false, false, false, true, true]),
  ]

  @Test(arguments: bottoms)
  func bottomRanksAndTies(
    _ values: [Double?], _ polarity: Polarity, _ ranks: [Int?], _ bottoms: [Int?], _ tied: [Bool?]
  ) {
    let indicator = Indicator(id: "gdp", polarity: polarity, decimals: 0)
    let table = compare(Fixture.single(values, indicator: indicator))
    let rows = table.rows(indicator: "gdp", period: Period(year: 2024, kind: .cumulative(through: 6)), group: Fixture.city)
    #expect(rows.map(\.rank) == ranks)
    #expect(rows.map(\.bottomRank) == bottoms)
    #expect(rows.map(\.rankIsTied) == tied)
  }

  /// The same rule for growth ranks: growths 9, 8, 7, 7 % (ties at the printed 1 decimal).
  @Test func growthBottomRanksAndTies() {
    let growths: [Double?] = [9, 8, 7.04, 6.96, nil]
    var observations: [Observation] = []
    for (n, growth) in growths.enumerated() {
      let name = String(UnicodeScalar(UInt8(65 + n)))
      observations.append(Fixture.obs(name, "2023-H1", 100))
      observations.append(Fixture.obs(name, "2024-H1", growth.map { 100 + $0 }))
    }
    let table = compare(Fixture.dataset(members: ["A", "B", "C", "D", "E"], observations: observations))
    let rows = table.rows(indicator: "gdp", period: Period(year: 2024, kind: .cumulative(through: 6)), group: Fixture.city)
    #expect(rows.map(\.growthRank) == [1, 2, 3, 3, nil])
    #expect(rows.map(\.growthRankOf) == [4, 4, 4, 4, 4])
    #expect(rows.map(\.growthBottomRank) == [4, 3, 1, 1, nil])
    #expect(rows.map(\.growthRankIsTied) == [false, false, true, true, nil])
  }

  /// Growth ranks tie at the printed 1 decimal through `DecimalRounding`: 101.25 / 100 − 1 is
  /// 1.2499999999999956 % in binary, printed 1.3, so it ties with 1.3 % and beats 1.2 %.
  @Test func growthRanksTieAtThePrintedDecimal() {
    var observations: [Observation] = []
    for (name, value) in [("A", 101.25), ("B", 101.3), ("C", 101.2)] {
      observations += [Fixture.obs(name, "2023-H1", 100), Fixture.obs(name, "2024-H1", value)]
    }
    let table = compare(Fixture.dataset(members: ["A", "B", "C"], observations: observations))
    let rows = table.rows(indicator: "gdp", period: Period(year: 2024, kind: .cumulative(through: 6)), group: Fixture.city)
    #expect(rows.map(\.growthRank) == [1, 1, 3])
    #expect(rows.map(\.growthBottomRank) == [2, 2, 1])
    #expect(rows.map(\.growthRankIsTied) == [true, true, false])
  }

  @Test func maskedIsUnrankedNeverZero() throws {
    let data = Fixture.dataset(
      members: ["A", "B", "C"],
      observations: [
        Fixture.obs("A", "2024-H1", 5), Fixture.obs("B", "2024-H1", nil, status: .masked),
        Fixture.obs("C", "2024-H1", 3),
      ])
    let table = compare(data)
    let b = try #require(Fixture.row(table, "B"))
    #expect(b.status == .masked)
    #expect(b.value == nil && b.rank == nil && b.bottomRank == nil)
    #expect(b.rankOf == 2)
    #expect(Fixture.row(table, "C")?.rank == 2)
    let group = try #require(Fixture.groupRow(table))
    #expect(group.value == 8)
    #expect(group.groupTotalIsPartial == true)
    #expect(group.groupMean == 4)
  }

  @Test func overallRankAcrossGroupsOfSameParentLevel() throws {
    let regions = [
      Region(id: "P", level: "province"),
      Region(id: "X", parent: "P", level: "city"), Region(id: "Y", parent: "P", level: "city"),
      Region(id: "a", parent: "X", level: "county"), Region(id: "b", parent: "X", level: "county"),
      Region(id: "c", parent: "Y", level: "county"),
    ]
    let data = Dataset(
      regions: regions, indicators: [Indicator(id: "gdp")],
      observations: [("a", 1.0), ("b", 3), ("c", 2)].map { Fixture.obs($0.0, "2024", $0.1) })
    let table = compare(data)
    let c = try #require(table.rows.first { $0.region == "c" })
    #expect(c.rank == 1 && c.rankOf == 1)
    #expect(c.rankOverall == 2 && c.rankOverallOf == 3)
    let b = try #require(table.rows.first { $0.region == "b" })
    #expect(b.rankOverall == 1)
  }

  @Test func gapsToLeaderAndAbove() throws {
    let higher = compare(Fixture.single([10, 8, 8, 5]))
    #expect(Fixture.row(higher, "A")?.gapToAbove == nil)
    #expect(Fixture.row(higher, "A")?.gapToLeader == 0)
    #expect(Fixture.row(higher, "B")?.gapToAbove == 2)
    #expect(Fixture.row(higher, "C")?.gapToAbove == 2)
    #expect(Fixture.row(higher, "D")?.gapToAbove == 3)
    #expect(Fixture.row(higher, "D")?.gapToLeader == 5)
    let lower = compare(Fixture.single([10, 8, 8, 5], indicator: Indicator(id: "gdp", polarity: .lower)))
    #expect(Fixture.row(lower, "B")?.gapToAbove == 3)
    #expect(Fixture.row(lower, "A")?.gapToLeader == 5)
  }
}
