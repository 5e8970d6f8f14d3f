import BriefingCore
import BriefingNarrative
import BriefingSpec

// MARK: - Generated text on the sheet

/// The headline paragraph and the 亮点/短板 lists, written by `Narrator` from the comparison
/// table and laid out as wrapped paragraphs. Nothing here invents numbers: every figure comes
/// from the table through the narrator.
struct NarrativeComponents {
  let context: SheetContext
  let theme: ResolvedTheme
  let measurer: any TextMeasuring

  // MARK: - Narrator

  private var narrator: Narrator? {
    guard let focus = context.focus else { return nil }
    let language: NarrativeLanguage =
      switch context.language {
      case .zhCN: .simplified
      case .zhTW: .traditional
      case .en: .english
      }
    // The frame word (全市/全省/全国…) and the self-reference come from the regions' metadata:
    // the group's label and level, the focus region's name and level. A group without a region
    // of its own in the data (an implied parent) is known by its id and label.
    let narrative = NarrativeContext(
      region: context.region(focus) ?? Region(id: focus), group: context.groupRegion,
      groupLabel: context.group.label, period: context.period, language: language)
    // Traditional text through the scene's one converter (`TraditionalWording`), not an OpenCC
    // handle opened per access; none when OpenCC cannot open `s2tw.json`.
    guard language == .traditional else { return try? Narrator(context: narrative) }
    guard TraditionalWording.isAvailable else { return nil }
    return Narrator(context: narrative, traditional: TraditionalWording.converted)
  }

  // MARK: - Headline

  /// The headline paragraph and the 双过半 summary for the selected indicators.
  func headlineText(_ selection: IndicatorSelection) -> String? {
    guard let narrator else { return nil }
    let indicators = context.indicators(selection)
    let rows = context.table.rows(period: context.period, group: context.group.id)
    let paragraph = narrator.headline(rows: rows, indicators: indicators)
    let summary = narrator.progressSummary(rows: rows, indicators: indicators)
    // Chinese sentences end in 。 and run on; English ones need a space between them.
    return [paragraph, summary].compactMap { $0 }.joined(separator: context.language == .en ? " " : "")
  }

  func headline(_ spec: HeadlineSpec, in rect: Rect) -> ComposedFrame {
    guard let text = headlineText(spec.indicators) else {
      return ComposedFrame(findings: [Finding(.warning, .headlineNeedsFocus)], bounds: rect)
    }
    return ComposedFrame(
      items: [.text(paragraph(text, style: theme.text(.paragraphText), in: rect))], bounds: rect,
      content: .paragraphs([text]))
  }

  func headlineHeight(_ spec: HeadlineSpec, width: Double) -> Double? {
    guard let text = headlineText(spec.indicators) else { return 0 }
    return measurer.measure(text, style: theme.text(.paragraphText), wrapWidth: width).height
  }

  // MARK: - Highlights and shortfalls

  /// Two columns: 亮点 on the left, 短板 (with lead units) on the right.
  func lists(_ spec: NarrativeSpec, in rect: Rect) -> ComposedFrame {
    guard let columns = listTexts(spec) else {
      return ComposedFrame(findings: [Finding(.warning, .headlineNeedsFocus)], bounds: rect)
    }
    let gap = theme.length(.sectionSpacing)
    let width = (rect.width - gap) / 2
    var items: [FrameItem] = []
    for (index, column) in columns.enumerated() {
      var y = rect.minY
      let x = rect.minX + Double(index) * (width + gap)
      let heading = paragraph(column.title, style: theme.text(.chartTitle), in: Rect(x: x, y: y, width: width, height: 0))
      items.append(.text(heading))
      y += heading.size.height + 2
      for line in column.lines {
        let run = paragraph(line, style: theme.text(.paragraphText), in: Rect(x: x, y: y, width: width, height: 0))
        items.append(.text(run))
        y += run.size.height + theme.length(.lineSpacing)
      }
    }
    return ComposedFrame(
      items: items, bounds: rect,
      content: .lists(columns.map { TextList(title: $0.title, items: $0.lines) }))
  }

  func listsHeight(_ spec: NarrativeSpec, width: Double) -> Double? {
    guard let columns = listTexts(spec) else { return 0 }
    let columnWidth = (width - theme.length(.sectionSpacing)) / 2
    return columns.map { column in
      let title = measurer.measure(column.title, style: theme.text(.chartTitle), wrapWidth: columnWidth).height + 2
      return column.lines.reduce(title) { sum, line in
        sum + measurer.measure(line, style: theme.text(.paragraphText), wrapWidth: columnWidth).height
          + theme.length(.lineSpacing)
      }
    }.max()
  }

  private func listTexts(_ spec: NarrativeSpec) -> [(title: String, lines: [String])]? {
    guard let narrator else { return nil }
    let indicators = context.indicators(spec.indicators)
    let rows = context.table.rows(period: context.period, group: context.group.id)
    let limit = spec.lines
    let highlights = narrator.highlights(rows: rows, indicators: indicators, limit: limit)
    let shortfalls = narrator.shortfalls(rows: rows, indicators: indicators, limit: limit)
    let english = context.language == .en
    // The list's own words in the sheet's script; the lead unit is data, printed as written.
    let words = context.format.wording
    let lead = english ? "lead: " : words("牵头单位：")
    func numbered(_ items: [NarrativeItem], withLead: Bool) -> [String] {
      if items.isEmpty { return [english ? "None under the stated rules." : words("按既定规则无此项。")] }
      return items.enumerated().map { index, item in
        let owner = withLead ? item.leadUnit.map { english ? " (\(lead)\($0))" : "（\(lead)\($0)）" } ?? "" : ""
        return "\(index + 1). \(item.text)\(owner)"
      }
    }
    return [
      (english ? "Highlights" : words("亮点"), numbered(highlights, withLead: false)),
      (english ? "Shortfalls" : words("短板"), numbered(shortfalls, withLead: true)),
    ]
  }

  // MARK: - Free text

  func text(_ spec: TextSpec, in rect: Rect) -> ComposedFrame {
    ComposedFrame(
      items: [.text(paragraph(spec.text, style: theme.text(.paragraphText), in: rect))],
      bounds: rect, content: .paragraphs([spec.text]))
  }

  func textHeight(_ spec: TextSpec, width: Double) -> Double? {
    measurer.measure(spec.text, style: theme.text(.paragraphText), wrapWidth: width).height
  }

  // MARK: - Helpers

  private func paragraph(_ text: String, style: TextStyle, in rect: Rect) -> TextRun {
    let metrics = measurer.measure(text, style: style, wrapWidth: rect.width)
    return TextRun(
      text: text, origin: rect.origin, style: style, wrapWidth: rect.width,
      size: Size(width: min(metrics.width, rect.width), height: metrics.height))
  }
}

extension Finding.Message {
  static let headlineNeedsFocus = Self(
    code: "narrative-needs-focus", text: "generated text needs a focus region (--focus)")
}
