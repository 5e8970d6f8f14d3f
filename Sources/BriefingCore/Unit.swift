// MARK: - Units

/// A unit of measure with the dimension it belongs to and its factor to the dimension's base unit.
/// Values convert only within one dimension (亿元 ↔ 万元 ↔ 元); mixing dimensions is an error.
public struct Unit: Hashable, Sendable, Codable, CustomStringConvertible {
  /// What is measured. `.other(symbol)` is a unit we do not know: it is compatible only with itself.
  public enum Dimension: Hashable, Sendable, Codable {
    case currencyCNY, currencyUSD, mass, ratio, area, count, other(String)
  }

  /// As written for display, e.g. `亿元`.
  public var symbol: String
  public var dimension: Dimension
  /// Multiply a value in this unit by `factor` to get the dimension's base unit (元, 美元, 吨, 1, m², 1).
  public var factor: Double

  public init(symbol: String, dimension: Dimension, factor: Double) {
    self.symbol = symbol
    self.dimension = dimension
    self.factor = factor
  }

  public var description: String { symbol }

  /// True for `%` and `‰`: growth of such an indicator is shown as a change in points.
  public var isRatio: Bool { dimension == .ratio }

  /// Converts `value` in this unit to `other`, or nil when the dimensions differ.
  /// When one factor is a whole multiple of the other (10⁴ from 万元 to 亿元) the value is
  /// multiplied or divided by that exact ratio: one rounding, so 12345 万元 is exactly the double
  /// nearest 1.2345 亿元. Otherwise `value × factor / other.factor`.
  public func convert(_ value: Double, to other: Unit) -> Double? {
    guard dimension == other.dimension else { return nil }
    if self == other || factor == other.factor { return value }
    if let up = Self.wholeRatio(factor, other.factor) { return value * up }
    if let down = Self.wholeRatio(other.factor, factor) { return value / down }
    return value * factor / other.factor
  }

  /// `a / b` when it is a whole number ≥ 1 that multiplies back to `a` exactly.
  private static func wholeRatio(_ a: Double, _ b: Double) -> Double? {
    let ratio = a / b
    return ratio >= 1 && ratio == ratio.rounded() && ratio * b == a ? ratio : nil
  }

  // MARK: - Known units

  /// Parses a unit as people write it (亿元, 億元, 个亿, 万美元, ％, 吨, 万吨, 亩, 人次, 微克/立方米…).
  /// Unknown symbols become `.other(symbol)` rather than an error; an empty string gives nil.
  public static func parse(_ raw: String) -> Unit? {
    let text = raw.trimmingSpaces()
    guard !text.isEmpty else { return nil }
    if let known = known[text] { return known }
    return Unit(symbol: text, dimension: .other(text), factor: 1)
  }

  /// Dimensionless count (家, 个, 起, 人次…).
  public static func count(_ symbol: String) -> Unit { Unit(symbol: symbol, dimension: .count, factor: 1) }

  public static let yuan = Unit(symbol: "元", dimension: .currencyCNY, factor: 1)
  public static let wanYuan = Unit(symbol: "万元", dimension: .currencyCNY, factor: 1e4)
  public static let yiYuan = Unit(symbol: "亿元", dimension: .currencyCNY, factor: 1e8)
  public static let usd = Unit(symbol: "美元", dimension: .currencyUSD, factor: 1)
  public static let wanUSD = Unit(symbol: "万美元", dimension: .currencyUSD, factor: 1e4)
  public static let yiUSD = Unit(symbol: "亿美元", dimension: .currencyUSD, factor: 1e8)
  public static let percent = Unit(symbol: "%", dimension: .ratio, factor: 0.01)
  public static let permille = Unit(symbol: "‰", dimension: .ratio, factor: 0.001)

  private static let known: [String: Unit] = {
    var table: [String: Unit] = [:]
    func add(_ unit: Unit, _ spellings: String...) {
      table[unit.symbol] = unit
      for spelling in spellings { table[spelling] = unit }
    }
    add(yuan)
    add(wanYuan, "萬元")
    add(yiYuan, "億元", "个亿", "個億", "亿", "億")
    add(usd)
    add(wanUSD, "萬美元")
    add(yiUSD, "億美元")
    add(Unit(symbol: "million USD", dimension: .currencyUSD, factor: 1e6), "million US$", "USD million")
    add(Unit(symbol: "billion USD", dimension: .currencyUSD, factor: 1e9), "billion US$", "USD billion")
    add(percent, "％", "percent")
    add(permille)
    add(Unit(symbol: "吨", dimension: .mass, factor: 1), "噸")
    add(Unit(symbol: "万吨", dimension: .mass, factor: 1e4), "萬噸")
    add(Unit(symbol: "亩", dimension: .area, factor: 666.6667), "畝")
    add(Unit(symbol: "万亩", dimension: .area, factor: 6_666_666.7), "萬畝")
    add(Unit(symbol: "公顷", dimension: .area, factor: 1e4), "公頃")
    add(Unit(symbol: "平方米", dimension: .area, factor: 1), "㎡", "m²")
    add(Unit(symbol: "万平方米", dimension: .area, factor: 1e4), "萬平方米")
    add(Unit(symbol: "平方公里", dimension: .area, factor: 1e6))
    return table
  }()
}
