import Foundation
import Testing

/// Shipped layouts, fonts and calendars are found from the binary, not the working folder:
/// `render` from any folder with only `--data` and `--focus` works.
@Suite struct InstalledLookupTests {
  /// Runs `briefing arguments…` with `folder` as the working folder.
  static func run(in folder: String, _ arguments: [String]) throws -> CLI.Result {
    let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    return try CLI.shell(["-c", "cd '\(folder)' && briefing " + quoted.joined(separator: " ")])
  }

  @Test func defaultLayoutResolvesFromAnotherWorkingFolder() throws {
    let folder = try CLI.scratch()
    let result = try Self.run(
      in: folder, ["render", "--data", CLI.root + "/Samples/jiuquan-2024h1", "--focus", "肃州区", "--dpi", "0"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: folder + "/Output/half-year-comparison-肃州区-2024-H1.pdf"))
  }

  @Test func layoutByNameAndUnknownNameWithHint() throws {
    let folder = try CLI.scratch()
    let ok = try Self.run(in: folder, ["validate", "--layout", "ranking-bulletin"])
    #expect(ok.status == 0, "\(ok.stderr)")
    let typo = try Self.run(in: folder, ["dump-layout", "--layout", "ranking-bulletn"])
    #expect(typo.status == 74)
    #expect(typo.stderr.contains("did you mean 'ranking-bulletin'?"), "\(typo.stderr)")
    #expect(typo.stderr.contains("half-year-comparison, ranking-bulletin"), "\(typo.stderr)")
  }

  @Test func aFileInTheWorkingFolderWinsOverTheShippedName() throws {
    let folder = try CLI.scratch()
    try "name: mine\nsections:\n  - components:\n      - {kind: text, text: hello}\n"
      .write(toFile: folder + "/gallery", atomically: true, encoding: .utf8)
    let result = try Self.run(in: folder, ["dump-layout", "--layout", "gallery"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("name: \"mine\""), "\(result.stdout)")
  }
}
