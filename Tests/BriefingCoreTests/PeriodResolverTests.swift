import BriefingCore
import Testing

// MARK: - The one "which period" rule

@Suite struct PeriodResolverTests {
  /// (periods in the data, period asked for or nil for latest, expected code or problem code)
  static let cases: [([String], String?, String)] = [
    // Latest: cumulative, full years included.
    (["2023", "2024-H1", "2024"], nil, "2024"),
    (["2024-M09", "2024"], nil, "2024"),
    (["2023", "2024-M03", "2024-H1", "2024-Q3", "2024-08"], nil, "2024-H1"),
    (["2024-H1", "2023"], nil, "2024-H1"),
    (["2024-M03", "2024-Q2", "2024-05"], nil, "2024-M03"),
    // No cumulative period: the latest of any kind (same end month: the shorter span).
    (["2024-Q2", "2024-Q3"], nil, "2024-Q3"),
    (["2024-Q3", "2024-09", "2024-08"], nil, "2024-09"),
    (["2023-12", "2024-01"], nil, "2024-01"),
    // Explicit: it must be in the data.
    (["2023", "2024-H1", "2024"], "2024-H1", "2024-H1"),
    (["2024-Q2"], "2024-Q2", "2024-Q2"),
    (["2024-H1", "2024-M09"], "2024-Q3", "period-not-in-data"),
    (["2024-H1"], "2024", "period-not-in-data"),
    // Nothing at all.
    ([], nil, "no-periods"),
    ([], "2024-H1", "period-not-in-data"),
  ]

  @Test(arguments: cases)
  func resolves(_ codes: [String], _ requested: String?, _ expected: String) throws {
    let periods = codes.compactMap(Period.init(code:))
    #expect(periods.count == codes.count)
    let result = PeriodResolver.resolve(requested.flatMap(Period.init(code:)), among: periods)
    switch result {
    case .success(let period): #expect(period.code == expected)
    case .failure(let problem): #expect(problem.finding().message.code == expected)
    }
    if requested == nil, case .success(let period) = result {
      #expect(PeriodResolver.latest(among: periods.reversed()) == period, "order of the input does not matter")
    }
  }

  @Test func absentPeriodListsWhatThereIsAndSuggestsTheSameEnd() throws {
    let periods = ["2024-H1", "2024-M09", "2023"].compactMap(Period.init(code:))
    let result = PeriodResolver.resolve(Period(code: "2024-Q3"), among: periods)
    guard case .failure(let problem) = result else {
      Issue.record("2024-Q3 is not in the data")
      return
    }
    let finding = problem.finding()
    #expect(finding.severity == .error)
    #expect(finding.message.text.contains("no period '2024-Q3'"))
    #expect(finding.message.text.hasSuffix("it has 2023, 2024-H1, 2024-M09"))
    #expect(finding.notes == ["did you mean '2024-M09'?"])
  }

  @Test func periodsObservedForSomeRegionsOnly() throws {
    let rows: [(RegionID, String)] = [("a", "2024-H1"), ("b", "2024"), ("a", "2023"), ("c", "2024-H1")]
    let observations = try rows.map { region, code in
      Observation(region: region, period: try #require(Period(code: code)), indicator: "gdp", value: 1)
    }
    let dataset = Dataset(regions: [], indicators: [], observations: observations)
    #expect(dataset.periods(observedFor: ["a", "c"]).map(\.code) == ["2023", "2024-H1"])
    #expect(dataset.periods(observedFor: ["b"]).map(\.code) == ["2024"])
    #expect(dataset.periods(observedFor: []).isEmpty)
  }
}
