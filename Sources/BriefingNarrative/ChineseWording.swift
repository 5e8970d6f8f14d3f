import BriefingCore

// MARK: - Chinese wording

/// Simplified Chinese clauses in the register of a statistics bureau's briefing.
///
/// Order of a clause: subject and value (「全区实现地区生产总值86.3亿元」), total rank, growth, growth
/// rank, gap to the group average, target growth, rank changes; then completion and time progress,
/// after 「；」 when the clause stands alone and 「，」 otherwise.
enum ChineseWording {
  // MARK: Clause

  static func clause(_ facts: IndicatorFacts, style: ClauseStyle, context: NarrativeContext)
    -> Draft
  {
    let name = Draft(name: facts.indicator.name)
    var subject = Draft()
    if style.role == .opening { subject.append(context.selfReference) }
    let shown = style.facts

    let head: Draft
    let headClosed: Bool
    switch facts.status {
    case .masked:
      head = subject + name + "数据未公开"
      headClosed = true
    case .actual, .estimate, .preliminary, .missing:
      if shown.contains(.value), let value = facts.value {
        head =
          valueHead(subject: subject, name: name, facts: facts, role: style.role)
          + amount(value, facts)
        headClosed = true
      } else {
        head = subject + name + estimateWord(facts.status)
        headClosed = false
      }
    }

    let main = mainParts(facts, shown: shown, valueShown: headClosed && facts.value != nil, context)
    let completion = completionParts(facts, shown: shown)
    guard !main.isEmpty || !completion.isEmpty || headClosed else {
      return subject + name + "暂无数据"
    }
    var result = head
    if !main.isEmpty {
      result.append(headClosed ? "，" : "")
      result.append(Draft.joined(main, separator: "，"))
    }
    if !completion.isEmpty {
      let glued = main.isEmpty && !headClosed
      result.append(glued ? "" : (style.standsAlone ? "；" : "，"))
      result.append(Draft.joined(completion, separator: "，"))
    }
    return result
  }

  /// 「上半年，」 + clauses joined by 「；」 + 「。」.
  static func sentence(_ clauses: [Draft], context: NarrativeContext) -> Draft {
    Draft(context.period.chineseLabel + "，") + Draft.joined(clauses, separator: "；") + "。"
  }

  // MARK: - Parts

  private static func mainParts(
    _ facts: IndicatorFacts, shown: Set<FactKind>, valueShown: Bool, _ context: NarrativeContext
  ) -> [Draft] {
    let frame = context.frameWord
    let lower = facts.indicator.polarity == .lower
    var parts: [Draft] = []
    if shown.contains(.valueRank), let rank = facts.valueRank {
      parts.append(Draft(ranked(valueShown ? "" : "总量", frame: frame, rank)))
    }
    if shown.contains(.growth), let growth = facts.growth {
      parts.append(
        Draft(
          trend(growth, lowerIsBetter: lower, measure: facts.changeMeasure, basis: facts.basis)))
    }
    if shown.contains(.growthRank), let rank = facts.growthRank {
      parts.append(Draft(ranked(lower ? "降幅" : "增速", frame: frame, rank)))
    }
    if shown.contains(.gap), let gap = facts.gap {
      parts.append(Draft(gapText(gap, frame: frame)))
    }
    if shown.contains(.targetGrowth), let target = facts.targetGrowth {
      parts.append(Draft(targetText(target)))
    }
    if shown.contains(.valueRankChange), let change = facts.valueRankChange, change != 0 {
      parts.append(Draft("总量位次较上期" + moved(change)))
    }
    if shown.contains(.growthRankChange), let change = facts.growthRankChange, change != 0 {
      parts.append(Draft((lower ? "降幅" : "增速") + "位次较上期" + moved(change)))
    }
    return parts
  }

  private static func completionParts(_ facts: IndicatorFacts, shown: Set<FactKind>) -> [Draft] {
    guard shown.contains(.completion), let completion = facts.completionPct else { return [] }
    var parts = [Draft("完成全年目标的" + NumberText.oneDecimal(completion) + "%")]
    if let progress = facts.progress {
      parts.append(Draft(progressText(progress)))
    }
    return parts
  }

  // MARK: - Words

  /// 「全区预计实现地区生产总值」 when opening a sentence with a flow; otherwise the name, then the
  /// estimate word: 「固定资产投资预计」, 「全区单位GDP能耗」.
  private static func valueHead(
    subject: Draft, name: Draft, facts: IndicatorFacts, role: ClauseStyle.Role
  ) -> Draft {
    let estimate = estimateWord(facts.status)
    switch (role, facts.indicator.kind) {
    case (.opening, .flow): return subject + estimate + "实现" + name
    case (.opening, .stock), (.opening, .ratio), (.opening, .count):
      return subject + name + estimate
    case (.continuing, _), (.item, _): return subject + name + estimate
    }
  }

