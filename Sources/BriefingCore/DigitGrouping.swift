// MARK: - Thousands separators

/// Inserts a separator between groups of three digits, as tables and English prose write
/// numbers: `"1234567"` → `"1,234,567"`. Shared by the sheet's number format and the narrative.
public enum DigitGrouping {
  /// `digits` (an unsigned run of digits) with `separator` every three digits from the right.
  public static func grouped(_ digits: some StringProtocol, separator: Character = ",") -> String {
    var result = ""
    for (offset, digit) in digits.enumerated() {
      if offset > 0, (digits.count - offset) % 3 == 0 { result.append(separator) }
      result.append(digit)
    }
    return result
  }

  /// A plain number (`-5620.0`, as `DecimalRounding.fixed` spells it) with its integer part
  /// grouped: `"-5,620.0"`. Text that is not such a number is returned unchanged.
  public static func groupedNumber(_ text: String, separator: Character = ",") -> String {
    let negative = text.hasPrefix("-")
    let unsigned = negative ? text.dropFirst() : Substring(text)
    let integer = unsigned.prefix { $0 != "." }
    guard !integer.isEmpty, integer.allSatisfy(\.isNumber) else { return text }
    return (negative ? "-" : "") + grouped(integer, separator: separator) + unsigned.dropFirst(integer.count)
  }
}
