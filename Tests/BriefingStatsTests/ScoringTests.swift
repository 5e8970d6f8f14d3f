import BriefingCore
import Testing
@testable import BriefingStats

// MARK: - Helpers

/// Members A, B, C, … of `Fixture.city`; one indicator "gdp" (overridable) with 2024-H1 values,
/// optional 2023-H1 priors, annual targets and target growths.
private struct ScoringCase {
  var values: [Double?]
  var priors: [Double?]? = nil
  var targets: [Double?]? = nil
  var targetGrowths: [Double?]? = nil
  var indicator = Indicator(id: "gdp")

  var names: [String] { values.indices.map { String(UnicodeScalar(UInt8(65 + $0))) } }

  var dataset: Dataset {
    var observations: [Observation] = []
    for (k, name) in names.enumerated() {
      observations.append(
        Fixture.obs(
          name, "2024-H1", values[k], indicator: indicator.id, target: targets?[k] ?? nil,
          targetGrowth: targetGrowths?[k] ?? nil))
      if let priors { observations.append(Fixture.obs(name, "2023-H1", priors[k], indicator: indicator.id)) }
    }
    return Fixture.dataset(members: names, indicators: [indicator], observations: observations)
  }

  /// Points of a one-item scheme (weight 100, so score == points).
  func points(_ rule: ScoringRule, polarity: Polarity? = nil) -> [Double?] {
    let item = ScoringItem(indicator: indicator.id, weight: 100, rule: rule, polarity: polarity)
    let scheme = ScoringScheme(factors: [ScoringFactor(id: "f", items: [item])])
    let sheet = scoreRegions(
      compare(dataset), scheme: scheme, indicators: dataset.indicators, group: Fixture.city,
      period: Period(year: 2024, kind: .cumulative(through: 6)))
    for card in sheet.cards { #expect(close(card.items[0].score, card.items[0].points)) }
    return sheet.cards.map { $0.items[0].points }
  }
}

private func closeAll(_ a: [Double?], _ b: [Double?]) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { close($0, $1) }
}

// MARK: - Rules

@Suite struct ScoringRuleTests {
  /// values, polarity, step → rank points (competition ties share points; floor 0).
  static let rankCases: [([Double?], Polarity, Double?, [Double?])] = [
    ([40, 30, 30, 10], .higher, nil, [100, 75, 75, 25]),
    ([40, 30, 30, 10], .higher, 30, [100, 70, 70, 10]),
    ([40, 30, 30, 10], .higher, 40, [100, 60, 60, 0]),
    ([40, 30, 30, 10], .lower, nil, [25, 75, 75, 100]),
    ([40, nil, 30, 10], .higher, nil, [100, nil, 200.0 / 3, 100.0 / 3]),
    ([7, 7, 7], .higher, nil, [100, 100, 100]),
  ]

  @Test(arguments: rankCases)
  func rankPoints(_ values: [Double?], _ polarity: Polarity, _ step: Double?, _ expected: [Double?]) {
    let setup = ScoringCase(values: values, indicator: Indicator(id: "gdp", polarity: polarity))
    #expect(closeAll(setup.points(.rank(basis: .value, stepPct: step)), expected))
  }

  @Test func rankPointsByGrowth() {
    // Growth 10, 5, 5, 20 → growth ranks 2, 3, 3, 1 of 4.
    let setup = ScoringCase(values: [110, 105, 105, 120], priors: [100, 100, 100, 100])
    #expect(closeAll(setup.points(.rank(basis: .growth, stepPct: nil)), [75, 50, 50, 100]))
  }

  /// values, targets, cap → completion points (value / target × 100, floor 0, cap).
  static let completionCases: [([Double?], [Double?], Double, [Double?])] = [
    ([60, 130, 100, -5], [100, 100, 100, 100], 120, [60, 120, 100, 0]),
    ([60, 130, 100, 50], [100, 100, 100, nil], 150, [60, 130, 100, nil]),
    ([60, 30], [100, 0], 120, [60, nil]),
  ]

  @Test(arguments: completionCases)
  func completionWithCap(_ values: [Double?], _ targets: [Double?], _ cap: Double, _ expected: [Double?]) {
    let setup = ScoringCase(values: values, targets: targets)
    #expect(closeAll(setup.points(.completion(basis: .target, capPct: cap)), expected))
  }

