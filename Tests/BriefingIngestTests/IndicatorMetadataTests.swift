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

  /// growth_basis cell (or a Chinese header) → basis; nil = a bad-metadata error.
  @Test(arguments: [
    ("growth_basis", "real", GrowthBasis.real),
    ("growth_basis", "nominal", .nominal),
    ("growth_basis", "", .nominal),
    ("增速口径", "可比价", .real),
    ("growth_basis", "现价", .nominal),
    ("growth_basis", "reel", nil),
  ])
  func growthBasisIsRead(_ header: String, _ text: String, _ expected: GrowthBasis?) throws {
    let indicators = "id,name,\(header)\nx,X,\(text)\n"
    let result = loadCSV(Self.observations, indicators: indicators)
    guard let expected else {
      #expect(result.dataset == nil)
      #expect(result.findings.map(\.message.code) == ["bad-metadata"])
      return
    }
    let dataset = try #require(result.dataset, "\(result.findings)")
    #expect(dataset.indicator("x")?.growthBasis == expected)
  }
}
