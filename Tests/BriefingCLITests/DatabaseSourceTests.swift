import Foundation
import Testing
import TestSupport

// MARK: - Database sources on the command line

/// `--data sqlite:PATH` and `--data postgresql://…` end to end: the same `analyze` bytes as the
/// same data in CSV, the exit codes, a job reading a database. The PostgreSQL server tests are
/// in `PostgreSQLSourceTests`; an unreachable server needs none and is tried here.
@Suite struct DatabaseSourceTests {
  static let sample = CLI.root + "/Samples/jiuquan-2024h1"

  static func csv(_ name: String, in folder: String = sample) throws -> String {
    try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
  }

  /// The Jiuquan sample in an SQLite file: tables `observations` (columns declared `types`,
  /// default TEXT), `regions` and `indicators`.
  static func sampleDatabase(_ types: [String: String] = [:]) throws -> String {
    let path = try TestScratch.folder("sqlite-cli") + "/stats.db"
    try SQLiteFixture.write(
      path,
      [
        .init("observations", csv: try csv("observations.csv"), types: types),
        .init("regions", csv: try csv("regions.csv")), .init("indicators", csv: try csv("indicators.csv")),
      ])
    return path
  }

  /// `analyze` written to a file (`--out`), its bytes; fails the test on a non-zero exit.
  static func analyze(_ arguments: [String], environment: [String: String] = [:]) throws -> Data {
    let out = try TestScratch.folder("analyze") + "/table.csv"
    let result = try CLI.run(["analyze"] + arguments + ["--out", out], environment: environment)
    #expect(result.status == 0, "\(result.stderr)")
    return (try? Data(contentsOf: URL(fileURLWithPath: out))) ?? Data()
  }

  static let sampleMetadata = ["--regions", sample + "/regions.csv", "--indicators", sample + "/indicators.csv"]

  // MARK: SQLite

  @Test func sqliteAnalyzeIsByteIdenticalToTheCSV() throws {
    let expected = try Self.analyze(["--data", Self.sample])
    #expect(expected.count > 100_000)
    let text = try Self.sampleDatabase()
    #expect(try Self.analyze(["--data", "sqlite:" + text, "--table", "observations"] + Self.sampleMetadata) == expected)
    let tables = ["--regions-table", "regions", "--indicators-table", "indicators"]
    #expect(try Self.analyze(["--data", "sqlite:" + text, "--table", "observations"] + tables) == expected)
    let query = "SELECT * FROM observations ORDER BY rowid"
    #expect(try Self.analyze(["--data", "sqlite:" + text, "--query", query] + tables) == expected)
    // Numbers stored as REAL: their shortest text; the indicators' declared decimals format them.
    let typed = try Self.sampleDatabase(["value": "REAL", "target": "REAL", "target_growth": "REAL", "yoy": "REAL"])
    #expect(try Self.analyze(["--data", "sqlite:" + typed, "--table", "observations"] + tables) == expected)
  }

  @Test func sqliteTidyWideIsByteIdenticalToItsCSV() throws {
    let folder = try IntakeFixtures.folder.get()
    let metadata = ["--regions", folder + "/regions.csv", "--indicators", folder + "/indicators.csv"]
    let expected = try Self.analyze(["--data", folder + "/tidy-wide.csv"] + metadata)
    #expect(try Self.analyze(["--data", folder + "/long.csv"] + metadata) == expected)
    let path = try TestScratch.folder("sqlite-wide") + "/wide.db"
    try SQLiteFixture.write(path, [.init("wide", csv: try Self.csv("tidy-wide.csv", in: folder))])
    let result = try CLI.run(["analyze", "--data", "sqlite:" + path, "--table", "wide"] + metadata)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(Data(result.stdout.utf8) == expected)
    // Read by detection, as the CSV is, and said so.
    #expect(result.stderr.contains("sqlite:\(path), table wide: warning: read without an intake map"))
  }

  @Test func findingsNameTheDatabaseRowAndColumn() throws {
    let path = try Self.sampleDatabase()
    let query = "SELECT region, period, indicator, CASE WHEN rowid = 4 THEN '12a.5' ELSE value END AS value FROM observations"
    let result = try CLI.run(["analyze", "--data", "sqlite:" + path, "--query", query])
    #expect(result.status == 65)
    #expect(result.stderr.contains("briefing: sqlite:\(path), query, row 5, column value: error: '12a.5' is not a number [bad-number]"))
  }

