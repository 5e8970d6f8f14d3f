import Foundation
import Testing
import TestSupport

/// `briefing import` and `--map` end to end: every shape of the intake fixtures (built by
/// `make_intake_fixtures.py`) gives the comparison table of the equivalent long CSV, read
/// without a map, through the map `import` writes, or after the one edit it asks for.
@Suite struct ImportTests {
  static func folder() throws -> String { try IntakeFixtures.folder.get() }

  /// `analyze` of `file` in the fixture folder with its regions.csv and indicators.csv.
  static func analyze(_ file: String, _ extra: [String] = []) throws -> CLI.Result {
    let folder = try folder()
    return try CLI.run(
      ["analyze", "--data", folder + "/" + file, "--regions", folder + "/regions.csv", "--indicators",
       folder + "/indicators.csv"] + extra)
  }

  static let shapes = [
    "office.xlsx", "office.csv", "office.xls", "office-tw.csv", "office-transposed.xlsx", "wide-periods.csv",
    "tidy-wide.csv",
  ]

  @Test(arguments: shapes)
  func everyShapeReadsAsTheLongTable(_ file: String) throws {
    let long = try Self.analyze("long.csv")
    #expect(long.status == 0, "\(long.stderr)")
    let read = try Self.analyze(file)
    #expect(read.status == 0, "\(read.stderr)")
    #expect(read.stdout == long.stdout)
    // Read without a map: a warning says how, and where the map comes from.
    #expect(read.stderr.contains("[intake-detected]") && read.stderr.contains("briefing import"))
    // The published 全市 GDP differs from the sum of the counties: a data-quality warning.
    #expect(read.stderr.contains("[published-total-differs]"))
  }

