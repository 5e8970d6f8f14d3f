import BriefingCore
import CSQLite
import Foundation

// MARK: - SQLite

/// Runs statements against an SQLite file opened read-only, inside one read transaction (every
/// statement sees the same state of the file), and returns their rows as text.
///
/// Cells become the text a CSV export would hold: TEXT as it is (it must be UTF-8), INTEGER in
/// decimal, REAL in the shortest digits that read back as the same double (`0.1`, not
/// `0.10000000000000001`; an integral REAL without `.0`), NULL an empty cell. A REAL keeps no
/// trailing zeros (`132.60` stored as REAL reads `132.6`), so a column whose written decimals
/// matter is best declared TEXT. A BLOB or a TEXT that is not UTF-8 is an error at its cell.
enum SQLiteReader {
  /// Milliseconds a statement waits for a writer's lock before giving up.
  static let busyTimeout: Int32 = 5_000

  static func fetch(path: String, statements: [String], source: String) -> Result<[ResultTable], DatabaseFailure> {
    guard FileManager.default.fileExists(atPath: path) else {
      return .failure(.unavailable(source, "no such file '\(path)'"))
    }
    var handle: OpaquePointer?
    let opened = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil)
    defer { sqlite3_close_v2(handle) }
    guard opened == SQLITE_OK, let database = handle else {
      return .failure(.unavailable(source, handle.map(message) ?? String(cString: sqlite3_errstr(opened))))
    }
    sqlite3_busy_timeout(database, busyTimeout)
    if let failure = execute("BEGIN", database, source) { return .failure(failure) }
    var tables: [ResultTable] = []
    for sql in statements {
      switch rows(sql, database, source) {
      case .success(let table): tables.append(table)
      case .failure(let failure): return .failure(failure)
      }
    }
    return .success(tables)
  }

  /// One statement's rows; its columns named as the statement names them.
  private static func rows(_ sql: String, _ database: OpaquePointer, _ source: String)
    -> Result<ResultTable, DatabaseFailure>
  {
    var handle: OpaquePointer?
    // The text after the first statement, read while `sql`'s C string is still alive.
    let (prepared, rest) = sql.withCString { text in
      var tail: UnsafePointer<CChar>?
      let status = sqlite3_prepare_v2(database, text, -1, &handle, &tail)
      return (status, tail.map { String(cString: $0) } ?? "")
    }
    defer { sqlite3_finalize(handle) }
    guard prepared == SQLITE_OK else { return .failure(failure(prepared, database, source)) }
    guard let statement = handle else { return .failure(.query(source, "the query is empty")) }
    if !rest.trimmedCell.isEmpty {
      return .failure(.query(source, "give one statement; this one goes on after its ';'"))
    }
    let width = sqlite3_column_count(statement)
    guard width > 0 else {
      return .failure(DatabaseFailure(finding: Finding(.error, .queryReturnsNoRows, at: SourceLocation(file: source))))
    }
    var table = ResultTable(columns: (0..<width).map { String(cString: sqlite3_column_name(statement, $0)) })
    while true {
      let step = sqlite3_step(statement)
      if step == SQLITE_DONE { return .success(table) }
      guard step == SQLITE_ROW else { return .failure(failure(step, database, source)) }
      var record: [String?] = []
      record.reserveCapacity(Int(width))
      for column in 0..<width {
        switch cell(statement, column) {
        case .success(let text): record.append(text)
        case .failure(let problem):
          table.problems.append((table.rows.count, Int(column), problem.what))
          record.append(nil)
        }
      }
      table.rows.append(record)
    }
  }

  /// A cell that is not text: what it holds.
  struct CellProblem: Error {
    var what: String
  }

  /// The cell as text (see the type's notes); nil for NULL.
  private static func cell(_ statement: OpaquePointer, _ column: Int32) -> Result<String?, CellProblem> {
    switch sqlite3_column_type(statement, column) {
    case SQLITE_NULL:
      return .success(nil)
    case SQLITE_INTEGER:
      return .success(String(sqlite3_column_int64(statement, column)))
    case SQLITE_FLOAT:
      return .success(shortestText(sqlite3_column_double(statement, column)))
    case SQLITE_BLOB:
      return .failure(CellProblem(what: "a BLOB of \(sqlite3_column_bytes(statement, column)) bytes"))
    default:
      let count = Int(sqlite3_column_bytes(statement, column))
      guard let bytes = sqlite3_column_text(statement, column) else { return .success("") }
      let text = String(validating: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
      return text.map { .success($0) } ?? .failure(CellProblem(what: "text that is not UTF-8"))
    }
  }

  /// The shortest decimal that reads back as `value` (Swift's own printing), without the
  /// `.0` it gives an integral value: `132.6`, `45`, `1e-05`.
  static func shortestText(_ value: Double) -> String {
    let text = value.description
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }

  private static func execute(_ sql: String, _ database: OpaquePointer, _ source: String) -> DatabaseFailure? {
    let status = sqlite3_exec(database, sql, nil, nil, nil)
    return status == SQLITE_OK ? nil : failure(status, database, source)
  }

  /// A file that cannot be read (locked, not a database, damaged, I/O) is unavailable (74);
  /// anything else is the statement's fault (65).
  private static func failure(_ status: Int32, _ database: OpaquePointer, _ source: String) -> DatabaseFailure {
    let primary = status & 0xFF
    let unavailable = [SQLITE_CANTOPEN, SQLITE_NOTADB, SQLITE_CORRUPT, SQLITE_IOERR, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_PERM]
    return unavailable.contains(primary) ? .unavailable(source, message(database)) : .query(source, message(database))
  }

  private static func message(_ database: OpaquePointer) -> String {
    String(cString: sqlite3_errmsg(database))
  }
}
