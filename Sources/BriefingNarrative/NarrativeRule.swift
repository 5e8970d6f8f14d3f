import BriefingCore

// MARK: - Rules

/// The explicit rules that pick highlights (亮点) and shortfalls (短板). See RULES.md.
///
/// Every rule reads the indicator's facts after rounding to 1 decimal, so a line never
/// contradicts the numbers printed beside it. "Good direction" means: for lower-is-better
/// indicators (单位GDP能耗) a growth below the group's counts as above the average.
///
/// | rule                 | list | fires when                                          | w |
/// |----------------------|------|-----------------------------------------------------|---|
/// | `growthFirst`        | 亮点 | growth rank 1 in a group of 2+                      | 5 |
/// | `totalFirst`         | 亮点 | total rank 1 in a group of 2+                       | 4 |
/// | `rankUp`             | 亮点 | total or growth rank up ≥ 2 places since last period | 3 |
/// | `aboveAverage`       | 亮点 | growth ≥ group average + 2.0 pp (good direction)    | 2 |
/// | `aheadOfSchedule`    | 亮点 | completion ≥ time progress + 5.0 pp                 | 2 |
/// | `growthLast`         | 短板 | growth bottom rank 1 (倒数第一) in a group of 2+    | 5 |
/// | `growthSecondToLast` | 短板 | growth bottom rank 2 in a group of 4+               | 4 |
/// | `adverseTrend`       | 短板 | a decline (a rise, if lower is better)              | 3 |
/// | `rankDown`           | 短板 | total or growth rank down ≥ 2 places                | 3 |
/// | `belowAverage`       | 短板 | growth ≤ group average − 2.0 pp (good direction)    | 2 |
/// | `belowTargetGrowth`  | 短板 | growth short of the annual target growth            | 2 |
/// | `behindSchedule`     | 短板 | completion < time progress (rounded gap < 0.0)      | 2 |
///
/// No rule fires for a neutral indicator (`Polarity.isJudged` false). Bottom ranks are the row's
/// `growthBottomRank` as given (ties share the better bottom place). A rate (`changesInPoints`)
/// has no growth rank, gap or growth target, so only its level, completion and total rank count.
///
/// An indicator's score is the sum of the weights of its rules of one kind. Items are ordered by
/// score (high first), then main indicators first, then the caller's indicator order. The line
/// states exactly the facts its rules rest on.
public enum NarrativeRule: String, Hashable, Sendable, Codable, CaseIterable {
  case growthFirst, totalFirst, rankUp, aboveAverage, aheadOfSchedule
  case growthLast, growthSecondToLast, adverseTrend, rankDown, belowAverage, belowTargetGrowth
  case behindSchedule

  /// Which list a rule feeds.
  public enum Kind: String, Hashable, Sendable, Codable {
    case highlight, shortfall
  }

  // MARK: Accessors

  public var kind: Kind {
    switch self {
    case .growthFirst, .totalFirst, .rankUp, .aboveAverage, .aheadOfSchedule: .highlight
    case .growthLast, .growthSecondToLast, .adverseTrend, .rankDown, .belowAverage,
      .belowTargetGrowth, .behindSchedule:
      .shortfall
    }
  }

  public var weight: Int {
    switch self {
    case .growthFirst, .growthLast: 5
    case .totalFirst, .growthSecondToLast: 4
    case .rankUp, .adverseTrend, .rankDown: 3
    case .aboveAverage, .aheadOfSchedule, .belowAverage, .belowTargetGrowth, .behindSchedule: 2
    }
  }

  /// Thresholds, in percentage points or places.
  public static let gapThresholdPp = 2.0
  public static let aheadThresholdPp = 5.0
  public static let rankMoveThreshold = 2

  // MARK: Methods

  /// True when the rule fires for these facts. Never for a neutral indicator
  /// (`Polarity.isJudged` false: population, capital stock), which is neither praised nor blamed.
  func matches(_ facts: IndicatorFacts) -> Bool {
    guard facts.isJudged else { return false }
    switch self {
    case .growthFirst:
      return facts.growthRankNumber == 1 && (facts.growthRankCount ?? 0) > 1
    case .totalFirst:
      return facts.valueRankNumber == 1 && (facts.valueRankCount ?? 0) > 1
    case .rankUp:
      return Self.bestMove(facts) >= Self.rankMoveThreshold
    case .aboveAverage:
      return (facts.favourableGapPp ?? 0) >= Self.gapThresholdPp
    case .aheadOfSchedule:
      return (facts.progressGapPp ?? 0) >= Self.aheadThresholdPp
    case .growthLast:
      return facts.growthFromBottom == 1
    case .growthSecondToLast:
      return facts.growthFromBottom == 2
    case .adverseTrend:
      return facts.isAdverseTrend
    case .rankDown:
      return Self.worstMove(facts) <= -Self.rankMoveThreshold
    case .belowAverage:
      return (facts.favourableGapPp ?? 0) <= -Self.gapThresholdPp
    case .belowTargetGrowth:
      return facts.targetGrowth.map(Self.isBelow) ?? false
    case .behindSchedule:
      return facts.isBehindTimeProgress
    }
  }

