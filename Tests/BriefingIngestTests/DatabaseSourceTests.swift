import BriefingCore
import Foundation
import Testing

@testable import BriefingIngest
import TestSupport

// MARK: - Addresses

@Suite struct DatabaseAddressTests {
  @Test(arguments: [
    ("sqlite:stats.db", DatabaseAddress.sqlite(path: "stats.db")),
    ("sqlite:/srv/stats.db", .sqlite(path: "/srv/stats.db")),
    ("postgresql://briefing@db.example.org:5433/stats", .postgresql(url: "postgresql://briefing@db.example.org:5433/stats")),
    ("postgres:///stats?host=/run/postgresql", .postgresql(url: "postgres:///stats?host=/run/postgresql")),
    ("postgresql://me@host/db?sslmode=require&passfile=/etc/pgpass", .postgresql(url: "postgresql://me@host/db?sslmode=require&passfile=/etc/pgpass")),
  ])
  func usableAddresses(_ text: String, _ expected: DatabaseAddress) {
    #expect(DatabaseAddress.isDatabase(text))
    #expect(DatabaseAddress.parse(text) == .success(expected))
    #expect(expected.description == text)
  }

  @Test(arguments: [
    "postgresql://briefing:s3cret@db.example.org/stats", "postgres://:s3cret@/stats",
    "postgresql://briefing@db/stats?sslmode=require&password=s3cret", "postgresql:///stats?PASSWORD=x",
  ])
  func passwordsInTheURLAreRefused(_ text: String) {
    #expect(DatabaseAddress.parse(text) == .failure(.passwordInURL))
    #expect(DatabaseAddress.Problem.passwordInURL.description.contains("use PGPASSFILE, PGPASSWORD or password_file"))
  }

  @Test func aColonInThePathIsNotAPassword() {
    #expect(DatabaseAddress.parse("postgresql://me@host/db?host=/a:b") == .success(.postgresql(url: "postgresql://me@host/db?host=/a:b")))
  }

  @Test(arguments: ["sqlite:", "sqlite://stats.db"])
  func sqliteWithoutAPathIsRefused(_ text: String) {
    #expect(DatabaseAddress.parse(text) == .failure(.badSQLitePath(text)))
  }

  @Test(arguments: ["Samples/jiuquan-2024h1", "observations.csv", "/srv/sqlite/x.csv", "mysql://x"])
  func pathsAreNotDatabases(_ text: String) {
    #expect(!DatabaseAddress.isDatabase(text))
  }

  @Test func tableNamesAreQuotedIdentifiers() {
    #expect(DatabaseSelection.table("observations").sql == "SELECT * FROM \"observations\"")
    #expect(DatabaseSelection.table("stats.月报").sql == "SELECT * FROM \"stats\".\"月报\"")
    #expect(DatabaseSelection.table("x\"; DROP TABLE t; --").sql == "SELECT * FROM \"x\"\"; DROP TABLE t; --\"")
    #expect(DatabaseSelection.query("SELECT 1").sql == "SELECT 1")
  }
}

// MARK: - SQLite cells

@Suite struct SQLiteSourceTests {
  static let observations = """
    region,period,indicator,value,unit,yoy
    肃州区,2024-H1,gdp,132.60,亿元,5.6
    玉门市,2024-H1,gdp,96.4,亿元,
    敦煌市,2024-H1,gdp,45,亿元,1e-05
    """

  /// A file with the observations in `types` (default TEXT) as table `obs`.
  static func database(_ types: [String: String] = [:], csv: String = observations) throws -> String {
    let path = try TestScratch.folder("sqlite-source") + "/stats.db"
    try SQLiteFixture.write(path, [.init("obs", csv: csv, types: types)])
    return path
  }

  static func fetch(_ path: String, _ selection: DatabaseSelection = .table("obs")) -> (FetchedTables?, [Finding]) {
    DatasetLoader.fetch(DatabaseSource(address: .sqlite(path: path), observations: selection))
  }

  @Test func textCellsAreReadAsWritten() throws {
    let (fetched, findings) = Self.fetch(try Self.database())
    #expect(findings.isEmpty)
    let rows = try #require(fetched).observations.rows
    #expect(rows.map { $0.cells.map(\.text) } == CSVText.rows(Self.observations))
    #expect(rows.map(\.line) == [1, 2, 3, 4])
    #expect(rows[1].cells.map(\.column) == [1, 2, 3, 4, 5, 6])
  }

