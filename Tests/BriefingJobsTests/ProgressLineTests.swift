import Testing

@testable import BriefingJobs

@Suite struct ProgressLineTests {
  @Test(arguments: [
    (0, 4, "", 8, "[........]  0/4"),
    (1, 4, "a", 8, "[##......]  1/4  a"),
    (4, 4, "肃州区-2024-H1", 8, "[########]  4/4  肃州区-2024-H1"),
    (3, 126, "x", 10, "[..........]    3/126  x"),
    (13, 126, "x", 10, "[#.........]   13/126  x"),
    (9, 4, "", 4, "[####]  4/4"),
    (-1, 0, "", 4, "[....]  0/0"),
  ])
  func text(_ done: Int, _ total: Int, _ label: String, _ width: Int, _ expected: String) {
    #expect(ProgressLine.text(done: done, total: total, label: label, width: width) == expected)
  }

  @Test func longLabelsAreCutWithAMark() {
    let text = ProgressLine.text(done: 1, total: 1, label: String(repeating: "区", count: 60), width: 2)
    #expect(text == "[##]  1/1  " + String(repeating: "区", count: 39) + "…")
  }
}
