import BriefingCore
import BriefingStats

// MARK: - Narrator

/// Writes the narrative of a briefing sheet from comparison rows: the headline paragraph, one
/// sentence per indicator, and the highlight and shortfall lines.
///
/// Rows may be a whole comparison table: the narrator keeps the rows of `context.region` in
/// `context.group` for `context.period` and words what each row decided (value, rank, bottom
/// rank, tie flag, gaps, basis period, whether a change is in points). It never compares members,
/// ranks, averages or rounds on its own; other rows are ignored.
///
/// Text is generated in Simplified Chinese or English; Traditional is the Simplified text converted
/// by OpenCC, with names from data put back unchanged. The narrator holds an OpenCC handle (or a
/// conversion function given to it) for Traditional output and is therefore not `Sendable`: make
/// one per job.
public struct Narrator {
  // MARK: Properties

  public let context: NarrativeContext
  /// Simplified → Traditional for the finished text; nil unless the language is Traditional.
  private let toTraditional: ((String) -> String)?

  // MARK: Initialization

  /// Opens an OpenCC converter (`s2tw.json`) when the language is Traditional.
  public init(context: NarrativeContext) throws(ChineseConverterError) {
    self.context = context
    switch context.language {
    case .traditional: toTraditional = try ChineseConverter().convert
    case .simplified, .english: toTraditional = nil
    }
  }

  /// Shares an open converter (used only when the language is Traditional).
  public init(context: NarrativeContext, converter: ChineseConverter) {
    self.context = context
    toTraditional = converter.convert
  }

  /// Converts to Traditional with `traditional` (used only when the language is Traditional),
  /// e.g. a process-wide converter that is opened once: opening OpenCC costs about 35 ms, and a
  /// sheet asks for its narrative several times.
  public init(context: NarrativeContext, traditional: @escaping (String) -> String) {
    self.context = context
    toTraditional = traditional
  }

  // MARK: Methods

  /// The headline paragraph over `indicators`, in their order; indicators without a row of the
  /// region are left out. One indicator: 「上半年，全区实现地区生产总值86.3亿元，同比增长7.2%，…；完成
  /// 全年目标的51.4%，超序时进度1.4个百分点。」. Several: one clause each, joined by 「；」, with
  /// completion after 「，」 inside each clause. Empty when no indicator has a row.
  public func headline(rows: [ComparisonRow], indicators: [Indicator]) -> String {
    let facts = subjectFacts(rows: rows, indicators: indicators)
    guard !facts.isEmpty else { return "" }
    let clauses = facts.enumerated().map { offset, item in
      clause(
        item,
        style: .sentence(role: offset == 0 ? .opening : .continuing, standsAlone: facts.count == 1))
    }
    return finish(sentence(clauses))
  }

  /// One full sentence about one indicator, from its row alone.
  public func sentence(for row: ComparisonRow, indicator: Indicator) -> String {
    let facts = IndicatorFacts(row: row, indicator: indicator)
    return finish(sentence([clause(facts, style: .sentence(role: .opening, standsAlone: true))]))
  }

  /// Up to `limit` highlight lines (亮点), by the rules of `NarrativeRule`.
  public func highlights(rows: [ComparisonRow], indicators: [Indicator], limit: Int = 3)
    -> [NarrativeItem]
  {
    items(.highlight, rows: rows, indicators: indicators, limit: limit)
  }

  /// Up to `limit` shortfall lines (短板) with the indicator's lead unit, by the rules of
  /// `NarrativeRule`.
  public func shortfalls(rows: [ComparisonRow], indicators: [Indicator], limit: Int = 3)
    -> [NarrativeItem]
  {
    items(.shortfall, rows: rows, indicators: indicators, limit: limit)
  }

  /// The time-progress verdict over `indicators` (双过半 at 上半年), or nil when no indicator has a
  /// completion: 「6项指标均达到序时进度，实现“双过半”。」 /
  /// 「6项指标中，4项达到序时进度，固定资产投资、一般公共预算收入未达到序时进度。」.
  public func progressSummary(rows: [ComparisonRow], indicators: [Indicator]) -> String? {
    guard
      let summary = ProgressSummary(
        subjectFacts(rows: rows, indicators: indicators), period: context.period)
    else { return nil }
    switch context.language {
    case .simplified, .traditional: return finish(summary.chinese)
    case .english: return finish(summary.english)
    }
  }

  // MARK: - Static conveniences

  /// `Narrator(context:).headline(rows:indicators:)`.
  public static func headline(
    rows: [ComparisonRow], indicators: [Indicator], context: NarrativeContext
  ) throws(ChineseConverterError) -> String {
    try Narrator(context: context).headline(rows: rows, indicators: indicators)
  }

  /// `Narrator(context:).sentence(for:indicator:)`.
  public static func sentence(
    for row: ComparisonRow, indicator: Indicator, context: NarrativeContext
  ) throws(ChineseConverterError) -> String {
    try Narrator(context: context).sentence(for: row, indicator: indicator)
  }

  // MARK: - Private

  private func subjectFacts(rows: [ComparisonRow], indicators: [Indicator]) -> [IndicatorFacts] {
    let subjects = rows.filter { row in
      row.period == context.period && row.group == context.group.id
        && row.region == context.region.id && !row.isGroupRow
    }
    return indicators.compactMap { indicator in
      subjects.first { $0.indicator == indicator.id }.map {
        IndicatorFacts(row: $0, indicator: indicator)
      }
    }
  }

  private func items(
    _ kind: NarrativeRule.Kind, rows: [ComparisonRow], indicators: [Indicator], limit: Int
  ) -> [NarrativeItem] {
    let facts = subjectFacts(rows: rows, indicators: indicators)
    return ItemCandidate.select(facts, kind: kind, limit: limit).map { candidate in
      let shown = candidate.shownFacts
      let text = finish(clause(shown.facts, style: .item(shown.kinds)))
      let leadUnit: String?
      switch kind {
      case .highlight: leadUnit = nil
      case .shortfall: leadUnit = candidate.facts.indicator.leadUnit
      }
      return NarrativeItem(
        text: text, indicator: candidate.facts.indicator.id, leadUnit: leadUnit, kind: kind,
        rules: candidate.rules, score: candidate.score)
    }
  }

  private func clause(_ facts: IndicatorFacts, style: ClauseStyle) -> Draft {
    switch context.language {
    case .simplified, .traditional: ChineseWording.clause(facts, style: style, context: context)
    case .english: EnglishWording.clause(facts, style: style, context: context)
    }
  }

  private func sentence(_ clauses: [Draft]) -> Draft {
    switch context.language {
    case .simplified, .traditional: ChineseWording.sentence(clauses, context: context)
    case .english: EnglishWording.sentence(clauses, context: context)
    }
  }

  private func finish(_ draft: Draft) -> String {
    switch (context.language, toTraditional) {
    case (.traditional, let convert?):
      draft.finished(converting: convert, convertingNames: context.convertsDataNames)
    case (.traditional, nil), (.simplified, _), (.english, _): draft.finished()
    }
  }
}
