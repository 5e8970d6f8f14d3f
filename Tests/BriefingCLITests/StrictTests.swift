import Foundation
import Testing

/// `render --strict`: a warning is an error (exit 65) and the sheet is not written; without it
/// the same warning is printed and the sheet is written.
@Suite struct StrictTests {
  @Test func warningsFailTheRunUnderStrictAndNothingIsWritten() throws {
    let data = try CLI.scratch()
    for file in ["observations.csv", "regions.csv", "indicators.csv"] {
      try FileManager.default.copyItem(
        atPath: CLI.root + "/Samples/jiuquan-2024h1/" + file, toPath: data + "/" + file)
    }
    // A negative value a year earlier: growth against it is undefined, a negative-base warning.
    let observations = URL(fileURLWithPath: data + "/observations.csv")
    var lines = try String(contentsOf: observations, encoding: .utf8).split(separator: "\n").map(String.init)
    let index = try #require(lines.firstIndex { $0.hasPrefix("肃州区,2023-H1,gdp,") })
    var fields = lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    fields[3] = "-5"
    lines[index] = fields.joined(separator: ",")
    try (lines.joined(separator: "\n") + "\n").write(to: observations, atomically: true, encoding: .utf8)
    let args = [
      "render", "--data", data, "--layout", CLI.root + "/Layouts/half-year-comparison.yaml",
      "--focus", "肃州区", "--period", "2024-H1", "--dpi", "0",
    ]

    let strictOut = try CLI.scratch()
    let strict = try CLI.run(args + ["--out", strictOut, "--strict"])
    #expect(strict.status == 65, "\(strict.stderr)")
    #expect(strict.stderr.contains("error:") && strict.stderr.contains("an error under --strict"), "\(strict.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: strictOut).isEmpty, "nothing written")

    let plainOut = try CLI.scratch()
    let plain = try CLI.run(args + ["--out", plainOut])
    #expect(plain.status == 0, "\(plain.stderr)")
    #expect(plain.stderr.contains("warning:"), "\(plain.stderr)")
    #expect(FileManager.default.fileExists(atPath: plainOut + "/half-year-comparison-肃州区-2024-H1.pdf"))
  }
}
