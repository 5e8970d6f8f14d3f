import BriefingCore
import Testing
@testable import BriefingStats

@Suite struct ComparisonPlanTests {
  /// Once built, the plan keeps no reference to the dataset's observation array (the township
  /// analyze frees about 1 GB of observations before writing its rows): writing to the array
  /// afterwards does not copy it, and the plan's rows are those of the data it was built from.
  @Test func planHoldsNoReferenceToTheObservations() {
    var data = Fixture.dataset(
      members: ["A", "B"],
      observations: [Fixture.obs("A", "2024-H1", 3), Fixture.obs("B", "2024-H1", 5)])
    let plan = ComparisonPlan(data)
    let before = data.observations.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    data.observations[0].value = 7
    let after = data.observations.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    #expect(before == after)
    var values: [Double?] = []
    plan.forEachRow(ofIndicator: 0) { values.append($0.value) }
    #expect(values == [3, 5, 8])
  }
}
