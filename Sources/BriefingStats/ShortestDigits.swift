// MARK: - Shortest round-trip digits

/// The shortest decimal that reads back as a given double, and of those the closest (ties to
/// an even last digit): the digits Swift's `Double.description` prints, found with Giulietti's
/// Schubfach algorithm ("The Schubfach way to render doubles", 2020) in a few 64-bit
/// multiplications instead of `description`'s String.
///
/// Only for the magnitudes the export spells without an exponent, [1e-6, 1e15): there the
/// power of ten the algorithm scales by is 10^1 … 10^23, held exactly in 128 bits, so its table
/// is computed here rather than stored. Outside, `decimal` answers nil.
enum ShortestDigits {
  /// `magnitude` (positive, finite) as `significand` × 10^`exponent`, the significand without
  /// trailing zeros (at most 17 digits); nil outside [1e-6, 1e15).
  static func decimal(_ magnitude: Double) -> (significand: UInt64, exponent: Int)? {
    guard magnitude >= 1e-6, magnitude < 1e15 else { return nil }
    let bits = magnitude.bitPattern
    let fraction = bits & (1 << 52 - 1)
    let biasedExponent = Int(bits >> 52)
    let c = 1 << 52 | fraction  // normal: the range above has no subnormals
    let q = biasedExponent - 1075
    let isEven = c & 1 == 0
    let lowerIsCloser = fraction == 0 && biasedExponent > 1
    let cbl = 4 * c - 2 + (lowerIsCloser ? 1 : 0)
    let cb = 4 * c
    let cbr = 4 * c + 2
    let k = lowerIsCloser ? floorLog10ThreeQuartersPow2(q) : floorLog10Pow2(q)
    let h = q + floorLog2Pow10(-k) + 1
    let power = -k
    guard power >= 0, power < Self.powers.count else { return nil }
    let g = Self.powers[power]
    let vbl = roundToOdd(g, cbl << h)
    let vb = roundToOdd(g, cb << h)
    let vbr = roundToOdd(g, cbr << h)
    let lower = vbl + (isEven ? 0 : 1)
    let upper = vbr - (isEven ? 0 : 1)
    let s = vb / 4
    var result: (UInt64, Int)
    let sp = s / 10
    if s >= 10, (lower <= 40 * sp) != (40 * sp + 40 <= upper) {
      result = (sp + (40 * sp + 40 <= upper ? 1 : 0), k + 1)
    } else if (lower <= 4 * s) != (4 * s + 4 <= upper) {
      result = (s + (4 * s + 4 <= upper ? 1 : 0), k)
    } else {
      let mid = 4 * s + 2
      let roundsUp = vb > mid || (vb == mid && s & 1 != 0)
      result = (s + (roundsUp ? 1 : 0), k)
    }
    while result.0 % 10 == 0 {
      result.0 /= 10
      result.1 += 1
    }
    return (result.0, result.1)
  }

  // MARK: - Pieces

  /// ⌊e · log₁₀ 2⌋ for |e| ≤ 2620.
  private static func floorLog10Pow2(_ e: Int) -> Int { (e * 1_262_611) >> 22 }
  /// ⌊log₁₀(¾ · 2^e)⌋ for |e| ≤ 2620.
  private static func floorLog10ThreeQuartersPow2(_ e: Int) -> Int { (e * 1_262_611 - 524_031) >> 22 }
  /// ⌊e · log₂ 10⌋ for |e| ≤ 1233.
  private static func floorLog2Pow10(_ e: Int) -> Int { (e * 1_741_647) >> 19 }

  /// The top 64 bits of the 192-bit product g × cp, rounded to odd (the sticky bit set when
  /// the bits below are more than g's own error of one).
  @inline(__always)
  private static func roundToOdd(_ g: (high: UInt64, low: UInt64), _ cp: UInt64) -> UInt64 {
    let low = g.low.multipliedFullWidth(by: cp)
    let high = g.high.multipliedFullWidth(by: cp)
    let (middle, carry) = high.low.addingReportingOverflow(low.high)
    let top = high.high &+ (carry ? 1 : 0)
    return top | (middle > 1 ? 1 : 0)
  }

  /// g for 10^j, j = 0 … 23: ⌊10^j · 2^(127 − ⌊log₂ 10^j⌋)⌋ + 1 as (high, low) 64-bit words,
  /// 10^j shifted so that its top bit is bit 127 (exact: 10^23 < 2^77), plus one.
  private static let powers: [(high: UInt64, low: UInt64)] = {
    var table: [(high: UInt64, low: UInt64)] = []
    var power: (high: UInt64, low: UInt64) = (0, 1)
    for _ in 0...23 {
      let shift = power.high.leadingZeroBitCount + (power.high == 0 ? power.low.leadingZeroBitCount : 0)
      let shifted: (high: UInt64, low: UInt64) =
        shift >= 64
        ? (power.low << (shift - 64), 0)
        : (shift == 0 ? power : (power.high << shift | power.low >> (64 - shift), power.low << shift))
      let (low, carry) = shifted.low.addingReportingOverflow(1)
      table.append((shifted.high &+ (carry ? 1 : 0), low))
      let lowProduct = power.low.multipliedFullWidth(by: 10)
      power = (power.high &* 10 &+ lowProduct.high, lowProduct.low)
    }
    return table
  }()
}
