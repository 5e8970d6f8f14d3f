import ArgumentParser
import BriefingCore
import BriefingIngest
import BriefingRender
import BriefingStats
import Foundation

// MARK: - Shared data options

/// `--data`, `--encoding`, `--sheet`, `--regions`, `--indicators`, `--as-of`.
struct DataOptions: ParsableArguments {
  @Option(help: "A data folder (observations.csv, regions.csv, indicators.csv) or one observations file (.csv, .tsv, .xlsx).")
  var data: String

  @Option(help: "Text encoding of CSV/TSV input: auto, utf8 or gb18030.")
  var encoding: String = Self.defaultEncoding

  @Option(help: "XLSX sheet name (default: the first sheet).")
  var sheet: String?

  @Option(help: "regions.csv to use instead of the data folder's.")
  var regions: String?

  @Option(help: "indicators.csv to use instead of the data folder's.")
  var indicators: String?

  @Option(help: "Time progress from a date (YYYY-MM-DD) instead of the period's elapsed months.")
  var asOf: String?

  /// Default of `--encoding`, shared with `RenderFastPath`.
  static let defaultEncoding = "auto"

  func validate() throws {
    guard TextEncoding(rawValue: encoding) != nil else {
      throw ValidationError(
        "unknown encoding '\(encoding)'; use one of: "
          + TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))
    }
    if let asOf, CalendarDate(iso: asOf) == nil {
      throw ValidationError("--as-of must be a date like 2024-07-15")
    }
  }

  /// Loads the data set; errors (with file:line:column) become `Failure.data`, unreadable files
  /// `Failure.io`.
  func load() throws(Failure) -> (Dataset, [Finding]) {
    let options = LoadOptions(
      encoding: TextEncoding(rawValue: encoding) ?? .auto, sheet: sheet, regionsPath: regions,
      indicatorsPath: indicators)
    let result = DatasetLoader.load(data, options: options)
    guard let dataset = result.dataset else {
      let errors = result.findings.filter { $0.severity == .error }
      if errors.contains(where: { $0.message.code == "unreadable-file" }) {
        throw .io(errors.map(\.description).joined(separator: "; "))
      }
      throw .data(result.findings)
    }
    return (dataset, result.findings)
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
    abstract: "Write the whole comparison table: one row per (indicator, period, group, region).")

  enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, xlsx }

  @OptionGroup var data: DataOptions

  @Option(help: "Output format: csv, json or xlsx (xlsx needs --out FILE).")
  var format: Format = .csv

  @Option(help: "Output file; '-' writes to standard output.")
  var out: String = "-"

  @Flag(help: "Print only errors.")
  var quiet = false

  func run() throws {
    try reportingFailures {
      let (dataset, loadFindings) = try data.load()
      let bytes: [UInt8]
      switch format {
      case .csv, .json:
        // Streamed: the table is never held whole, only the export bytes.
        var writer = AnalyzeExport.Writer(format == .csv ? .csv : .json)
        let findings = compareRows(
          dataset, options: data.compareOptions, reserve: { writer.reserve(rows: $0) }
        ) { writer.append($0) }
        printFindings(loadFindings + findings, quiet: quiet)
        bytes = writer.finish()
      case .xlsx:
        guard out != "-" else { throw Failure.data([Finding(.error, .xlsxNeedsFile)]) }
        let table = compare(dataset, options: data.compareOptions)
        printFindings(loadFindings + table.findings, quiet: quiet)
        do {
          bytes = try XLSXPackage.workbook(sheetXML: AnalyzeExport.worksheetXML(table), sheetName: "comparison")
        } catch {
          throw Failure.internal("\(error)")
        }
      }
      try writeOutput(bytes, to: out)
    }
  }
}

/// Writes `bytes` to standard output (`-`) or atomically to a file, then prints the file's path.
func writeOutput(_ bytes: [UInt8], to out: String) throws(Failure) {
  guard out != "-" else {
    // Straight from the buffer: no second copy of a large export as a String.
    fflush(nil)
    try? FileHandle.standardOutput.write(contentsOf: bytes)
    return
  }
  do {
    try AtomicFile.write(bytes, to: out)
  } catch {
    throw .io("\(error)")
  }
  print(out)
}

extension Finding.Message {
  static let xlsxNeedsFile = Self(code: "xlsx-needs-file", text: "--format xlsx writes a file: give --out FILE.xlsx")
}
