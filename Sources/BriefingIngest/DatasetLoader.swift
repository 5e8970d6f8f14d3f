#if canImport(Glibc)
import Glibc
#endif
import BriefingCore

// MARK: - Options and results

/// How to read a dataset.
public struct LoadOptions: Hashable, Sendable {
  /// Text encoding of CSV/TSV files. Default: `.auto` (see `TextEncoding.auto`).
  public var encoding: TextEncoding
  /// XLSX sheet name. Default: nil, the first sheet of the workbook.
  public var sheet: String?
  /// `regions.csv` to use instead of the folder's. Default: nil.
  public var regionsPath: String?
  /// `indicators.csv` to use instead of the folder's. Default: nil.
  public var indicatorsPath: String?
  /// Intake map (YAML, `briefing import`) that says how to read the observations table.
  /// Default: nil (a long table is read as it is; another shape is detected, with a warning).
  public var mapPath: String?

  public init(
    encoding: TextEncoding = .auto, sheet: String? = nil, regionsPath: String? = nil,
    indicatorsPath: String? = nil, mapPath: String? = nil
  ) {
    self.encoding = encoding
    self.sheet = sheet
    self.regionsPath = regionsPath
    self.indicatorsPath = indicatorsPath
    self.mapPath = mapPath
  }
}

/// A loaded dataset, or nil when any finding is an error (never half-loaded), plus all findings
/// in reading order (metadata files first).
public struct LoadResult: Sendable {
  public var dataset: Dataset?
  public var findings: [Finding]

  public init(dataset: Dataset?, findings: [Finding]) {
    self.dataset = dataset
    self.findings = findings
  }
}

/// A file's bytes and the path shown in findings. The format comes from the extension
/// (`.csv`, `.tsv`, `.xlsx`, `.xls`) or, failing that, from the content.
public struct InputFile: Hashable, Sendable {
  public var path: String
  public var bytes: [UInt8]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }
}

// MARK: - Loader

/// Reads a dataset folder (`observations.csv|.tsv|.xlsx|.xls`, optional `regions.csv`,
/// `indicators.csv`) or a single observations file into a `Dataset`.
public enum DatasetLoader {
  /// Reads `path` (a folder or an observations file) from disk, then builds the dataset.
  public static func load(_ path: String, options: LoadOptions = LoadOptions()) -> LoadResult {
    switch InputFiles.read(path, options: options) {
    case .failure(let failure):
      return LoadResult(dataset: nil, findings: failure.findings)
    case .success(let files):
      return load(
        observations: files.observations, regions: files.regions, indicators: files.indicators,
        map: files.map, options: options)
    }
  }

  /// Builds the dataset from files already in memory. Pure. A long table is streamed row by
  /// row; any other shape is read whole and reshaped into long rows, by the intake `map` when
  /// given (a YAML file, `IntakeMapReader`), else by shape detection (with an `intake-detected`
  /// warning that says how it was read). Every row then goes through the same checks.
  public static func load(
    observations: InputFile, regions: InputFile? = nil, indicators: InputFile? = nil, map: InputFile? = nil,
    options: LoadOptions = LoadOptions()
  ) -> LoadResult {
    var sink = FindingSink()
    let metadata = metadata(regions: regions, indicators: indicators, options: options, sink: &sink)
    guard case .success(let intakeMap) = intakeMap(map, sink: &sink) else {
      return LoadResult(dataset: nil, findings: sink.findings)
    }
    var reading = options
    if let conflict = Intake.chooseSheet(options, intakeMap, &reading, file: observations.path) {
      sink.add(conflict)
      return LoadResult(dataset: nil, findings: sink.findings)
    }
    let long =
      intakeMap.map { $0.shape == .long }
      ?? TableReading.firstRow(of: observations, options: reading).map(ShapeDetector.looksLong) ?? true
    if long, TableFormat.guess(path: observations.path, bytes: observations.bytes) != .xls {
      return streamLong(observations, metadata, options: reading, sink: &sink)
    }
    return loadTable(observations, metadata, map: intakeMap, options: reading, sink: &sink)
  }

  /// Builds the dataset from tables already read into cells (a database query's rows, see
  /// `DatabaseLoading`) with the same checks as files: a long table row by row as
  /// `streamLong` does, any other shape through the intake map or shape detection as
  /// `loadTable` does. Pure.
  public static func load(
    observations: CellGrid, regions: CellGrid? = nil, indicators: CellGrid? = nil, map: InputFile? = nil
  ) -> LoadResult {
    var sink = FindingSink()
    let metadata = metadata(regions: regions, indicators: indicators, sink: &sink)
    guard case .success(let intakeMap) = intakeMap(map, sink: &sink) else {
      return LoadResult(dataset: nil, findings: sink.findings)
    }
    let long =
      intakeMap.map { $0.shape == .long }
      ?? observations.rows.first { !$0.isBlank }.map(ShapeDetector.looksLong) ?? true
    guard long else { return loadGrid(observations, metadata, map: intakeMap, sink: &sink) }
    var builder = ObservationBuilder(
      file: observations.file, regions: metadata.regions, indicators: metadata.indicators,
      expectedRows: observations.rows.count)
    for row in observations.rows { builder.add(row, prepared: nil, into: &sink) }
    let dataset = builder.finish(into: &sink)
    return LoadResult(dataset: sink.hasErrors ? nil : dataset, findings: sink.findings)
  }

