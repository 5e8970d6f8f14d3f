import ArgumentParser
import BriefingCore
import BriefingIngest
import BriefingJobs
import BriefingStats
import Foundation

// MARK: - Shared data options

/// `--data`, `--encoding`, `--sheet`, `--regions`, `--indicators`, `--map`, `--as-of`, and for
/// a database `--query` or `--table`, `--regions-table`, `--indicators-table`.
struct DataOptions: ParsableArguments {
  @Option(help: "A data folder (observations.csv, regions.csv, indicators.csv), one observations file (.csv, .tsv, .xlsx, .xls), or a database: sqlite:PATH or postgresql://USER@HOST[:PORT]/DB with --query or --table (the password from PGPASSWORD or PGPASSFILE, never in the URL).")
  var data: String

  @Option(help: "With a database --data: the SQL query whose rows are the observations (one statement).")
  var query: String?

  @Option(help: "With a database --data: the table or view that holds the observations (schema.table allowed).")
  var table: String?

  @Option(help: "With a database --data: a table with the columns of regions.csv, instead of --regions.")
  var regionsTable: String?

  @Option(help: "With a database --data: a table with the columns of indicators.csv, instead of --indicators.")
  var indicatorsTable: String?

  @Option(help: "Text encoding of CSV/TSV input: auto, utf8, utf16, gb18030, big5 or cp1252 (also called latin1).")
  var encoding: String = "auto"

  @Option(help: "XLSX sheet name (default: the first sheet).")
  var sheet: String?

  @Option(help: "regions.csv to use instead of the data folder's.")
  var regions: String?

  @Option(help: "indicators.csv to use instead of the data folder's.")
  var indicators: String?

  @Option(help: "Intake map (written by `briefing import`) that says how to read a table of another shape than long.")
  var map: String?

  @Option(help: "Time progress from a date (YYYY-MM-DD) instead of the period's elapsed months.")
  var asOf: String?

  func validate() throws {
    guard TextEncoding(rawValue: encoding) != nil else {
      throw ValidationError(
        "unknown encoding '\(encoding)'; use one of: "
          + TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))
    }
    if let asOf, CalendarDate(iso: asOf) == nil {
      throw ValidationError("--as-of must be a date like 2024-07-15")
    }
    try validateDatabase()
  }

  /// A database `--data` is usable and has exactly one of `--query` and `--table`; the
  /// database options come only with one (argument-parser's exit 64 otherwise).
  private func validateDatabase() throws {
    let databaseOptions = [("--query", query), ("--table", table), ("--regions-table", regionsTable), ("--indicators-table", indicatorsTable)]
    guard DatabaseAddress.isDatabase(data) else {
      if let given = databaseOptions.first(where: { $0.1 != nil }) {
        throw ValidationError("\(given.0) reads a database: give --data sqlite:PATH or --data postgresql://…")
      }
      return
    }
    if case .failure(let problem) = DatabaseAddress.parse(data) { throw ValidationError(problem.description) }
    guard (query == nil) != (table == nil) else {
      throw ValidationError("a database --data needs exactly one of --query SQL and --table NAME")
    }
    if sheet != nil { throw ValidationError("--sheet names a workbook sheet; a database has none") }
    if regions != nil, regionsTable != nil { throw ValidationError("give --regions or --regions-table, not both") }
    if indicators != nil, indicatorsTable != nil {
      throw ValidationError("give --indicators or --indicators-table, not both")
    }
  }

  /// Loads the data set; errors (with file:line:column, or a database's row and column)
  /// become `Failure.data`, missing or unreadable files and an unreachable database
  /// `Failure.io` (`Failure(loading:)`).
  func load() throws(Failure) -> (Dataset, [Finding]) {
    let result = databaseSource.map { DatasetLoader.load($0, options: loadOptions).result }
      ?? DatasetLoader.load(data, options: loadOptions)
    guard let dataset = result.dataset else { throw Failure(loading: result.findings) }
    return (dataset, result.findings)
  }

  /// The database `--data` names (checked by `validate`), nil for a folder or file.
  var databaseSource: DatabaseSource? {
    guard DatabaseAddress.isDatabase(data), case .success(let address) = DatabaseAddress.parse(data) else { return nil }
    let selection = query.map(DatabaseSelection.query) ?? .table(table ?? "")
    return DatabaseSource(
      address: address, observations: selection, regionsTable: regionsTable, indicatorsTable: indicatorsTable)
  }

  var loadOptions: LoadOptions {
    LoadOptions(
      encoding: TextEncoding(rawValue: encoding) ?? .auto, sheet: sheet, regionsPath: regions,
      indicatorsPath: indicators, mapPath: map)
  }

  var compareOptions: CompareOptions {
    var options = CompareOptions()
    options.asOf = asOf.flatMap(CalendarDate.init(iso:))
    return options
  }
}

