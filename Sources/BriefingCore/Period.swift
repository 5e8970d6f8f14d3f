// MARK: - Periods

/// A statistical reporting period.
///
/// Chinese statistics are mostly cumulative year-to-date: 1—3月, 上半年 (1—6月), 前三季度 (1—9月),
/// 全年. Single quarters and single months exist too. Canonical codes:
///
/// | code        | meaning                         | Chinese label |
/// |-------------|---------------------------------|---------------|
/// | `2024`      | full year (= cumulative to Dec) | 2024年 / 全年 |
/// | `2024-H1`   | cumulative Jan–Jun              | 上半年        |
/// | `2024-M09`  | cumulative Jan–Sep              | 前三季度 / 1—9月 |
/// | `2024-M03`  | cumulative Jan–Mar              | 一季度 / 1—3月 |
/// | `2024-Q2`   | the single second quarter       | 第二季度      |
/// | `2024-05`   | the single month of May         | 5月           |
public struct Period: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// Which span of the year the value covers.
  public enum Kind: Hashable, Sendable {
    /// January through `through` (1...12), cumulative. `through == 12` is the full year.
    case cumulative(through: Int)
    /// A single quarter, 1...4.
    case quarter(Int)
    /// A single month, 1...12.
    case month(Int)
  }

  /// Periods that are compared with each other in one calendar ("the previous period").
  public enum Family: String, Sendable, Codable {
    case cumulative, quarter, month
  }

  public var year: Int
  public var kind: Kind

  public init(year: Int, kind: Kind) {
    self.year = year
    self.kind = kind
  }

  // MARK: - Accessors

  /// The last month covered, 1...12.
  public var endMonth: Int {
    switch kind {
    case .cumulative(let through): through
    case .quarter(let q): q * 3
    case .month(let m): m
    }
  }

  /// Months covered by the value (6 for 上半年, 3 for a quarter).
  public var monthsCovered: Int {
    switch kind {
    case .cumulative(let through): through
    case .quarter: 3
    case .month: 1
    }
  }

  public var family: Family {
    switch kind {
    case .cumulative: .cumulative
    case .quarter: .quarter
    case .month: .month
    }
  }

  public var isFullYear: Bool { kind == .cumulative(through: 12) }

  /// Elapsed share of the year at the end of the period, in 0...1 (time progress, 时序进度):
  /// 6/12 for 上半年, 9/12 for 前三季度. Callers may override it with a date or a schedule.
  public var elapsedShareOfYear: Double { Double(endMonth) / 12 }

  /// The same period one year earlier (the YoY base, 上年同期).
  public var samePeriodLastYear: Period { Period(year: year - 1, kind: kind) }

  /// Canonical code, e.g. `2024-H1`, `2024-M09`, `2024-Q2`, `2024-05`, `2024`.
  public var code: String {
    switch kind {
    case .cumulative(12): "\(year)"
    case .cumulative(6): "\(year)-H1"
    case .cumulative(let m): "\(year)-M" + Self.twoDigits(m)
    case .quarter(let q): "\(year)-Q\(q)"
    case .month(let m): "\(year)-" + Self.twoDigits(m)
    }
  }

  public var description: String { code }

  // MARK: - Labels

  /// The period as Chinese officials write it without the year: 上半年, 前三季度, 1—3月, 全年, 第二季度, 5月.
  public var chineseLabel: String {
    switch kind {
    case .cumulative(12): "全年"
    case .cumulative(6): "上半年"
    case .cumulative(9): "前三季度"
    case .cumulative(1): "1月"
    case .cumulative(let m): "1—\(m)月"
    case .quarter(let q): "第" + Self.chineseQuarter[q - 1] + "季度"
    case .month(let m): "\(m)月"
    }
  }

  /// `2024年上半年`, `2016年前三季度`, `2024年`.
  public var chineseTitle: String {
    isFullYear ? "\(year)年" : "\(year)年\(chineseLabel)"
  }

  /// English label: `H1 2024`, `Jan–Sep 2024`, `Q2 2024`, `May 2024`, `2024`.
  public var englishTitle: String {
    switch kind {
    case .cumulative(12): "\(year)"
    case .cumulative(6): "H1 \(year)"
    case .cumulative(1): "Jan \(year)"
    case .cumulative(let m): "Jan–\(Self.englishMonths[m - 1]) \(year)"
    case .quarter(let q): "Q\(q) \(year)"
    case .month(let m): "\(Self.englishMonths[m - 1]) \(year)"
    }
  }

  // MARK: - Ordering

  public static func < (lhs: Period, rhs: Period) -> Bool {
    if lhs.year != rhs.year { return lhs.year < rhs.year }
    if lhs.endMonth != rhs.endMonth { return lhs.endMonth < rhs.endMonth }
    return lhs.monthsCovered > rhs.monthsCovered
  }

  // MARK: - Codable (as the canonical code)

  public init(from decoder: any Decoder) throws {
    let code = try decoder.singleValueContainer().decode(String.self)
    guard let period = Period(code: code) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not a period code: \(code)"))
    }
    self = period
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(code)
  }

  // MARK: - Private

  private static let chineseQuarter = ["一", "二", "三", "四"]
  static let englishMonths = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
