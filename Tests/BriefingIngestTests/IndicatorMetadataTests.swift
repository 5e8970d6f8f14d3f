import BriefingCore
import Testing

@testable import BriefingIngest

@Suite struct IndicatorMetadataTests {
  static let observations = "region,period,indicator,value\nA,2024-H1,x,1\n"

  @Test(arguments: [
    ("sum", Aggregation.sum),
    ("mean", Aggregation.mean),
    ("none", Aggregation.none),
    ("weighted:gdp", Aggregation.weightedMean(by: "gdp")),
  ])
  func aggregationIsRead(_ text: String, _ expected: Aggregation) throws {
    let indicators = "id,name,unit,aggregate\nx,X,%,\(text)\ngdp,GDP,亿元,sum\n"
    let result = loadCSV(Self.observations, indicators: indicators)
    let dataset = try #require(result.dataset, "\(result.findings)")
    #expect(dataset.indicator("x")?.aggregation == expected)
  }
}
