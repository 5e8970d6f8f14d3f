import BriefingCore

// MARK: - Bottom places

extension ComparisonRow {
  /// The one rule of a bottom place (倒数第k / "k-th last"), used by the table, every sheet
  /// component and the narrative: the indicator is judged (`Polarity.isJudged`; a neutral one is
  /// never last) and the place is nearer the bottom than the top (`bottom < rank`). So the first
  /// of two is never "2nd last", a middle place is neither, a group that ties throughout has no
  /// last, and regions tied first are never also tied last. Returns the bottom rank, or nil.
  public static func bottomPlace(rank: Int?, bottom: Int?, judged: Bool) -> Int? {
    guard judged, let rank, let bottom, bottom < rank else { return nil }
    return bottom
  }
}
