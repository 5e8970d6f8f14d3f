import BriefingCore

// MARK: - Progress summary

/// The time-progress verdict over several indicators (双过半 / 均衡进度).
///
/// Counts the indicators whose completion is known: on track when completion ≥ time progress
/// (rounded gap ≥ 0.0). At 上半年 all on track reads 「实现“双过半”」.
struct ProgressSummary: Hashable, Sendable {
  // MARK: Properties

  var total: Int
  /// Indicators behind the line, in the caller's order.
  var behind: [Indicator]
  var isFirstHalf: Bool

  // MARK: Initialization

  /// nil when no indicator has a completion and a time progress.
  init?(_ facts: [IndicatorFacts], period: Period) {
    let known = facts.filter { $0.progressGapPp != nil }
    guard !known.isEmpty else { return nil }
    total = known.count
    behind = known.filter(\.isBehindTimeProgress).map(\.indicator)
    isFirstHalf = period.kind == .cumulative(through: 6)
  }

  // MARK: Wording

  /// 「6项指标均达到序时进度，实现“双过半”。」, 「6项指标中，4项达到序时进度，A、B未达到序时进度。」
  var chinese: Draft {
    let onTrack = total - behind.count
    if behind.isEmpty {
      return Draft("\(total)项指标均达到序时进度" + (isFirstHalf ? "，实现“双过半”。" : "。"))
    }
    if onTrack == 0 { return Draft("\(total)项指标均未达到序时进度。") }
    let names = Draft.joined(behind.map { Draft(name: $0.name) }, separator: "、")
    return Draft("\(total)项指标中，\(onTrack)项达到序时进度，") + names + "未达到序时进度。"
  }

  /// "All 6 indicators are on or ahead of the time-progress line.",
  /// "4 of 6 indicators are on or ahead of the time-progress line; A and B are behind."
  var english: Draft {
    let onTrack = total - behind.count
    if total == 1 {
      let verdict = behind.isEmpty ? "is on or ahead of" : "is behind"
      return Draft("The one indicator with a target \(verdict) the time-progress line.")
    }
    if behind.isEmpty {
      return Draft("All \(total) indicators are on or ahead of the time-progress line.")
    }
    if onTrack == 0 {
      return Draft("None of the \(total) indicators is on the time-progress line.")
    }
    let names = behind.map { Draft(name: $0.name) }
    let listed: Draft
    if names.count == 1 {
      listed = names[0] + " is behind."
    } else {
      listed =
        Draft.joined(Array(names.dropLast()), separator: ", ") + " and "
        + (names.last ?? Draft()) + " are behind."
    }
    return Draft("\(onTrack) of \(total) indicators are on or ahead of the time-progress line; ")
      + listed
  }
}
