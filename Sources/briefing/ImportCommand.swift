import ArgumentParser
import BriefingCore
import BriefingIngest
import Foundation

// MARK: - import

/// `briefing import FILE`: how a table reads — its shape, where the headings and data are, which
/// cells name regions, indicators, periods and units, the published total, what is left out —
/// and an intake map that replays that reading with `--map`.
struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Show how a table reads and write an intake map that replays the reading (--map).",
    discussion: HelpExamples.discussion(
      """
      Detects the shape of FILE (a long table, indicators or periods across, an office report table with \
      a title, a unit line, merged headings and a total row) and prints what it understood, then the first \
      long rows. It writes the intake map beside FILE (FILE.intake.yaml): edit it where the reading is wrong \
      and pass it with --map to analyze, render and dump-scene. Where two readings are plausible it exits 65 \
      and names the map key that decides; the map is written with the choices as comments.
      """,
      examples: "briefing import Samples/midwest-2024q3/observations.csv --out -",
      "briefing import Samples/xuchang-2016q3/observations.csv --out Output/map.yaml"))

  @Argument(help: "The table: .csv, .tsv, .xlsx or .xls.")
  var file: String

  @Option(help: "Worksheet of a workbook (default: the first).")
  var sheet: String?

  @Option(help: "Text encoding of CSV/TSV input: auto, utf8, utf16, gb18030, big5 or cp1252 (also called latin1).")
  var encoding: String = "auto"

  @Option(help: "regions.csv to match region names against (default: the one beside FILE, if any).")
  var regions: String?

  @Option(help: "indicators.csv to match indicator names against (default: the one beside FILE, if any).")
  var indicators: String?

  @Option(help: "Read FILE by this map instead of detecting its shape (to check an edited map); nothing is written.")
  var map: String?

  @Option(help: "Where to write the map (default: FILE.intake.yaml beside FILE; '-' for standard output).")
  var out: String?

  @Option(help: "Long rows to preview.")
  var preview: Int = 8

  func validate() throws {
    guard TextEncoding(rawValue: encoding) != nil else { throw ValidationError("unknown encoding '\(encoding)'") }
    if preview < 0 { throw ValidationError("--preview must be 0 or more") }
  }

  func run() throws {
    try reportingFailures {
      let options = LoadOptions(
        encoding: TextEncoding(rawValue: encoding) ?? .auto, sheet: sheet,
        regionsPath: regions ?? beside("regions.csv"), indicatorsPath: indicators ?? beside("indicators.csv"),
        mapPath: map)
      let (read, readFindings) = DatasetLoader.files(file, options: options)
      guard let files = read else { throw Failure(loading: readFindings) }
      var given: IntakeMap?
      if let mapFile = files.map {
        let (parsed, findings) = IntakeMapReader.read(mapFile)
        guard let parsed else { throw Failure.data(findings) }
        given = parsed
      }
      let report = Intake.inspect(
        observations: files.observations, regions: files.regions, indicators: files.indicators, map: given,
        options: options)
      let printer = ImportPrinter(
        file: file, report: report, metadata: [files.regions?.path ?? "", files.indicators?.path ?? ""])
      printer.printReading(preview: preview)
      var findings = report.findings + report.questions.map(\.finding)
      var written: (yaml: String, path: String)?
      if let detected = report.map, report.detected {
        let yaml = IntakeMapWriter.yaml(detected, for: (file as NSString).lastPathComponent, questions: report.questions)
        written = (yaml, out ?? file + ".intake.yaml")
      }
      // Every row loaded by the map, as analyze and render will: the findings about values
      // (numbers, units, duplicates, the total's check), not only about the shape.
      if let mapFile = written.map({ InputFile(path: $0.path, bytes: Array($0.yaml.utf8)) }) ?? files.map,
        report.questions.isEmpty, !findings.hasErrors
      {
        findings = DatasetLoader.load(
          observations: files.observations, regions: files.regions, indicators: files.indicators, map: mapFile,
          options: options
        ).findings
      }
      if let written {
        try writeOutput(Array(written.yaml.utf8), to: written.path)
        if written.path != "-" { printer.printNextStep(mapPath: written.path) }
      }
      if findings.hasErrors { throw Failure.data(findings) }
      printFindings(findings)
    }
  }

  /// `name` in FILE's folder, when it exists.
  private func beside(_ name: String) -> String? {
    let folder = (file as NSString).deletingLastPathComponent
    let path = folder.isEmpty ? name : folder + "/" + name
    return FileManager.default.fileExists(atPath: path) ? path : nil
  }
}

// MARK: - Printing the reading

/// Prints an `IntakeReport` for people: what was read where, the columns, what was left out,
/// the first long rows and the undecided questions.
private struct ImportPrinter {
  let file: String
  let report: IntakeReport
  /// The regions.csv and indicators.csv read (empty when none).
  let metadata: [String]

  func printReading(preview: Int) {
    var head = file
    if let sheet = report.sheet {
      head += ", sheet '\(sheet)'" + (report.sheets.count > 1 ? " (of \(report.sheets.joined(separator: ", ")))" : "")
    }
    let read = metadata.filter { !$0.isEmpty }
    print(head + (read.isEmpty ? "" : "; names matched against \(read.joined(separator: ", "))"))
    print("Read as \(report.summary)" + (report.group.map { ", group \($0)" } ?? ""))
    for line in report.lines { print("  " + line) }
    if !report.columns.isEmpty { print("Columns:") }
    for line in report.columns { print("  " + line) }
    if !report.leftOut.isEmpty { print("Left out or filled in:") }
    for line in report.leftOut { print("  " + line) }
    if !report.rows.isEmpty, preview > 0 { printRows(preview) }
    if !report.questions.isEmpty {
      print("Undecided: the map key named decides")
      for question in report.questions {
        print("  \(question.location): \(question.problem)")
        for reading in question.readings { print("    \(reading.choice)    → \(reading.meaning)") }
      }
    }
  }

  private func printRows(_ count: Int) {
    print("Long rows (first \(min(count, report.rows.count)) of \(report.rows.count)):")
    print("  region,period,indicator,value,unit,yoy,target,target_growth    # cells")
    for row in report.rows.prefix(count) {
      let fields = [
        row.region, row.period.code, row.indicator, row.value?.text ?? "", row.unit ?? "", row.yoy?.text ?? "",
        row.target?.text ?? "", row.targetGrowth?.text ?? "",
      ]
      print("  " + fields.map(csvField).joined(separator: ",") + "    # " + row.sources.joined(separator: " "))
    }
  }

  func printNextStep(mapPath: String) {
    if report.questions.isEmpty {
      let names = zip(["--regions", "--indicators"], metadata).filter { !$1.isEmpty }.map { " \($0) \($1)" }.joined()
      print("Replay this reading: briefing analyze --data \(file) --map \(mapPath)\(names)")
    } else {
      print("Choose in \(mapPath) (uncomment one line per question), then: briefing import \(file) --map \(mapPath)")
    }
  }

  private func csvField(_ text: String) -> String {
    text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
  }
}
