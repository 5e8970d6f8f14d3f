import Foundation
import Testing

/// `briefing render` lines read by the fast path (`--data X`) and by ArgumentParser (`--data=X`,
/// a form the fast path leaves alone) give the same files, messages and exit status.
@Suite(.serialized) struct RenderFastPathTests {
  static let data = "Samples/jiuquan-2024h1"

  /// Runs `render` twice, `--data` spelled both ways, each into its own output folder.
  static func bothWays(_ arguments: [String]) throws -> (fast: CLI.Result, parsed: CLI.Result, same: Bool) {
    let (fastOut, parsedOut) = (try CLI.scratch(), try CLI.scratch())
    var fast = try CLI.run(["render", "--data", data] + arguments + ["--out", fastOut])
    var parsed = try CLI.run(["render", "--data=" + data] + arguments + ["--out", parsedOut])
    fast.stdout = fast.stdout.replacingOccurrences(of: fastOut, with: "OUT")
    parsed.stdout = parsed.stdout.replacingOccurrences(of: parsedOut, with: "OUT")
    let same = try ChartSetTests.files(fastOut) == ChartSetTests.files(parsedOut)
    return (fast, parsed, same)
  }

  @Test(arguments: [
    ["--focus", "肃州区"],
    ["--layout", "Layouts/half-year-comparison.yaml", "--focus", "肃州区", "--every-region", "--dpi", "0", "--quiet"],
    ["--layout", "Layouts/region-charts.yaml", "--focus", "肃州区", "--format", "pdf", "--jobs", "1"],
    ["--layout", "Layouts/region-charts.yaml", "--period", "2024-H1", "--focus", "玉门市", "--transparent"],
    ["--layout", "Layouts/half-year-comparison.yaml", "--focus", "无此地", "--as-of", "2024-07-15"],
    ["--layout", "Layouts/region-charts.yaml", "--jobs", "0"],
    ["--layout", "Layouts/region-charts.yaml", "--format", "gif"],
    ["--layout", "Layouts/region-charts.yaml", "--encoding", "latin1"],
  ])
  func sameOutcomeEitherWay(arguments: [String]) throws {
    let (fast, parsed, same) = try Self.bothWays(arguments)
    #expect(fast.status == parsed.status)
    #expect(fast.stdout == parsed.stdout)
    #expect(fast.stderr == parsed.stderr)
    #expect(same, "same files")
  }

  @Test func theFastPathRendersWhatItReads() throws {
    let (fast, _, _) = try Self.bothWays(
      ["--layout", "Layouts/region-charts.yaml", "--focus", "肃州区", "--format", "pdf"])
    #expect(fast.status == 0, "\(fast.stderr)")
    #expect(fast.stdout.contains("OUT/region-charts-2024-H1/肃州区.pdf"))
  }
}
