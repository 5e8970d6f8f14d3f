import BriefingCore
import BriefingSpec
import Testing

@Suite struct LayoutLoaderTests {
  static let minimal = """
    sections:
      - components:
          - kind: kpiTable
    """

  @Test func absentKeysTakeDefaults() throws {
    let result = LayoutLoader.load(yaml: Self.minimal, file: "Layouts/mini.yaml")
    #expect(result.findings.isEmpty)
    let layout = try #require(result.document)
    #expect(layout.version == 1)
    #expect(layout.name == "mini")
    #expect(layout.scope == .region)
    #expect(layout.page == PageSpec.default)
    #expect(layout.language == .zhCN)
    #expect(layout.indicators == .main)
    #expect(layout.sections.count == 1)
    #expect(layout.sections[0].columns == 1)
    #expect(layout.sections[0].components[0].kind == .kpiTable)
  }

  /// (yaml, expected code, line, column, note fragment)
  static let errors: [(String, String, Int, Int, String)] = [
    ("sectons: []\n", "unknown-key", 1, 1, "did you mean 'sections'?"),
    (
      "page:\n  orientation: landscap\nsections:\n  - components:\n      - kind: text\n",
      "unknown-value", 2, 16, "did you mean 'landscape'?"
    ),
    (
      "sections:\n  - components:\n      - kind: kpiTable\n        metric: growthPct\n",
      "unknown-key", 4, 9, ""
    ),
    (
      "sections:\n  - components:\n      - kind: rankedBar\n        indicator: gdp\n        metric: grwthPct\n",
      "unknown-value", 5, 17, "did you mean 'growthPct'?"
    ),
    (
      "version: 2\nsections:\n  - components:\n      - kind: text\n",
      "unsupported-layout-version", 1, 10, ""
    ),
    ("sections:\n  - components:\n      - kind: rankedBar\n", "missing-indicator", 3, 9, ""),
    ("page: {size: A5}\nsections: []\n", "unknown-value", 1, 14, "did you mean 'A4'?"),
    ("sections:\n  - components: [\n", "yaml-syntax", 3, 1, ""),
    ("theme: {fonts: {latn: X}}\nsections: []\n", "unknown-key", 1, 17, "did you mean 'latin'?"),
    ("theme:\n  fonts: {hans: 'A, B'}\nsections: []\n", "wrong-type", 2, 17, ""),
    ("sections:\n  - components:\n      - {kind: kpiTable, names: shrt}\n", "unknown-value", 3, 33, "did you mean 'short'?"),
    ("sections:\n  - components:\n      - {kind: rankedBar, indicator: gdp, names: short}\n", "unknown-key", 3, 43, ""),
  ]

  @Test(arguments: errors)
  func reportsErrorsWithLocation(
    _ yaml: String, _ code: String, _ line: Int, _ column: Int, _ note: String
  ) throws {
    let result = LayoutLoader.load(yaml: yaml, file: "x.yaml")
    #expect(result.document == nil)
    let finding = try #require(result.findings.first { $0.message.code == code })
    #expect(finding.severity == .error)
    #expect(finding.location == SourceLocation(file: "x.yaml", line: line, column: column))
    if !note.isEmpty { #expect(finding.notes.contains(note)) }
  }

  @Test func dumpReloadsToTheSameLayout() throws {
    let yaml = """
      title: "{region}{period}对比"
      page: {orientation: landscape, margin: 24}
      theme: {base: grayscale, overrides: {text.size: "8"}, fonts: {latin: DejaVu Sans, hant: Noto Serif CJK TC}}
      indicators: [gdp, fai]
      sections:
        - title: 主要指标
          columns: 2
          components:
            - {kind: rankedBar, indicator: gdp, metric: growthPct, showRanks: false}
            - {kind: kpiTable, columns: [value, growthPct, rank], names: short}
        - components:
            - {kind: smallMultiples, indicators: main, columns: 3}
      """
    let first = try #require(LayoutLoader.load(yaml: yaml, file: "a.yaml").document)
    let dumped = first.effectiveYAML
    let second = try #require(LayoutLoader.load(yaml: dumped, file: "a.yaml").document)
    #expect(second.effectiveYAML == dumped)
    #expect(second.sections[1].components[0].body.spec.dumpLines.contains("columns: 3"))
    #expect(second.sections[0].components[1].body.spec.dumpLines.contains("names: short"))
    #expect(!ComponentKind.rankedBar.keyNames.contains("names"))
    #expect(second.theme.overrides["text.size"] == "8")
    #expect(second.theme.fonts == FontSpec(latin: "DejaVu Sans", hant: "Noto Serif CJK TC"))
    #expect(first.theme.fonts.hans == nil)
  }
}

@Suite struct LayoutValidatorTests {
  @Test func unknownIndicatorGetsSuggestion() throws {
    let yaml = "sections:\n  - components:\n      - {kind: rankedBar, indicator: gpd}\n"
    let layout = try #require(LayoutLoader.load(yaml: yaml, file: "l.yaml").document)
    let dataset = Dataset(
      regions: [], indicators: [Indicator(id: "gdp"), Indicator(id: "fai")], observations: [])
    let findings = LayoutValidator.validate(layout, against: dataset, file: "l.yaml")
    let finding = try #require(findings.first)
    #expect(finding.message.code == "unknown-indicator")
    #expect(finding.location?.line == 3)
    #expect(finding.notes == ["did you mean 'gdp'?"])
  }

  /// A completion metric cannot be bound to a chart (rankedBar and trendLine draw value or
  /// growth): it is a load error now, not a warning at validation.
  @Test func completionOnAChartIsALoadError() throws {
    let yaml =
      "sections:\n  - components:\n      - {kind: rankedBar, indicator: gdp, metric: completionPct}\n"
    let result = LayoutLoader.load(yaml: yaml, file: "l.yaml")
    #expect(result.document == nil)
    #expect(result.findings.map(\.message.code) == ["unsupported-value"])
  }
}