  @Test(arguments: [
    (["--data", "sqlite:/nonexistent/stats.db", "--table", "t"], 74, "cannot read the database: no such file '/nonexistent/stats.db' [database-unavailable]"),
    (["--data", "postgresql://me:s3cret@db.example.org/stats", "--table", "t"], 64, "use PGPASSFILE, PGPASSWORD or password_file"),
    (["--data", "postgresql://me@db/stats?password=s3cret", "--table", "t"], 64, "use PGPASSFILE, PGPASSWORD or password_file"),
    (["--data", "sqlite:stats.db"], 64, "exactly one of --query SQL and --table NAME"),
    (["--data", "sqlite:stats.db", "--table", "t", "--query", "SELECT 1"], 64, "exactly one of --query SQL and --table NAME"),
    (["--data", "sqlite:stats.db", "--table", "t", "--sheet", "s"], 64, "a database has none"),
    (["--data", "Samples/jiuquan-2024h1", "--table", "observations"], 64, "--table reads a database"),
    (["--data", "sqlite:README.md", "--table", "t"], 74, "file is not a database [database-unavailable]"),
  ])
  func badSourcesExitWithTheirCode(_ arguments: [String], _ status: Int32, _ message: String) throws {
    let result = try CLI.run(["analyze"] + arguments)
    #expect(result.status == status)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(!(result.stdout + result.stderr).contains("s3cret"))
  }

  @Test func aBadQueryIsExit65WithTheDatabasesMessage() throws {
    let path = try Self.sampleDatabase()
    let missing = try CLI.run(["analyze", "--data", "sqlite:" + path, "--table", "observation"])
    #expect(missing.status == 65)
    #expect(missing.stderr.contains("sqlite:\(path), table observation: error: the query failed: no such table: observation [query-failed]"))
    let two = try CLI.run(["analyze", "--data", "sqlite:" + path, "--query", "SELECT 1; DELETE FROM observations"])
    #expect(two.status == 65)
    #expect(two.stderr.contains("give one statement"))
    for (query, message) in [("BEGIN", "the statement returns no rows"), ("", "the query is empty")] {
      let none = try CLI.run(["analyze", "--data", "sqlite:" + path, "--query", query])
      #expect(none.status == 65)
      #expect(none.stderr.contains(message), "\(none.stderr)")
    }
  }

  /// No server listens in an empty folder: libpq's own message, exit 74.
  @Test func anUnreachableServerIsExit74WithItsMessage() throws {
    let folder = try TestScratch.folder("no-server")
    let result = try CLI.run(["analyze", "--data", "postgresql://briefing@/stats?host=\(folder)", "--table", "t"])
    #expect(result.status == 74)
    #expect(result.stderr.contains("cannot read the database: connection to server on socket \"\(folder)/.s.PGSQL.5432\" failed: No such file or directory"), "\(result.stderr)")
    #expect(result.stderr.contains("[database-unavailable]"))
  }

  // MARK: A job reading a database

  @Test func aJobReadsSQLiteSkipsUnchangedRowsAndKeepsItsOutputsWhenTheFileIsGone() throws {
    let folder = try JobFolder()
    try SQLiteFixture.write(
      folder.path + "/stats.db",
      [.init("observations", csv: try Self.csv("observations.csv")), .init("regions", csv: try Self.csv("regions.csv"))])
    try """
      version: 1
      data:
        database: sqlite:stats.db
        table: observations
        regions_table: regions
        indicators_file: data/indicators.csv
      layouts: [layouts/half-year-comparison.yaml]
      regions: [\(JobFolder.regions.joined(separator: ", "))]
      period: 2024-H1
      output: out

      """.write(toFile: folder.job, atomically: true, encoding: .utf8)
    let first = try folder.run()
    #expect(first.status == 0, "\(first.stderr)")
    let published = try CLI.reports(in: folder.output)
    #expect(published.count == 2)
    let inputs = try #require(folder.manifest()["inputs"] as? [[String: Any]]).compactMap { $0["path"] as? String }
    #expect(inputs.contains("sqlite:\(folder.path)/stats.db, table observations"))
    #expect(inputs.contains("\(folder.path)/data/indicators.csv"))

    #expect(try folder.run().status == 0)
    let log = try String(contentsOfFile: folder.output + "/briefing.log", encoding: .utf8)
    #expect(log.contains("event=skipped reason=unchanged"))

    try SQLiteFixture.execute(folder.path + "/stats.db", "UPDATE observations SET yoy = '5.9' WHERE rowid = 1")
    #expect(try folder.run().status == 0)
    #expect(try String(contentsOfFile: folder.output + "/briefing.log", encoding: .utf8).components(separatedBy: "event=published").count == 5)

    let before = try CLI.reports(in: folder.output)
    try FileManager.default.removeItem(atPath: folder.path + "/stats.db")
    let gone = try CLI.run(["run", folder.job, "--force", "--quiet"])
    #expect(gone.status == 74)
    #expect(gone.stderr.contains("no such file '\(folder.path)/stats.db' [database-unavailable]"))
    #expect(try CLI.reports(in: folder.output) == before)
  }
}