extension CalendarDate {
  /// Parses `YYYY-MM-DD`.
  init?(iso text: String) {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else {
      return nil
    }
    self.init(year: parts[0], month: parts[1], day: parts[2])
  }
}

// MARK: - analyze

struct Analyze: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "analyze",
    abstract: "Write the whole comparison table: one row per (indicator, period, group, region).",
    discussion: HelpExamples.discussion(
      examples: "briefing analyze --data Samples/jiuquan-2024h1 --out Output/table.csv",
      "briefing analyze --data Samples/midwest-2024q3 --format json --out -"))

  enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, xlsx }

  @OptionGroup var data: DataOptions

  @Option(help: "Output format: csv, json or xlsx (xlsx needs --out FILE).")
  var format: Format = .csv

  @Option(help: "Output file; '-' writes to standard output.")
  var out: String = "-"

  @Flag(help: "Print only errors.")
  var quiet = false

  @Flag(help: "Write CSV text fields as they are; by default a field starting with = + - @, tab or CR gets a leading ' so that a spreadsheet does not run it as a formula.")
  var rawCSV = false

  @Option(help: "Threads building the table, one indicator each (default: the number of processors). The output is the same for any number.")
  var jobs: Int?

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
  }

  func run() throws {
    try reportingFailures {
      // The dataset is handed over (taken out of `dataset`): once the comparison plan is built
      // it is freed on another thread while the rows are built (`ComparisonPlan` keeps no
      // reference to its observations, about 1 GB at 40,000 units).
      var (dataset, loadFindings): (Dataset?, [Finding]) = try data.load()
      switch format {
      case .csv: try stream(&dataset, loadFindings, .csv)
      case .json: try stream(&dataset, loadFindings, .json)
      case .xlsx:
        guard out != "-" else { throw Failure.data([Finding(.error, .xlsxNeedsFile)]) }
        try streamWorkbook(&dataset, loadFindings)
      }
      // The table is published and its path printed: end the process here instead of freeing
      // the comparison plan on the way out (0.06–0.1 s of the 3,000-unit
      // analyze). `exit` still flushes standard output and runs exit handlers.
      Foundation.exit(0)
    }
  }

  /// CSV and JSON are streamed: the rows of each indicator are built on their own thread and
  /// written in order, so the table is never held whole, only a part per thread.
  private func stream(_ dataset: inout Dataset?, _ loadFindings: [Finding], _ format: AnalyzeExport.Format)
    throws(Failure)
  {
    let plan = ComparisonPlan(dataset!, options: data.compareOptions)
    releaseInBackground(&dataset)
    printFindings(loadFindings + plan.findings, quiet: quiet)
    // Not flushed to disk before publishing: a table regenerated from the data in seconds does
    // not need to wait for the disk (fsync of 100 MB took 0.2 s here); a reader still sees the
    // old file or the whole new one.
    let output = try OutputStream(out, durable: false)
    try output.write(AnalyzeExport.opening(format))
    var rowCount = 0
    // A written part's buffer goes to the next part's writer: memory already mapped, written
    // again, instead of a fresh 100 MB of page faults per indicator.
    let spares = SpareBuffers()
    try plan.forEachIndicatorPart(threads: jobs ?? ProcessInfo.processInfo.activeProcessorCount) { i in
      var writer = AnalyzeExport.Writer(
        format, expectedRows: plan.rowCount(ofIndicator: i), neutralizingFormulas: !rawCSV,
        recycling: spares.take())
      plan.forEachRow(ofIndicator: i) { writer.append($0) }
      return (rows: writer.rowCount, bytes: writer.finish())
    } deliver: { (part: consuming (rows: Int, bytes: [UInt8])) throws(Failure) in
      let rows = part.rows
      var bytes: [UInt8] = []
      swap(&bytes, &part.bytes)
      if rows > 0 {
        if rowCount > 0 { try output.write(AnalyzeExport.separator(format)) }
        try output.write(bytes)
        rowCount += rows
      }
      spares.give(consume bytes)
    }
    try output.write(AnalyzeExport.closing(format, rowCount: rowCount))
    try output.finish()
  }
}

extension Analyze {
  /// zlib level of the worksheet rows. 1: the national table (700 MB of XML) deflates in about
  /// a third of level 6's time, for a file about a fifth larger.
  static let sheetDeflateLevel: Int32 = 1

