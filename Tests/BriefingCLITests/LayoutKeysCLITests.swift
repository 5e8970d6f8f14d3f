import BriefingSpec
import Foundation
import Testing

/// `dump-layout` prints the fully defaulted layout of every shipped layout, `validate` passes
/// them without warnings, and a key that would be ignored is an error with its location.
@Suite(.serialized) struct LayoutKeysCLITests {
  static let shipped: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: CLI.root + "/Layouts")) ?? [])
    .filter { $0.hasSuffix(".yaml") }.sorted()

  @Test(arguments: shipped)
  func dumpLayoutPrintsEveryComponentKey(_ file: String) throws {
    let result = try CLI.run(["dump-layout", "--layout", "Layouts/" + file])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    let blocks = result.stdout.components(separatedBy: "      - kind: ").dropFirst()
    #expect(!blocks.isEmpty)
    for block in blocks {
      let lines = block.split(separator: "\n")
      let kind = try #require(ComponentKind(rawValue: String(lines[0])))
      let keys = Set(
        lines.dropFirst().filter { $0.hasPrefix("        ") && !$0.hasPrefix("         ") }
          .compactMap { $0.trimmingCharacters(in: .whitespaces).split(separator: ":").first }
          .map(String.init))
      #expect(keys == Set(["span", "title", "height"]).union(kind.keyNames), "\(file) \(kind)")
    }
    // The dump is itself a layout that dumps the same.
    let dir = try CLI.scratch()
    let path = dir + "/" + file
    try result.stdout.write(toFile: path, atomically: true, encoding: .utf8)
    let again = try CLI.run(["dump-layout", "--layout", path])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout == result.stdout)
  }

  @Test func validateShowsTheUnknownPlaceholderWhereItIs() throws {
    let dir = try CLI.scratch()
    let path = dir + "/typo.yaml"
    try "title: \"{regoin}{period}主要指标\"\nsections:\n  - components:\n      - {kind: text, text: x}\n"
      .write(toFile: path, atomically: true, encoding: .utf8)
    let result = try CLI.run(["validate", "--layout", path])
    #expect(result.status == 65)
    #expect(result.stderr.contains("\(path):1:9: error: unknown placeholder '{regoin}'"), "\(result.stderr)")
    #expect(result.stderr.contains("did you mean '{region}'?"))
  }

  @Test func validateRejectsVerticalBars() throws {
    let dir = try CLI.scratch()
    let path = dir + "/vertical.yaml"
    try "sections:\n  - components:\n      - kind: rankedBar\n        indicator: gdp\n        orientation: vertical\n"
      .write(toFile: path, atomically: true, encoding: .utf8)
    let result = try CLI.run(["validate", "--layout", path])
    #expect(result.status == 65)
    #expect(result.stderr.contains("\(path):5:22: error:"), "\(result.stderr)")
    #expect(result.stderr.contains("only 'horizontal'"))
  }

  @Test(arguments: [(1, "ok (1 section)"), (2, "ok (2 sections)")])
  func validateCountsSectionsInGoodEnglish(_ count: Int, _ expected: String) throws {
    let path = try CLI.scratch() + "/sections.yaml"
    let section = "  - components:\n      - {kind: text, text: x}\n"
    try ("sections:\n" + String(repeating: section, count: count)).write(toFile: path, atomically: true, encoding: .utf8)
    let result = try CLI.run(["validate", "--layout", path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "\(path): \(expected)\n")
  }
}