  /// The intake map `map` holds (nil without a file); a failure when it has errors, which are
  /// in `sink`.
  private static func intakeMap(_ map: InputFile?, sink: inout FindingSink) -> Result<IntakeMap?, MapFailure> {
    guard let map else { return .success(nil) }
    let (parsed, findings) = IntakeMapReader.read(map)
    sink.add(contentsOf: findings)
    return parsed.map { .success($0) } ?? .failure(MapFailure())
  }

  /// An intake map with errors (the findings say which).
  private struct MapFailure: Error {}

  /// The metadata files' catalogs (empty, open ones without files).
  static func metadata(
    regions: InputFile?, indicators: InputFile?, options: LoadOptions, sink: inout FindingSink
  ) -> (regions: Catalog<Region>, indicators: IndicatorMetadata) {
    let regionGrid = regions.map { metadataGrid($0, options: options, sink: &sink) }
    let indicatorGrid = indicators.map { metadataGrid($0, options: options, sink: &sink) }
    return metadata(regions: regionGrid, indicators: indicatorGrid, sink: &sink)
  }

  /// A metadata file's rows (CSV or TSV; the sheet option does not apply).
  static func metadataGrid(_ file: InputFile, options: LoadOptions, sink: inout FindingSink) -> CellGrid {
    var rows: [TableRow] = []
    sink.add(contentsOf: TableReading.forEachRow(of: file, options: options.forMetadata) { rows.append($0) })
    return CellGrid(file: file.path, rows: rows)
  }

  /// The metadata tables' catalogs (empty, open ones without tables).
  static func metadata(
    regions: CellGrid?, indicators: CellGrid?, sink: inout FindingSink
  ) -> (regions: Catalog<Region>, indicators: IndicatorMetadata) {
    let regionCatalog = regions.map { MetadataReader.regions($0.rows, file: $0.file, sink: &sink) } ?? Catalog()
    let indicatorMetadata =
      indicators.map { MetadataReader.indicators($0.rows, file: $0.file, sink: &sink) } ?? IndicatorMetadata()
    return (regionCatalog, indicatorMetadata)
  }

  /// A long table, streamed: read on a second thread for large files while rows are built;
  /// with fixed catalogs (regions.csv and indicators.csv) and a text without quotes, lone CRs
  /// or control characters (after decoding), ordinary lines come as `FastRow`s
  /// (`FastLongReader`).
  private static func streamLong(
    _ observations: InputFile, _ metadata: (regions: Catalog<Region>, indicators: IndicatorMetadata),
    options: LoadOptions, sink: inout FindingSink
  ) -> LoadResult {
    var builder = ObservationBuilder(
      file: observations.path, regions: metadata.regions, indicators: metadata.indicators,
      expectedRows: min(lineCount(observations.bytes), 20_000_000))
    let preparer = ObservationCellParser(
      file: observations.path, regions: metadata.regions, indicators: metadata.indicators.catalog)
    let (regions, indicators) = (metadata.regions, metadata.indicators.catalog)
    var text: LongText?
    let readFindings = TableReading.concurrently(
      bytes: observations.bytes.count,
      produce: {
        TableReading.forEachLongItem(
          of: observations, options: options, preparer: preparer, regions: regions, indicators: indicators, $0)
      }
    ) { item in
      switch item {
      case .row(let row, let cells): builder.add(row, prepared: cells, into: &sink)
      case .text(let read): text = read
      case .fast(let row):
        guard !builder.addFast(row) else { break }
        // `FastLongReader.read` hands over its text before the first fast row.
        guard let text else { preconditionFailure("a fast row before its text") }
        builder.add(text.row(row), prepared: nil, into: &sink)
      }
    }
    sink.add(contentsOf: readFindings)
    let dataset = readFindings.hasErrors ? nil : builder.finish(into: &sink)
    return LoadResult(dataset: sink.hasErrors ? nil : dataset, findings: sink.findings)
  }

