import CSQLite
import Foundation

// MARK: - SQLite files for database-source tests

/// Writes SQLite files from CSV text through the SQLite C API (the `sqlite3` shell is not
/// installed everywhere): a table per CSV, columns named by its header and declared with the
/// given types (default TEXT, which keeps every cell exactly as written), an empty cell stored
/// as NULL.
public enum SQLiteFixture {
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// One table: its name, its rows as CSV (header first) and declared types by column name.
  public struct Table {
    public var name: String
    public var csv: String
    public var types: [String: String]

    public init(_ name: String, csv: String, types: [String: String] = [:]) {
      self.name = name
      self.csv = csv
      self.types = types
    }
  }

  /// Creates the file `path` (replaced if there) holding `tables`.
  public static func write(_ path: String, _ tables: [Table]) throws {
    try? FileManager.default.removeItem(atPath: path)
    var handle: OpaquePointer?
    guard sqlite3_open(path, &handle) == SQLITE_OK, let database = handle else {
      sqlite3_close(handle)
      throw Failure(description: "cannot create \(path)")
    }
    defer { sqlite3_close(database) }
    try execute(database, "BEGIN")
    for table in tables {
      let rows = CSVText.rows(table.csv)
      guard let header = rows.first else { continue }
      let columns = header.map { "\(quoted($0)) \(table.types[$0] ?? "TEXT")" }
      try execute(database, "CREATE TABLE \(quoted(table.name)) (\(columns.joined(separator: ", ")))")
      let marks = Array(repeating: "?", count: header.count).joined(separator: ", ")
      try insert(database, "INSERT INTO \(quoted(table.name)) VALUES (\(marks))", rows.dropFirst())
    }
    try execute(database, "COMMIT")
  }

  /// Runs `sql` (any statements) on the file at `path`.
  public static func execute(_ path: String, _ sql: String) throws {
    var handle: OpaquePointer?
    guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let database = handle else {
      sqlite3_close(handle)
      throw Failure(description: "cannot open \(path)")
    }
    defer { sqlite3_close(database) }
    try execute(database, sql)
  }

  private static func insert(_ database: OpaquePointer, _ sql: String, _ rows: ArraySlice<[String]>) throws {
    var handle: OpaquePointer?
    guard sqlite3_prepare_v2(database, sql, -1, &handle, nil) == SQLITE_OK, let statement = handle else {
      throw Failure(description: String(cString: sqlite3_errmsg(database)))
    }
    defer { sqlite3_finalize(statement) }
    // SQLITE_TRANSIENT (a cast macro Swift cannot import): SQLite copies each bound text.
    let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    for row in rows {
      sqlite3_reset(statement)
      for (index, cell) in row.enumerated() {
        if cell.isEmpty {
          sqlite3_bind_null(statement, Int32(index + 1))
        } else {
          sqlite3_bind_text(statement, Int32(index + 1), cell, -1, transient)
        }
      }
      guard sqlite3_step(statement) == SQLITE_DONE else {
        throw Failure(description: String(cString: sqlite3_errmsg(database)))
      }
    }
  }

  private static func execute(_ database: OpaquePointer, _ sql: String) throws {
    guard sqlite3_exec(database, sql, nil, nil, nil) == SQLITE_OK else {
      throw Failure(description: "\(sql): \(String(cString: sqlite3_errmsg(database)))")
    }
  }

  private static func quoted(_ name: String) -> String { "\"" + name.replacing("\"", with: "\"\"") + "\"" }
}

// MARK: - CSV text

/// RFC 4180 fields: commas, double quotes around fields that hold them, `""` for a quote,
/// CRLF or LF line ends; blank lines dropped.
public enum CSVText {
  public static func rows(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var characters = text.makeIterator()
    var pending = characters.next()
    while let character = pending {
      pending = characters.next()
      if quoted {
        if character == "\"" {
          if pending == "\"" {
            field.append("\"")
            pending = characters.next()
          } else {
            quoted = false
          }
        } else {
          field.append(character)
        }
        continue
      }
      switch character {
      case "\"": quoted = true
      case ",":
        row.append(field)
        field = ""
      case "\n", "\r\n":
        row.append(field)
        if row != [""] { rows.append(row) }
        row = []
        field = ""
      default: field.append(character)
      }
    }
    if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
    return rows
  }
}
