// MARK: - Database addresses

/// A database that holds a data set, as written after `--data` or under a job file's
/// `data: {database: …}`: `sqlite:PATH` or a PostgreSQL URL (`postgresql://…`, `postgres://…`).
///
/// Shared by the command line, the job file reader and the loader, so that every place refuses
/// the same things: a password inside a URL (it would end up in shell history, `ps`, logs and
/// manifests; libpq reads `PGPASSWORD` or `PGPASSFILE` itself, and a job file has
/// `password_file`).
public enum DatabaseAddress: Hashable, Sendable, CustomStringConvertible {
  /// An SQLite file, opened read-only; the path as given (relative to the working folder).
  case sqlite(path: String)
  /// A libpq connection URL, passed to libpq as it is (`?host=/run/postgresql&sslmode=…` too).
  case postgresql(url: String)

  /// Why an address is refused.
  public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
    /// `postgresql://user:secret@…` or `…?password=…`.
    case passwordInURL
    /// `sqlite:` with no path, or `sqlite://…`.
    case badSQLitePath(String)

    public var description: String {
      switch self {
      case .passwordInURL:
        "a password inside the database URL is refused (it would show in shell history, ps and logs): "
          + "use PGPASSFILE, PGPASSWORD or password_file"
      case .badSQLitePath(let text):
        "'\(text)' names no SQLite file: write sqlite:PATH, e.g. sqlite:stats.db or sqlite:/srv/stats.db"
      }
    }
  }

  /// URL schemes read as PostgreSQL.
  static let postgresSchemes = ["postgresql://", "postgres://"]
  static let sqlitePrefix = "sqlite:"

  /// True when `text` is written as a database address (`sqlite:…`, `postgresql://…`,
  /// `postgres://…`), whether or not it is a usable one; false for a path.
  public static func isDatabase(_ text: String) -> Bool {
    text.hasPrefix(sqlitePrefix) || postgresSchemes.contains(where: text.hasPrefix)
  }

  /// The address `text` writes; a problem when it is one but cannot be used. Call only when
  /// `isDatabase(text)`.
  public static func parse(_ text: String) -> Result<DatabaseAddress, Problem> {
    if text.hasPrefix(sqlitePrefix) {
      let path = String(text.dropFirst(sqlitePrefix.count))
      guard !path.isEmpty, !path.hasPrefix("//") else { return .failure(.badSQLitePath(text)) }
      return .success(.sqlite(path: path))
    }
    return hasPassword(text) ? .failure(.passwordInURL) : .success(.postgresql(url: text))
  }

  /// `sqlite:PATH` or the URL: what findings and manifests name (never holds a password,
  /// since such URLs are refused).
  public var description: String {
    switch self {
    case .sqlite(let path): Self.sqlitePrefix + path
    case .postgresql(let url): url
    }
  }

  /// A password in the URL's user information (`user:secret@`) or a `password` parameter.
  private static func hasPassword(_ url: String) -> Bool {
    guard let scheme = postgresSchemes.first(where: url.hasPrefix) else { return false }
    let rest = url.dropFirst(scheme.count)
    let authority = rest.prefix { $0 != "/" && $0 != "?" }
    if let at = authority.lastIndex(of: "@"), authority[..<at].contains(":") { return true }
    guard let question = rest.firstIndex(of: "?") else { return false }
    return rest[rest.index(after: question)...].split(separator: "&").contains { parameter in
      parameter.split(separator: "=", maxSplits: 1).first?.lowercased() == "password"
    }
  }
}

// MARK: - What to read

/// What to read from a database: the rows of an SQL query, or a whole table.
public enum DatabaseSelection: Hashable, Sendable {
  /// A `SELECT` (or any statement returning rows), sent as it is.
  case query(String)
  /// A table or view; `schema.table` (PostgreSQL) or `attached.table` (SQLite) names one in
  /// another schema. Each part is quoted as an identifier, so any name is safe.
  case table(String)

  /// The SQL that returns the rows: the query, or `SELECT * FROM "part"."part"`.
  public var sql: String {
    switch self {
    case .query(let text): text
    case .table(let name): "SELECT * FROM " + Self.quotedIdentifier(name)
    }
  }

  /// `query` or `table NAME`, for findings and manifests.
  public var label: String {
    switch self {
    case .query: "query"
    case .table(let name): "table \(name)"
    }
  }

  /// Each dot-separated part in double quotes, inner quotes doubled (SQL standard, read the
  /// same way by SQLite and PostgreSQL).
  public static func quotedIdentifier(_ name: String) -> String {
    name.split(separator: ".", omittingEmptySubsequences: false)
      .map { "\"" + $0.replacing("\"", with: "\"\"") + "\"" }
      .joined(separator: ".")
  }
}
