// MARK: - Parsing period codes and Chinese labels

extension Period {
  /// Parses a canonical code (`2024`, `2024-FY`, `2024-H1`, `2024-M09`, `2024-Q3`,
  /// `2024-05`) or a Chinese label with a year (`2024年上半年`, `2016年前三季度`, `2024年1—9月`,
  /// `2024年1-9月份`, `2024年一季度`, `2024年第二季度`, `2024年5月`, `2024年全年`).
  /// `一季度` alone is read as cumulative 1—3月, which is the same span as Q1.
  /// Returns nil when the text is not a period.
  public init?(code raw: String) {
    let text = Self.normalizeDigitsAndDashes(raw.trimmingSpaces())
    if let period = Self.parseCanonical(text) ?? Self.parseChinese(text) {
      self = period
    } else {
      return nil
    }
  }

  private static func parseCanonical(_ text: String) -> Period? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    guard let year = Int(parts[0]), parts[0].count == 4 else { return nil }
    if parts.count == 1 { return Period(year: year, kind: .cumulative(through: 12)) }
    guard parts.count == 2 else { return nil }
    let tail = parts[1].uppercased()
    switch tail {
    case "FY", "Y": return Period(year: year, kind: .cumulative(through: 12))
    case "H1": return Period(year: year, kind: .cumulative(through: 6))
    default: break
    }
    if tail.hasPrefix("M"), let m = Int(tail.dropFirst()), (1...12).contains(m) {
      return Period(year: year, kind: .cumulative(through: m))
    }
    if tail.hasPrefix("Q"), let q = Int(tail.dropFirst()), (1...4).contains(q) {
      return Period(year: year, kind: .quarter(q))
    }
    if let m = Int(tail), (1...12).contains(m), tail.count <= 2 {
      return Period(year: year, kind: .month(m))
    }
    return nil
  }

  private static func parseChinese(_ text: String) -> Period? {
    guard let yearEnd = text.firstIndex(where: { $0 == "年" }),
      let year = Int(text[..<yearEnd]), text[..<yearEnd].count == 4
    else { return nil }
    var rest = String(text[text.index(after: yearEnd)...])
    if rest.hasSuffix("份") { rest.removeLast() }
    switch rest {
    case "", "全年", "年度": return Period(year: year, kind: .cumulative(through: 12))
    case "上半年", "半年": return Period(year: year, kind: .cumulative(through: 6))
    case "前三季度", "前三季": return Period(year: year, kind: .cumulative(through: 9))
    case "一季度", "第一季度": return Period(year: year, kind: .cumulative(through: 3))
    case "第二季度", "二季度": return Period(year: year, kind: .quarter(2))
    case "第三季度", "三季度": return Period(year: year, kind: .quarter(3))
    case "第四季度", "四季度": return Period(year: year, kind: .quarter(4))
    default: break
    }
    guard rest.hasSuffix("月") else { return nil }
    let body = rest.dropLast()
    if body.hasPrefix("1-"), let m = Int(body.dropFirst(2)), (1...12).contains(m) {
      return Period(year: year, kind: .cumulative(through: m))
    }
    if let m = Int(body), (1...12).contains(m) {
      return Period(year: year, kind: .month(m))
    }
    return nil
  }

  /// Full-width digits to ASCII; every dash variant (—, –, －, ～, ~, 至) to `-`.
  static func normalizeDigitsAndDashes(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0xFF10...0xFF19:
        if let ascii = Unicode.Scalar(scalar.value - 0xFEE0) { out.unicodeScalars.append(ascii) }
      case 0x2014, 0x2013, 0x2012, 0x2015, 0xFF0D, 0xFF5E, 0x7E, 0x81F3:
        out.append("-")
      default:
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

extension String {
  /// Drops ASCII and full-width spaces at both ends (no Foundation needed).
  public func trimmingSpaces() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\r" }
    guard let start = firstIndex(where: { !isSpace($0) }),
      let end = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[start...end])
  }
}
