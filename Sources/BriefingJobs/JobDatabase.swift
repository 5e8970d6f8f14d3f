import BriefingCore
import BriefingSpec
import Yams

// MARK: - A database as the job's data

extension JobFile {
  /// `data:` written as a mapping: the data set is read from a database.
  ///
  /// ```yaml
  /// data:
  ///   database: postgresql://briefing@db.example.org/stats   # or sqlite:stats.db
  ///   query: SELECT region, period, indicator, value, unit FROM monthly   # or table: NAME
  ///   regions_table: regions            # or regions_file: regions.csv
  ///   indicators_table: indicators      # or indicators_file: indicators.csv
  ///   password_file: /etc/briefing/stats.password   # PostgreSQL only
  /// ```
  ///
  /// | key                | required          | meaning |
  /// |--------------------|-------------------|---------|
  /// | `database`         | yes               | `sqlite:PATH` (relative to the job file) or `postgresql://USER@HOST[:PORT]/DB` without a password |
  /// | `query` / `table`  | exactly one       | the SQL whose rows are the observations, or a table or view (`schema.table` allowed) |
  /// | `regions_table` / `regions_file` | at most one | regions metadata: a table of the database, or a CSV file relative to the job file |
  /// | `indicators_table` / `indicators_file` | at most one | the same for indicators |
  /// | `password_file`    | no (PostgreSQL)   | a file whose first line is the password; without it libpq reads `PGPASSWORD` or `PGPASSFILE` |
  public struct Database: Hashable, Sendable {
    /// An SQLite path is absolute (resolved against the job file's folder).
    public var address: DatabaseAddress
    public var observations: DatabaseSelection
    public var regionsTable: String?
    public var indicatorsTable: String?
    /// Absolute paths.
    public var regionsFile: String?
    public var indicatorsFile: String?
    public var passwordFile: String?

    public init(
      address: DatabaseAddress, observations: DatabaseSelection, regionsTable: String? = nil,
      indicatorsTable: String? = nil, regionsFile: String? = nil, indicatorsFile: String? = nil,
      passwordFile: String? = nil
    ) {
      self.address = address
      self.observations = observations
      self.regionsTable = regionsTable
      self.indicatorsTable = indicatorsTable
      self.regionsFile = regionsFile
      self.indicatorsFile = indicatorsFile
      self.passwordFile = passwordFile
    }

    /// The metadata files, fingerprinted like the data folder's (the password file never is:
    /// its hash would be a way to test guesses).
    public var files: [String] { [regionsFile, indicatorsFile].compactMap { $0 } }
  }
}

// MARK: - Reading

extension JobLoader {
  static let databaseKeys = [
    "database", "query", "table", "regions_table", "regions_file", "indicators_table", "indicators_file",
    "password_file",
  ]

  /// `data:` as a mapping, every key checked and every error at its node; nil when it has errors.
  static func database(_ node: Node, reader: inout NodeReader, resolve: (String) -> String) -> JobFile.Database? {
    let fields = reader.mapping(node, path: "data", allowed: databaseKeys)
    let errorsBefore = reader.findings.count
    var address: DatabaseAddress?
    if let text = reader.string(fields["database"], path: "data.database") {
      switch DatabaseAddress.isDatabase(text) ? DatabaseAddress.parse(text) : .failure(.badSQLitePath(text)) {
      case .success(.sqlite(let path)): address = .sqlite(path: resolve(path))
      case .success(let parsed): address = parsed
      case .failure(let problem): reader.error(.jobBadDatabase(problem.description), at: fields["database"])
      }
    } else if fields["database"] == nil, node.mapping != nil {
      reader.error(.jobMissingKey("data.database"), at: node)
    }
    let query = reader.string(fields["query"], path: "data.query")
    let table = reader.string(fields["table"], path: "data.table")
    if (query == nil) == (table == nil), node.mapping != nil {
      reader.error(.jobOneOf("data.query", "data.table", both: query != nil), at: fields["table"] ?? node)
    }
    let tables = ["regions", "indicators"].map { kind in
      (table: reader.string(fields["\(kind)_table"], path: "data.\(kind)_table"),
       file: reader.string(fields["\(kind)_file"], path: "data.\(kind)_file").map(resolve))
    }
    for (kind, pair) in zip(["regions", "indicators"], tables) where pair.table != nil && pair.file != nil {
      reader.error(.jobOneOf("data.\(kind)_table", "data.\(kind)_file", both: true), at: fields["\(kind)_file"])
    }
    let passwordFile = reader.string(fields["password_file"], path: "data.password_file").map(resolve)
    if passwordFile != nil, case .sqlite = address {
      reader.error(.jobWrongType(path: "data.password_file", expected: "left out for SQLite (it has no password)"), at: fields["password_file"])
    }
    guard reader.findings.count == errorsBefore, let address else { return nil }
    return JobFile.Database(
      address: address, observations: query.map(DatabaseSelection.query) ?? .table(table ?? ""),
      regionsTable: tables[0].table, indicatorsTable: tables[1].table, regionsFile: tables[0].file,
      indicatorsFile: tables[1].file, passwordFile: passwordFile)
  }
}

// MARK: - Messages

extension Finding.Message {
  static func jobBadDatabase(_ why: String) -> Self {
    Self(code: "bad-database", text: "data.database: \(why)")
  }
  static func jobOneOf(_ first: String, _ second: String, both: Bool) -> Self {
    Self(code: both ? "conflicting-keys" : "missing-key", text: "job file needs exactly one of '\(first)' and '\(second)'")
  }
  static func jobDatabaseAsText(_ text: String) -> Self {
    Self(
      code: "wrong-type",
      text: "data '\(text)' is a database: write it as a mapping, data: {database: \(text), query: SQL} (or table: NAME)")
  }
}
