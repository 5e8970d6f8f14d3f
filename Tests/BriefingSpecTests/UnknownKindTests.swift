import BriefingCore
import BriefingSpec
import Testing

/// A component whose kind is misspelt or missing reports that alone: its other keys are not
/// checked against a kind guessed for it.
@Suite struct UnknownKindTests {
  @Test func aMisspeltKindIsTheOnlyError() throws {
    let result = LayoutLoader.load(
      yaml: "sections:\n  - components:\n      - {kind: scater, indicator: gdp, metric: growthPct}\n", file: "x.yaml")
    #expect(result.document == nil)
    let errors = result.findings.filter { $0.severity == .error }
    #expect(errors.count == 1, "\(errors)")
    let finding = try #require(errors.first)
    #expect(finding.message.code == "unknown-value")
    #expect(finding.location == SourceLocation(file: "x.yaml", line: 3, column: 16))
    #expect(finding.notes.contains("did you mean 'scatter'?"), "\(finding.notes)")
  }

  @Test func aMissingKindIsTheOnlyError() throws {
    let result = LayoutLoader.load(yaml: "sections:\n  - components:\n      - {indicator: gdp}\n", file: "x.yaml")
    let errors = result.findings.filter { $0.severity == .error }
    #expect(errors.map(\.message.code) == ["missing-kind"], "\(errors)")
  }

  @Test func aComponentThatIsNotAMappingSaysSo() throws {
    let result = LayoutLoader.load(yaml: "sections:\n  - components:\n      - kpiTable\n", file: "x.yaml")
    let errors = result.findings.filter { $0.severity == .error }
    #expect(errors.map(\.message.code) == ["wrong-type"], "\(errors)")
  }
}
