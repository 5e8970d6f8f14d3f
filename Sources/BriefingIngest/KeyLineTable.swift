import BriefingCore

// MARK: - Key lines

/// The first line of each (region, indicator, period) key: the observation builder's duplicate
/// check, one lookup per row.
///
/// Dense while that is small: one array per (indicator, period) column, indexed by region
/// position, so rows that come region by region touch a few neighbouring slots. A hash table of
/// every key (`PackedKeyTable`) put each row's lookup at a random place in 270 MB for the
/// 4.8 M-row township table: two cache misses per row, 40 % of the builder's time. When the
/// columns would hold more than `denseLimit(rows:)` slots (few rows spread over many regions and
/// periods), the keys move into a `PackedKeyTable` and stay there: same answers either way.
struct KeyLineTable {
  /// Column number of each (indicator, period), keyed with region 0.
  private var columnOf = PackedKeyTable<Int>()
  /// The key (region 0) of each column, for moving to the hashed table.
  private var columnKeys: [PackedKey] = []
  /// Per column, the line by region position; 0: no line yet (lines count from 1).
  private var columns: [[Int]] = []
  /// Slots of all columns.
  private var denseSlots = 0
  /// Keys stored.
  private var count = 0
  /// Every key, once the dense columns would be too large.
  private var hashed: PackedKeyTable<Int>?

  /// Most slots the dense columns may hold with `rows` keys stored: 8 per key, at least 1 Mi.
  static func denseLimit(rows: Int) -> Int { max(1 << 20, 8 * rows) }

  /// Stores `line` for the key unless it has one (lines ≥ 1); returns the line already there.
  mutating func insertIfAbsent(region: Int, indicator: Int, period: Period, line: Int) -> Int? {
    precondition(line >= 1)
    if hashed != nil {
      return hashed!.insertIfAbsent(PackedKey(region: region, indicator: indicator, period: period), line)
    }
    let columnKey = PackedKey(region: 0, indicator: indicator, period: period)
    let column = columnOf.insertIfAbsent(columnKey, columns.count) ?? columns.count
    if column == columns.count {
      columnKeys.append(columnKey)
      columns.append([])
    }
    if region >= columns[column].count {
      let size = max(region + 1, min(columns[column].count * 2, region + 4_096))
      let growth = size - columns[column].count
      guard denseSlots + growth <= Self.denseLimit(rows: count + 1) else {
        moveToHashed()
        return insertIfAbsent(region: region, indicator: indicator, period: period, line: line)
      }
      columns[column].append(contentsOf: repeatElement(0, count: growth))
      denseSlots += growth
    }
    let first = columns[column][region]
    if first != 0 { return first }
    columns[column][region] = line
    count += 1
    return nil
  }

  /// Moves every key into `hashed` and drops the columns.
  private mutating func moveToHashed() {
    var table = PackedKeyTable<Int>(expected: count * 2)
    for (column, lines) in columns.enumerated() {
      for (region, line) in lines.enumerated() where line != 0 {
        _ = table.insertIfAbsent(columnKeys[column].withRegion(region), line)
      }
    }
    hashed = table
    columns = []
    columnKeys = []
    denseSlots = 0
  }
}