  @Test func growthCompletion() {
    // Growth 10, 4, 3, −2 against target growth 8, 8, 0, −4 (a required decline).
    let setup = ScoringCase(
      values: [110, 104, 103, 98], priors: [100, 100, 100, 100], targetGrowths: [8, 8, 0, -4])
    #expect(closeAll(setup.points(.completion(basis: .growth, capPct: 120)), [120, 50, nil, 50]))
  }

  /// values, indicator polarity, item override → min–max points.
  static let minMaxCases: [([Double?], Polarity, Polarity?, [Double?])] = [
    ([40, 30, 20, 10], .higher, nil, [100, 200.0 / 3, 100.0 / 3, 0]),
    ([40, 30, 20, 10], .lower, nil, [0, 100.0 / 3, 200.0 / 3, 100]),
    ([40, 30, 20, 10], .higher, .lower, [0, 100.0 / 3, 200.0 / 3, 100]),
    ([40, 30, 20, 10], .neutral, nil, [100, 200.0 / 3, 100.0 / 3, 0]),
    ([5, 5, 5], .higher, nil, [100, 100, 100]),
    ([40, nil, 10], .higher, nil, [100, nil, 0]),
    ([nil, nil], .higher, nil, [nil, nil]),
  ]

  @Test(arguments: minMaxCases)
  func minMax(_ values: [Double?], _ polarity: Polarity, _ override: Polarity?, _ expected: [Double?]) {
    let setup = ScoringCase(values: values, indicator: Indicator(id: "gdp", polarity: polarity))
    #expect(closeAll(setup.points(.minMax(basis: .value), polarity: override), expected))
  }

  @Test func minMaxOfCompletion() {
    let setup = ScoringCase(values: [50, 80, 20], targets: [100, 100, 100])
    #expect(closeAll(setup.points(.minMax(basis: .completion)), [50, 100, 0]))
  }
}

// MARK: - Totals, vetoes, missing values, projection

@Suite struct ScoringTotalTests {
  /// gdp 40, 30, 20, 10 with targets 80, 25, 20, nil; pm10 70, 80, 90, nil against the metadata
  /// red line ≤ 85.
  static let dataset = Fixture.dataset(
    members: ["A", "B", "C", "D"],
    indicators: [
      Indicator(id: "gdp"),
      Indicator(
        id: "pm10", polarity: .lower, aggregation: .mean, kind: .ratio,
        redLine: RedLine(threshold: 85, kind: .max)),
    ],
    observations: zip(["A", "B", "C", "D"], zip([40.0, 30, 20, 10], [80.0, 25, 20, nil])).map {
      Fixture.obs($0.0, "2024", $0.1.0, target: $0.1.1)
    } + zip(["A", "B", "C", "D"], [70.0, 80, 90, nil]).map {
      Fixture.obs($0.0, "2024", $0.1, indicator: "pm10")
    })

  static func scheme(missing: MissingPolicy = .unranked, veto: VetoEffect = .zero) -> ScoringScheme {
    ScoringScheme(
      missing: missing,
      factors: [
        ScoringFactor(
          id: "task", name: "完成率",
          items: [
            ScoringItem(id: "size", indicator: "gdp", weight: 40, rule: .rank(basis: .value, stepPct: nil)),
            ScoringItem(id: "done", indicator: "gdp", weight: 30, rule: .completion(basis: .target, capPct: 120)),
          ]),
        ScoringFactor(
          id: "env", items: [ScoringItem(indicator: "pm10", weight: 30, rule: .minMax(basis: .value))]),
      ],
      vetoes: [ScoringVeto(indicator: "pm10", effect: veto)])
  }

  static func sheet(_ scheme: ScoringScheme) -> ScoreSheet {
    scoreRegions(
      compare(dataset), scheme: scheme, indicators: dataset.indicators, group: Fixture.city,
      period: Period(year: 2024, kind: .cumulative(through: 12)))
  }

