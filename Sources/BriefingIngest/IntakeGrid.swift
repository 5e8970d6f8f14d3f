import BriefingCore

// MARK: - The grid as intake sees it

/// A `CellGrid` made rectangular for shape detection and reshaping: texts trimmed, rows padded
/// to one width, and every cell of a merged range holding the range's text (a heading merged
/// over two columns names both). Addressed by row index (0-based, in reading order) and field.
struct IntakeGrid {
  let file: String
  /// The worksheet read (nil for CSV/TSV).
  let sheet: String?
  private(set) var texts: [[String]]
  /// Each row's line (CSV) or sheet row (workbook).
  let lines: [Int]
  /// The column a finding names for each cell: the CSV field's character column or the sheet
  /// column; nil for a cell padded in.
  private let sourceColumns: [[Int?]]
  /// Cells that hold a merged range's text without being its first cell, and that first cell.
  private(set) var mergedCopies: [GridPosition: GridPosition] = [:]
  let width: Int
  private let rowOfLine: [Int: Int]

  init(_ grid: CellGrid) {
    file = grid.file
    sheet = grid.sheet
    let width = grid.rows.map(\.cells.count).max() ?? 0
    self.width = width
    lines = grid.rows.map(\.line)
    texts = grid.rows.map { row in
      row.cells.map { $0.text.trimmingSpaces() } + Array(repeating: "", count: width - row.cells.count)
    }
    sourceColumns = grid.rows.map { row in
      row.cells.map { Optional($0.column) } + Array(repeating: nil, count: width - row.cells.count)
    }
    var index: [Int: Int] = [:]
    for (row, line) in lines.enumerated() where index[line] == nil { index[line] = row }
    rowOfLine = index
    for range in grid.merges { fill(range) }
  }

  var rowCount: Int { texts.count }

  func text(_ row: Int, _ field: Int) -> String {
    field < width ? texts[row][field] : ""
  }

  /// The first cell of the merged range a cell belongs to, when the cell is not that one.
  func mergedFrom(_ row: Int, _ field: Int) -> GridPosition? {
    mergedCopies[GridPosition(row: row, field: field)]
  }

  /// The row index of a line (sheet row), if the grid has it.
  func row(ofLine line: Int) -> Int? { rowOfLine[line] }

  /// Where a cell is, for findings: its line and the column of the file.
  func location(_ row: Int, _ field: Int) -> SourceLocation {
    let column = field < width ? sourceColumns[row][field] : nil
    return SourceLocation(file: file, line: lines[row], column: column ?? field + 1)
  }

  /// `B5`: a cell's address as a spreadsheet names it (the field's letters and the line).
  func address(_ row: Int, _ field: Int) -> String {
    ColumnLetters.letters(field) + "\(lines[row])"
  }

  func cell(_ row: Int, _ field: Int) -> TableCell {
    TableCell(text(row, field), column: location(row, field).column ?? field + 1)
  }

  /// True when every cell of the row is empty.
  func isBlank(_ row: Int) -> Bool { texts[row].allSatisfy(\.isEmpty) }

  /// The distinct non-empty texts of a row, in order.
  func distinctTexts(_ row: Int) -> [String] {
    var seen: Set<String> = []
    return (0..<width).compactMap { field in
      let text = self.text(row, field)
      return !text.isEmpty && seen.insert(text).inserted ? text : nil
    }
  }

  /// Gives an empty cell the text of a neighbour it is taken to be merged with (a merged
  /// heading of a CSV or .xls file, which keeps the text in the first cell only).
  mutating func copy(into position: GridPosition, from source: GridPosition) {
    texts[position.row][position.field] = texts[source.row][source.field]
    mergedCopies[position] = mergedCopies[source] ?? source
  }

  private mutating func fill(_ range: MergedRange) {
    guard let first = row(ofLine: range.lines.lowerBound), range.fields.lowerBound < width else { return }
    let source = GridPosition(row: first, field: range.fields.lowerBound)
    for line in range.lines {
      guard let row = row(ofLine: line) else { continue }
      for field in range.fields where field < width && GridPosition(row: row, field: field) != source {
        copy(into: GridPosition(row: row, field: field), from: source)
      }
    }
  }
}

/// A cell of an `IntakeGrid`.
struct GridPosition: Hashable {
  var row: Int
  var field: Int
}

// MARK: - Cell kinds

/// What a cell holds, as far as finding the table goes.
enum CellKind: Hashable {
  case empty
  /// A number as people write it (`1,234.5`, `86.3亿元`, `5.2%`), stored as text or not.
  case number
  /// A missing or masked value (`—`, `…`, `*`).
  case placeholder
  case text

  init(_ text: String) {
    guard !text.isEmpty else {
      self = .empty
      return
    }
    guard let value = ValueParser.parse(text) else {
      self = .text
      return
    }
    switch value.content {
    case .number: self = value.unit?.isOther == true ? .text : .number
    case .masked, .missing: self = .placeholder
    }
  }

  /// A number or a placeholder: a cell that holds (or withholds) a value.
  var isValue: Bool { self == .number || self == .placeholder }
}
