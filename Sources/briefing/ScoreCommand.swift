import ArgumentParser
import BriefingCore
import BriefingSpec
import BriefingStats
import Foundation

// MARK: - score

/// `briefing score`: composite assessment scores and ranks per region from a scoring file,
/// optionally with the what-if projection from full-year estimates.
struct Score: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "score",
    abstract: "Score and rank the regions of a peer group with a scoring file (综合考评).",
    discussion: HelpExamples.discussion(
      examples: "briefing score --data Samples/jiuquan-2024h1 --period 2024-H1 \\\n  --scoring Samples/jiuquan-2024h1/scoring.yaml",
      "briefing score --data Samples/jiuquan-2024h1 --period 2024-H1 \\\n  --scoring Samples/jiuquan-2024h1/scoring.yaml --what-if --format json"))

  enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

  @OptionGroup var data: DataOptions

  @Option(help: "The scoring file (YAML; see README, 'Composite assessment').")
  var scoring: String

  @Option(help: "The period scored, e.g. 2024-H1.")
  var period: String

  @Option(help: "The peer group scored (default: the scoring file's 'group').")
  var group: String?

  @Flag(help: "Also score the full year of --period's year from full-year estimates (what-if).")
  var whatIf = false

  @Option(help: "Observations file of full-year estimates (read as status estimate); implies --what-if.")
  var estimates: String?

  @Option(help: "Output format: csv or json.")
  var format: Format = .csv

  @Option(help: "Output file; '-' writes to standard output.")
  var out: String = "-"

  @Flag(help: "Print only errors.")
  var quiet = false

  @Flag(help: "Write CSV text fields as they are; by default a field starting with = + - @, tab or CR gets a leading ' so that a spreadsheet does not run it as a formula.")
  var rawCSV = false

  func validate() throws {
    guard Period(code: period) != nil else {
      throw ValidationError("--period must be a period code such as 2024-H1, 2024-M09 or 2024")
    }
  }

  func run() throws {
    try reportingFailures {
      let scheme = try loadScoring(scoring)
      var (dataset, findings) = try data.load()
      if let estimates {
        let (extra, extraFindings) = try loadEstimates(estimates)
        dataset.observations += extra
        findings += extraFindings
      }
      guard let groupID = (group ?? scheme.group?.rawValue).map({ RegionID($0) }) else {
        throw Failure.data([Finding(.error, .scoreNeedsGroup)])
      }
      let problems = scoringFindings(scheme, dataset: dataset, group: groupID)
      if problems.hasErrors { throw Failure.data(problems) }
      let table = compare(dataset, options: data.compareOptions)
      guard let scored = Period(code: period) else { return }
      var sheets = [
        scoreRegions(
          table, scheme: scheme, indicators: dataset.indicators, group: groupID, period: scored)
      ]
      if whatIf || estimates != nil {
        sheets.append(
          projectScores(
            table, scheme: scheme, indicators: dataset.indicators, group: groupID,
            year: scored.year))
      }
      findings += table.findings + sheets.flatMap { scoreSheetFindings($0, scheme: scheme) }
      printFindings(findings, quiet: quiet)
      let text =
        switch format {
        case .csv: ScoreExport.csv(sheets, scheme: scheme, neutralizingFormulas: !rawCSV)
        case .json: ScoreExport.json(sheets, scheme: scheme)
        }
      try writeOutput(Array(text.utf8), to: out)
    }
  }

  /// Reads the estimates file with the data's metadata (the folder's regions and indicators
  /// files unless overridden); `actual` rows count as estimates.
  private func loadEstimates(_ path: String) throws(Failure) -> ([Observation], [Finding]) {
    var options = data
    options.data = path
    options.regions = data.regions ?? folderFile(data.data, ["regions.csv", "regions.tsv"])
    options.indicators =
      data.indicators ?? folderFile(data.data, ["indicators.csv", "indicators.tsv"])
    let (set, findings) = try options.load()
    let observations = set.observations.map { observation in
      var copy = observation
      if copy.status == .actual { copy.status = .estimate }
      return copy
    }
    return (observations, findings)
  }

  private func folderFile(_ folder: String, _ names: [String]) -> String? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { return nil }
    return names.map { URL(fileURLWithPath: folder).appendingPathComponent($0).path }
      .first { FileManager.default.fileExists(atPath: $0) }
  }
}

// MARK: - Scoring files

/// Reads and parses a scoring file; errors become `Failure.data` with file:line:column.
func loadScoring(_ path: String) throws(Failure) -> ScoringScheme {
  let text: String
  do {
    text = try String(contentsOfFile: path, encoding: .utf8)
  } catch {
    throw .io("cannot read scoring file \(path): \(error.localizedDescription)")
  }
  let result = ScoringLoader.load(yaml: text, file: path)
  guard let scheme = result.scheme else { throw .data(result.findings) }
  printFindings(result.findings)
  return scheme
}

extension Finding.Message {
  static let scoreNeedsGroup = Self(
    code: "no-group", text: "give --group or a 'group' key in the scoring file")
}