  @Test func pointsSubtotalsAndMissingItems() {
    let cards = Self.sheet(Self.scheme()).cards
    #expect(cards.map(\.region) == ["A", "B", "C", "D"])
    // Rank points 100, 75, 50, 25 → 40, 30, 20, 10. Completion 50, 120 (cap), 100, missing.
    // PM10 (lower is better) over A–C: 70 → 100, 80 → 50, 90 → 0; D missing.
    #expect(closeAll(cards.map { $0.items[0].score }, [40, 30, 20, 10]))
    #expect(closeAll(cards.map { $0.items[1].points }, [50, 120, 100, nil]))
    #expect(closeAll(cards.map { $0.items[2].points }, [100, 50, 0, nil]))
    #expect(closeAll(cards.map { $0.factors[0].score }, [55, 66, 50, nil]))
    #expect(closeAll(cards.map(\.availableTotal), [85, 81, 50, 10]))
    #expect(cards[3].missingItems == ["done", "pm10"])
    #expect(cards[3].factors.map(\.score) == [nil, nil])
  }

  /// veto effect → totals and ranks (C breaks the line with 90 > 85; D's PM10 is missing, so
  /// D is unranked and its veto not checked).
  static let vetoCases: [(VetoEffect, [Double?], [Int?])] = [
    (.zero, [85, 81, 0, nil], [1, 2, 3, nil]),
    (.cap(45), [85, 81, 45, nil], [1, 2, 3, nil]),
    (.cap(60), [85, 81, 50, nil], [1, 2, 3, nil]),
    (.flag, [85, 81, 50, nil], [1, 2, 3, nil]),
  ]

  @Test(arguments: vetoCases)
  func vetoEffects(_ effect: VetoEffect, _ totals: [Double?], _ ranks: [Int?]) {
    let cards = Self.sheet(Self.scheme(veto: effect)).cards
    #expect(closeAll(cards.map(\.total), totals))
    #expect(cards.map(\.rank) == ranks)
    #expect(cards.allSatisfy { $0.rankOf == 3 })
    #expect(cards.map(\.vetoed) == [false, false, true, false])
    #expect(cards.map { $0.vetoes[0].breached } == [false, false, true, nil])
  }

  @Test func vetoLineInTheFileOverridesTheMetadata() {
    var scheme = Self.scheme()
    scheme.vetoes[0].line = RedLine(threshold: 75, kind: .max)
    let cards = Self.sheet(scheme).cards
    #expect(cards.map(\.vetoed) == [false, true, true, false])
    #expect(closeAll(cards.map(\.total), [85, 0, 0, nil]))
    #expect(cards.map(\.rank) == [1, 2, 2, nil])
  }

  @Test func rescaleRanksPartialTotals() {
    let cards = Self.sheet(Self.scheme(missing: .rescale)).cards
    // D has 10 of 40 available weight points → 10 × 100 / 40 = 25.
    #expect(closeAll(cards.map(\.total), [85, 81, 0, 25]))
    #expect(cards.map(\.rank) == [1, 2, 4, 3])
    #expect(cards.allSatisfy { $0.rankOf == 4 })
  }

  @Test func totalsTieAtTheSchemeDecimals() {
    let setup = Fixture.dataset(
      members: ["A", "B", "C"],
      observations: [("A", 50.004), ("B", 50.001), ("C", 10)].map {
        Fixture.obs($0.0, "2024", $0.1, target: 100)
      })
    var scheme = ScoringScheme(
      factors: [
        ScoringFactor(
          id: "f",
          items: [ScoringItem(indicator: "gdp", weight: 100, rule: .completion(basis: .target, capPct: 120))])
      ])
    let period = Period(year: 2024, kind: .cumulative(through: 12))
    func ranks() -> [Int?] {
      scoreRegions(
        compare(setup), scheme: scheme, indicators: setup.indicators, group: Fixture.city,
        period: period
      ).cards.map(\.rank)
    }
    #expect(ranks() == [1, 1, 3])
    scheme.decimals = 3
    #expect(ranks() == [1, 2, 3])
  }

