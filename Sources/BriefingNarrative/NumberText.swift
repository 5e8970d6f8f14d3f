import BriefingCore

// MARK: - Number text

/// Fixed-decimal formatting for narrative numbers: a thin spelling layer over Core's
/// `DecimalRounding`, the one rounding rule of every phase (binary noise removed, then half
/// away from zero on the decimal figure: `1.25` → `1.3`, `1.15` → `1.2`, `-1.15` → `-1.2`).
/// A result that rounds to zero is never printed with a sign (`-0.04` → `0.0`).
/// Percentages and percentage points use 1 decimal; values use the indicator's `decimals`.
enum NumberText {
  /// `value` with exactly `decimals` fraction digits (clamped to 0...6); `—` when not finite.
  static func fixed(_ value: Double, decimals: Int) -> String {
    DecimalRounding.fixed(value, decimals: min(max(decimals, 0), 6)) ?? "—"
  }

  /// `fixed` text with a comma between thousands in the integer part, as English prose writes
  /// numbers ("42300" → "42,300", "-5620.0" → "-5,620.0").
  static func grouped(_ fixedText: String) -> String { DigitGrouping.groupedNumber(fixedText) }

  /// One-decimal text of a percentage or a percentage-point magnitude.
  static func oneDecimal(_ value: Double) -> String { fixed(value, decimals: 1) }

  /// `value` rounded to 1 decimal, as a number (for sign decisions).
  static func roundedOneDecimal(_ value: Double) -> Double { rounded(value, decimals: 1) }

  /// `value` rounded to `decimals` (clamped to 0...6), as a number. Never negative zero.
  static func rounded(_ value: Double, decimals: Int) -> Double {
    DecimalRounding.rounded(value, decimals: min(max(decimals, 0), 6))
  }
}
