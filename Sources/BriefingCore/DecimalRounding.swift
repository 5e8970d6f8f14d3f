// MARK: - Decimal rounding

/// The one rounding rule of Briefing: every figure that is compared, ranked, printed or spoken
/// goes through it, so the table, the chart and the sentence can never disagree by a digit.
///
/// Rule (四舍五入 as a clerk does it on the decimal figure):
/// 1. **Binary noise is removed first.** `101.25 / 100 − 1` is `1.2499999999999956` in floating
///    point; the decimal figure is 1.25. A value that lies within `noiseTolerance` (relative,
///    1e-12 of the scaled magnitude, at most 1e-4 of a unit in the last kept place) of a half
///    boundary *is* on that boundary. Values typed with up to 11 significant digits are never
///    moved by this (their distance to a boundary is far larger).
/// 2. **Half away from zero** on the decimal value: 1.25 → 1.3, −1.25 → −1.3, 1.15 → 1.2,
///    0.05 → 0.1 (1.15 is stored as 1.1499999999999999: step 1 puts it on the boundary).
/// 3. A result that rounds to zero is zero, never −0, and is printed without a sign.
///
/// Decimals are clamped to 0...9. Table-tested in `BriefingCoreTests.DecimalRoundingTests`.
public enum DecimalRounding {
  /// Relative distance to a half boundary below which the difference is binary noise.
  public static let noiseTolerance = 1e-12

  /// `value` rounded to `decimals` places as an integer count of 10^-decimals (12.5 → 13 for
  /// 1.25 at one place). Two values print the same exactly when their keys are equal, so this
  /// is also the tie key of every ranking. Non-finite values are returned unchanged.
  public static func key(_ value: Double, decimals: Int) -> Double {
    guard value.isFinite else { return value }
    let scaled = abs(value) * power10(clamped(decimals))
    // Beyond 2^52 a double has no fraction: nothing to round.
    guard scaled < 4_503_599_627_370_496 else { return value < 0 ? -scaled : scaled }
    let floor = scaled.rounded(.down)
    let fraction = scaled - floor
    let tolerance = min(max(scaled, 1) * noiseTolerance, 1e-4)
    let magnitude = fraction >= 0.5 - tolerance ? floor + 1 : floor
    if magnitude == 0 { return 0 }
    return value < 0 ? -magnitude : magnitude
  }

  /// `value` rounded to `decimals` places, as the double nearest that decimal figure
  /// (`1.2499999999999956` at 1 place is `1.3`; `-0.04` is `0`). Non-finite values unchanged.
  public static func rounded(_ value: Double, decimals: Int) -> Double {
    guard value.isFinite else { return value }
    let k = key(value, decimals: decimals)
    return k == 0 ? 0 : k / power10(clamped(decimals))
  }

  /// The rounded figure as plain digits with exactly `decimals` fraction digits and a leading
  /// `-` only when it is not zero: `fixed(1.25, 1)` = `"1.3"`, `fixed(-0.04, 1)` = `"0.0"`,
  /// `fixed(1234.5, 0)` = `"1235"`. No grouping (callers add their own separators).
  /// Non-finite values give nil.
  public static func fixed(_ value: Double, decimals: Int) -> String? {
    guard value.isFinite else { return nil }
    let places = clamped(decimals)
    let k = key(value, decimals: places)
    var digits = integerDigits(abs(k))
    if places > 0 {
      if digits.count <= places {
        digits = String(repeating: "0", count: places + 1 - digits.count) + digits
      }
      digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
    }
    return k < 0 ? "-" + digits : digits
  }

  /// 10^n for n ≥ 0 (exact up to 10^22).
  public static func power10(_ n: Int) -> Double {
    var p = 1.0
    for _ in 0..<max(n, 0) { p *= 10 }
    return p
  }

  // MARK: - Private

  private static func clamped(_ decimals: Int) -> Int { min(max(decimals, 0), 9) }

  /// Decimal digits of a non-negative integral double (exact below 2^63; larger magnitudes,
  /// which no statistic reaches, are spelled from the double's own description).
  private static func integerDigits(_ magnitude: Double) -> String {
    if magnitude < 9.2e18 { return String(UInt64(magnitude)) }
    let text = magnitude.description
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }
}
