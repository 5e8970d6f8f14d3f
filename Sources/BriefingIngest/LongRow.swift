import BriefingCore

// MARK: - Long rows

/// One observation row of the long format made from a cross table: region, period and
/// indicator resolved, the value, growth and target cells as read (texts and their original
/// rows and columns, so that findings name the table's own cells).
public struct LongRow: Hashable, Sendable {
  /// The table row the cells come from.
  public var line: Int
  public var region: String
  public var period: Period
  public var indicator: String
  public var value: TableCell?
  public var yoy: TableCell?
  public var target: TableCell?
  public var targetGrowth: TableCell?
  public var unit: String?
  /// The group region, for a table read without regions.csv.
  public var parent: String?
  /// True for the row made from the table's published total (合计, 全市).
  public var isTotal: Bool
  /// Addresses of the cells read (`B5`, `C5`), for previews.
  public var sources: [String] = []
  /// Column of the label cell that named the region (for findings about it).
  var regionColumn: Int

  /// The long format's columns, in the order `tableRow` gives them.
  static let columnNames = ["region", "period", "indicator", "value", "unit", "yoy", "target", "target_growth", "parent"]

  /// The header row fed to the observation builder ahead of the rows, on `line`.
  static func header(line: Int) -> TableRow {
    TableRow(line: line, cells: columnNames.enumerated().map { TableCell($1, column: $0 + 1) })
  }

  /// The row as the observation builder reads a long table: every check of the long format
  /// applies, and a finding about a value names the table cell it came from.
  func tableRow() -> TableRow {
    let valueColumn = (value ?? yoy ?? target ?? targetGrowth)?.column ?? regionColumn
    func cell(_ text: String?) -> TableCell { TableCell(text ?? "", column: valueColumn) }
    return TableRow(
      line: line,
      cells: [
        TableCell(region, column: regionColumn), cell(period.code), cell(indicator),
        value ?? cell(nil), cell(unit), yoy ?? cell(nil), target ?? cell(nil), targetGrowth ?? cell(nil),
        cell(parent),
      ])
  }
}
