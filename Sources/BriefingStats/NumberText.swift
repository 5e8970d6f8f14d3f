// MARK: - Number text

/// Number spelling for exports: the shortest round-trip digits (Swift's `Double.description`),
/// integral values without `.0`, and plain notation (no exponent) for magnitudes in [1e-6, 1e15).
/// Outside that range `description` is kept (minus a trailing `.0`). `-0` prints as `0`.
public enum NumberText {
  public static func format(_ value: Double) -> String {
    guard value.isFinite else { return value.description }
    if value == 0 { return "0" }
    let magnitude = abs(value)
    guard magnitude >= 1e-6, magnitude < 1e15 else {
      let text = value.description
      return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
    if value == value.rounded(.towardZero) { return String(Int64(value)) }
    // Fast path: a non-integral `description` without an exponent is already the plain
    // spelling (sign included), exactly what `plainDigits` would build.
    var text = value.description
    if !text.withUTF8({ $0.contains(UInt8(ascii: "e")) }) { return text }
    let digits = plainDigits(magnitude)
    return value < 0 ? "-" + digits : digits
  }

  /// Plain decimal spelling of a non-negative finite value from its shortest round-trip digits.
  static func plainDigits(_ magnitude: Double) -> String {
    let text = magnitude.description
    guard let eIndex = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
      return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
    let mantissa = String(text[..<eIndex])
    guard let exponent = Int(text[text.index(after: eIndex)...]) else { return text }
    let mparts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    let intDigits = String(mparts[0])
    var fracDigits = mparts.count > 1 ? String(mparts[1]) : ""
    if fracDigits == "0" { fracDigits = "" }
    var digits = intDigits + fracDigits
    var point = intDigits.count + exponent
    if point <= 0 {
      digits = String(repeating: "0", count: -point + 1) + digits
      point = 1
    }
    if point >= digits.count {
      return digits + String(repeating: "0", count: point - digits.count)
    }
    let head = digits.prefix(point)
    var tail = String(digits.dropFirst(point))
    while tail.hasSuffix("0") { tail.removeLast() }
    return tail.isEmpty ? String(head) : head + "." + tail
  }
}
