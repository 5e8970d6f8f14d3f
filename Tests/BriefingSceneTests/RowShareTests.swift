import Testing

@testable import BriefingScene

// MARK: - Flexible rows share a section, each at least its minimum

/// `LayoutComposer.share`: the flexible rows of a section split the height left equally, except
/// that a row never gets less than its minimum (a ranking's height at the minimum text size);
/// the others share what remains.
struct RowShareTests {
  @Test(arguments: [
    // available, minimums, expected
    (300.0, [0.0, 0.0, 0.0], [100.0, 100.0, 100.0]),
    (300.0, [250.0, 0.0], [250.0, 50.0]),
    (300.0, [120.0, 0.0, 0.0], [120.0, 90.0, 90.0]),
    (300.0, [400.0, 0.0], [400.0, 0.0]),
    (300.0, [90.0, 90.0, 0.0], [100.0, 100.0, 100.0]),
    (0.0, [], []),
  ])
  func rowsShareWithFloors(available: Double, minimums: [Double], expected: [Double]) {
    #expect(LayoutComposer.share(available, minimums: minimums) == expected)
  }
}
