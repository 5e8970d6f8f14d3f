import BriefingCore

// MARK: - Rows and columns of a cross table

/// The kinds of a grid's cells and what they make: data rows (a label, then values), heading
/// rows above them, key columns on their left.
struct TableLayout {
  let grid: IntakeGrid
  private let kinds: [[CellKind]]
  private let periodHeadings: [Bool]

  init(grid: IntakeGrid) {
    self.grid = grid
    let kinds = grid.texts.map { $0.map(CellKind.init) }
    self.kinds = kinds
    periodHeadings = kinds.indices.map { Self.isPeriodHeading(grid.texts[$0], kinds[$0]) }
  }

  /// A row of periods (`地区 | 指标 | 2021 | 2022 | 2023`): two or more cells name periods and
  /// no other cell holds a number. Such a row is a heading, though its years are numbers.
  func isPeriodHeading(_ row: Int) -> Bool { periodHeadings[row] }

  private static func isPeriodHeading(_ texts: [String], _ kinds: [CellKind]) -> Bool {
    var periods = 0
    for (text, kind) in zip(texts, kinds) where kind != .empty && kind != .placeholder {
      if OfficePeriod(label: text) != nil {
        periods += 1
      } else if kind == .number {
        return false
      }
    }
    return periods >= 2
  }

  /// A data row: a text cell (its label) followed by at least one value.
  func isData(_ row: Int) -> Bool {
    guard let label = kinds[row].firstIndex(of: .text), !isPeriodHeading(row) else { return false }
    return kinds[row][(label + 1)...].contains(where: \.isValue)
  }

  /// The first and last data rows; nil when there is none.
  func dataRows() -> (first: Int, last: Int)? {
    guard let first = (0..<grid.rowCount).first(where: isData), let last = (0..<grid.rowCount).last(where: isData) else {
      return nil
    }
    return (first, last)
  }

  /// Up to three heading rows directly above the first data row (blank rows between them
  /// skipped): rows with two or more different texts, or periods, and no unit line.
  func headingRows(above first: Int) -> [Int] {
    var rows: [Int] = []
    var row = first - 1
    while row >= 0, grid.isBlank(row) { row -= 1 }
    while row >= 0, rows.count < 3, !grid.isBlank(row) {
      let texts = grid.distinctTexts(row)
      guard isPeriodHeading(row) || texts.count >= 2, !texts.contains(where: { HeadingVocabulary.unitLine($0) != nil }) else {
        break
      }
      rows.insert(row, at: 0)
      row -= 1
    }
    return rows
  }

  /// The key columns: from the left, past empty columns and row numbers (序号), the columns
  /// whose data cells hold text and no values.
  func keyColumns(dataRows: [Int], headings: [Int]) -> (fields: [Int], skipped: [Int: IntakeMap.Measure], notes: [(Int, String)]) {
    var fields: [Int] = []
    var skipped: [Int: IntakeMap.Measure] = [:]
    var notes: [(Int, String)] = []
    for field in 0..<grid.width {
      let cells = dataRows.map { kinds[$0][field] }
      let heading = headings.map { grid.text($0, field) }.first { !$0.isEmpty } ?? ""
      if fields.isEmpty, heading.isEmpty, cells.allSatisfy({ $0 == .empty }) {
        notes.append((field, "empty (a spacer), left out"))
        continue
      }
      if HeadingVocabulary.isSequence(heading) {
        skipped[field] = .skip
        notes.append((field, "row numbers ('\(heading)'), left out (columns)"))
        continue
      }
      guard !cells.contains(where: \.isValue), cells.contains(.text) else { break }
      fields.append(field)
    }
    return (fields, skipped, notes)
  }
}
