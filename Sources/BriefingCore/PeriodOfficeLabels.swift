// MARK: - Periods as office tables write them

/// A period as a statistics office writes it in a table title or column heading: in full
/// (`2024年1—6月`), as a month that may be cumulative or single (`202406`), or relative to the
/// table's report period (`1—6月`, `本月`, `累计`, `上年同期`).
public enum OfficePeriod: Hashable, Sendable {
  /// A period in full: `2024年1—6月`, `2024年上半年`, `2024-H1`, `2023年`, `1952`.
  case absolute(Period)
  /// A month with its year but no span: `2024年6月`, `202406`, `2024.06`, `2024/06`. Cumulative
  /// (1—6月) or June alone: `MonthReading` decides.
  case month(year: Int, month: Int)
  /// A label without a year, read against the report period.
  case relative(Relative)

  /// Labels without a year.
  public enum Relative: Hashable, Sendable {
    /// `1—6月`, `上半年`, `前三季度`, `一季度` (1—3月), `全年`: January through the month.
    case cumulative(through: Int)
    /// `第二季度`, `二季度`: the single quarter.
    case quarter(Int)
    /// `6月`: cumulative or single, as `MonthReading` says.
    case month(Int)
    /// `本月`, `当月`: the report period's last month alone.
    case currentMonth
    /// `累计`, `本年累计`: January through the report period's last month.
    case yearToDate
    /// `上年同期`, `去年同期`: a year before the period of the column it belongs to (the reader
    /// of the table decides which; `resolve` does not know).
    case samePeriodLastYear
  }

  /// How a month without a span (`202406`, `6月`) is read.
  public enum MonthReading: String, Hashable, Sendable, CaseIterable {
    /// January through the month (1—6月): year-to-date, as most office figures are.
    case cumulative
    /// The month alone.
    case single
  }

  /// The report period a relative label is read against: its year and last month, and the
  /// period itself when known (nil for a bare month whose reading is not decided).
  public struct Reference: Hashable, Sendable {
    public var year: Int
    public var endMonth: Int
    public var period: Period?

    public init(year: Int, endMonth: Int, period: Period?) {
      self.year = year
      self.endMonth = endMonth
      self.period = period
    }

    public init(_ period: Period) {
      self.init(year: period.year, endMonth: period.endMonth, period: period)
    }
  }

  /// What a label comes to.
  public enum Resolution: Hashable, Sendable {
    case period(Period)
    /// A bare month: these are the two readings.
    case ambiguousMonth(cumulative: Period, single: Period)
    /// A relative label without a report period to read it against.
    case needsReference
    /// `上年同期`: the table reader shifts the period it belongs to by a year.
    case samePeriodLastYear
  }

  // MARK: - Reading a label

  /// Reads a whole label; nil when the text is not a period. Full-width digits, every dash
  /// (—, –, ～, 至) and the Traditional forms of the words (`累計`, `當月`) are accepted.
  public init?(label raw: String) {
    let text = Self.normalized(raw)
    guard !text.isEmpty else { return nil }
    if let month = Self.bareMonth(text) {
      self = month
    } else if let relative = Self.relative(text) {
      self = .relative(relative)
    } else if let period = Self.fullPeriod(text) {
      self = .absolute(period)
    } else {
      return nil
    }
  }

  /// The period this label names, read against `reference`; a bare month by `monthly`.
  public func resolve(reference: Reference?, monthly: MonthReading?) -> Resolution {
    switch self {
    case .absolute(let period):
      return .period(period)
    case .month(let year, let month):
      return Self.reading(year: year, month: month, monthly)
    case .relative(let relative):
      if relative == .samePeriodLastYear { return .samePeriodLastYear }
      guard let reference else { return .needsReference }
      let year = reference.year
      switch relative {
      case .cumulative(let through): return .period(Period(year: year, kind: .cumulative(through: through)))
      case .quarter(let quarter): return .period(Period(year: year, kind: .quarter(quarter)))
      case .month(let month): return Self.reading(year: year, month: month, monthly)
      case .currentMonth: return .period(Period(year: year, kind: .month(reference.endMonth)))
      case .yearToDate: return .period(Period(year: year, kind: .cumulative(through: reference.endMonth)))
      case .samePeriodLastYear: return .samePeriodLastYear
      }
    }
  }

