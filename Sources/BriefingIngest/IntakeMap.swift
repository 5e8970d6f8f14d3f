import BriefingCore

// MARK: - Intake map

/// How to read one observations table: the decisions `briefing import` makes when it detects a
/// table's shape, recorded so that every later run replays them without guessing (`--map`).
/// Written and read as a short YAML file (`IntakeMapReader`, `IntakeMapWriter`); every key is
/// documented there and in the README ("Bring your own data").
///
/// Rows are the file's own: sheet rows of a workbook, lines of a CSV/TSV file. Columns are
/// letters, the first field being A in CSV/TSV too.
public struct IntakeMap: Hashable, Sendable {
  /// `long`: one observation per row under named columns (region, period, indicator, value…);
  /// `table`: a cross table whose row keys, column headings and title say what each cell is.
  public enum Shape: String, Hashable, Sendable, CaseIterable {
    case long, table
  }

  /// What a key column (left of the values) holds on each data row.
  public enum KeyRole: String, Hashable, Sendable, CaseIterable {
    case region, indicator, period, unit
  }

  /// What a heading row names above each value column.
  public enum HeadingRole: String, Hashable, Sendable, CaseIterable {
    /// Indicator names, possibly with a unit in brackets (`地区生产总值（亿元）`) or a growth
    /// word (`…增速(%)`); a bare measure word (`增速`) belongs to the indicator on its left.
    case indicator
    /// Region names (a table with regions as columns).
    case region
    /// A period (`2023年`, `1—6月`, `本月`, `累计`, `上年同期`) or a measure (`绝对值`, `增速`,
    /// `同比±%`, `目标`): what the column holds for its indicator or region.
    case measure
  }

  /// What a value column holds, when its heading does not say it (`columns:`).
  public enum Measure: String, Hashable, Sendable, CaseIterable {
    /// The value for the column's period.
    case value
    /// The published year-on-year growth, % (the `yoy` of the long format).
    case yoy
    /// The value a year earlier (上年同期).
    case prior
    /// The annual target.
    case target
    /// The target growth, %.
    case targetGrowth = "target-growth"
    /// Left out.
    case skip
  }

  /// Where the report period comes from.
  public enum PeriodSource: Hashable, Sendable {
    /// Read from the rows above the headings each time (`2024年1—6月各县…`).
    case title
    /// Always this period.
    case fixed(Period)
  }

  /// Rows `first…last`, both included.
  public struct Rows: Hashable, Sendable {
    public var first: Int
    public var last: Int

    public init(_ first: Int, _ last: Int) {
      self.first = first
      self.last = last
    }

    public func contains(_ line: Int) -> Bool { (first...last).contains(line) }

    /// `3-4`, or `3` for a single row.
    public var text: String { first == last ? "\(first)" : "\(first)-\(last)" }
  }

  /// Map file format version. Default: 1.
  public var version = 1
  public var shape: Shape
  /// Worksheet of a workbook. Default: nil (`--sheet`, else the first sheet).
  public var sheet: String?
  /// Heading rows (table). Default: nil (long tables have their header on the first row).
  public var header: Rows?
  /// Data rows (table).
  public var data: Rows?
  /// Key columns by field (A = 0) and what they hold (table).
  public var keys: [Int: KeyRole] = [:]
  /// What each heading row names, top to bottom (table; one per row of `header`).
  public var headings: [HeadingRole] = []
  /// The report period: relative headings (`1—6月`, `本月`, `上年同期`) are read against it, and
  /// columns whose headings name no period hold it. Default: nil (the headings or a period key
  /// column name every period).
  public var period: PeriodSource?
  /// How a month without a span (`2024年6月`, `202406`, `6月`) is read. Default: nil (such a
  /// label is an error that asks for this key).
  public var monthly: OfficePeriod.MonthReading?
  /// Unit of values whose heading, key column and cell name none (`单位：亿元、%`). Default: nil.
  public var unit: String?
  /// Label of the row (or column) that holds the group's published total (合计, 全市). Default:
  /// nil (no total row).
  public var total: String?
  /// The region the table's regions belong to (their parent; the total's region). Default: nil
  /// (their parent from regions.csv).
  public var group: String?
  /// Row labels left out (小计, 其中：…). Default: none.
  public var skipRows: [String] = []
  /// Value columns by field whose meaning the map sets, overriding their headings. Default: none.
  public var columns: [Int: Measure] = [:]
  /// Labels of the table and the region or indicator each stands for, when the label is none
  /// of its names, short names or aliases. Default: none.
  public var names: [String: String] = [:]

  public init(shape: Shape) { self.shape = shape }
}
