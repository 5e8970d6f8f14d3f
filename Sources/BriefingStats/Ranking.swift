import BriefingCore

// MARK: - Competition ranking

/// The ranking of one set of candidates: every place decided here, once (rank, bottom rank,
/// tie), so no caller recomputes one from another.
struct Ranking {
  /// Rank per candidate index (nil = unranked: value missing or masked).
  var ranks: [Int?]
  /// Competition rank counted from the bottom per candidate index (倒数第k): ties share the
  /// better bottom place, so with values 9, 8, 7, 7 the ranks 1, 2, 3, 3 have bottom ranks
  /// 4, 3, 1, 1 (并列倒数第一). Nil when unranked.
  var bottomRanks: [Int?]
  /// True when another ranked candidate shares the place (并列); nil when unranked.
  var isTied: [Bool?]
  /// Number of ranked candidates.
  var rankedCount: Int
  /// Candidate indices in rank order (best first; ties in input order).
  var order: [Int]
}

/// Competition ranking ("1, 2, 2, 4"): values tie when their `DecimalRounding.key` at
/// `decimals` is equal (they print the same). `ascending` ranks the smallest value first
/// (lower-is-better polarity). Non-finite values are unranked.
func competitionRank(_ values: [Double?], decimals: Int, ascending: Bool) -> Ranking {
  var keyed: [(index: Int, key: Double)] = []
  keyed.reserveCapacity(values.count)
  for (i, v) in values.enumerated() {
    guard let v, v.isFinite else { continue }
    keyed.append((i, DecimalRounding.key(v, decimals: decimals)))
  }
  keyed.sort { a, b in
    if a.key != b.key { return ascending ? a.key < b.key : a.key > b.key }
    return a.index < b.index
  }
  var ranks = [Int?](repeating: nil, count: values.count)
  var bottomRanks = [Int?](repeating: nil, count: values.count)
  var isTied = [Bool?](repeating: nil, count: values.count)
  // One run of equal keys at a time: positions start..<end share rank start + 1 and bottom
  // rank count − end + 1 (one plus the number ranked strictly worse).
  var start = 0
  while start < keyed.count {
    var end = start + 1
    while end < keyed.count, keyed[end].key == keyed[start].key { end += 1 }
    for item in keyed[start..<end] {
      ranks[item.index] = start + 1
      bottomRanks[item.index] = keyed.count - end + 1
      isTied[item.index] = end - start > 1
    }
    start = end
  }
  return Ranking(
    ranks: ranks, bottomRanks: bottomRanks, isTied: isTied, rankedCount: keyed.count,
    order: keyed.map(\.index))
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
