import BriefingCore

// MARK: - Rounding

/// Rounding as people read printed numbers: half away from zero on the *decimal* value
/// (the shortest round-trip spelling), so 1.005 to 2 decimals is 1.01, not 1.00.
enum DecimalRounding {
  /// `value` rounded to `decimals` places, returned as an integer count of 10^-decimals
  /// (a tie key: two values tie exactly when their keys are equal).
  static func key(_ value: Double, decimals: Int) -> Double {
    let scale = power10(decimals)
    let x = value * scale
    let r = x.rounded(.toNearestOrAwayFromZero)
    // Fast path: far from a .5 boundary, binary noise cannot change the result.
    let frac = abs(x - x.rounded(.towardZero))
    if abs(frac - 0.5) > 1e-6 { return r }
    return decimalKey(value, decimals: decimals) ?? r
  }

  /// `value` rounded half away from zero to `decimals` places, as the number a reader sees
  /// (`14.399999999999999` at 2 places is `14.4`).
  static func rounded(_ value: Double, decimals: Int) -> Double {
    key(value, decimals: decimals) / power10(decimals)
  }

  /// Rounds the decimal spelling of `value` to `decimals` places exactly.
  private static func decimalKey(_ value: Double, decimals: Int) -> Double? {
    guard value.isFinite else { return nil }
    let plain = NumberText.plainDigits(abs(value))
    let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
    let intPart = String(parts[0])
    let fracPart = parts.count > 1 ? String(parts[1]) : ""
    let places = max(decimals, 0)
    var kept = String(fracPart.prefix(places))
    kept += String(repeating: "0", count: places - kept.count)
    guard let base = Double(intPart + kept) else { return nil }
    let nextDigit = fracPart.dropFirst(max(decimals, 0)).first
    let up = nextDigit.map { $0 >= "5" } ?? false
    let magnitude = up ? base + 1 : base
    return value < 0 ? -magnitude : magnitude
  }

  static func power10(_ n: Int) -> Double {
    var p = 1.0
    for _ in 0..<max(n, 0) { p *= 10 }
    return p
  }
}

// MARK: - Competition ranking

/// The ranking of one set of candidates.
struct Ranking {
  /// Rank per candidate index (nil = unranked: value missing or masked).
  var ranks: [Int?]
  /// Number of ranked candidates.
  var rankedCount: Int
  /// Candidate indices in rank order (best first; ties in input order).
  var order: [Int]
}

/// Competition ranking ("1, 2, 2, 4"): values tie when equal after rounding to `decimals`.
/// `ascending` ranks the smallest value first (lower-is-better polarity).
func competitionRank(_ values: [Double?], decimals: Int, ascending: Bool) -> Ranking {
  var keyed: [(index: Int, key: Double, value: Double)] = []
  keyed.reserveCapacity(values.count)
  for (i, v) in values.enumerated() {
    guard let v, v.isFinite else { continue }
    keyed.append((i, DecimalRounding.key(v, decimals: decimals), v))
  }
  keyed.sort { a, b in
    if a.key != b.key { return ascending ? a.key < b.key : a.key > b.key }
    return a.index < b.index
  }
  var ranks = [Int?](repeating: nil, count: values.count)
  var previousKey: Double? = nil
  var currentRank = 0
  for (position, item) in keyed.enumerated() {
    if item.key != previousKey {
      currentRank = position + 1
      previousKey = item.key
    }
    ranks[item.index] = currentRank
  }
  return Ranking(ranks: ranks, rankedCount: keyed.count, order: keyed.map(\.index))
}

extension Polarity {
  /// True when ranks go ascending (smallest value first).
  var ranksAscending: Bool {
    switch self {
    case .lower: true
    case .higher, .neutral: false
    }
  }
}
