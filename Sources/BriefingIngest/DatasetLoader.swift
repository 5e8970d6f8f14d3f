#if canImport(Glibc)
import Glibc
#endif
import BriefingCore

// MARK: - Options and results

/// How to read a dataset.
public struct LoadOptions: Hashable, Sendable {
  /// Text encoding of CSV/TSV files. Default: `.auto` (UTF-8, else GB18030 with a notice).
  public var encoding: TextEncoding
  /// XLSX sheet name. Default: nil, the first sheet of the workbook.
  public var sheet: String?
  /// `regions.csv` to use instead of the folder's. Default: nil.
  public var regionsPath: String?
  /// `indicators.csv` to use instead of the folder's. Default: nil.
  public var indicatorsPath: String?

  public init(
    encoding: TextEncoding = .auto, sheet: String? = nil, regionsPath: String? = nil,
    indicatorsPath: String? = nil
  ) {
    self.encoding = encoding
    self.sheet = sheet
    self.regionsPath = regionsPath
    self.indicatorsPath = indicatorsPath
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
/// (`.csv`, `.tsv`, `.xlsx`) or, failing that, from the content.
public struct InputFile: Hashable, Sendable {
  public var path: String
  public var bytes: [UInt8]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }
}

// MARK: - Loader

/// Reads a dataset folder (`observations.csv|.tsv|.xlsx`, optional `regions.csv`,
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
        options: options)
    }
  }

  /// Builds the dataset from files already in memory. Pure.
  public static func load(
    observations: InputFile, regions: InputFile? = nil, indicators: InputFile? = nil,
    options: LoadOptions = LoadOptions()
  ) -> LoadResult {
    var sink = FindingSink()
    var regionCatalog = Catalog<Region>()
    var indicatorMetadata = IndicatorMetadata()
    if let regions {
      let rows = collectRows(regions, options: options, sink: &sink)
      regionCatalog = MetadataReader.regions(rows, file: regions.path, sink: &sink)
    }
    if let indicators {
      let rows = collectRows(indicators, options: options, sink: &sink)
      indicatorMetadata = MetadataReader.indicators(rows, file: indicators.path, sink: &sink)
    }
    var builder = ObservationBuilder(
      file: observations.path, regions: regionCatalog, indicators: indicatorMetadata,
      expectedRows: min(lineCount(observations.bytes), 20_000_000))
    let readFindings = TableReading.forEachRowConcurrently(
      of: observations, options: options,
      preparer: ObservationCellParser(
        file: observations.path, regions: regionCatalog, indicators: indicatorMetadata.catalog)
    ) { row, cells in
      builder.add(row, prepared: cells, into: &sink)
    }
    sink.add(contentsOf: readFindings)
    let dataset = readFindings.hasErrors ? nil : builder.finish(into: &sink)
    return LoadResult(dataset: sink.hasErrors ? nil : dataset, findings: sink.findings)
  }

  /// Line feeds in `bytes` plus one: the row count of a delimited file, to size the builder's
  /// tables (an over-sized duplicate-key table costs memory and cache misses on every row).
  /// Only a hint: for XLSX it is meaningless and the tables grow as usual.
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

  private static func collectRows(_ file: InputFile, options: LoadOptions, sink: inout FindingSink)
    -> [TableRow]
  {
    var rows: [TableRow] = []
    let findings = TableReading.forEachRow(of: file, options: options.forMetadata) { row in
      rows.append(row)
    }
    sink.add(contentsOf: findings)
    return rows
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
  /// Returns encoding and syntax findings; on a decoding error no row is delivered.
  static func forEachRow(
    of file: InputFile, options: LoadOptions, _ onRow: (TableRow) -> Void
  ) -> [Finding] {
    switch TableFormat.guess(path: file.path, bytes: file.bytes) {
    case .xlsx:
      return XLSXReader.forEachRow(of: file, sheet: options.sheet, onRow)
    case .delimited(let preferred):
      let decoded = TextDecoding.decode(file.bytes, as: options.encoding, file: file.path)
      guard let utf8 = decoded.utf8 else { return decoded.findings }
      let delimiter = DelimitedParser.sniff(utf8, preferred: preferred)
      let parser = DelimitedParser(delimiter: delimiter)
      return decoded.findings + parser.parse(utf8, file: file.path, onRow: onRow)
    }
  }
}
