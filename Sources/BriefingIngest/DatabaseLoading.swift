import BriefingCore
import Foundation

// MARK: - Loading from a database

extension DatasetLoader {
  /// Fetches `source`'s tables, reads the metadata files and intake map `options` names (a
  /// table of the source wins over a file), and builds the dataset with every check a file
  /// gets (`load(observations: CellGrid …)`). A finding at a fetched cell is located as
  /// `sqlite:stats.db, table observations, row 5, column value` (row 1 holds the column names).
  /// `fetched` is nil when the database could not be read.
  public static func load(_ source: DatabaseSource, options: LoadOptions = LoadOptions())
    -> (result: LoadResult, fetched: FetchedTables?)
  {
    let (files, fileFindings) = InputFiles.readEach([options.regionsPath, options.indicatorsPath, options.mapPath])
    guard fileFindings.isEmpty else { return (LoadResult(dataset: nil, findings: fileFindings), nil) }
    let (fetched, fetchFindings) = fetch(source)
    guard let fetched else { return (LoadResult(dataset: nil, findings: fetchFindings), nil) }
    var sink = FindingSink()
    let result = load(
      observations: fetched.observations,
      regions: fetched.regions ?? files[0].map { metadataGrid($0, options: options, sink: &sink) },
      indicators: fetched.indicators ?? files[1].map { metadataGrid($0, options: options, sink: &sink) },
      map: files[2])
    let findings = fetchFindings + sink.findings + result.findings
    let locator = CellLocator([fetched.observations, fetched.regions, fetched.indicators].compactMap { $0 })
    var dataset = findings.hasErrors ? nil : result.dataset
    // Taken out, so that the observations are changed in place rather than copied.
    if var located = dataset.take() {
      for index in located.observations.indices {
        located.observations[index].location = located.observations[index].location.map(locator.locate)
      }
      dataset = located
    }
    let located = findings.map { finding in
      var located = finding
      located.location = finding.location.map(locator.locate)
      return located
    }
    return (LoadResult(dataset: dataset, findings: located), fetched)
  }

  /// Runs `source`'s statements: its tables, or nil and the finding that says why not
  /// (`database-unavailable`, exit 74; `query-failed`, 65). Cells that cannot be read as text
  /// are errors in the findings, the tables still returned.
  public static func fetch(_ source: DatabaseSource) -> (tables: FetchedTables?, findings: [Finding]) {
    let statements = source.statements
    let name = statements[0].name
    let read: Result<[ResultTable], DatabaseFailure>
    switch source.address {
    case .sqlite(let path):
      read = SQLiteReader.fetch(path: path, statements: statements.map(\.sql), source: name)
    case .postgresql(let url):
      var password: String?
      if let file = source.passwordFile {
        guard let bytes = InputFiles.readAll(file) else {
          return (nil, [Finding(.error, .unreadablePasswordFile(file), at: SourceLocation(file: file))])
        }
        password = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
      }
      read = PostgreSQLReader.fetch(url: url, password: password, statements: statements.map(\.sql), source: name)
    }
    switch read {
    case .failure(let failure):
      return (nil, [failure.finding])
    case .success(let tables):
      var findings: [Finding] = []
      let grids = zip(tables, statements).map { table, statement in table.grid(named: statement.name, findings: &findings) }
      var fetched = FetchedTables(observations: grids[0])
      var rest = grids.dropFirst().makeIterator()
      if source.regionsTable != nil { fetched.regions = rest.next() }
      if source.indicatorsTable != nil { fetched.indicators = rest.next() }
      return (fetched, findings)
    }
  }
}

// MARK: - Locations

/// Writes a location at a cell of a fetched table (file = the table's name, line = row) as
/// `NAME, row 5, column value` instead of `NAME:5:4`, for findings and for the observations'
/// own locations (which later findings quote).
struct CellLocator {
  /// Column names by table name.
  private var columnNames: [String: [String]] = [:]

  init(_ tables: [CellGrid]) {
    for table in tables { columnNames[table.file] = table.rows.first.map { $0.cells.map(\.text) } ?? [] }
  }

  func locate(_ location: SourceLocation) -> SourceLocation {
    guard let names = columnNames[location.file], let row = location.line else { return location }
    var place = "\(location.file), row \(row)"
    if let column = location.column {
      place += ", column " + (names.indices.contains(column - 1) ? names[column - 1] : "\(column)")
    }
    return SourceLocation(file: place)
  }
}