  /// The report period this label gives a table (its year and last month), when it has a year.
  public var reference: Reference? {
    switch self {
    case .absolute(let period): Reference(period)
    case .month(let year, let month): Reference(year: year, endMonth: month, period: nil)
    case .relative: nil
    }
  }

  // MARK: - Finding a period in a title

  /// The first period a title names, with the text that names it: the longest label starting
  /// at the first `YYYY年` (`2024年1—6月各县…` → `2024年1—6月`); a bare year followed later by a
  /// span is joined to it (`2024年全市1-9月…` → 2024年1—9月). Nil when no year is named.
  public static func firstMention(in title: String) -> (period: OfficePeriod, text: String)? {
    let characters = Array(title)
    for start in characters.indices where startsYear(characters, at: start) {
      let end = min(characters.count, start + 16)
      for length in stride(from: end - start, through: 5, by: -1) {
        let text = String(characters[start..<start + length])
        guard let period = OfficePeriod(label: text), period.hasYear else { continue }
        if case .absolute(let year) = period, year.isFullYear,
          let (span, spanText) = laterSpan(characters, after: start + length)
        {
          return (OfficePeriod.relative(span).withYear(year.year), text + "…" + spanText)
        }
        return (period, text)
      }
    }
    return nil
  }

  // MARK: - Private

  private var hasYear: Bool {
    if case .relative = self { return false }
    return true
  }

  /// A relative span (`1-9月`, `上半年`, `前三季度`) somewhere after `index`.
  private static func laterSpan(_ characters: [Character], after index: Int) -> (OfficePeriod.Relative, String)? {
    guard index < characters.count else { return nil }
    for start in index..<characters.count {
      for length in stride(from: min(8, characters.count - start), through: 2, by: -1) {
        let text = String(characters[start..<start + length])
        if case .relative(let relative)? = OfficePeriod(label: text), relative.isSpan { return (relative, text) }
      }
    }
    return nil
  }

  private func withYear(_ year: Int) -> OfficePeriod {
    guard case .relative(let relative) = self else { return self }
    switch relative {
    case .cumulative(let through): return .absolute(Period(year: year, kind: .cumulative(through: through)))
    case .quarter(let quarter): return .absolute(Period(year: year, kind: .quarter(quarter)))
    case .month(let month): return .month(year: year, month: month)
    case .currentMonth, .yearToDate, .samePeriodLastYear: return self
    }
  }

  private static func startsYear(_ characters: [Character], at index: Int) -> Bool {
    guard index + 4 < characters.count, index == 0 || !characters[index - 1].isASCIIDigitLike else { return false }
    return characters[index..<index + 4].allSatisfy(\.isASCIIDigitLike) && characters[index + 4] == "年"
  }

  private static func reading(year: Int, month: Int, _ monthly: MonthReading?) -> Resolution {
    let cumulative = Period(year: year, kind: .cumulative(through: month))
    let single = Period(year: year, kind: .month(month))
    switch monthly {
    case .cumulative?: return .period(cumulative)
    case .single?: return .period(single)
    case nil: return .ambiguousMonth(cumulative: cumulative, single: single)
    }
  }

  /// `2024年6月(份)`, `202406`, `2024.06`, `2024/06`: a month with a year and no span.
  private static func bareMonth(_ text: String) -> OfficePeriod? {
    var body = Substring(text)
    if body.hasSuffix("月份") { body = body.dropLast(2) } else if body.hasSuffix("月") { body = body.dropLast() }
    let digits = body.filter(\.isASCIIDigitLike)
    if body.count == 6, digits.count == 6, let year = Int(body.prefix(4)), let month = Int(body.suffix(2)) {
      return plausible(year, month).map { .month(year: $0, month: $1) }
    }
    for separator in ["年", ".", "/"] where body.count > 5 {
      let parts = body.split(separator: separator, omittingEmptySubsequences: false)
      guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
        let year = Int(parts[0]), let month = Int(parts[1])
      else { continue }
      // `2024年6` without 月 is not a month; `2024.06` and `2024/06` need none.
      if separator == "年", !text.hasSuffix("月") && !text.hasSuffix("月份") { continue }
      return plausible(year, month).map { .month(year: $0, month: $1) }
    }
    return nil
  }

