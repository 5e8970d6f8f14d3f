import Foundation
import Testing

// MARK: - One rule for "latest period" across commands

/// `render` without `--period` and `run` with `period: latest` choose the same period from the
/// same data (`PeriodResolver`): the latest cumulative one, full years included, among the
/// periods the compared regions have.
@Suite(.serialized) struct LatestPeriodTests {
  /// A copy of the 酒泉 sample whose 2024-H1 rows are repeated as full-year 2024 rows for the
  /// regions `fullYear` picks (by region id); the growth column is left empty so that the copies
  /// are not flagged.
  private static func data(fullYear: (String) -> Bool) throws -> String {
    let dir = try CLI.scratch()
    try FileManager.default.copyItem(atPath: CLI.root + "/Samples/jiuquan-2024h1", toPath: dir + "/data")
    let path = dir + "/data/observations.csv"
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    let extra = lines.dropFirst().compactMap { line -> String? in
      var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard cells.count > 8, cells[1] == "2024-H1", fullYear(cells[0]) else { return nil }
      cells[1] = "2024"
      cells[8] = ""
      return cells.joined(separator: ",")
    }
    try (lines + extra).joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
    return dir
  }

  /// The period of the sheet `render --focus 玉门市` writes, from the PDF's name.
  private static func renderedPeriod(_ dir: String) throws -> String? {
    let result = try CLI.run([
      "render", "--data", dir + "/data", "--focus", "玉门市", "--dpi", "0", "--quiet", "--out", dir + "/render",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let pdf = result.stdout.split(separator: "\n").first { $0.hasSuffix(".pdf") }
    return pdf.map { String($0.dropFirst((dir + "/render/half-year-comparison-玉门市-").count).dropLast(4)) }
  }

  /// The period `run` chose for `regions: [玉门市]`, `period: latest`, from its manifest.
  private static func runPeriod(_ dir: String) throws -> String? {
    let job = """
      version: 1
      data: data
      layouts: [\(CLI.root)/Layouts/half-year-comparison.yaml]
      regions: [玉门市]
      period: latest
      output: out
      """
    try job.write(toFile: dir + "/job.yaml", atomically: true, encoding: .utf8)
    let result = try CLI.run(["run", dir + "/job.yaml", "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    let manifest = try Data(contentsOf: URL(fileURLWithPath: dir + "/out/manifest.json"))
    let object = try JSONSerialization.jsonObject(with: manifest) as? [String: Any]
    return object?["period"] as? String
  }

  /// Periods 2023, 2024-M03, 2024-H1 and 2024: both pick the full year 2024 (render used to skip
  /// full years and give 2024-H1).
  @Test func renderAndRunPickTheSameFullYear() throws {
    let dir = try Self.data { _ in true }
    #expect(try Self.renderedPeriod(dir) == "2024")
    #expect(try Self.runPeriod(dir) == "2024")
  }

  /// 2024 exists only for the townships of 肃州区, not for 玉门市's group (酒泉市's counties): both
  /// pick 2024-H1 (run used to pick 2024 from the whole data set and fail every unit).
  @Test func onlyPeriodsOfTheComparedGroupCount() throws {
    let regions = try String(contentsOfFile: CLI.root + "/Samples/jiuquan-2024h1/regions.csv", encoding: .utf8)
    let townships = Set(
      regions.split(separator: "\n").filter { $0.contains(",肃州区,township,") }.map { String($0.prefix { $0 != "," }) })
    #expect(townships.count == 15)
    let dir = try Self.data { townships.contains($0) }
    #expect(try Self.renderedPeriod(dir) == "2024-H1")
    #expect(try Self.runPeriod(dir) == "2024-H1")
  }
}
