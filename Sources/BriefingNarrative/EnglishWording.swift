import BriefingCore

// MARK: - English wording

/// English clauses mirroring the Chinese ones:
/// "Ohio's gross state product reached 412.3 billion USD, up 2.1% year on year, ranking 3rd of the
/// 8 Midwest states and 0.4 points above the group average; 51.4% of the annual target was met,
/// 1.4 points ahead of the time-progress line".
enum EnglishWording {
  // MARK: Clause

  static func clause(_ facts: IndicatorFacts, style: ClauseStyle, context: NarrativeContext)
    -> Draft
  {
    let subject: Draft
    switch style.role {
    case .opening:
      subject = Draft(name: context.regionName) + "'s " + Draft(name: midSentence(facts.indicator.name))
    case .continuing: subject = Draft(name: midSentence(facts.indicator.name))
    case .item: subject = Draft(name: facts.indicator.name)
    }
    let isItem = style.role == .item
    let shown = style.facts

    let head: Draft
    let headClosed: Bool
    switch facts.status {
    case .masked:
      head = subject + (isItem ? ": not published" : " was not published")
      headClosed = true
    case .actual, .estimate, .preliminary, .missing:
      if shown.contains(.value), let value = facts.value {
        head =
          subject + verb(facts.indicator.kind, isItem: isItem) + qualifier(facts.status)
          + amount(value, facts) + valueRankNote(facts, shown: shown, context)
        headClosed = true
      } else {
        head = subject
        headClosed = false
      }
    }

    let main = mainParts(facts, shown: shown, valueShown: headClosed && facts.value != nil, context)
    let completion = completionText(facts, shown: shown)
    guard !main.isEmpty || completion != nil || headClosed else {
      return noData(subject, isItem: isItem)
    }
    var result = head
    if let first = main.first {
      result.append(headClosed ? ", " : glue(isItem: isItem, growthFirst: first.isGrowth))
      result.append(Draft.joined(main.map(\.text), separator: ", "))
    }
    if let completion {
      switch (main.isEmpty && !headClosed, style.standsAlone) {
      case (true, _):
        result.append(isItem ? ": " + completion.bare : " met " + completion.object)
      case (false, true):
        result.append("; " + completion.clause)
      case (false, false):
        result.append(", with " + completion.bare)
      }
    }
    return result
  }

  /// "In H1 2024, " + clauses joined by "; " + ".".
  static func sentence(_ clauses: [Draft], context: NarrativeContext) -> Draft {
    Draft("In " + context.period.englishTitle + ", ") + Draft.joined(clauses, separator: "; ")
      + "."
  }

  /// An indicator name as it reads inside a sentence: "Gross state product" → "gross state
  /// product", while acronyms and names that start with one stay ("GDP", "CPI inflation").
  static func midSentence(_ name: String) -> String {
    let firstWord = name.prefix { !$0.isWhitespace }
    guard let first = firstWord.first, first.isUppercase,
      firstWord.dropFirst().allSatisfy({ $0.isLowercase || !$0.isLetter }), firstWord.count > 1
    else { return name }
    return first.lowercased() + name.dropFirst()
  }

  /// 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 101st, 111th.
  static func ordinal(_ n: Int) -> String {
    let lastTwo = abs(n) % 100
    let suffix: String
    switch (lastTwo >= 11 && lastTwo <= 13, abs(n) % 10) {
    case (false, 1): suffix = "st"
    case (false, 2): suffix = "nd"
    case (false, 3): suffix = "rd"
    case (true, _), (false, _): suffix = "th"
    }
    return "\(n)" + suffix
  }

  // MARK: - Parts

  private struct Part {
    var text: Draft
    var isGrowth = false
  }

  private static func mainParts(
    _ facts: IndicatorFacts, shown: Set<FactKind>, valueShown: Bool, _ context: NarrativeContext
  ) -> [Part] {
    let lower = facts.indicator.polarity == .lower
    var parts: [Part] = []
    if shown.contains(.valueRank), !valueShown, let rank = facts.valueRank {
      parts.append(Part(text: "ranking " + position(rank) + " of " + group(context) + " in total"))
    }
    if shown.contains(.growth), let growth = facts.growth {
      parts.append(
        Part(
          text: Draft(trend(growth, measure: facts.changeMeasure, basis: facts.basis)),
          isGrowth: true))
    }
    var rankAndGap: [Draft] = []
    if shown.contains(.growthRank), let rank = facts.growthRank {
      let basis = lower ? " by rate of decline" : ""
      rankAndGap.append("ranking " + position(rank) + " of " + group(context) + basis)
    }
    if shown.contains(.gap), let gap = facts.gap {
      rankAndGap.append(Draft(gapText(gap)))
    }
    if !rankAndGap.isEmpty {
      parts.append(Part(text: Draft.joined(rankAndGap, separator: " and ")))
    }
    if shown.contains(.targetGrowth), let target = facts.targetGrowth {
      parts.append(Part(text: Draft(targetText(target))))
    }
    if shown.contains(.valueRankChange), let change = facts.valueRankChange, change != 0 {
      parts.append(Part(text: Draft(moved(change) + " in the total ranking since last period")))
    }
    if shown.contains(.growthRankChange), let change = facts.growthRankChange, change != 0 {
      parts.append(Part(text: Draft(moved(change) + " in the growth ranking since last period")))
    }
    return parts
  }

