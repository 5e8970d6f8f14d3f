import BriefingCore

// MARK: - Number formats

/// How numbers and the sheet's own words are written on a sheet. Chinese style follows
/// statistics bulletins (`1,234.5亿元`, `+7.2%`, `1.1个百分点`, `倒数第1`), in Simplified or
/// Traditional script (`1.1個百分點`, `倒數第1`, through `wording(_:)`); English style writes
/// `1.1 pp`, `2nd last`. Pure and deterministic: rounding is half away from zero on the decimal
/// value (四舍五入), and a value that rounds to zero never shows a minus sign.
public struct NumberFormat: Hashable, Sendable {
  /// Language conventions.
  public enum Style: String, Hashable, Sendable, CaseIterable {
    case chinese, english
  }

  /// The script of the words a Chinese sheet writes itself (headers, notes, legends, units of
  /// points). Data (names, units, titles a user wrote) prints as written in either.
  public enum Script: String, Hashable, Sendable, CaseIterable {
    case simplified, traditional
  }

  // MARK: - Properties
  public var style: Style
  /// The script of the sheet's own words. Default: `.simplified` (ignored by English style).
  public var script: Script
  /// Group thousands with `,`. Default: true.
  public var groupsThousands: Bool
  /// Shown for missing values. Default: `—`.
  public var missing: String
  /// Shown for masked (confidential) values. Default: `*`.
  public var masked: String
  /// Appended to estimates. Default: `e` (Eurostat flag).
  public var estimateMarker: String
  /// Appended to preliminary figures. Default: `p`.
  public var preliminaryMarker: String
  /// Decimals of percentages. Default: 1.
  public var percentDecimals: Int

  // MARK: - Initialization
  public init(
    style: Style = .chinese, script: Script = .simplified, groupsThousands: Bool = true,
    missing: String = "—", masked: String = "*", estimateMarker: String = "e",
    preliminaryMarker: String = "p", percentDecimals: Int = 1
  ) {
    self.style = style
    self.script = script
    self.groupsThousands = groupsThousands
    self.missing = missing
    self.masked = masked
    self.estimateMarker = estimateMarker
    self.preliminaryMarker = preliminaryMarker
    self.percentDecimals = percentDecimals
  }

  public static let chinese = NumberFormat(style: .chinese)
  /// Chinese style in Traditional script (`language: zh-tw`).
  public static let traditional = NumberFormat(style: .chinese, script: .traditional)
  public static let english = NumberFormat(style: .english)

  // MARK: - Plain numbers

  /// `1,234.5` with `decimals` places (0...9), thousands grouped when enabled. Rounded by Core's
  /// `DecimalRounding` (the one rule of the table, the chart and the sentence).
  public func number(_ value: Double, decimals: Int) -> String {
    guard let fixed = DecimalRounding.fixed(value, decimals: decimals) else { return missing }
    return groupsThousands ? DigitGrouping.groupedNumber(fixed) : fixed
  }

  /// `+1.1` / `-0.4` / `0.0`: a number with an explicit sign unless it rounds to zero.
  public func signed(_ value: Double, decimals: Int) -> String {
    let text = number(value, decimals: decimals)
    return text.hasPrefix("-") || Self.isZero(text) ? text : "+" + text
  }

  // MARK: - Values with status

  /// A value as a cell shows it: `—` when missing, `*` when masked, with the estimate or
  /// preliminary marker appended.
  public func value(_ value: Double?, decimals: Int, status: ValueStatus = .actual) -> String {
    switch status {
    case .missing: return missing
    case .masked: return masked
    case .actual, .estimate, .preliminary: break
    }
    guard let value else { return missing }
    let text = number(value, decimals: decimals)
    switch status {
    case .estimate: return text + estimateMarker
    case .preliminary: return text + preliminaryMarker
    case .actual, .missing, .masked: return text
    }
  }

  /// A value with its unit: `1,234.5亿元` (Chinese) or `1,234.5 million USD` (English words).
  public func value(_ value: Double?, unit: Unit?, decimals: Int, status: ValueStatus = .actual)
    -> String
  {
    let text = self.value(value, decimals: decimals, status: status)
    guard let unit, text != missing, text != masked else { return text }
    let symbol = self.symbol(of: unit)
    let joiner = style == .english && symbol.first?.isLetter == true ? " " : ""
    return text + joiner + symbol
  }

