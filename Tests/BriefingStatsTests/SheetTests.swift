import BriefingCore
import Testing
@testable import BriefingStats

/// Data-quality findings of a comparison table.
@Suite struct SheetTests {
  @Test func dataQuality() {
    let regions = (0..<6).map { "R\($0)" }
    var observations: [Observation] = []
    for (k, r) in regions.enumerated() {
      observations.append(Fixture.obs(r, "2024-M03", 30))
      // H1 per month = M03 per month for most; R5 grows 80% (outlier growth) and R0 is estimated.
      observations.append(Fixture.obs(r, "2024-H1", 60, status: k == 0 ? .estimate : .actual, official: k == 5 ? 80 : 5 + Double(k)))
    }
    observations.append(Fixture.obs("R6", "2024-H1", nil, status: .masked))
    let table = compare(Fixture.dataset(members: regions + ["R6"], observations: observations))
    let codes = dataQualityFindings(table).map(\.message.code)
    #expect(codes == ["growth-outlier", "estimated-values", "masked-values"])
    // A structural break: every member's monthly pace doubles.
    let jumped = compare(
      Fixture.dataset(
        members: ["A", "B"],
        observations: [Fixture.obs("A", "2024-Q1", 10), Fixture.obs("B", "2024-Q1", 10), Fixture.obs("A", "2024-Q2", 20), Fixture.obs("B", "2024-Q2", 15)]))
    #expect(dataQualityFindings(jumped).map(\.message.code) == ["structural-break"])
  }
}