  /// The completion part in its three grammatical shapes.
  private struct CompletionText {
    /// "51.4% of the annual target was met, 1.4 points ahead of the time-progress line"
    var clause: String
    /// "51.4% of the annual target met, 1.4 points ahead …"
    var bare: String
    /// "51.4% of the annual target, 1.4 points ahead …" (after "met")
    var object: String
  }

  private static func completionText(_ facts: IndicatorFacts, shown: Set<FactKind>)
    -> CompletionText?
  {
    guard shown.contains(.completion), let completion = facts.completionPct else { return nil }
    let share = NumberText.oneDecimal(completion) + "% of the annual target"
    let tail = facts.progress.map { ", " + progressText($0) } ?? ""
    return CompletionText(
      clause: share + " was met" + tail, bare: share + " met" + tail, object: share + tail)
  }

  // MARK: - Words

  private static func noData(_ subject: Draft, isItem: Bool) -> Draft {
    isItem ? subject + ": no data available" : "no data is available for " + subject
  }

  private static func glue(isItem: Bool, growthFirst: Bool) -> String {
    isItem ? ": " : (growthFirst ? " was " : ", ")
  }

  /// "reached" for flows, "stood at" for stocks, ratios and counts, ": " in item lines.
  private static func verb(_ kind: IndicatorKind, isItem: Bool) -> String {
    switch (isItem, kind) {
    case (true, _): ": "
    case (false, .flow): " reached "
    case (false, .stock), (false, .ratio), (false, .count): " stood at "
    }
  }

  private static func qualifier(_ status: ValueStatus) -> String {
    switch status {
    case .estimate: "an estimated "
    case .preliminary: "a preliminary "
    case .actual, .masked, .missing: ""
    }
  }

  private static func amount(_ value: Double, _ facts: IndicatorFacts) -> String {
    let number = NumberText.grouped(NumberText.fixed(value, decimals: facts.indicator.decimals))
    guard let unit = facts.unit else { return number }
    return unit.isRatio ? number + unit.symbol : number + " " + unit.symbol
  }

  private static func valueRankNote(
    _ facts: IndicatorFacts, shown: Set<FactKind>, _ context: NarrativeContext
  ) -> Draft {
    guard shown.contains(.valueRank), let rank = facts.valueRank else { return Draft() }
    return " (" + position(rank) + " of " + group(context) + ")"
  }

  private static func group(_ context: NarrativeContext) -> Draft {
    Draft(context.groupLabel)
  }

  /// "up 2.1% year on year"; for a rate "up 0.5 points year on year". Year on year only for
  /// the `.yearAgo` basis: against the dataset's previous period "up 35.2% vs 2002",
  /// "unchanged vs 2002" (the period's `englishTitle`).
  static func trend(_ trend: Trend, measure: ChangeMeasure = .percent, basis: ChangeBasis = .yearAgo)
    -> String
  {
    let unit = measure == .percent ? "%" : " points"
    let against: String
    switch basis {
    case .yearAgo: against = " year on year"
    case .period(let period): against = " vs " + period.englishTitle
    case .previousPeriod: against = " vs the previous period"
    }
    switch trend {
    case .up(let size): return "up " + NumberText.oneDecimal(size) + unit + against
    case .down(let size): return "down " + NumberText.oneDecimal(size) + unit + against
    case .flat: return "unchanged" + against
    }
  }

  /// "3rd", "tied 2nd", "second to last", "tied second to last", "last", "tied last".
  static func position(_ rank: RankPosition) -> String {
    switch rank {
    case .nth(let n): ordinal(n)
    case .tied(let n): "tied " + ordinal(n)
    case .secondToLast(tied: false): "second to last"
    case .secondToLast(tied: true): "tied second to last"
    case .last(tied: false): "last"
    case .last(tied: true): "tied last"
    }
  }

  /// The average is "the group average": the group itself is named by `groupLabel` in ranks.
  private static func gapText(_ gap: GrowthGap) -> String {
    let average = "the group average"
    switch (gap.basis, gap.comparison) {
    case (.growth, .above(let pp)): return points(pp) + " above " + average
    case (.growth, .below(let pp)): return points(pp) + " below " + average
    case (.growth, .level): return "in line with " + average
    case (.decline, .above(let pp)): return "a decline " + points(pp) + " steeper than " + average
    case (.decline, .below(let pp)): return "a decline " + points(pp) + " milder than " + average
    case (.decline, .level): return "a decline in line with " + average
    }
  }

  private static func targetText(_ target: Comparison) -> String {
    switch target {
    case .above(let pp): points(pp) + " better than the annual growth target"
    case .below(let pp): points(pp) + " short of the annual growth target"
    case .level: "on the annual growth target"
    }
  }

  private static func progressText(_ progress: Comparison) -> String {
    switch progress {
    case .above(let pp): points(pp) + " ahead of the time-progress line"
    case .below(let pp): points(pp) + " behind the time-progress line"
    case .level: "in line with the time-progress line"
    }
  }

  private static func moved(_ change: Int) -> String {
    let places = abs(change) == 1 ? "1 place" : "\(abs(change)) places"
    return (change > 0 ? "up " : "down ") + places
  }

  private static func points(_ pp: Double) -> String {
    NumberText.oneDecimal(pp) + " points"
  }
}