  /// A table read whole (a cross table, or any .xls): reshaped by the map or by detection, then
  /// built row by row; a published total is checked against its members.
  private static func loadTable(
    _ observations: InputFile, _ metadata: (regions: Catalog<Region>, indicators: IndicatorMetadata),
    map: IntakeMap?, options: LoadOptions, sink: inout FindingSink
  ) -> LoadResult {
    let (grid, readFindings) = TableReading.grid(of: observations, options: options)
    sink.add(contentsOf: readFindings)
    guard let grid else { return LoadResult(dataset: nil, findings: sink.findings) }
    return loadGrid(grid, metadata, map: map, sink: &sink)
  }

  /// `loadTable` once the table is read.
  private static func loadGrid(
    _ grid: CellGrid, _ metadata: (regions: Catalog<Region>, indicators: IndicatorMetadata),
    map: IntakeMap?, sink: inout FindingSink
  ) -> LoadResult {
    let names = NameBook(regions: metadata.regions, indicators: metadata.indicators.catalog, names: map?.names ?? [:])
    let report = Intake.read(grid, map: map, names: names)
    sink.add(contentsOf: report.findings)
    sink.add(contentsOf: report.questions.map(\.finding))
    guard !sink.hasErrors, let readMap = report.map else { return LoadResult(dataset: nil, findings: sink.findings) }
    var builder = ObservationBuilder(file: grid.file, regions: metadata.regions, indicators: metadata.indicators)
    if readMap.shape == .long {
      for row in grid.rows { builder.add(row, prepared: nil, into: &sink) }
    } else {
      if map == nil {
        sink.add(Finding(.warning, .readWithoutMap(report.summary, file: grid.file), at: SourceLocation(file: grid.file)))
      }
      builder.add(LongRow.header(line: readMap.header?.first ?? 1), prepared: nil, into: &sink)
      for row in report.rows { builder.add(row.tableRow(), prepared: nil, into: &sink) }
    }
    let dataset = builder.finish(into: &sink)
    sink.add(contentsOf: PublishedTotals.check(dataset, rows: report.rows))
    return LoadResult(dataset: sink.hasErrors ? nil : dataset, findings: sink.findings)
  }

  /// Line feeds in `bytes` plus one: the row count of a delimited file, to reserve the builder's
  /// observations. Only a hint: for XLSX it is meaningless and the array grows as usual.
  private static func lineCount(_ bytes: [UInt8]) -> Int {
    bytes.withUnsafeBytes { buffer in
      guard var cursor = buffer.baseAddress else { return 0 }
      let end = cursor + buffer.count
      var lines = 1
      while let found = memchr(cursor, 0x0A, end - cursor) {
        lines += 1
        cursor = UnsafeRawPointer(found) + 1
      }
      return lines
    }
  }
}

extension LoadOptions {
  /// Metadata files are CSV/TSV: the sheet option does not apply to them.
  fileprivate var forMetadata: LoadOptions {
    var copy = self
    copy.sheet = nil
    return copy
  }
}

// MARK: - Table reading

/// Decodes and parses one input file, handing rows to a callback.
enum TableReading {
  /// Returns encoding and syntax findings, and a `control-character` error for every cell that
  /// holds one (`ControlCharacterScreen`); on a decoding error no row is delivered.
  static func forEachRow(
    of file: InputFile, options: LoadOptions, _ onRow: (TableRow) -> Void
  ) -> [Finding] {
    var screen = ControlCharacterScreen(file: file.path)
    let findings: [Finding]
    switch TableFormat.guess(path: file.path, bytes: file.bytes) {
    case .xlsx:
      findings = XLSXReader.forEachRow(of: file, sheet: options.sheet) { onRow(screen.screen($0)) }
    case .xls:
      let (grid, gridFindings) = XLSReader.grid(of: file, sheet: options.sheet)
      grid?.rows.forEach { onRow(screen.screen($0)) }
      findings = gridFindings
    case .delimited(let preferred):
      let decoded = TextDecoding.decode(file.bytes, as: options.encoding, file: file.path)
      guard let utf8 = decoded.utf8 else { return decoded.findings }
      let delimiter = DelimitedParser.sniff(utf8, preferred: preferred)
      return decoded.findings + forEachRow(ofText: utf8, delimiter: delimiter, file: file.path, onRow)
    }
    return findings + screen.findings
  }

  /// `forEachRow` for a decoded delimited text: the parser's findings, then the screen's. The
  /// screen is skipped for a text that `ControlCharacterScreen.isClean` passes whole (`clean`:
  /// that answer when already known).
  static func forEachRow(
    ofText utf8: [UInt8], delimiter: UInt8, file: String, clean: Bool? = nil, _ onRow: (TableRow) -> Void
  ) -> [Finding] {
    var screen = ControlCharacterScreen(file: file)
    let clean = clean ?? ControlCharacterScreen.isClean(utf8)
    let findings = DelimitedParser(delimiter: delimiter).parse(utf8, file: file) {
      onRow(clean ? $0 : screen.screen($0))
    }
    return findings + screen.findings
  }
}
