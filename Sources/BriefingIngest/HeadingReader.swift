import BriefingCore

// MARK: - Messages

extension Finding.Message {
  static func headingNotAMeasure(_ text: String, column: String) -> Self {
    .init(
      code: "intake-heading",
      text: "heading '\(text)' names no period (1—6月, 本月, 上年同期, 2023年) or measure (绝对值, 增速, 目标); "
        + "say what column \(column) holds with the map's columns: {\(column): value}")
  }
  static func measureWithoutIndicator(_ text: String, column: String) -> Self {
    .init(code: "intake-heading", text: "heading '\(text)' in column \(column) follows no indicator to belong to")
  }
}

// MARK: - Column readings

/// What the headings above one value column say it holds.
struct ColumnReading: Hashable {
  let field: Int
  /// Heading texts, top to bottom (empty cells left out).
  var headings: [String] = []
  /// Indicator and region labels as written (unit brackets removed), and where they stand.
  var indicator: String?
  var indicatorCell: GridPosition?
  var region: String?
  var regionCell: GridPosition?
  var measure: IntakeMap.Measure = .value
  /// The period a heading names (`1—6月`, `本月`, `2023年`), if any.
  var periodWord: OfficePeriod?
  /// The unit a heading names in brackets (`（亿元）`), the lowest one.
  var unit: Unit?
  /// Why the column is left out, when it is.
  var skipped: String?
  /// The column's period, once resolved against the report period.
  var period: ColumnPeriod = .fromRow(yearsBack: 0)

  var letters: String { ColumnLetters.letters(field) }
}

/// A value column's period: one for the whole column, or the row's (its period key column,
/// else the report period), possibly a year earlier (上年同期).
enum ColumnPeriod: Hashable {
  case fixed(Period)
  case fromRow(yearsBack: Int)
}

// MARK: - Reading the headings

/// Reads the heading rows above the value columns by the roles the map gives them.
enum HeadingReader {
  struct Reading {
    var columns: [ColumnReading] = []
    var findings: [Finding] = []
    var notes: [String] = []
  }

  /// `headerRows`: grid rows of the headings, top to bottom, with their roles; `fields`: the
  /// value columns.
  static func read(
    _ grid: inout IntakeGrid, headerRows: [(row: Int, role: IntakeMap.HeadingRole)], fields: [Int],
    overrides: [Int: IntakeMap.Measure], names: inout NameBook
  ) -> Reading {
    var reading = Reading()
    fillLostMerges(&grid, headerRows: headerRows.map(\.row), fields: fields, notes: &reading.notes)
    var columns = fields.map { ColumnReading(field: $0) }
    for (row, role) in headerRows {
      var leftName: (text: String, cell: GridPosition)?
      for index in columns.indices {
        let field = columns[index].field
        let text = grid.text(row, field)
        // A heading merged down over the rows below it is read once, in its own row.
        guard !text.isEmpty, (grid.mergedFrom(row, field)?.row ?? row) == row else { continue }
        columns[index].headings.append(text)
        let position = GridPosition(row: row, field: field)
        switch role {
        case .indicator:
          leftName = readName(text, at: position, into: &columns[index], after: leftName, names: &names, grid: grid, &reading)
        case .region:
          columns[index].region = text
          columns[index].regionCell = position
        case .measure:
          readMeasure(text, at: position, into: &columns[index], grid: grid, overridden: overrides[field] != nil, &reading)
        }
      }
    }
    for index in columns.indices {
      if let measure = overrides[columns[index].field] {
        columns[index].measure = measure
        if measure == .skip { columns[index].skipped = "the map's columns: says skip" }
      }
    }
    reading.columns = columns
    return reading
  }

  // MARK: - Cells

  /// An indicator heading: a name (with a unit in brackets), a name and a growth word
  /// (`…增速(%)`), or a bare measure word that belongs to the name on its left.
  private static func readName(
    _ text: String, at position: GridPosition, into column: inout ColumnReading,
    after left: (text: String, cell: GridPosition)?, names: inout NameBook, grid: IntakeGrid, _ reading: inout Reading
  ) -> (text: String, cell: GridPosition)? {
    let (name, unit) = HeadingVocabulary.withoutUnit(text)
    if let word = HeadingVocabulary.measure(text), !names.isKnownIndicator(text) {
      guard let left else {
        reading.findings.append(
          Finding(.error, .measureWithoutIndicator(text, column: column.letters), at: grid.location(position.row, position.field)))
        return nil
      }
      column.indicator = left.text
      column.indicatorCell = left.cell
      apply(word, heading: text, to: &column)
      if let unit { column.unit = unit }
      return left
    }
    column.unit = unit ?? column.unit
    column.indicatorCell = position
    if names.isKnownIndicator(text) {
      column.indicator = text
    } else if names.isKnownIndicator(name) || !names.knowsIndicators && HeadingVocabulary.growthSuffix(text) == nil {
      column.indicator = name
    } else if let base = HeadingVocabulary.growthSuffix(text), !names.knowsIndicators || names.isKnownIndicator(base) {
      column.indicator = base
      column.measure = .yoy
    } else {
      column.indicator = name  // unknown to indicators.csv: reported when the rows are read
    }
    return (column.indicator ?? name, position)
  }

  private static func readMeasure(
    _ text: String, at position: GridPosition, into column: inout ColumnReading, grid: IntakeGrid,
    overridden: Bool, _ reading: inout Reading
  ) {
    let unit = HeadingVocabulary.withoutUnit(text).unit
    if let unit { column.unit = unit }
    guard let word = HeadingVocabulary.measure(text) else {
      if !overridden {
        reading.findings.append(
          Finding(.error, .headingNotAMeasure(text, column: column.letters), at: grid.location(position.row, position.field)))
        column.skipped = "its heading names no period or measure"
      }
      return
    }
    apply(word, heading: text, to: &column)
  }

  private static func apply(_ word: HeadingVocabulary.MeasureWord, heading: String, to column: inout ColumnReading) {
    switch word {
    case .value: column.measure = .value
    case .yoy: column.measure = .yoy
    case .target: column.measure = .target
    case .targetGrowth: column.measure = .targetGrowth
    case .derived:
      column.measure = .skip
      column.skipped = "'\(heading)' is a figure the comparison computes itself"
    case .period(let period):
      if period == .relative(.samePeriodLastYear) {
        column.measure = .prior
      } else {
        column.periodWord = period
      }
    }
  }

  // MARK: - Merges lost in CSV and .xls

  /// A heading merged over several columns keeps its text in the first cell only when a table
  /// is saved as CSV or read from .xls. An empty heading cell whose column has a measure word
  /// below it (`增速`) takes the text of the heading on its left, and the notes say so.
  private static func fillLostMerges(_ grid: inout IntakeGrid, headerRows: [Int], fields: [Int], notes: inout [String]) {
    guard let lowest = headerRows.last else { return }
    let valueFields = Set(fields)
    for row in headerRows.dropLast() {
      for field in fields where grid.text(row, field).isEmpty && valueFields.contains(field - 1) {
        let below = grid.text(lowest, field)
        guard !below.isEmpty, HeadingVocabulary.measure(below) != nil, !grid.text(row, field - 1).isEmpty else { continue }
        grid.copy(into: GridPosition(row: row, field: field), from: GridPosition(row: row, field: field - 1))
        notes.append(
          "\(grid.address(row, field)) is empty: read as part of the heading '\(grid.text(row, field))' merged over it (as in \(grid.address(row, field - 1)))")
      }
    }
  }
}