  /// 预计 for estimates (S004 「全区预计实现」), 初步预计 for preliminary figures (S003).
  private static func estimateWord(_ status: ValueStatus) -> String {
    switch status {
    case .estimate: "预计"
    case .preliminary: "初步预计"
    case .actual, .masked, .missing: ""
    }
  }

  private static func amount(_ value: Double, _ facts: IndicatorFacts) -> String {
    NumberText.fixed(value, decimals: facts.indicator.decimals) + (facts.unit?.symbol ?? "")
  }

  /// 增长/下降, 上升 for a rise of a lower-is-better indicator, 与上年同期持平 at 0.0; a rate's
  /// change in points: 「同比提高0.5个百分点」 (上升 when lower is better), 「同比下降0.5个千分点」.
  /// The basis words follow the row's `priorBasis`: 同比 / 与上年同期持平 only for `.yearAgo`;
  /// against the dataset's previous period 「较2002年增长35.2%」 / 「与2002年持平」 (the period's
  /// `chineseTitle`), 「较上期」 when the row names no period.
  static func trend(
    _ trend: Trend, lowerIsBetter: Bool, measure: ChangeMeasure = .percent,
    basis: ChangeBasis = .yearAgo
  ) -> String {
    let unit: String
    let rise: String
    switch measure {
    case .percent: (unit, rise) = ("%", lowerIsBetter ? "上升" : "增长")
    case .percentagePoints: (unit, rise) = ("个百分点", lowerIsBetter ? "上升" : "提高")
    case .permillePoints: (unit, rise) = ("个千分点", lowerIsBetter ? "上升" : "提高")
    }
    let against: String
    let level: String
    switch basis {
    case .yearAgo: (against, level) = ("同比", "与上年同期持平")
    case .period(let period):
      (against, level) = ("较" + period.chineseTitle, "与" + period.chineseTitle + "持平")
    case .previousPeriod: (against, level) = ("较上期", "与上期持平")
    }
    switch trend {
    case .up(let size): return against + rise + NumberText.oneDecimal(size) + unit
    case .down(let size): return against + "下降" + NumberText.oneDecimal(size) + unit
    case .flat: return level
    }
  }

  /// 「增速居全市第2位」, 「增速并列全市第2位」, 「增速居全市倒数第二位」, 「增速居全市末位」; shared bottom
  /// places as the speeches write them (S002-1 「增速倒數第一」): 「增速并列全市倒数第一」,
  /// 「增速并列全市倒数第二」.
  static func ranked(_ basis: String, frame: String, _ rank: RankPosition) -> String {
    switch rank {
    case .nth(let n): basis + "居" + frame + "第\(n)位"
    case .tied(let n): basis + "并列" + frame + "第\(n)位"
    case .secondToLast(tied: false): basis + "居" + frame + "倒数第二位"
    case .secondToLast(tied: true): basis + "并列" + frame + "倒数第二"
    case .last(tied: false): basis + "居" + frame + "末位"
    case .last(tied: true): basis + "并列" + frame + "倒数第一"
    }
  }

  /// 「高于全市平均1.1个百分点」; for two declines of a lower-is-better indicator
  /// 「比全市平均多下降1.1个百分点」 / 「比全市平均少下降…」 / 「降幅与全市平均持平」.
  private static func gapText(_ gap: GrowthGap, frame: String) -> String {
    let average = frame + "平均"
    switch (gap.basis, gap.comparison) {
    case (.growth, .above(let pp)): return "高于" + average + points(pp)
    case (.growth, .below(let pp)): return "低于" + average + points(pp)
    case (.growth, .level): return "与" + average + "持平"
    case (.decline, .above(let pp)): return "比" + average + "多下降" + points(pp)
    case (.decline, .below(let pp)): return "比" + average + "少下降" + points(pp)
    case (.decline, .level): return "降幅与" + average + "持平"
    }
  }

  private static func targetText(_ target: Comparison) -> String {
    switch target {
    case .above(let pp): "超过年初目标增速" + points(pp)
    case .below(let pp): "未达到年初目标增速，相差" + points(pp)
    case .level: "与年初目标增速持平"
    }
  }

  private static func progressText(_ progress: Comparison) -> String {
    switch progress {
    case .above(let pp): "超序时进度" + points(pp)
    case .below(let pp): "低于序时进度" + points(pp)
    case .level: "与序时进度持平"
    }
  }

  private static func moved(_ change: Int) -> String {
    change > 0 ? "前移\(change)位" : "后移\(-change)位"
  }

  private static func points(_ pp: Double) -> String { NumberText.oneDecimal(pp) + "个百分点" }
}