  @Test func numbersAreTheirShortestText() throws {
    let path = try Self.database(["value": "REAL", "yoy": "REAL"])
    let (fetched, _) = Self.fetch(path, .query("SELECT value, yoy, 7 AS count, 0.1 + 0.2 AS sum FROM obs"))
    let rows = try #require(fetched).observations.rows.map { $0.cells.map(\.text) }
    #expect(rows == [["value", "yoy", "count", "sum"], ["132.6", "5.6", "7", "0.30000000000000004"], ["96.4", "", "7", "0.30000000000000004"], ["45", "1e-05", "7", "0.30000000000000004"]])
    #expect(SQLiteReader.shortestText(-0.5) == "-0.5")
    #expect(SQLiteReader.shortestText(1e22) == "1e+22")
  }

  @Test func aLongTableLoadsAsTheSameCSVDoes() throws {
    let path = try Self.database()
    let fromDatabase = DatasetLoader.load(DatabaseSource(address: .sqlite(path: path), observations: .table("obs")))
    let fromFile = loadCSV(Self.observations)
    #expect(fromDatabase.result.findings.isEmpty)
    var loaded = try #require(fromDatabase.result.dataset)
    var read = try #require(fromFile.dataset)
    #expect(loaded.observations[0].location?.description == "sqlite:\(path), table obs, row 2, column value")
    // The same but for where each row was read.
    for index in loaded.observations.indices { loaded.observations[index].location = nil }
    for index in read.observations.indices { read.observations[index].location = nil }
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    #expect(try encoder.encode(loaded) == encoder.encode(read))
  }

  @Test func findingsNameTheRowAndColumn() throws {
    let csv = "region,period,indicator,value\n肃州区,2024-H1,gdp,12a\n"
    let path = try Self.database(csv: csv)
    let (result, _) = DatasetLoader.load(DatabaseSource(address: .sqlite(path: path), observations: .table("obs")))
    #expect(result.dataset == nil)
    let finding = try #require(result.findings.first { $0.message.code == "bad-number" })
    #expect(finding.location?.description == "sqlite:\(path), table obs, row 2, column value")
  }

  @Test func aBlobIsAnErrorAtItsCell() throws {
    let path = try Self.database()
    let (fetched, findings) = Self.fetch(path, .query("SELECT region, period, indicator, CAST(value AS BLOB) AS value FROM obs"))
    #expect(fetched != nil)
    #expect(findings.map(\.message.code) == ["undecodable-cell", "undecodable-cell", "undecodable-cell"])
    let (result, _) = DatasetLoader.load(
      DatabaseSource(address: .sqlite(path: path), observations: .query("SELECT region, period, indicator, CAST(value AS BLOB) AS value FROM obs")))
    #expect(result.dataset == nil)
    #expect(result.findings.first?.location?.description == "sqlite:\(path), query, row 2, column value")
    #expect(result.findings.first?.message.text.contains("a BLOB of 6 bytes") == true)
  }

  @Test func aControlCharacterIsRefusedAsInFiles() throws {
    let path = try Self.database()
    let (result, _) = DatasetLoader.load(
      DatabaseSource(address: .sqlite(path: path), observations: .query("SELECT region || char(27) AS region, period, indicator, value FROM obs")))
    #expect(result.dataset == nil)
    #expect(result.findings.first?.message.code == "control-character")
    #expect(result.findings.first?.location?.description == "sqlite:\(path), query, row 2, column region")
  }

  @Test func aMissingFileIsUnavailableAndNotCreated() throws {
    let path = try TestScratch.folder("sqlite-source") + "/missing.db"
    let (fetched, findings) = Self.fetch(path)
    #expect(fetched == nil)
    #expect(findings.map(\.message.code) == ["database-unavailable"])
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func aBadQueryFailsWithSQLitesMessage() throws {
    let (fetched, findings) = Self.fetch(try Self.database(), .table("nope"))
    #expect(fetched == nil)
    #expect(findings.first?.message.code == "query-failed")
    #expect(findings.first?.message.text.contains("no such table: nope") == true)
  }

  @Test func theFingerprintFollowsEveryCell() throws {
    let path = try Self.database()
    let first = try #require(Self.fetch(path).0).fingerprintBytes
    #expect(try #require(Self.fetch(path).0).fingerprintBytes == first)
    try SQLiteFixture.execute(path, "UPDATE obs SET yoy = '5.7' WHERE region = '肃州区'")
    #expect(try #require(Self.fetch(path).0).fingerprintBytes != first)
  }
}
