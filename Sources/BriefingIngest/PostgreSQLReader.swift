import BriefingCore
import CLibPQ
import Foundation

// MARK: - PostgreSQL

/// Runs statements through libpq inside one read-only, repeatable-read transaction (every
/// statement sees the same snapshot) and returns their rows in text format: numbers as the
/// server prints them (`numeric` exactly as stored, `132.60`; `double precision` in the
/// shortest digits that read back the same, PostgreSQL 12 and later), NULL an empty cell,
/// the client encoding UTF-8.
///
/// The password is never taken from the URL (see `DatabaseAddress`): libpq reads `PGPASSWORD`
/// or `PGPASSFILE` (`~/.pgpass`) itself, and a job's `password_file` is passed to it as the
/// `password` keyword. No message here prints a password; libpq's do not either.
enum PostgreSQLReader {
  /// Seconds libpq waits for the server to answer a connection (a URL's `connect_timeout`
  /// wins). Default libpq waits as long as the operating system does, which for a host that
  /// is down can be minutes of a cron job.
  static let connectTimeout = "10"

  static func fetch(url: String, password: String?, statements: [String], source: String)
    -> Result<[ResultTable], DatabaseFailure>
  {
    // Keywords before `dbname` are overridden by the URL; those after it override the URL.
    let parameters = [
      ("connect_timeout", connectTimeout), ("fallback_application_name", "briefing"), ("dbname", url),
      ("client_encoding", "UTF8"),
    ] + (password.map { [("password", $0)] } ?? [])
    guard let connection = connect(parameters) else { return .failure(.unavailable(source, "libpq is out of memory")) }
    defer { PQfinish(connection) }
    guard PQstatus(connection) == CONNECTION_OK else {
      return .failure(.unavailable(source, String(cString: PQerrorMessage(connection))))
    }
    let begun = PQexec(connection, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    defer { PQclear(begun) }
    guard PQresultStatus(begun) == PGRES_COMMAND_OK else { return .failure(failure(begun, connection, source)) }
    var tables: [ResultTable] = []
    for sql in statements {
      let result = PQexecParams(connection, sql, 0, nil, nil, nil, nil, 0)
      defer { PQclear(result) }
      switch PQresultStatus(result) {
      case PGRES_TUPLES_OK:
        tables.append(table(result))
      case PGRES_COMMAND_OK:
        return .failure(DatabaseFailure(finding: Finding(.error, .queryReturnsNoRows, at: SourceLocation(file: source))))
      case PGRES_EMPTY_QUERY:
        return .failure(.query(source, "the query is empty"))
      default:
        return .failure(failure(result, connection, source))
      }
    }
    return .success(tables)
  }

  /// `PQconnectdbParams` with `parameters` as its two NUL-terminated string arrays.
  private static func connect(_ parameters: [(String, String)]) -> OpaquePointer? {
    let keywords = parameters.map { strdup($0.0) }
    let values = parameters.map { strdup($0.1) }
    defer { (keywords + values).forEach { free($0) } }
    let keywordList = keywords.map { UnsafePointer($0) } + [nil]
    let valueList = values.map { UnsafePointer($0) } + [nil]
    return PQconnectdbParams(keywordList, valueList, 1)
  }

  private static func table(_ result: OpaquePointer?) -> ResultTable {
    let width = PQnfields(result)
    var table = ResultTable(columns: (0..<width).map { String(cString: PQfname(result, $0)) })
    let count = PQntuples(result)
    table.rows.reserveCapacity(Int(count))
    for row in 0..<count {
      table.rows.append(
        (0..<width).map { column in
          PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
        })
    }
    return table
  }

  /// A lost connection, a refused login or a server shutting down (SQLSTATE classes 08, 28, 53,
  /// 57) is unavailable (74); anything else is the statement's fault (65).
  private static func failure(_ result: OpaquePointer?, _ connection: OpaquePointer, _ source: String) -> DatabaseFailure {
    let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
    let message = result.map { String(cString: PQresultErrorMessage($0)) } ?? String(cString: PQerrorMessage(connection))
    let unavailable = state.isEmpty || ["08", "28", "53", "57"].contains(String(state.prefix(2)))
    return unavailable ? .unavailable(source, message) : .query(source, message)
  }
}