  private static func plausible(_ year: Int, _ month: Int) -> (Int, Int)? {
    (1900...2100).contains(year) && (1...12).contains(month) ? (year, month) : nil
  }

  /// A label without a year.
  private static func relative(_ text: String) -> Relative? {
    var body = text
    if body.hasSuffix("份") { body.removeLast() }
    if let word = relativeWords[body] { return word }
    guard body.hasSuffix("月") else { return nil }
    let months = body.dropLast()
    if months.hasPrefix("1-"), let through = Int(months.dropFirst(2)), (1...12).contains(through) {
      return .cumulative(through: through)
    }
    if let month = Int(months), (1...12).contains(month), months.count <= 2 { return .month(month) }
    return nil
  }

  /// A period with its year (`Period(code:)`: canonical codes and Chinese labels), or a bare
  /// year in 1000…2999 (a heading `1952`).
  private static func fullPeriod(_ text: String) -> Period? {
    if text.count == 4, let year = Int(text), (1000...2999).contains(year) {
      return Period(year: year, kind: .cumulative(through: 12))
    }
    if text.count == 5, text.hasSuffix("年"), let year = Int(text.prefix(4)), (1000...2999).contains(year) {
      return Period(year: year, kind: .cumulative(through: 12))
    }
    guard text.count > 4, let year = Int(text.prefix(4)), (1000...2999).contains(year) else { return nil }
    return Period(code: text)
  }

  private static let relativeWords: [String: Relative] = [
    "上半年": .cumulative(through: 6), "半年": .cumulative(through: 6),
    "前三季度": .cumulative(through: 9), "前三季": .cumulative(through: 9),
    "一季度": .cumulative(through: 3), "第一季度": .cumulative(through: 3), "1季度": .cumulative(through: 3),
    "二季度": .quarter(2), "第二季度": .quarter(2), "三季度": .quarter(3), "第三季度": .quarter(3),
    "四季度": .quarter(4), "第四季度": .quarter(4),
    "全年": .cumulative(through: 12),
    "本月": .currentMonth, "当月": .currentMonth, "當月": .currentMonth,
    "累计": .yearToDate, "累計": .yearToDate, "本年累计": .yearToDate, "本年累計": .yearToDate,
    "累计数": .yearToDate, "累計數": .yearToDate, "1-本月": .yearToDate, "年初至本月": .yearToDate,
    "上年同期": .samePeriodLastYear, "去年同期": .samePeriodLastYear, "上年同期数": .samePeriodLastYear,
    "上年同期數": .samePeriodLastYear, "同期": .samePeriodLastYear,
  ]

  /// Trimmed, full-width digits to ASCII, dashes and 至 to `-`, spaces inside dropped.
  private static func normalized(_ raw: String) -> String {
    var text = raw
    text.unicodeScalars.removeAll { [0x20, 0x09, 0x3000, 0x0D, 0x0A].contains($0.value) }
    return Period.normalizeDigitsAndDashes(text)
  }
}

extension OfficePeriod.Relative {
  /// A span of months (`1-9月`, `上半年`, a quarter) rather than a word about the report period.
  fileprivate var isSpan: Bool {
    switch self {
    case .cumulative, .quarter: true
    case .month, .currentMonth, .yearToDate, .samePeriodLastYear: false
    }
  }
}

extension Character {
  /// `0`…`9`, ASCII or full-width.
  fileprivate var isASCIIDigitLike: Bool {
    guard let scalar = unicodeScalars.first, unicodeScalars.count == 1 else { return false }
    return (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
  }
}
