import BriefingCore

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
