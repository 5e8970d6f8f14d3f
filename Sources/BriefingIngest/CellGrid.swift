import BriefingCore

// MARK: - A table read whole

/// A worksheet or delimited file read whole, for tables whose shape is detected or given by an
/// intake map: the rows as read (each with its line or sheet row, each cell with the column
/// findings point at) and the ranges a workbook declares merged.
public struct CellGrid: Hashable, Sendable {
  public var file: String
  public var rows: [TableRow]
  /// Merged ranges (`<mergeCells>` of an .xlsx). Empty for CSV, TSV and .xls: their merged
  /// headings arrive as one filled cell followed by empty ones.
  public var merges: [MergedRange]
  /// The sheet read, and every sheet of the workbook (nil and empty for CSV/TSV).
  public var sheet: String?
  public var sheets: [String]

  public init(file: String, rows: [TableRow], merges: [MergedRange] = [], sheet: String? = nil, sheets: [String] = []) {
    self.file = file
    self.rows = rows
    self.merges = merges
    self.sheet = sheet
    self.sheets = sheets
  }
}

/// Cells merged into one: sheet rows `lines` and fields (0-based positions in a row, A = 0).
public struct MergedRange: Hashable, Sendable {
  public var lines: ClosedRange<Int>
  public var fields: ClosedRange<Int>

  public init(lines: ClosedRange<Int>, fields: ClosedRange<Int>) {
    self.lines = lines
    self.fields = fields
  }

  /// `B3:C3` → lines 3…3, fields 1…2; nil when not a range of two cell references.
  init?(reference: String) {
    let ends = reference.split(separator: ":")
    guard ends.count == 2, let from = CellAddress(String(ends[0])), let to = CellAddress(String(ends[1])),
      from.line <= to.line, from.field <= to.field
    else { return nil }
    self.init(lines: from.line...to.line, fields: from.field...to.field)
  }
}

/// A spreadsheet cell reference (`C12`): its row (line) and field (A = 0).
struct CellAddress: Hashable {
  var line: Int
  var field: Int

  init?(_ reference: String) {
    let letters = reference.prefix { ("A"..."Z").contains($0) }
    guard let field = ColumnLetters.field(String(letters)), let line = Int(reference.dropFirst(letters.count)),
      line >= 1
    else { return nil }
    self.line = line
    self.field = field
  }
}

// MARK: - Column letters

/// Spreadsheet column letters for field positions, used in intake maps and explanations
/// (CSV and TSV fields count the same way: the first field is A).
public enum ColumnLetters {
  /// 0 → `A`, 25 → `Z`, 26 → `AA`.
  public static func letters(_ field: Int) -> String {
    var number = field + 1
    var text = ""
    while number > 0 {
      let remainder = (number - 1) % 26
      text = String(UnicodeScalar(UInt8(65 + remainder))) + text
      number = (number - 1) / 26
    }
    return text
  }

  /// `A` → 0, `AA` → 26; nil unless one to three letters A–Z.
  public static func field(_ letters: String) -> Int? {
    guard (1...3).contains(letters.count), letters.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
      return nil
    }
    return letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value - 64) } - 1
  }
}
