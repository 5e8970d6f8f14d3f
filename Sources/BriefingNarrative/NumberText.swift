import BriefingCore

// MARK: - Number text

/// Fixed-decimal formatting for narrative numbers, without Foundation.
///
/// - Rounding is **half away from zero** on the number's shortest decimal spelling (`1.15` → `1.2`,
///   `-1.15` → `-1.2`, `0.05` → `0.1`), so values typed by people round the way a clerk rounds them
///   rather than by their binary approximation (`1.15` is stored as 1.149999…).
/// - A result that rounds to zero is never printed with a sign (`-0.04` → `0.0`).
/// - Percentages and percentage points use 1 decimal; values use the indicator's `decimals`.
enum NumberText {
  /// `value` with exactly `decimals` fraction digits (clamped to 0...6).
  static func fixed(_ value: Double, decimals: Int) -> String {
    let places = min(max(decimals, 0), 6)
    guard value.isFinite else { return "—" }
    let digits = roundedDigits(abs(value), places: places)
    let isZero = digits.allSatisfy { $0 == "0" }
    let sign = value < 0 && !isZero ? "-" : ""
    guard places > 0 else { return sign + digits }
    let split = digits.index(digits.endIndex, offsetBy: -places)
    return sign + digits[..<split] + "." + digits[split...]
  }

  /// `fixed` text with a comma between thousands in the integer part, as English prose writes
  /// numbers ("42300" → "42,300", "-5620.0" → "-5,620.0").
  static func grouped(_ fixedText: String) -> String {
    let negative = fixedText.hasPrefix("-")
    let unsigned = negative ? fixedText.dropFirst() : Substring(fixedText)
    let integer = unsigned.prefix { $0 != "." }
    guard integer.allSatisfy(\.isNumber) else { return fixedText }
    return (negative ? "-" : "") + DigitGrouping.grouped(integer) + unsigned.dropFirst(integer.count)
  }

  /// One-decimal text of a percentage or a percentage-point magnitude.
  static func oneDecimal(_ value: Double) -> String { fixed(value, decimals: 1) }

  /// `value` rounded half away from zero to 1 decimal, as a number (for sign decisions).
  static func roundedOneDecimal(_ value: Double) -> Double { rounded(value, decimals: 1) }

  /// `value` rounded half away from zero to `decimals`, as a number. Never negative zero.
  static func rounded(_ value: Double, decimals: Int) -> Double {
    let places = min(max(decimals, 0), 6)
    guard value.isFinite else { return value }
    let digits = roundedDigits(abs(value), places: places)
    var magnitude = 0.0
    for character in digits {
      magnitude = magnitude * 10 + Double(character.wholeNumberValue ?? 0)
    }
    magnitude /= power10(places)
    if magnitude == 0 { return 0 }
    return value < 0 ? -magnitude : magnitude
  }

  // MARK: - Private

  /// Digits of `magnitude × 10^places` rounded half away from zero, at least `places + 1` long.
  private static func roundedDigits(_ magnitude: Double, places: Int) -> String {
    let spelled = "\(magnitude)"
    let digits: [Int]
    if let decimal = plainDecimal(spelled) {
      digits = roundDecimal(integer: decimal.integer, fraction: decimal.fraction, places: places)
    } else {
      // Exponent spellings (< 1e-4 or ≥ 2^53): the binary value is exact enough here.
      let scaled = (magnitude * power10(places)).rounded(.toNearestOrAwayFromZero)
      digits = scaled < 1e18 ? "\(UInt64(scaled))".compactMap(\.wholeNumberValue) : [0]
    }
    var text = digits.map(String.init).joined()
    while text.count < places + 1 { text = "0" + text }
    return text
  }

  private static func plainDecimal(_ spelled: String) -> (integer: [Int], fraction: [Int])? {
    guard !spelled.contains("e") else { return nil }
    let parts = spelled.split(separator: ".", omittingEmptySubsequences: false)
    let integer = parts.first.map { $0.compactMap(\.wholeNumberValue) } ?? [0]
    let fraction = parts.count > 1 ? parts[1].compactMap(\.wholeNumberValue) : []
    return (integer, fraction)
  }

  /// Integer digits of the decimal `integer.fraction × 10^places`, rounded half away from zero.
  private static func roundDecimal(integer: [Int], fraction: [Int], places: Int) -> [Int] {
    let padded = fraction + Array(repeating: 0, count: max(0, places + 1 - fraction.count))
    var kept = integer + padded.prefix(places)
    guard padded[places] >= 5 else { return kept }
    var index = kept.count - 1
    while index >= 0 {
      if kept[index] == 9 {
        kept[index] = 0
        index -= 1
      } else {
        kept[index] += 1
        return kept
      }
    }
    return [1] + kept
  }

  private static func power10(_ places: Int) -> Double {
    var result = 1.0
    for _ in 0..<places { result *= 10 }
    return result
  }
}
