import BriefingCore
import Testing

@testable import BriefingIngest

/// Panels of shapes nobody here prepared, generated in code: yearly state panels with English
/// labels and a 5-yearly country panel of 0–1 shares, all without indicators.csv.
@Suite struct GeneratedPanelTests {
  /// A deterministic value in 0..<1 for (a, b, c).
  static func noise(_ a: Int, _ b: Int, _ c: Int) -> Double {
    var state = UInt64(a * 1_000_003 + b * 1_009 + c) &* 0x9E37_79B9_7F4A_7C15
    state ^= state >> 29
    state = state &* 0xBF58_476D_1CE4_E5B9
    state ^= state >> 32
    return Double(state % 1_000_000) / 1_000_000
  }

  /// `states` regions in `groups` groups × yearly periods 1980… × three indicators.
  static func statePanel(states: Int, years: Int, groups: Int = 4) -> String {
    var text = "region,period,indicator,value,unit,parent\n"
    for state in 0..<states {
      let parent = "Division \(state % groups + 1)"
      for offset in 0..<years {
        let year = 1980 + offset
        let income = 20_000 + 30_000 * noise(state, offset, 1)
        let jobs = 200 + 9_000 * noise(state, offset, 2)
        let life = 68 + 12 * noise(state, offset, 3)
        text += "State \(state),\(year),income,\(fixed(income, 0)),"
          + "\"US$ per person, inflation-adjusted\",\(parent)\n"
        text += "State \(state),\(year),payrolls,\(fixed(jobs, 1)),"
          + "thousand jobs (non-agricultural payrolls),\(parent)\n"
        text += "State \(state),\(year),life expectancy,\(fixed(life, 3)),years,\(parent)\n"
      }
    }
    return text
  }

  /// `value` with exactly `decimals` fraction digits (half up; the values are positive).
  static func fixed(_ value: Double, _ decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let units = Int((value * scale).rounded())
    guard decimals > 0 else { return "\(units)" }
    let digits = String(units)
    let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
    return padded.dropLast(decimals) + "." + padded.suffix(decimals)
  }

  @Test func yearlyStatePanelWithEnglishLabels() throws {
    let result = loadCSV(Self.statePanel(states: 52, years: 44))
    let dataset = try #require(result.dataset, "\(result.findings.prefix(5))")
    #expect(result.findings.isEmpty, "\(result.findings.prefix(5))")
    #expect(dataset.observations.count == 52 * 44 * 3)
    #expect(dataset.regions.count == 52)
    #expect(dataset.periods.count == 44)
    #expect(dataset.peerGroups.count == 4)
    let income = try #require(dataset.indicator("income"))
    #expect(income.unit?.symbol == "US$ per person, inflation-adjusted")
    #expect(income.decimals == 0 && income.aggregation == .mean)
    let payrolls = try #require(dataset.indicator("payrolls"))
    #expect(payrolls.unit?.symbol == "thousand jobs (non-agricultural payrolls)")
    #expect(payrolls.decimals == 1 && payrolls.aggregation == .sum)
    let life = try #require(dataset.indicator("life expectancy"))
    #expect(life.decimals == 3 && life.aggregation == .mean && life.kind == .flow)
  }

  /// The same panel over 1 MiB goes through the threaded reader and gives the same metadata.
  @Test func largePanelOnTheThreadedReaderGivesTheSameIndicators() throws {
    let text = Self.statePanel(states: 300, years: 44)
    #expect(text.utf8.count >= TableReading.concurrentReadingThreshold)
    let large = try #require(loadCSV(text).dataset)
    let small = try #require(loadCSV(Self.statePanel(states: 52, years: 44)).dataset)
    #expect(large.observations.count == 300 * 44 * 3)
    #expect(large.indicators == small.indicators)
  }

  /// Countries × 1952, 1957, … 2022: a 0–1 share written with 4 decimals, a population in 万人.
  @Test func fiveYearlyCountryPanelOfShares() throws {
    var text = "region,period,indicator,value,unit\n"
    let years = Array(stride(from: 1952, through: 2022, by: 5))
    for country in 0..<40 {
      for (offset, year) in years.enumerated() {
        let share = Self.fixed(Self.noise(country, offset, 7), 4)
        text += "国家\(country),\(year),城镇人口比重,\(share),比例(0-1)\n"
        let population = Self.fixed(100 + 900 * Self.noise(country, offset, 8), 1)
        text += "国家\(country),\(year),人口,\(population),万人\n"
      }
    }
    let result = loadCSV(text)
    let dataset = try #require(result.dataset, "\(result.findings.prefix(5))")
    #expect(result.findings.isEmpty, "\(result.findings.prefix(5))")
    #expect(dataset.periods.map(\.code) == years.map(String.init))
    let share = try #require(dataset.indicator("城镇人口比重"))
    #expect(share.unit?.symbol == "比例(0-1)")
    #expect(share.decimals == 4 && share.aggregation == .mean)
    let population = try #require(dataset.indicator("人口"))
    #expect(population.decimals == 1 && population.aggregation == .sum)
    let values = dataset.observations.filter { $0.indicator == share.id }.compactMap(\.value)
    #expect(values.count == 40 * years.count)
    #expect(values.allSatisfy { (0...1).contains($0) })
  }
}