  @Test func projectionScoresFullYearEstimates() {
    let data = Fixture.dataset(
      members: ["A", "B"],
      observations: [
        Fixture.obs("A", "2024-H1", 10), Fixture.obs("B", "2024-H1", 20),
        Fixture.obs("A", "2024", 40, status: .estimate), Fixture.obs("B", "2024", 30, status: .estimate),
      ])
    let scheme = ScoringScheme(
      factors: [
        ScoringFactor(
          id: "f",
          items: [ScoringItem(indicator: "gdp", weight: 100, rule: .rank(basis: .value, stepPct: nil))])
      ])
    let table = compare(data)
    let now = scoreRegions(
      table, scheme: scheme, indicators: data.indicators, group: Fixture.city,
      period: Period(year: 2024, kind: .cumulative(through: 6)))
    #expect(now.cards.map(\.total) == [50, 100] && !now.projected)
    #expect(now.cards.allSatisfy { !$0.usesEstimates })
    let projected = projectScores(
      table, scheme: scheme, indicators: data.indicators, group: Fixture.city, year: 2024)
    #expect(projected.projected && projected.period.code == "2024")
    #expect(projected.cards.map(\.total) == [100, 50])
    #expect(projected.cards.map(\.rank) == [1, 2])
    #expect(projected.cards.allSatisfy { $0.usesEstimates })
    #expect(scoreSheetFindings(projected, scheme: scheme).isEmpty)
    // Without estimates the projection's items are missing (never 0) and a warning says so.
    let empty = projectScores(
      table, scheme: scheme, indicators: data.indicators, group: Fixture.city, year: 2025)
    #expect(empty.cards.map(\.region) == ["A", "B"])
    #expect(empty.cards.map(\.total) == [nil, nil] && empty.cards.map(\.rank) == [nil, nil])
    #expect(scoreSheetFindings(empty, scheme: scheme).map(\.message.code) == ["item-without-data"])
  }
}

// MARK: - Checks and export

@Suite struct ScoringCheckTests {
  @Test func unknownIndicatorVetoWithoutLineAndUnknownGroup() {
    let scheme = ScoringScheme(
      factors: [
        ScoringFactor(
          id: "f",
          items: [
            ScoringItem(
              indicator: "gpd", weight: 10, rule: .minMax(basis: .value),
              location: SourceLocation(file: "s.yaml", line: 4, column: 9))
          ])
      ],
      vetoes: [ScoringVeto(indicator: "gdp")])
    let data = Fixture.single([1, 2])
    let findings = scoringFindings(scheme, dataset: data, group: "市x")
    #expect(findings.map(\.message.code) == ["unknown-indicator", "veto-without-line", "unknown-group"])
    #expect(findings[0].description.hasPrefix("s.yaml:4:9: error:"))
    #expect(findings[0].notes == ["did you mean 'gdp'?"])
    #expect(findings[2].notes == ["did you mean '市'?"])
    #expect(scoringFindings(ScoringScheme(factors: []), dataset: data, group: Fixture.city).isEmpty)
  }

  @Test func csvColumnsAndMissingCells() {
    let cards = ScoringTotalTests.sheet(ScoringTotalTests.scheme())
    let csv = ScoreExport.csv([cards], scheme: ScoringTotalTests.scheme())
    let lines = csv.split(separator: "\r\n").map(String.init)
    #expect(
      lines[0] == "scenario,period,group,region,total,rank,rank_of,available_total,missing_items,"
        + "vetoed,vetoed_by,uses_estimates,factor:task,factor:env,input:size,points:size,score:size,"
        + "input:done,points:done,score:done,input:pm10,points:pm10,score:pm10")
    #expect(lines[3] == "current,2024,市,C,0,3,3,50,,true,pm10,false,50,0,3,50,20,100,100,30,90,0,0")
    #expect(lines[4] == "current,2024,市,D,,,3,10,done;pm10,false,,false,,,4,25,10,,,,,,")
    let json = ScoreExport.json([cards], scheme: ScoringTotalTests.scheme())
    #expect(json.contains("\"region\":\"D\",\"total\":null,\"rank\":null"))
  }

  /// Scores are exported at the scheme's decimals (where ranks are decided), without float noise.
  @Test(arguments: [(14.399999999999999, 2, 14.4), (76.21246, 2, 76.21), (2.345, 2, 2.35), (7.5, 0, 8)])
  func scoresRoundedToTheSchemeDecimals(_ raw: Double, _ decimals: Int, _ shown: Double) {
    #expect(DecimalRounding.rounded(raw, decimals: decimals) == shown)
  }
}
