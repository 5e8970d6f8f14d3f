import BriefingCore
import Testing

@testable import BriefingIngest

/// What an indicator gets when indicators.csv does not say: decimals from the digits written,
/// aggregation from the unit, kind `ratio` for % and ‰.
@Suite struct IndicatorDefaultsTests {
  // MARK: - Decimals

  static let shares = """
    region,period,indicator,value
    a,2024,share,0.85
    b,2024,share,0.92
    a,2024,life,43.149
    b,2024,life,43.077
    c,2024,life,43
    """

  @Test func undeclaredDecimalsFollowTheWrittenDigits() throws {
    let dataset = try #require(loadCSV(Self.shares).dataset)
    #expect(dataset.indicator("share")?.decimals == 2)
    #expect(dataset.indicator("life")?.decimals == 3)
  }

  @Test func declaredDecimalsAreKept() throws {
    let indicators = "id,decimals\nshare,1\nlife,\n"
    let dataset = try #require(loadCSV(Self.shares, indicators: indicators).dataset)
    #expect(dataset.indicator("share")?.decimals == 1)
    #expect(dataset.indicator("life")?.decimals == 3)
    let noColumn = try #require(loadCSV(Self.shares, indicators: "id\nshare\nlife\n").dataset)
    #expect(noColumn.indicator("share")?.decimals == 2)
  }

  /// Cell text → decimals of an indicator holding that one value (canonical unit: the first).
  @Test(arguments: [
    ("12", 0), ("1,234.5", 1), ("86.3亿元", 1), ("132.60", 2), ("近9.25亿元", 2),
    ("0.123456789", 6), ("1e-05", 5), ("1.5e3", 0), ("*", 0), ("—", 0), ("7.25%", 2),
  ])
  func decimalsOfOneCell(_ cell: String, _ decimals: Int) throws {
    let result = loadCSV("region,period,indicator,value\na,2024,x,\"\(cell)\"\n")
    let dataset = try #require(result.dataset, "\(result.findings)")
    #expect(dataset.indicator("x")?.decimals == decimals, "\(cell)")
  }

  /// Digits are counted in the canonical unit: 12345 万元 is 1.2345 亿元.
  @Test func decimalsCountInTheCanonicalUnit() throws {
    let observations = """
      region,period,indicator,value,unit
      a,2024,gdp,1.5,亿元
      b,2024,gdp,12345,万元
      a,2024,trade,2.5,万美元
      b,2024,trade,3.25,亿美元
      """
    let dataset = try #require(loadCSV(observations).dataset)
    #expect(dataset.indicator("gdp")?.decimals == 4)
    #expect(dataset.indicator("trade")?.decimals == 1)
    let declared = try #require(
      loadCSV(observations, indicators: "id,unit\ngdp,万元\ntrade,万美元\n").dataset)
    #expect(declared.indicator("gdp")?.decimals == 0)
    #expect(declared.indicator("trade")?.decimals == 1)
  }

  /// XLSX numbers count the digits of their shortest round-trip spelling: the stored
  /// 86.299999999999997 is 86.3 (1 decimal).
  @Test func xlsxNumbersCountTheirShortestSpelling() throws {
    let bytes = try makeXLSX([
      (
        "data",
        [
          XLSXTests.header,
          ["s:a", "s:2024", "s:x", "=86.299999999999997", ""],
          ["s:b", "s:2024", "s:x", "=86.25", ""],
          ["s:a", "s:2024", "s:y", "=0.30000000000000004", ""],
        ]
      )
    ])
    let result = DatasetLoader.load(observations: InputFile(path: "data.xlsx", bytes: bytes))
    let dataset = try #require(result.dataset, "\(result.findings)")
    #expect(dataset.indicator("x")?.decimals == 2)
    #expect(dataset.indicator("y")?.decimals == 6)
  }

  // MARK: - Aggregation and kind

  /// Unit label → aggregation and kind without metadata.
  @Test(arguments: [
    ("亿元", Aggregation.sum, IndicatorKind.flow),
    ("万美元", .sum, .flow),
    ("billion USD", .sum, .flow),
    ("万吨", .sum, .flow),
    ("公顷", .sum, .flow),
    ("人", .sum, .flow),
    ("家", .sum, .flow),
    ("persons", .sum, .flow),
    ("thousand jobs (non-agricultural payrolls)", .sum, .flow),
    ("%", .mean, .ratio),
    ("‰", .mean, .ratio),
    ("years", .mean, .flow),
    ("US$ per person, inflation-adjusted", .mean, .flow),
    ("比例(0-1)", .mean, .flow),
    ("", .mean, .flow),
  ])
  func undeclaredAggregationFollowsTheUnit(
    _ unit: String, _ aggregation: Aggregation, _ kind: IndicatorKind
  ) throws {
    let cell = "\"\(unit)\""
    let text = "region,period,indicator,value,unit\na,2024,x,1,\(cell)\nb,2024,x,2,\(cell)\n"
    let result = loadCSV(text)
    let dataset = try #require(result.dataset, "\(result.findings)")
    #expect(dataset.indicator("x")?.aggregation == aggregation, "\(unit)")
    #expect(dataset.indicator("x")?.kind == kind, "\(unit)")
  }

  @Test func declaredAggregationAndKindWin() throws {
    let indicators = """
      id,unit,aggregate,kind
      rate,%,sum,flow
      life,years,,
      gdp,亿元,mean,stock
      share,%,,
      """
    let observations = """
      region,period,indicator,value
      a,2024,rate,1
      a,2024,life,70
      a,2024,gdp,3
      a,2024,share,4
      """
    let dataset = try #require(loadCSV(observations, indicators: indicators).dataset)
    #expect(dataset.indicator("rate")?.aggregation == .sum)
    #expect(dataset.indicator("rate")?.kind == .flow)
    #expect(dataset.indicator("life")?.aggregation == .mean)
    #expect(dataset.indicator("gdp")?.aggregation == .mean)
    #expect(dataset.indicator("gdp")?.kind == .stock)
    #expect(dataset.indicator("share")?.aggregation == .mean)
    #expect(dataset.indicator("share")?.kind == .ratio)
  }

  @Test func additiveAmountsAreCurrencyMassAreaAndCounts() throws {
    #expect(Unit.yiYuan.isAdditiveAmount && Unit.wanUSD.isAdditiveAmount)
    #expect(try #require(Unit.parse("吨")).isAdditiveAmount)
    #expect(try #require(Unit.parse("亩")).isAdditiveAmount)
    #expect(try #require(Unit.parse("人次")).isAdditiveAmount)
    #expect(try #require(Unit.parse("thousand jobs")).isAdditiveAmount)
    #expect(!Unit.percent.isAdditiveAmount && !Unit.permille.isAdditiveAmount)
    #expect(try !#require(Unit.parse("years")).isAdditiveAmount)
    #expect(try !#require(Unit.parse("元/人")).isAdditiveAmount)
  }

  /// Counts of different things do not convert into each other; scaled counts do.
  @Test func countsConvertOnlyWithinWhatIsCounted() throws {
    let persons = try #require(Unit.parse("人"))
    #expect(try #require(Unit.parse("万人")).convert(1.5, to: persons) == 15_000)
    #expect(try #require(Unit.parse("thousand persons")).convert(2, to: persons) == 2_000)
    #expect(try #require(Unit.parse("家")).convert(1, to: persons) == nil)
    #expect(try #require(Unit.parse("人次")).convert(1, to: persons) == nil)
  }
}