  /// The workbook is streamed like CSV: each indicator's worksheet rows are built and deflated
  /// on their own thread (rows numbered from where the indicators before them end) and appended
  /// to the archive in order, so neither the table nor the sheet is held whole.
  fileprivate func streamWorkbook(_ dataset: inout Dataset?, _ loadFindings: [Finding]) throws(Failure) {
    let plan = ComparisonPlan(dataset!, options: data.compareOptions)
    releaseInBackground(&dataset)
    printFindings(loadFindings + plan.findings, quiet: quiet)
    let rows = plan.rowCount
    guard rows <= AnalyzeExport.worksheetRowLimit else {
      throw Failure.data([Finding(.error, .xlsxTooManyRows(rows))])
    }
    var firstRows: [Int] = []
    var next = 2  // row 1 is the header
    for i in 0..<plan.indicatorCount {
      firstRows.append(next)
      next += plan.rowCount(ofIndicator: i)
    }
    let output = try OutputStream(out, durable: false)
    let zip = ZipStream { bytes throws(Failure) in try output.write(bytes) }
    try XLSXPackage.begin(zip, sheetName: "comparison")
    try zip.append(DeflatedPart(AnalyzeExport.opening(.xlsxSheet)))
    try plan.forEachIndicatorPart(threads: jobs ?? ProcessInfo.processInfo.activeProcessorCount) { [firstRows] i in
      var writer = AnalyzeExport.Writer(
        .xlsxSheet, expectedRows: plan.rowCount(ofIndicator: i), firstRow: firstRows[i])
      plan.forEachRow(ofIndicator: i) { writer.append($0) }
      return DeflatedPart(writer.finish(), level: Self.sheetDeflateLevel)
    } deliver: { (part: DeflatedPart) throws(Failure) in
      try zip.append(part)
    }
    try zip.append(DeflatedPart(AnalyzeExport.closing(.xlsxSheet, rowCount: rows)))
    try XLSXPackage.finish(zip)
    try output.finish()
  }
}

/// Lets go of `value` on another thread: freeing the township analyze's 4.8 M observations
/// takes 50–150 ms, which the rows need not wait for. The value is taken out of `value` into
/// a box that only the block holds, and the block empties the box: passed along as a
/// consuming argument or captured, a copy stayed behind here and was sometimes the last one.
private func releaseInBackground<Value: Sendable>(_ value: inout Value?) {
  let box = ReleaseBox(value.take())
  DispatchQueue.global().async { box.empty() }
}

/// What `releaseInBackground` frees. Unchecked: `value` is set once by `init` and emptied once
/// by the block, after the hand-over through the queue.
private final class ReleaseBox<Value: Sendable>: @unchecked Sendable {
  private var value: Value?
  init(_ value: Value?) { self.value = value }
  func empty() { value = nil }
}

/// Writes `bytes` to standard output (`-`) or atomically to a file, then prints the file's path.
func writeOutput(_ bytes: [UInt8], to out: String) throws(Failure) {
  let output = try OutputStream(out)
  try output.write(bytes)
  try output.finish()
}

/// Standard output (`-`, checked by `StandardOutput`), or a file written through
/// `AtomicFile.Stream` and published by `finish` (which prints its path). `durable`: flush the
/// file to disk before publishing it (default: true).
final class OutputStream {
  private let path: String
  private let file: AtomicFile.Stream?

  init(_ path: String, durable: Bool = true) throws(Failure) {
    self.path = path
    if path == "-" {
      file = nil
    } else {
      do { file = try AtomicFile.Stream(path: path, durable: durable) } catch { throw .io("\(error)") }
    }
  }

  func write(_ bytes: [UInt8]) throws(Failure) {
    guard let file else {
      // Straight from the buffer: no second copy of a large export as a String.
      try StandardOutput.write(bytes)
      return
    }
    do { try file.write(bytes) } catch { throw .io("\(error)") }
  }

  func finish() throws(Failure) {
    guard let file else { return }
    do { try file.commit() } catch { throw .io("\(error)") }
    print(path)
  }
}

extension Finding.Message {
  static let xlsxNeedsFile = Self(code: "xlsx-needs-file", text: "--format xlsx writes a file: give --out FILE.xlsx")
  static func xlsxTooManyRows(_ rows: Int) -> Self {
    Self(
      code: "xlsx-too-many-rows",
      text: "the table has \(rows) rows; an Excel sheet holds \(AnalyzeExport.worksheetRowLimit) below its header: use --format csv")
  }
}