  /// The facts a line justified by this rule states.
  var facts: Set<FactKind> {
    switch self {
    case .growthFirst, .growthLast, .growthSecondToLast: [.growth, .growthRank]
    case .totalFirst: [.value, .valueRank]
    case .rankUp, .rankDown: [.valueRankChange, .growthRankChange]
    case .aboveAverage, .belowAverage: [.growth, .gap]
    case .aheadOfSchedule, .behindSchedule: [.completion]
    case .adverseTrend: [.growth]
    case .belowTargetGrowth: [.growth, .targetGrowth]
    }
  }

  // MARK: - Private

  private static func bestMove(_ facts: IndicatorFacts) -> Int {
    max(facts.valueRankChange ?? 0, facts.growthRankChange ?? 0)
  }

  private static func worstMove(_ facts: IndicatorFacts) -> Int {
    min(facts.valueRankChange ?? 0, facts.growthRankChange ?? 0)
  }

  private static func isBelow(_ comparison: Comparison) -> Bool {
    switch comparison {
    case .below: true
    case .above, .level: false
    }
  }
}

// MARK: - Items

/// One highlight or shortfall line.
public struct NarrativeItem: Hashable, Sendable, Codable {
  /// The line, without a final full stop, e.g. 「固定资产投资同比下降5.2%，增速居全市末位」.
  public var text: String
  public var indicator: IndicatorID
  /// 牵头单位 of the indicator, for shortfalls; nil for highlights.
  public var leadUnit: String?
  public var kind: NarrativeRule.Kind
  /// The rules that fired, in `NarrativeRule.allCases` order.
  public var rules: [NarrativeRule]
  /// Sum of the rules' weights.
  public var score: Int

  public init(
    text: String, indicator: IndicatorID, leadUnit: String?, kind: NarrativeRule.Kind,
    rules: [NarrativeRule], score: Int
  ) {
    self.text = text
    self.indicator = indicator
    self.leadUnit = leadUnit
    self.kind = kind
    self.rules = rules
    self.score = score
  }
}

// MARK: - Selection

/// A scored candidate before wording.
struct ItemCandidate {
  var facts: IndicatorFacts
  var rules: [NarrativeRule]
  var position: Int

  var score: Int { rules.reduce(0) { $0 + $1.weight } }

  /// Candidates of one kind, ordered by score, then main indicators, then position; cut to `limit`.
  static func select(_ all: [IndicatorFacts], kind: NarrativeRule.Kind, limit: Int)
    -> [ItemCandidate]
  {
    let rules = NarrativeRule.allCases.filter { $0.kind == kind }
    let candidates = all.enumerated().compactMap { position, facts -> ItemCandidate? in
      let fired = rules.filter { $0.matches(facts) }
      return fired.isEmpty ? nil : ItemCandidate(facts: facts, rules: fired, position: position)
    }
    let ordered = candidates.sorted { lhs, rhs in
      if lhs.score != rhs.score { return lhs.score > rhs.score }
      if lhs.facts.indicator.isMain != rhs.facts.indicator.isMain {
        return lhs.facts.indicator.isMain
      }
      return lhs.position < rhs.position
    }
    return Array(ordered.prefix(max(0, limit)))
  }

  /// The facts to state: the union of the rules' facts; rank moves below the threshold (or in the
  /// other direction) are dropped so the line names only the move that fired.
  var shownFacts: (facts: IndicatorFacts, kinds: Set<FactKind>) {
    var copy = facts
    let threshold = NarrativeRule.rankMoveThreshold
    let keep: (Int?) -> Int? = { change in
      guard let change else { return nil }
      switch rules.first?.kind {
      case .highlight: return change >= threshold ? change : nil
      case .shortfall: return change <= -threshold ? change : nil
      case nil: return nil
      }
    }
    copy.valueRankChange = keep(facts.valueRankChange)
    copy.growthRankChange = keep(facts.growthRankChange)
    let kinds = rules.reduce(into: Set<FactKind>()) { $0.formUnion($1.facts) }
    return (copy, kinds)
  }
}
