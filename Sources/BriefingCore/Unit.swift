// MARK: - Units

/// A unit of measure with the dimension it belongs to and its factor to the dimension's base unit.
/// Values convert only within one dimension (亿元 ↔ 万元 ↔ 元); mixing dimensions is an error.
public struct Unit: Hashable, Sendable, Codable, CustomStringConvertible {
  /// What is measured. Values convert only within one dimension.
  public enum Dimension: Hashable, Sendable, Codable {
    case currencyCNY, currencyUSD, mass, ratio, area
    /// A count of the named thing (`人`, `户`, `家`, `jobs`…): 万人 converts to 人, but 家 does
    /// not convert to 人.
    case count(String)
    /// A label we do not know (`years`, `US$ per person`): compatible only with itself.
    case other(String)
  }

  /// As written for display, e.g. `亿元`.
  public var symbol: String
  public var dimension: Dimension
  /// Multiply a value in this unit by `factor` to get the dimension's base unit (元, 美元, 吨, 1, m²,
  /// one item counted).
  public var factor: Double

  public init(symbol: String, dimension: Dimension, factor: Double) {
    self.symbol = symbol
    self.dimension = dimension
    self.factor = factor
  }

  public var description: String { symbol }

  /// True for `%` and `‰`: growth of such an indicator is shown as a change in points.
  public var isRatio: Bool { dimension == .ratio }

  /// True for amounts whose regional figures add up to a group total: currencies (元, 美元…),
  /// mass, area and counts. False for `%`, `‰` and unknown labels (`years`, `元/人`).
  public var isAdditiveAmount: Bool {
    switch dimension {
    case .currencyCNY, .currencyUSD, .mass, .area, .count: true
    case .ratio, .other: false
    }
  }

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

  /// Parses a unit label as people write it. A known unit (亿元, 億元, 个亿, 万美元, ％, 吨, 亩,
  /// 万人, `thousand jobs`…; see `known`) gets its dimension and factor; so does a known unit
  /// followed by a note in brackets (`thousand jobs (non-agricultural payrolls)`,
  /// `万元（2010年价）`), which keeps the label as written. Any other label is
  /// `.other(label)`, kept as written (trimmed). An empty string gives nil.
  public static func parse(_ raw: String) -> Unit? {
    let text = raw.trimmingSpaces()
    guard !text.isEmpty else { return nil }
    if let known = known[text] { return known }
    if let base = withoutNote(text), let known = known[base] {
      return Unit(symbol: text, dimension: known.dimension, factor: known.factor)
    }
    return Unit(symbol: text, dimension: .other(text), factor: 1)
  }

  /// `万元（2010年价）` → `万元`: the label before a closing bracketed note; nil without one.
  private static func withoutNote(_ text: String) -> String? {
    guard let last = text.last, last == ")" || last == "）",
      let open = text.lastIndex(where: { $0 == "(" || $0 == "（" })
    else { return nil }
    let base = String(text[..<open]).trimmingSpaces()
    return base.isEmpty ? nil : base
  }

  /// Dimensionless count of `symbol` (家, 个, 起, 人次…), factor 1.
  public static func count(_ symbol: String) -> Unit {
    Unit(symbol: symbol, dimension: .count(symbol), factor: 1)
  }

  public static let yuan = Unit(symbol: "元", dimension: .currencyCNY, factor: 1)
  public static let wanYuan = Unit(symbol: "万元", dimension: .currencyCNY, factor: 1e4)
  public static let yiYuan = Unit(symbol: "亿元", dimension: .currencyCNY, factor: 1e8)
  public static let usd = Unit(symbol: "美元", dimension: .currencyUSD, factor: 1)
  public static let wanUSD = Unit(symbol: "万美元", dimension: .currencyUSD, factor: 1e4)
  public static let yiUSD = Unit(symbol: "亿美元", dimension: .currencyUSD, factor: 1e8)
  public static let percent = Unit(symbol: "%", dimension: .ratio, factor: 0.01)
  public static let permille = Unit(symbol: "‰", dimension: .ratio, factor: 0.001)

  /// Things counted with a Chinese measure word, each with its 万 form (万人 = 10⁴ 人).
  private static let chineseCounts = [
    "人", "人次", "户", "家", "个", "辆", "件", "项", "起", "所", "座", "台", "套", "批次", "次",
    "宗", "艘", "头", "只", "张", "篇", "册", "床",
  ]

  /// English counts: the label, the thing counted (shared by labels that convert), the factor.
  private static let englishCounts: [(String, String, Double)] = [
    ("persons", "人", 1), ("people", "人", 1), ("thousand persons", "人", 1e3),
    ("thousand people", "人", 1e3), ("million persons", "人", 1e6), ("million people", "人", 1e6),
    ("jobs", "jobs", 1), ("thousand jobs", "jobs", 1e3), ("million jobs", "jobs", 1e6),
    ("households", "户", 1), ("thousand households", "户", 1e3),
    ("establishments", "家", 1), ("firms", "家", 1), ("count", "count", 1),
  ]

  /// Every known spelling. Spellings of one unit print as its symbol (億元 → 亿元); English
  /// count labels and `…（note）` labels print as written.
  private static let known: [String: Unit] = {
    var table: [String: Unit] = [:]
    func add(_ unit: Unit, _ spellings: String...) {
      table[unit.symbol] = unit
      for spelling in spellings { table[spelling] = unit }
    }
    add(yuan)
    add(Unit(symbol: "千元", dimension: .currencyCNY, factor: 1e3))
    add(wanYuan, "萬元")
    add(Unit(symbol: "百万元", dimension: .currencyCNY, factor: 1e6), "百萬元")
    add(yiYuan, "億元", "个亿", "個億", "亿", "億")
    add(usd, "USD", "US$")
    add(Unit(symbol: "千美元", dimension: .currencyUSD, factor: 1e3), "thousand USD", "thousand US$")
    add(wanUSD, "萬美元")
    add(yiUSD, "億美元")
    add(Unit(symbol: "million USD", dimension: .currencyUSD, factor: 1e6), "million US$", "USD million")
    add(Unit(symbol: "billion USD", dimension: .currencyUSD, factor: 1e9), "billion US$", "USD billion")
    add(percent, "％", "percent")
    add(permille)
    add(Unit(symbol: "公斤", dimension: .mass, factor: 1e-3), "千克", "kg")
    add(Unit(symbol: "吨", dimension: .mass, factor: 1), "噸", "tonnes")
    add(Unit(symbol: "万吨", dimension: .mass, factor: 1e4), "萬噸")
    add(Unit(symbol: "亩", dimension: .area, factor: 666.6667), "畝")
    add(Unit(symbol: "万亩", dimension: .area, factor: 6_666_666.7), "萬畝")
    add(Unit(symbol: "公顷", dimension: .area, factor: 1e4), "公頃", "ha")
    add(Unit(symbol: "平方米", dimension: .area, factor: 1), "㎡", "m²")
    add(Unit(symbol: "万平方米", dimension: .area, factor: 1e4), "萬平方米")
    add(Unit(symbol: "平方公里", dimension: .area, factor: 1e6), "km²")
    for thing in chineseCounts {
      add(count(thing))
      add(Unit(symbol: "万" + thing, dimension: .count(thing), factor: 1e4))
    }
    for (label, thing, factor) in englishCounts {
      add(Unit(symbol: label, dimension: .count(thing), factor: factor))
    }
    return table
  }()
}
