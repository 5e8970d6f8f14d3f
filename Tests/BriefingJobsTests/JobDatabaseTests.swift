import BriefingCore
import Testing

@testable import BriefingJobs

/// `data:` written as a mapping: a database source, every key checked where it is written.
@Suite struct JobDatabaseTests {
  static func load(_ data: String) -> (JobFile?, [Finding]) {
    JobLoader.load(yaml: "version: 1\n" + data + "layouts: [l.yaml]\noutput: out\n", file: "/srv/jobs/monthly.yaml")
  }

  @Test func sqliteWithTablesResolvesAgainstTheJobFile() throws {
    let (job, findings) = Self.load(
      """
      data:
        database: sqlite:stats/2024.db
        table: observations
        regions_table: regions
        indicators_file: meta/indicators.csv

      """)
    #expect(findings.isEmpty)
    let database = try #require(job?.database)
    #expect(database.address == .sqlite(path: "/srv/jobs/stats/2024.db"))
    #expect(database.observations == .table("observations"))
    #expect(database.regionsTable == "regions" && database.regionsFile == nil)
    #expect(database.indicatorsFile == "/srv/jobs/meta/indicators.csv")
    #expect(database.files == ["/srv/jobs/meta/indicators.csv"])
    #expect(job?.data == "sqlite:/srv/jobs/stats/2024.db")
  }

  @Test func postgresqlWithAQueryAndAPasswordFile() throws {
    let (job, findings) = Self.load(
      """
      data:
        database: postgresql://briefing@db.example.org/stats
        query: |
          SELECT region, period, indicator, value FROM monthly
        password_file: secrets/stats.password

      """)
    #expect(findings.isEmpty)
    let database = try #require(job?.database)
    #expect(database.address == .postgresql(url: "postgresql://briefing@db.example.org/stats"))
    #expect(database.observations == .query("SELECT region, period, indicator, value FROM monthly\n"))
    #expect(database.passwordFile == "/srv/jobs/secrets/stats.password")
  }

  @Test func folderDataHasNoDatabase() throws {
    let (job, findings) = Self.load("data: data\n")
    #expect(findings.isEmpty)
    #expect(try #require(job).database == nil)
  }

  @Test(arguments: [
    // A password in the URL, at the URL.
    ("data:\n  database: postgresql://me:s3cret@db/stats\n  table: t\n", "bad-database", "monthly.yaml:3:13"),
    // Both or neither of query and table.
    ("data:\n  database: sqlite:s.db\n  table: t\n  query: SELECT 1\n", "conflicting-keys", "monthly.yaml:4:10"),
    ("data:\n  database: sqlite:s.db\n", "missing-key", "monthly.yaml:3:3"),
    ("data:\n  table: t\n", "missing-key", "monthly.yaml:3:3"),
    // A table and a file for the same metadata.
    ("data:\n  database: sqlite:s.db\n  table: t\n  regions_table: r\n  regions_file: r.csv\n", "conflicting-keys", "monthly.yaml:6:17"),
    // SQLite has no password.
    ("data:\n  database: sqlite:s.db\n  table: t\n  password_file: p\n", "wrong-type", "monthly.yaml:5:18"),
    // A misspelt key, with a hint.
    ("data:\n  database: sqlite:s.db\n  tabel: t\n", "unknown-key", "monthly.yaml:4:3"),
    // Not a database address, or a database written as text.
    ("data:\n  database: stats.db\n  table: t\n", "bad-database", "monthly.yaml:3:13"),
    ("data: sqlite:stats.db\n", "wrong-type", "monthly.yaml:2:7"),
  ])
  func mistakesAreLocated(_ data: String, _ code: String, _ location: String) throws {
    let (job, findings) = Self.load(data)
    #expect(job == nil)
    let finding = try #require(findings.first)
    #expect(finding.message.code == code)
    #expect(finding.location?.description == "/srv/jobs/" + location)
    #expect(!finding.description.contains("s3cret"))
  }
}
