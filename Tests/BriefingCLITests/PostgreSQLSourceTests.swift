import Foundation
import Testing
import TestSupport

// MARK: - A real PostgreSQL server

/// The scratch server `Tools/with-test-postgres.sh` starts for `make test`: its superuser's
/// URL in `BRIEFING_TEST_PG`. Without it the tests below are skipped, saying so.
enum TestPostgres {
  static let url = ProcessInfo.processInfo.environment["BRIEFING_TEST_PG"]

  static let missing =
    "SKIPPED: no PostgreSQL server (BRIEFING_TEST_PG unset), so the PostgreSQL source was not tried; run `make test`, or Tools/with-test-postgres.sh swift test"

  /// Runs SQL through `psql` as the superuser; `\copy` reads files on this side.
  static func psql(_ commands: [String]) throws {
    let result = try CLI.shell(
      ["-c", #"psql "$BRIEFING_TEST_PG" -q -v ON_ERROR_STOP=1 "$@""#, "psql"] + commands.flatMap { ["-c", $0] })
    guard result.status == 0 else { throw TestFailure(description: "psql: \(result.stderr)") }
  }

  /// `url` with `user` instead of the superuser.
  static func url(as user: String) -> String {
    (url ?? "").replacingOccurrences(of: "://briefing@", with: "://\(user)@")
  }

  struct TestFailure: Error, CustomStringConvertible {
    var description: String
  }

  /// A name no other test uses (tables and roles live as long as the server).
  static func unique(_ prefix: String) -> String {
    prefix + "_" + UUID().uuidString.prefix(8).lowercased()
  }

  /// The Jiuquan sample as tables `<name>` (numbers as `numeric` and `double precision`,
  /// `value` as text since it holds `*` for withheld figures), `<name>_regions` and
  /// `<name>_indicators`; the reader role `reader` may select from them.
  static func loadSample(_ name: String, reader: String? = nil) throws {
    let sample = DatabaseSourceTests.sample
    var commands = [
      "CREATE TABLE \(name) (region text, period text, indicator text, value text, unit text, status text, target numeric, target_growth numeric, yoy double precision, note text, source text)",
      "\\copy \(name) FROM '\(sample)/observations.csv' CSV HEADER",
      "CREATE TABLE \(name)_regions (id text, name text, short_name text, aliases text, parent text, level text, frames text, label text)",
      "\\copy \(name)_regions FROM '\(sample)/regions.csv' CSV HEADER",
      "CREATE TABLE \(name)_indicators (id text, name text, short_name text, aliases text, unit text, polarity text, aggregate text, kind text, decimals integer, main text, \"order\" integer, lead_unit text, redline numeric, redline_kind text)",
      "\\copy \(name)_indicators FROM '\(sample)/indicators.csv' CSV HEADER",
    ]
    if let reader {
      commands.append("GRANT SELECT ON \(name), \(name)_regions, \(name)_indicators TO \(reader)")
    }
    try psql(commands)
  }

  /// A login role with `password`.
  static func createRole(_ name: String, password: String) throws {
    try psql(["CREATE ROLE \(name) LOGIN PASSWORD '\(password)'"])
  }
}

@Suite(.serialized, .enabled(if: TestPostgres.url != nil, Comment(rawValue: TestPostgres.missing)))
struct PostgreSQLSourceTests {
  @Test func analyzeIsByteIdenticalToTheCSV() throws {
    let table = TestPostgres.unique("obs")
    try TestPostgres.loadSample(table)
    let expected = try DatabaseSourceTests.analyze(["--data", DatabaseSourceTests.sample])
    let url = try #require(TestPostgres.url)
    let metadata = ["--regions-table", table + "_regions", "--indicators-table", table + "_indicators"]
    #expect(try DatabaseSourceTests.analyze(["--data", url, "--table", table] + metadata) == expected)
    #expect(try DatabaseSourceTests.analyze(["--data", url, "--table", table] + DatabaseSourceTests.sampleMetadata) == expected)
    // `double precision` prints its shortest text, as an SQLite REAL does.
    let query = "SELECT region, period, indicator, value, unit, status, target::float8 AS target, target_growth, yoy FROM \(table)"
    #expect(try DatabaseSourceTests.analyze(["--data", url, "--query", query] + metadata) == expected)
  }

  /// Statements that return no rows or fail: exit 65 with the server's message; nothing is
  /// changed (the transaction is read-only).
  @Test(arguments: [
    ("BEGIN", "the statement returns no rows"), ("", "the query is empty"),
    ("DELETE FROM {table}", "cannot execute DELETE in a read-only transaction"),
    ("SELECT * FROM {table}; DELETE FROM {table}", "cannot insert multiple commands into a prepared statement"),
    ("SELEC 1", "syntax error at or near \"SELEC\""),
  ])
  func aStatementWithoutRowsIsExit65(_ query: String, _ message: String) throws {
    let table = TestPostgres.unique("obs")
    try TestPostgres.loadSample(table)
    let url = try #require(TestPostgres.url)
    let result = try CLI.run(["analyze", "--data", url, "--query", query.replacingOccurrences(of: "{table}", with: table)])
    #expect(result.status == 65)
    #expect(result.stderr.contains(message) && result.stderr.contains("[query-failed]"), "\(result.stderr)")
    #expect(try DatabaseSourceTests.analyze(["--data", url, "--table", table] + DatabaseSourceTests.sampleMetadata).count > 100_000)
  }

  @Test func thePasswordComesFromTheEnvironmentAndNeverShows() throws {
    let (table, role, password) = (TestPostgres.unique("obs"), TestPostgres.unique("reader"), "pw-" + UUID().uuidString)
    try TestPostgres.createRole(role, password: password)
    try TestPostgres.loadSample(table, reader: role)
    let arguments = ["analyze", "--data", TestPostgres.url(as: role), "--table", table] + DatabaseSourceTests.sampleMetadata

    let none = try CLI.run(arguments, environment: ["PGPASSWORD": "", "PGPASSFILE": "/nonexistent"])
    #expect(none.status == 74)
    #expect(none.stderr.contains("no password supplied [database-unavailable]"), "\(none.stderr)")

    let wrong = try CLI.run(arguments, environment: ["PGPASSWORD": "not-" + password])
    #expect(wrong.status == 74)
    #expect(wrong.stderr.contains("password authentication failed for user \"\(role)\""), "\(wrong.stderr)")

    let expected = try DatabaseSourceTests.analyze(["--data", DatabaseSourceTests.sample])
    #expect(try DatabaseSourceTests.analyze(Array(arguments.dropFirst()), environment: ["PGPASSWORD": password]) == expected)
    let passfile = try TestScratch.folder("pgpass") + "/pgpass"
    try "*:*:*:\(role):\(password)\n".write(toFile: passfile, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passfile)
    #expect(try DatabaseSourceTests.analyze(Array(arguments.dropFirst()), environment: ["PGPASSWORD": "", "PGPASSFILE": passfile]) == expected)
    for result in [none, wrong] { #expect(!(result.stdout + result.stderr).contains(password)) }
  }

  @Test func aJobWithAPasswordFilePublishesThenSkips() throws {
    let (table, role, password) = (TestPostgres.unique("obs"), TestPostgres.unique("reader"), "pw-" + UUID().uuidString)
    try TestPostgres.createRole(role, password: password)
    try TestPostgres.loadSample(table, reader: role)
    let folder = try JobFolder()
    try (password + "\n").write(toFile: folder.path + "/stats.password", atomically: true, encoding: .utf8)
    let url = TestPostgres.url(as: role)
    try """
      version: 1
      data:
        database: "\(url)"
        query: SELECT * FROM \(table)
        regions_table: \(table)_regions
        indicators_table: \(table)_indicators
        password_file: stats.password
      layouts: [layouts/half-year-comparison.yaml]
      regions: [\(JobFolder.regions.joined(separator: ", "))]
      period: 2024-H1
      output: out

      """.write(toFile: folder.job, atomically: true, encoding: .utf8)
    let clean = ["PGPASSWORD": "", "PGPASSFILE": "/nonexistent"]
    let first = try folder.run(clean)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(try CLI.reports(in: folder.output).count == 2)
    let inputs = try #require(folder.manifest()["inputs"] as? [[String: Any]]).compactMap { $0["path"] as? String }
    #expect(inputs.contains("\(url), query"))
    #expect(try folder.run(clean).status == 0)
    let log = try String(contentsOfFile: folder.output + "/briefing.log", encoding: .utf8)
    #expect(log.contains("event=skipped reason=unchanged"))
    #expect(!log.contains(password))

    // A wrong password: the server's refusal, exit 74, the outputs kept.
    let before = try CLI.reports(in: folder.output)
    try "wrong\n".write(toFile: folder.path + "/stats.password", atomically: true, encoding: .utf8)
    let refused = try CLI.run(["run", folder.job, "--force", "--quiet"], environment: clean)
    #expect(refused.status == 74)
    #expect(refused.stderr.contains("password authentication failed for user \"\(role)\""), "\(refused.stderr)")
    #expect(try CLI.reports(in: folder.output) == before)
  }
}
