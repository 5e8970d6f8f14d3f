import BriefingCore
import Foundation

// MARK: - Messages

extension Finding.Message {
  /// The database cannot be opened or reached, or refused the login: exit 74, like a missing
  /// file. `detail` is the library's or the server's own message.
  static func databaseUnavailable(_ detail: String) -> Self {
    .init(code: "database-unavailable", text: "cannot read the database: \(detail)")
  }
  /// The database answered but the statement failed (syntax, no such table, permission).
  static func queryFailed(_ detail: String) -> Self {
    .init(code: "query-failed", text: "the query failed: \(detail)")
  }
  static let queryReturnsNoRows = Self(
    code: "query-failed",
    text: "the statement returns no rows; give a query that does (SELECT …) or --table")
  static func undecodableCell(_ what: String) -> Self {
    .init(code: "undecodable-cell", text: "cell holds \(what), not text or a number; cast it in the query")
  }
  static func unreadablePasswordFile(_ path: String) -> Self {
    .init(code: "unreadable-file", text: "cannot read the password file '\(path)'")
  }
}

// MARK: - Source

/// A data set held in a database: the observations as a query's rows or a table, and the
/// region and indicator metadata as tables of the same database or as files (`LoadOptions`).
public struct DatabaseSource: Hashable, Sendable {
  public var address: DatabaseAddress
  /// The observations: long (`region,period,indicator,value,…`) or any other shape the files
  /// may have (indicators across, periods across), read by an intake map or detection.
  public var observations: DatabaseSelection
  /// A table with the columns of `regions.csv`. Default: nil (`--regions FILE`, or none).
  public var regionsTable: String?
  /// A table with the columns of `indicators.csv`. Default: nil (`--indicators FILE`, or none).
  public var indicatorsTable: String?
  /// A file whose first line is the PostgreSQL password (a job's `password_file`); it wins over
  /// `PGPASSWORD` and `PGPASSFILE`. Default: nil (libpq reads those itself).
  public var passwordFile: String?

  public init(
    address: DatabaseAddress, observations: DatabaseSelection, regionsTable: String? = nil,
    indicatorsTable: String? = nil, passwordFile: String? = nil
  ) {
    self.address = address
    self.observations = observations
    self.regionsTable = regionsTable
    self.indicatorsTable = indicatorsTable
    self.passwordFile = passwordFile
  }

  /// The statements to run, observations first, each with the name its findings are located by.
  var statements: [(name: String, sql: String)] {
    var list = [(name(observations), observations.sql)]
    for table in [regionsTable, indicatorsTable].compactMap({ $0 }) {
      list.append((name(.table(table)), DatabaseSelection.table(table).sql))
    }
    return list
  }

  /// `sqlite:stats.db, table observations`, `postgresql://…/stats, query`.
  func name(_ selection: DatabaseSelection) -> String { "\(address), \(selection.label)" }
}

// MARK: - Fetched rows

/// Every table fetched for one load, as cells: the column names are row 1, the n-th record
/// row n + 1 (as if exported to CSV, so an intake map's line numbers mean the same), and cell
/// columns count from 1. NULL is an empty cell; numbers are their text (see the readers).
public struct FetchedTables: Hashable, Sendable {
  public var observations: CellGrid
  public var regions: CellGrid?
  public var indicators: CellGrid?

  /// Every table, name and cell, length-prefixed (so no cell text can imitate a boundary): what
  /// a job run fingerprints instead of a file, so an unchanged query result skips the run.
  public var fingerprintBytes: [UInt8] {
    var bytes: [UInt8] = []
    func field(_ text: String) {
      bytes += Array("\(text.utf8.count):".utf8) + Array(text.utf8)
    }
    for grid in [observations, regions, indicators].compactMap({ $0 }) {
      field(grid.file)
      field("\(grid.rows.count)")
      for row in grid.rows {
        field("\(row.cells.count)")
        row.cells.forEach { field($0.text) }
      }
    }
    return bytes
  }
}

/// One statement's result as the library returned it: column names and text cells (nil: NULL,
/// or a cell that could not be read, with `problems` saying which).
struct ResultTable {
  var columns: [String]
  var rows: [[String?]] = []
  /// Cells the reader could not turn into text: 0-based record and column, and why.
  var problems: [(record: Int, column: Int, what: String)] = []

  /// The table as cells named `name`, each problem an error at its cell, and every control
  /// character refused as in files (`ControlCharacterScreen`).
  func grid(named name: String, findings: inout [Finding]) -> CellGrid {
    var screen = ControlCharacterScreen(file: name)
    let header = TableRow(line: 1, cells: columns.enumerated().map { TableCell($1, column: $0 + 1) })
    var rows = [screen.screen(header)]
    rows.reserveCapacity(self.rows.count + 1)
    for (index, record) in self.rows.enumerated() {
      let cells = record.enumerated().map { TableCell($1 ?? "", column: $0 + 1) }
      rows.append(screen.screen(TableRow(line: index + 2, cells: cells)))
    }
    for problem in problems {
      let location = SourceLocation(file: name, line: problem.record + 2, column: problem.column + 1)
      findings.append(Finding(.error, .undecodableCell(problem.what), at: location))
    }
    findings += screen.findings
    return CellGrid(file: name, rows: rows)
  }
}

/// Why a fetch stopped: the findings (one error at the source).
struct DatabaseFailure: Error {
  var finding: Finding

  static func unavailable(_ source: String, _ detail: String) -> Self {
    Self(finding: Finding(.error, .databaseUnavailable(oneLine(detail)), at: SourceLocation(file: source)))
  }
  static func query(_ source: String, _ detail: String) -> Self {
    Self(finding: Finding(.error, .queryFailed(oneLine(detail)), at: SourceLocation(file: source)))
  }

  /// A library message (libpq's span lines, with tabs) on one line.
  private static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }.joined(separator: " ")
  }
}
