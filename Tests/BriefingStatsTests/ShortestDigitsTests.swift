import Testing
import TestSupport
@testable import BriefingStats

/// `ShortestDigits` must give exactly the digits of Swift's `description` (through
/// `NumberText.format`, the export's spelling) for every double it answers for.
@Suite struct ShortestDigitsTests {
  /// The plain spelling of `ShortestDigits.decimal` (sign, digits, point), nil when it does
  /// not answer or the value is integral.
  static func spelled(_ value: Double) -> String? {
    guard let (significand, exponent) = ShortestDigits.decimal(abs(value)), exponent < 0 else { return nil }
    var digits = String(significand)
    let decimals = -exponent
    if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
    let point = digits.index(digits.endIndex, offsetBy: -decimals)
    return (value < 0 ? "-" : "") + digits[..<point] + "." + digits[point...]
  }

  /// Checks every non-integral value of `values` in [1e-6, 1e15); returns how many.
  static func expectSame(_ values: [Double]) -> Int {
    var checked = 0
    for value in values where abs(value) >= 1e-6 && abs(value) < 1e15 && value != value.rounded(.towardZero) {
      checked += 1
      let spelled = spelled(value)
      #expect(spelled == NumberText.format(value), "value bits \(value.bitPattern)")
      if spelled != NumberText.format(value) { return checked }  // one failure says enough
    }
    return checked
  }

  /// Random bit patterns over every binary exponent of the range, and their neighbours.
  @Test(arguments: [1, 20, 2026] as [UInt64])
  func randomBits(_ seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    var values: [Double] = []
    for _ in 0..<60_000 {
      let exponent = UInt64(rng.int(1_003...1_072))
      let value = Double(bitPattern: exponent << 52 | rng.next() & (1 << 52 - 1))
      values += [value, value.nextUp, value.nextDown, -value]
    }
    #expect(Self.expectSame(values) > 200_000)
  }

  /// Quotients like the table's growth rates and shares, short decimals like data values,
  /// and values just off them.
  @Test func quotientsAndShortDecimals() {
    var rng = SeededGenerator(seed: 7)
    var values: [Double] = []
    for _ in 0..<50_000 {
      let ratio = Double(rng.int(1...9_999_999)) / Double(rng.int(1...9_999_999))
      values += [ratio * 100 - 100, ratio * 100]
      let short = Double(rng.int(-2_000_000_000...2_000_000_000)) / [10.0, 100, 1_000, 10_000, 1e6, 1e8][rng.int(0...5)]
      values += [short, short.nextUp, short.nextDown]
    }
    #expect(Self.expectSame(values) > 200_000)
  }

  /// Powers of two (the rounding interval is uneven there), the ends of the range, halves and
  /// 64ths near 1e15 (few digits after the point, exact midpoints), and the boundary spellings
  /// where `description` switches to an exponent (below 1e-4).
  @Test func edges() {
    var values: [Double] = [
      1e-6, 1e-6.nextUp, 1e-4, 1e-4.nextDown, 1e-4.nextUp, 1e15.nextDown, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3,
      5e-324.nextUp, 123_456_789_012_345.6, 999_999_999_999_999.9, 0.000_012_345_678_901_234_5,
      10.000_000_000_000_009, 5.634_782_608_695_652, -0.000_001_5,
    ]
    for exponent in 1_003...1_072 {
      let power = Double(bitPattern: UInt64(exponent) << 52)
      values += [power, power.nextDown, power.nextUp]
    }
    for j in 0..<20_000 {
      values.append(Double(100_000_000_000_000 + j * 7_919) + Double(j % 64) / 64)
      values.append(Double(999_999_999_000_000 + j) + 0.5)
    }
    #expect(Self.expectSame(values) > 35_000)
  }

  @Test func outsideTheRangeIsNil() {
    for value in [0.0, 9.9e-7, 1e15, 1e300, 5e-324] {
      #expect(ShortestDigits.decimal(value) == nil)
    }
  }
}