  @Test(arguments: shapes)
  func importWritesAMapThatReplaysTheReading(_ file: String) throws {
    let folder = try Self.folder()
    let map = try TestScratch.folder("import") + "/\(file).intake.yaml"
    let imported = try CLI.run(["import", folder + "/" + file, "--out", map])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("Read as a cross table: 4 regions × 4 indicators plus the published total"))
    #expect(imported.stdout.contains("Long rows (first 8 of 25):"))
    #expect(imported.stdout.contains("names matched against"))  // regions.csv beside the file
    let replayed = try Self.analyze(file, ["--map", map])
    #expect(replayed.status == 0, "\(replayed.stderr)")
    #expect(replayed.stdout == (try Self.analyze("long.csv")).stdout)
    #expect(!replayed.stderr.contains("[intake-detected]"))
  }

  /// The title names a month without its span: import exits 65, names `monthly`, and writes the
  /// map with both choices as comments; uncommenting one loads the table.
  @Test func importAsksForTheOneEditItNeeds() throws {
    let folder = try Self.folder()
    let map = try TestScratch.folder("import") + "/month.intake.yaml"
    let imported = try CLI.run(["import", folder + "/office-month.csv", "--out", map])
    #expect(imported.status == 65)
    #expect(imported.stderr.contains("office-month.csv:1:1: error: '2024年6月' names a month without its span"))
    #expect(imported.stderr.contains("the map key 'monthly' decides"))
    #expect(imported.stdout.contains("monthly: cumulative    → 2024-H1 (2024年上半年)"))
    let written = try String(contentsOfFile: map, encoding: .utf8)
    #expect(written.contains("# monthly: cumulative    # 2024-H1 (2024年上半年)"))
    let undecided = try Self.analyze("office-month.csv", ["--map", map])
    #expect(undecided.status == 65)
    try written.replacingOccurrences(of: "# monthly: cumulative ", with: "monthly: cumulative ")
      .write(toFile: map, atomically: true, encoding: .utf8)
    let decided = try Self.analyze("office-month.csv", ["--map", map])
    #expect(decided.status == 0, "\(decided.stderr)")
    #expect(decided.stdout == (try Self.analyze("long.csv")).stdout)
  }

  /// A map error is located in the map file, with a hint; a missing map is an I/O error.
  @Test func badMapsAreLocated() throws {
    let map = try TestScratch.folder("import") + "/bad.intake.yaml"
    try "version: 1\nshape: table\nheader: 3-4\ndata: 5-10\nkeys: {A: regoin}\nheadings: [indicator, measure]\n"
      .write(toFile: map, atomically: true, encoding: .utf8)
    let bad = try Self.analyze("office.csv", ["--map", map])
    #expect(bad.status == 65)
    #expect(bad.stderr.contains("bad.intake.yaml:5:11: error: keys.A is 'regoin'"))
    #expect(bad.stderr.contains("did you mean 'region'?"))
    let missing = try Self.analyze("office.csv", ["--map", map + ".gone"])
    #expect(missing.status == 74)
  }

  /// `render` takes --map like every data command (also on its fast path).
  @Test func renderReadsThroughAMap() throws {
    let folder = try Self.folder()
    let out = try TestScratch.folder("import-render")
    let map = out + "/office.intake.yaml"
    #expect(try CLI.run(["import", folder + "/office.xlsx", "--out", map]).status == 0)
    let rendered = try CLI.run([
      "render", "--data", folder + "/office.xlsx", "--map", map, "--regions", folder + "/regions.csv",
      "--indicators", folder + "/indicators.csv", "--layout", "Layouts/region-charts.yaml", "--focus", "肃州区",
      "--out", out,
    ])
    #expect(rendered.status == 0, "\(rendered.stderr)")
    #expect(FileManager.default.fileExists(atPath: out + "/region-charts-2024-H1/肃州区/gdp.png"))
  }

  /// A job file's `map:` reads its data through the map, and the map is one of the run's
  /// inputs: a changed map re-renders, an unchanged one skips.
  @Test func runJobReadsThroughItsMap() throws {
    let folder = try Self.folder()
    let dir = try TestScratch.folder("import-run")
    try FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
    for (from, to) in [("office.xlsx", "observations.xlsx"), ("regions.csv", "regions.csv"), ("indicators.csv", "indicators.csv")] {
      try FileManager.default.copyItem(atPath: folder + "/" + from, toPath: dir + "/data/" + to)
    }
    #expect(try CLI.run(["import", dir + "/data/observations.xlsx", "--out", dir + "/office.intake.yaml"]).status == 0)
    let job = """
      version: 1
      data: data
      map: office.intake.yaml
      layouts: [\(CLI.root)/Layouts/region-charts.yaml]
      regions: [肃州区]
      period: 2024-H1
      output: out
      """
    try job.write(toFile: dir + "/job.yaml", atomically: true, encoding: .utf8)
    let first = try CLI.run(["run", dir + "/job.yaml"])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.contains("event=published"))
    #expect(!first.stderr.contains("intake-detected"))
    #expect(try CLI.run(["run", dir + "/job.yaml"]).stderr.contains("event=skipped"))
    let map = try String(contentsOfFile: dir + "/office.intake.yaml", encoding: .utf8)
    try (map + "# checked\n").write(toFile: dir + "/office.intake.yaml", atomically: true, encoding: .utf8)
    let changed = try CLI.run(["run", dir + "/job.yaml"])
    #expect(changed.status == 0 && changed.stderr.contains("event=published"), "\(changed.stderr)")
    try FileManager.default.removeItem(atPath: dir + "/office.intake.yaml")
    #expect(try CLI.run(["run", dir + "/job.yaml"]).status == 74)
  }

  /// The office table the issue reported (required column 'region' is missing, four times):
  /// a long header is still required of long tables, and the error points to import.
  @Test func longTableErrorsPointToImport() throws {
    let folder = try TestScratch.folder("import")
    try "region,period,value\na,2024,1\n".write(toFile: folder + "/o.csv", atomically: true, encoding: .utf8)
    let result = try CLI.run(["analyze", "--data", folder + "/o.csv"])
    #expect(result.status == 65)
    #expect(result.stderr.components(separatedBy: "[missing-column]").count == 2)
    #expect(result.stderr.contains("briefing import FILE"))
  }
}
