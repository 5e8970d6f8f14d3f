import BriefingCore
import Testing

@testable import BriefingIngest

/// A unit is a label the user owns: known units convert within their dimension, any other
/// label is carried as written, and only an indicator mixing labels that do not convert is an
/// error, once per indicator.
@Suite struct UnitLabelTests {
  static let labels = [
    "US$ per person, inflation-adjusted", "thousand jobs (non-agricultural payrolls)", "比例(0-1)",
    "persons", "kg CO2e/capita", "2015=100",
  ]

  @Test func realLabelsAreCarriedAsWritten() throws {
    var text = "region,period,indicator,value,unit\n"
    for (index, label) in Self.labels.enumerated() {
      for region in ["a", "b"] {
        text += "\(region),2024,x\(index),\(index + 1).5,\"\(label)\"\n"
      }
    }
    let result = loadCSV(text)
    let dataset = try #require(result.dataset, "\(result.findings)")
    #expect(result.findings.isEmpty, "\(result.findings)")
    #expect(dataset.indicators.map { $0.unit?.symbol } == Self.labels)
    #expect(dataset.observations.count == 2 * Self.labels.count)
  }

  @Test func labelInIndicatorsFileIsCarriedAsWritten() throws {
    let indicators = "id,unit\nincome,\"US$ per person, inflation-adjusted\"\nshare,比例(0-1)\n"
    let observations = """
      region,period,indicator,value,unit
      a,2024,income,41234,"US$ per person, inflation-adjusted"
      a,2024,share,0.25,
      """
    let result = loadCSV(observations, indicators: indicators)
    let dataset = try #require(result.dataset, "\(result.findings)")
    #expect(dataset.indicator("income")?.unit?.symbol == "US$ per person, inflation-adjusted")
    #expect(dataset.indicator("share")?.unit?.symbol == "比例(0-1)")
  }

  /// A known unit followed by a note in brackets keeps the unit's dimension and conversions,
  /// and is printed as written.
  @Test func knownUnitWithANoteKeepsItsDimension() throws {
    let unit = try #require(Unit.parse("thousand jobs (non-agricultural payrolls)"))
    #expect(unit.symbol == "thousand jobs (non-agricultural payrolls)")
    #expect(unit.dimension == Unit.parse("jobs")?.dimension)
    #expect(unit.factor == 1_000)
    #expect(Unit.parse("万元（2010年价）")?.dimension == .currencyCNY)
  }

  @Test func mixingTwoUnknownLabelsIsOneErrorPerIndicator() throws {
    var text = "region,period,indicator,value,unit\n"
    for region in 0..<300 {
      text += "r\(region),2024,life,70.\(region % 10),\(region < 100 ? "years" : "yrs")\n"
      text += "r\(region),2024,other,1,\(region.isMultiple(of: 2) ? "points" : "pts")\n"
    }
    let result = loadCSV(text)
    #expect(result.dataset == nil)
    #expect(result.errors.count == 2, "\(result.findings)")
    let life = try #require(result.errors.first { $0.message.text.contains("life") })
    #expect(life.message.code == "unit-dimension-mismatch")
    #expect(life.location?.description == "observations.csv:202:21")
    #expect(life.message.text.contains("'yrs'") && life.message.text.contains("'years'"))
    #expect(life.message.text.contains("line 2"))
    let other = try #require(result.errors.first { $0.message.text.contains("other") })
    #expect(other.location?.line == 5)
  }

  @Test func unknownLabelWithAKnownUnitIsOneError() throws {
    var text = "region,period,indicator,value,unit\n"
    for region in 0..<50 {
      text += "r\(region),2024,gdp,\(region + 1),\(region < 10 ? "亿元" : "US$ per person")\n"
    }
    let result = loadCSV(text)
    #expect(result.dataset == nil)
    #expect(result.errors.count == 1, "\(result.findings)")
    #expect(result.errors.first?.location?.line == 12)
    #expect(result.errors.first?.message.text.contains("'US$ per person'") == true)
  }

  /// The unit declared in indicators.csv is canonical: another unknown label in the
  /// observations is one error naming the declaration.
  @Test func declaredUnitAndAnotherLabelIsOneError() throws {
    let indicators = "id,unit\nlife,years\n"
    let observations = """
      region,period,indicator,value,unit
      a,2024,life,71.2,years
      b,2024,life,70.1,yrs
      c,2024,life,69.1,yrs
      d,2024,life,72.5,
      """
    let result = loadCSV(observations, indicators: indicators)
    #expect(result.dataset == nil)
    #expect(result.errors.count == 1, "\(result.findings)")
    let finding = try #require(result.errors.first)
    #expect(finding.location?.description == "observations.csv:3:18")
    #expect(finding.message.text.contains("'years'"))
    #expect(finding.message.text.contains("indicators.csv"))
  }

  /// Values glued to letters are still checked: only a known unit may follow a number directly.
  @Test func valueCellsStillRejectGarbage() {
    #expect(ValueParser.parse("12a.5") == nil)
    #expect(ValueParser.parse("1.2.3") == nil)
    #expect(ValueParser.parse("12abc") == nil)
  }
}
