import BriefingCore
import BriefingSpec
import Foundation
import Testing

@Suite struct ScoringLoaderTests {
  static let minimal = """
    factors:
      - id: task
        items:
          - {indicator: gdp, weight: 10, rule: rank}
          - {id: gdp-done, indicator: gdp, weight: 5, rule: completion}
          - {indicator: energy, weight: 5, rule: minmax, basis: growth, polarity: lower}
    vetoes:
      - {indicator: pm10}
      - {indicator: accidents, max: 0, effect: cap, cap: 60}
      - {indicator: forest, min: 30, effect: flag}
    """

  @Test func absentKeysTakeDefaults() throws {
    let result = ScoringLoader.load(yaml: Self.minimal, file: "Samples/x/assess.yaml")
    #expect(result.findings.isEmpty)
    let scheme = try #require(result.scheme)
    #expect(scheme.version == 1 && scheme.name == "assess" && scheme.group == nil)
    #expect(scheme.decimals == 2 && scheme.missing == .unranked)
    #expect(scheme.factors.map(\.name) == ["task"])
    let items = scheme.items
    #expect(items.map(\.id) == ["gdp", "gdp-done", "energy"])
    #expect(items[0].rule == .rank(basis: .value, stepPct: nil))
    #expect(items[1].rule == .completion(basis: .target, capPct: 120))
    #expect(items[2].rule == .minMax(basis: .growth) && items[2].polarity == .lower)
    #expect(items[0].location == SourceLocation(file: "Samples/x/assess.yaml", line: 4, column: 9))
    #expect(scheme.vetoes.map(\.line) == [nil, RedLine(threshold: 0, kind: .max), RedLine(threshold: 30, kind: .min)])
    #expect(scheme.vetoes.map(\.effect) == [.zero, .cap(60), .flag])
  }

  @Test func sampleScoringFileLoadsWithoutFindings() throws {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    let path = url.path + "/Samples/jiuquan-2024h1/scoring.yaml"
    let result = ScoringLoader.load(yaml: try String(contentsOfFile: path, encoding: .utf8), file: path)
    #expect(result.findings.isEmpty)
    let scheme = try #require(result.scheme)
    #expect(scheme.factors.map(\.name) == ["综合任务完成率", "发展贡献率", "增速完成率", "跨越发展"])
    #expect(scheme.items.map(\.weight).reduce(0, +) == 100)
    #expect(scheme.group == "酒泉市" && scheme.missing == .rescale && scheme.vetoes.count == 3)
  }

  /// (yaml, expected code, line, column, note fragment); keys that do not apply are reported
  /// at their value.
  static let errors: [(String, String, Int, Int, String)] = [
    ("factor: []\n", "unknown-key", 1, 1, "did you mean 'factors'?"),
    ("factors: []\n", "no-factors", 1, 10, ""),
    ("version: 2\nfactors:\n  - {id: f, items: [{indicator: a, weight: 1, rule: rank}]}\n", "unsupported-scoring-version", 1, 10, ""),
    ("factors:\n  - id: f\n    itmes: []\n", "unknown-key", 3, 5, "did you mean 'items'?"),
    ("factors:\n  - id: f\n    items:\n      - {indicator: a, weight: 1, rule: rnak}\n", "unknown-value", 4, 41, "did you mean 'rank'?"),
    ("factors:\n  - id: f\n    items:\n      - {indicator: a, weight: 1, rule: rank, cap: 120}\n", "key-not-for-rule", 4, 52, ""),
    ("factors:\n  - id: f\n    items:\n      - {indicator: a, weight: 1, rule: completion, step: 5}\n", "key-not-for-rule", 4, 59, ""),
    ("factors:\n  - id: f\n    items:\n      - {indicator: a, weight: 1, rule: minmax, basis: rank}\n", "unknown-value", 4, 56, ""),
    ("factors:\n  - id: f\n    items:\n      - {indicator: a, weight: 0, rule: rank}\n", "out-of-range", 4, 32, ""),
    ("factors:\n  - id: f\n    items:\n      - {indicator: a, weight: 1}\n", "missing-key", 4, 9, ""),
    ("factors:\n  - id: f\n    items:\n      - {weight: 1, rule: rank}\n", "missing-key", 4, 9, ""),
    (
      "factors:\n  - id: f\n    items:\n      - {indicator: a, weight: 1, rule: rank}\n      - {indicator: a, weight: 2, rule: minmax}\n",
      "duplicate-id", 5, 9, ""
    ),
    (
      "factors:\n  - {id: f, items: [{indicator: a, weight: 1, rule: rank}]}\n  - {id: f, items: [{id: b, indicator: a, weight: 1, rule: rank}]}\n",
      "duplicate-id", 3, 5, ""
    ),
    (
      "factors:\n  - {id: f, items: [{indicator: a, weight: 1, rule: rank}]}\nvetoes:\n  - {indicator: pm10, max: 1, min: 0}\n",
      "max-and-min", 4, 36, ""
    ),
    (
      "factors:\n  - {id: f, items: [{indicator: a, weight: 1, rule: rank}]}\nvetoes:\n  - {indicator: pm10, effect: cap}\n",
      "missing-key", 4, 5, ""
    ),
    (
      "factors:\n  - {id: f, items: [{indicator: a, weight: 1, rule: rank}]}\nvetoes:\n  - {indicator: pm10, cap: 5}\n",
      "key-not-for-effect", 4, 28, ""
    ),
    (
      "factors:\n  - {id: f, items: [{indicator: a, weight: 1, rule: rank}]}\nmissing: skip\n",
      "unknown-value", 3, 10, ""
    ),
    ("factors: [\n", "yaml-syntax", 2, 1, ""),
  ]

  @Test(arguments: errors)
  func reportsErrorsWithLocation(
    _ yaml: String, _ code: String, _ line: Int, _ column: Int, _ note: String
  ) throws {
    let result = ScoringLoader.load(yaml: yaml, file: "s.yaml")
    #expect(result.scheme == nil)
    let finding = try #require(result.findings.first { $0.message.code == code })
    #expect(finding.severity == .error)
    #expect(finding.location == SourceLocation(file: "s.yaml", line: line, column: column))
    if !note.isEmpty { #expect(finding.notes.contains(note)) }
  }

  @Test func emptyFileIsOneError() {
    let result = ScoringLoader.load(yaml: "", file: "s.yaml")
    #expect(result.scheme == nil && result.findings.map(\.message.code) == ["empty-scoring"])
  }
}
