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
    case .missing:
      return subject + name + "暂无数据"
    case .masked:
      head = subject + name + "数据未公开"
      headClosed = true
    case .actual, .estimate, .preliminary:
      if shown.contains(.value), let value = facts.value {
        head = subject + verb(facts.status, role: style.role) + name + amount(value, facts.indicator)
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
      parts.append(Draft((valueShown ? "居" : "总量居") + frame + position(rank)))
    }
    if shown.contains(.growth), let growth = facts.growth {
      parts.append(Draft(trend(growth, lowerIsBetter: lower)))
    }
    if shown.contains(.growthRank), let rank = facts.growthRank {
      parts.append(Draft((lower ? "降幅居" : "增速居") + frame + position(rank)))
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

  private static func verb(_ status: ValueStatus, role: ClauseStyle.Role) -> String {
    switch role {
    case .opening, .continuing: estimateWord(status) + "实现"
    case .item: estimateWord(status)
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

  private static func amount(_ value: Double, _ indicator: Indicator) -> String {
    NumberText.fixed(value, decimals: indicator.decimals) + (indicator.unit?.symbol ?? "")
  }

  /// 增长/下降, 上升 for a rise of a lower-is-better indicator, 与上年同期持平 at 0.0.
  static func trend(_ trend: Trend, lowerIsBetter: Bool) -> String {
    switch trend {
    case .up(let pct): (lowerIsBetter ? "同比上升" : "同比增长") + NumberText.oneDecimal(pct) + "%"
    case .down(let pct): "同比下降" + NumberText.oneDecimal(pct) + "%"
    case .flat: "与上年同期持平"
    }
  }

  static func position(_ rank: RankPosition) -> String {
    switch rank {
    case .nth(let n): "第\(n)位"
    case .tied(let n): "并列第\(n)位"
    case .secondToLast: "倒数第二位"
    case .last: "末位"
    }
  }

  private static func gapText(_ gap: GrowthGap, frame: String) -> String {
    let lead: String
    switch gap.basis {
    case .growth: lead = ""
    case .decline: lead = "降幅"
    }
    return lead + compared(gap.comparison, with: frame + "平均")
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

  private static func compared(_ comparison: Comparison, with reference: String) -> String {
    switch comparison {
    case .above(let pp): "高于" + reference + points(pp)
    case .below(let pp): "低于" + reference + points(pp)
    case .level: "与" + reference + "持平"
    }
  }

  private static func moved(_ change: Int) -> String {
    change > 0 ? "前移\(change)位" : "后移\(-change)位"
  }

  private static func points(_ pp: Double) -> String { NumberText.oneDecimal(pp) + "个百分点" }
}