  /// A unit as the sheet prints it. A known unit (`亿元`, `万人`, `吨`) is the tool's own spelling
  /// of it, whatever the data wrote (億元, 个亿): on a Traditional sheet it is converted with the
  /// sheet's other words (`億元`, `萬人`), so the tables, charts and narrative agree. A label
  /// the tool does not know (`years`, `元/人`) prints as written.
  public func symbol(of unit: Unit) -> String {
    if case .other = unit.dimension { return unit.symbol }
    return style == .chinese ? wording(unit.symbol) : unit.symbol
  }

  // MARK: - Percentages and points

  /// `7.2%`; nil gives `—`.
  public func percent(_ value: Double?) -> String {
    guard let value else { return missing }
    return number(value, decimals: percentDecimals) + "%"
  }

  /// Growth as a label: `+7.2%`, `-3.1%`, `0.0%`; nil gives `—`.
  public func signedPercent(_ value: Double?) -> String {
    guard let value else { return missing }
    return signed(value, decimals: percentDecimals) + "%"
  }

  /// Percentage points: `1.1个百分点` / `1.1 pp` (magnitude only; the sentence says 高/低).
  public func points(_ value: Double?) -> String {
    guard let value else { return missing }
    return number(abs(value), decimals: percentDecimals) + pointsUnit
  }

  /// The unit written after a number of percentage points: `个百分点` (`個百分點`) / ` pp`.
  public var pointsUnit: String {
    switch style {
    case .chinese: wording("个百分点")
    case .english: " pp"
    }
  }

  /// The unit after a change of a rate in `unit`: per-mille points (`个千分点` / ` ‰ points`) for
  /// `‰`, else percentage points (`pointsUnit`).
  public func pointsUnit(forRateIn unit: Unit?) -> String {
    guard unit?.symbol == "‰" else { return pointsUnit }
    switch style {
    case .chinese: return wording("个千分点")
    case .english: return " ‰ points"
    }
  }

  /// Signed points for table cells whose header names the unit: `+1.1`, `-0.4`.
  public func signedPoints(_ value: Double?) -> String {
    guard let value else { return missing }
    return signed(value, decimals: percentDecimals)
  }

  // MARK: - Ranks

  /// `3/9`; `—` when unranked.
  public func rank(_ rank: Int?, of count: Int?) -> String {
    guard let rank, let count else { return missing }
    return "\(rank)/\(count)"
  }

  /// `倒数第1` (`倒數第1`) / `last`, `倒数第2` / `2nd last`.
  public func bottomRank(_ k: Int) -> String {
    switch style {
    case .chinese: return wording("倒数第\(k)")
    case .english: return k == 1 ? "last" : Self.ordinal(k) + " last"
    }
  }

  // MARK: - Magnitudes

  /// Rescales a currency or count value to 亿/万 so it reads with few digits: returns the value in
  /// the chosen unit and the unit. `1.2e9 元` → `(12, 亿元)`; values below 1e4 base units stay.
  /// Units outside CNY/USD dimensions are returned unchanged.
  public static func chineseMagnitude(_ value: Double, unit: Unit) -> (Double, Unit) {
    let candidates: [Unit]
    switch unit.dimension {
    case .currencyCNY: candidates = [.yiYuan, .wanYuan, .yuan]
    case .currencyUSD: candidates = [.yiUSD, .wanUSD, .usd]
    case .mass, .ratio, .area, .count, .other: return (value, unit)
    }
    let base = value * unit.factor
    for candidate in candidates where abs(base) >= candidate.factor {
      return (base / candidate.factor, candidate)
    }
    return (base, candidates.last ?? unit)
  }

  /// Decimals needed to print multiples of `step` exactly (2.5 → 1, 0.25 → 2, 50 → 0).
  public static func decimals(forStep step: Double) -> Int {
    var places = 0
    var scaled = abs(step)
    while places < 6, abs(scaled - scaled.rounded()) > 1e-9 * max(1, scaled) {
      scaled *= 10
      places += 1
    }
    return places
  }

  // MARK: - Private

  private static func isZero(_ text: String) -> Bool {
    text.allSatisfy { $0 == "0" || $0 == "." || $0 == "," }
  }

  private static func ordinal(_ n: Int) -> String {
    let suffix: String
    switch (n % 10, n % 100) {
    case (_, 11...13): suffix = "th"
    case (1, _): suffix = "st"
    case (2, _): suffix = "nd"
    case (3, _): suffix = "rd"
    default: suffix = "th"
    }
    return "\(n)\(suffix)"
  }
}
