import BriefingCore

// MARK: - Messages

extension Finding.Message {
  static func readWithoutMap(_ summary: String, file: String) -> Self {
    .init(
      code: "intake-detected",
      text: "read without an intake map as \(summary); `briefing import \(file)` shows the reading and writes a map to pass with --map")
  }
  static func sheetConflict(_ option: String, _ map: String) -> Self {
    .init(code: "sheet-conflict", text: "--sheet says '\(option)' but the intake map says sheet: \(map)")
  }
}

// MARK: - Report

/// How a table reads: the map (detected or given), the reading in words, the long rows it
/// gives, what was left out, findings and undecided questions. What `briefing import` prints,
/// and what loading a cross table starts from.
public struct IntakeReport: Sendable {
  /// The map that reads the table; nil when no table was found.
  public var map: IntakeMap?
  /// True when the map comes from detection rather than a map file.
  public var detected: Bool
  /// The reading in words, one line each: title, headings, data, keys, total.
  public var lines: [String] = []
  /// What each value column holds (`column C: '地区生产总值 / 增速' → yoy of 地区生产总值, 2024-H1`).
  public var columns: [String] = []
  /// What was left out (notes, spacers, subtotals, derived columns) or filled in (merged
  /// cells written once), and why.
  public var leftOut: [String] = []
  /// The long rows (none for a long table: it is read as it is).
  public var rows: [LongRow] = []
  public var questions: [IntakeQuestion] = []
  public var findings: [Finding] = []
  /// The sheet read and the workbook's sheets.
  public var sheet: String?
  public var sheets: [String] = []
  /// Members, group and report period, for the summary line.
  public var members: [String] = []
  public var group: String?

  /// `a cross table: 9 regions × 6 indicators, 2024-H1`.
  public var summary: String {
    guard let map else { return "no table" }
    if map.shape == .long { return "a long table (one value per row)" }
    if rows.isEmpty { return "a cross table" + (questions.isEmpty ? " without values" : " (not read: undecided \(questions.map(\.key).joined(separator: ", ")))") }
    let indicators = Set(rows.map(\.indicator)).count
    let periods = Set(rows.map(\.period)).sorted().map(\.code)
    let totals = rows.contains(where: \.isTotal) ? " plus the published total" : ""
    return "a cross table: \(members.count) regions × \(indicators) indicators\(totals), periods \(periods.joined(separator: ", "))"
  }
}

// MARK: - Intake

/// Reads an observations file whole and says how it reads: by the given map, else by shape
/// detection. The loader uses it for every table that is not a long one; `briefing import`
/// prints it.
public enum Intake {
  /// Reads metadata and the table from files in memory.
  public static func inspect(
    observations: InputFile, regions: InputFile? = nil, indicators: InputFile? = nil, map: IntakeMap? = nil,
    options: LoadOptions = LoadOptions()
  ) -> IntakeReport {
    var sink = FindingSink()
    let metadata = DatasetLoader.metadata(regions: regions, indicators: indicators, options: options, sink: &sink)
    var reading = options
    if let conflict = chooseSheet(options, map, &reading, file: observations.path) {
      return IntakeReport(map: map, detected: false, findings: sink.findings + [conflict])
    }
    let (grid, readFindings) = TableReading.grid(of: observations, options: reading)
    guard let grid else {
      return IntakeReport(map: map, detected: map == nil, findings: sink.findings + readFindings)
    }
    let names = NameBook(regions: metadata.regions, indicators: metadata.indicators.catalog, names: map?.names ?? [:])
    var report = read(grid, map: map, names: names)
    report.findings = sink.findings + readFindings + report.findings
    return report
  }

  /// The sheet to read: the map's when `--sheet` is not given; a finding when they differ.
  static func chooseSheet(_ options: LoadOptions, _ map: IntakeMap?, _ reading: inout LoadOptions, file: String) -> Finding? {
    guard let wanted = map?.sheet else { return nil }
    if let given = options.sheet, given != wanted {
      return Finding(.error, .sheetConflict(given, wanted), at: SourceLocation(file: file))
    }
    reading.sheet = wanted
    return nil
  }

  /// Reads a grid by `map`, or detects its shape. Pure.
  static func read(_ grid: CellGrid, map given: IntakeMap?, names: NameBook) -> IntakeReport {
    let intakeGrid = IntakeGrid(grid)
    var names = names
    var report = IntakeReport(map: given, detected: given == nil, sheet: grid.sheet, sheets: grid.sheets)
    var map: IntakeMap
    if let given {
      map = given
      report.lines.append("read by the intake map (shape: \(given.shape.rawValue))")
    } else {
      let detection = ShapeDetector.detect(intakeGrid, names: &names)
      report.lines = detection.lines
      report.leftOut = detection.leftOut
      report.findings = detection.findings
      report.questions = detection.questions
      report.map = detection.findings.hasErrors ? nil : detection.map
      map = detection.map
      guard !detection.findings.hasErrors, detection.questions.isEmpty else { return report }
    }
    guard map.shape == .table else { return report }
    let result = TableReshape.reshape(intakeGrid, map: map, names: names)
    if map.group == nil, let group = result.group, report.detected {
      map.group = group
      report.map = map
    }
    let periodKey = map.keys.values.contains(.period)
    report.columns = result.columns.filter { $0.skipped == nil }.map { describe($0, periodKey: periodKey) }
    report.leftOut += result.notes
    report.rows = result.rows
    report.findings += result.findings
    report.questions += result.questions
    report.members = result.members
    report.group = result.group
    return report
  }

  /// `column C: 地区生产总值 / 增速(%) → yoy of 地区生产总值, 2024-H1`.
  private static func describe(_ column: ColumnReading, periodKey: Bool) -> String {
    let heading = column.headings.joined(separator: " / ")
    let whose = [column.indicator, column.region].compactMap { $0 }.joined(separator: " in ")
    let period: String
    switch column.period {
    case .fixed(let fixed): period = fixed.code
    case .fromRow(0): period = periodKey ? "the row's period" : "the report period"
    case .fromRow(let years):
      period = "\(years) year\(years == 1 ? "" : "s") before " + (periodKey ? "the row's period" : "the report period")
    }
    let unit = column.unit.map { ", \($0.symbol)" } ?? ""
    return "\(column.letters): '\(heading)' → \(column.measure.rawValue) of \(whose.isEmpty ? "the row's indicator" : whose), \(period)\(unit)"
  }
}
