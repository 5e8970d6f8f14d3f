import Foundation
import Testing

@Suite struct ScoreCommandTests {
  static let sample = [
    "score", "--data", "Samples/jiuquan-2024h1", "--scoring", "Samples/jiuquan-2024h1/scoring.yaml",
    "--period", "2024-H1",
  ]

  /// Rows of the CSV output keyed by "scenario/region", as column → field.
  static func rows(_ csv: String) -> [String: [String: String]] {
    let lines = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    guard let header = lines.first else { return [:] }
    var result: [String: [String: String]] = [:]
    for fields in lines.dropFirst() {
      let row = Dictionary(uniqueKeysWithValues: zip(header, fields))
      result["\(row["scenario"] ?? "")/\(row["region"] ?? "")"] = row
    }
    return result
  }

  @Test func sampleScoresAndProjection() throws {
    let result = try CLI.run(Self.sample + ["--estimates", "Samples/jiuquan-2024h1/estimates-2024.csv"])
    #expect(result.status == 0, "\(result.stderr)")
    let rows = Self.rows(result.stdout)
    #expect(rows.count == 18)
    // 肃州区 at H1: PM10 78 µg/m³ breaks the 76 red line, so its 76.21 points are capped at 60.
    let suzhou = try #require(rows["current/肃州区"])
    #expect(suzhou["total"] == "60" && suzhou["vetoed_by"] == "pm10" && suzhou["rank"] == "3")
    #expect(suzhou["uses_estimates"] == "true")  // its H1 GDP is an estimate
    // 玉门市 had an accident (red line 0): zeroed in both scenarios.
    #expect(rows["current/玉门市"]?["total"] == "0" && rows["projected/玉门市"]?["total"] == "0")
    // 阿克塞县's masked 外资 is missing, never 0: the factor is empty, the total rescaled.
    let akesai = try #require(rows["current/阿克塞县"])
    #expect(akesai["points:fdi-size"] == "" && akesai["factor:contribution"] == "")
    #expect(akesai["missing_items"] == "fdi-size" && akesai["rank"] != "")
    // Full-year estimates: PM10 78 × 72 / 81 ≈ 69 stays under the line; 肃州区 projects first.
    let projected = try #require(rows["projected/肃州区"])
    #expect(projected["period"] == "2024" && projected["vetoed"] == "false" && projected["rank"] == "1")
  }

  /// Runs the sample command with `yaml` as the scoring file; returns the result and its path.
  static func runScoring(_ yaml: String, extra: [String] = []) throws -> (CLI.Result, String) {
    let path = try CLI.scratch() + "/scoring.yaml"
    try yaml.write(toFile: path, atomically: true, encoding: .utf8)
    var arguments = sample
    arguments[4] = path
    return (try CLI.run(arguments + extra), path)
  }

  @Test func badScoringFileExits65WithLocation() throws {
    let (result, path) = try Self.runScoring(
      "factors:\n  - id: f\n    items:\n      - {indicator: gdp, wieght: 1, rule: rank}\n")
    #expect(result.status == 65)
    #expect(result.stderr.contains("\(path):4:26: error: unknown key 'wieght'"))
    #expect(result.stderr.contains("did you mean 'weight'?"))
  }

  @Test func unknownIndicatorExits65() throws {
    let (result, path) = try Self.runScoring(
      "group: 酒泉市\nfactors:\n  - id: f\n    items:\n      - {indicator: gpd, weight: 1, rule: rank}\n",
      extra: ["--format", "json"])
    #expect(result.status == 65)
    #expect(result.stderr.contains("\(path):5:9: error: the scoring file names indicator 'gpd'"))
    #expect(result.stderr.contains("did you mean 'gdp'?"))
  }
}
