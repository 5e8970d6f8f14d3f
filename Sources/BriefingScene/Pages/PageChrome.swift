import BriefingCore

// MARK: - Page chrome

/// Headers, section titles and footers shared by page composers. Stateless; all sizes come from
/// the theme.
struct PageChrome<Measurer: TextMeasuring> {
  let theme: ResolvedTheme
  let measurer: Measurer

  static var component: String { "page" }

  /// Title (centred, wraps), sub-line (centred, muted) and a fine rule under them.
  func header(title: String, subtitle: String, in rect: Rect) -> ComposedFrame {
    var findings: [Finding] = []
    let gap = theme.length(.lineSpacing)
    let titleRun = measurer.block(
      title, style: theme.text(.pageTitle), origin: rect.origin, width: rect.width,
      alignment: .center)
    var y = rect.minY + titleRun.size.height + gap
    let sub = oneLine(subtitle, style: theme.text(.pageSubtitle), width: rect.width, findings: &findings)
    let subRun = measurer.run(sub, style: theme.text(.pageSubtitle), at: Point(x: rect.midX, y: y), alignment: .center)
    y += subRun.size.height + gap * 2
    var items: [FrameItem] = [.text(titleRun), .text(subRun)]
    if let rule = FrameItem.line(
      from: Point(x: rect.minX, y: y), to: Point(x: rect.maxX, y: y), stroke: theme.line(.headerRule))
    {
      items.append(rule)
    }
    return ComposedFrame(
      items: [.group(name: "header", clip: nil, items: items)], findings: findings,
      bounds: Rect(x: rect.minX, y: rect.minY, width: rect.width, height: y - rect.minY))
  }

  /// A left-aligned section title at `y`.
  func sectionTitle(_ text: String, at y: Double, in rect: Rect) -> ComposedFrame {
    var findings: [Finding] = []
    let style = theme.text(.sectionTitle)
    let fitted = oneLine(text, style: style, width: rect.width, findings: &findings)
    let run = measurer.run(fitted, style: style, at: Point(x: rect.minX, y: y))
    return ComposedFrame(
      items: [.text(run)], findings: findings,
      bounds: Rect(x: rect.minX, y: y, width: rect.width, height: run.size.height))
  }

  /// Height of a footer: a rule, one line of footer text and one line of note text.
  static func footerHeight(theme: ResolvedTheme, measurer: Measurer) -> Double {
    theme.length(.lineSpacing) * 2 + measurer.lineHeight(theme.text(.footerText))
      + measurer.lineHeight(theme.text(.noteText))
  }

  /// A rule, then `left` (organisation/tool) and `right` (page number) on one line, then the note.
  func footer(left: String, right: String, note: String, in rect: Rect) -> ComposedFrame {
    var findings: [Finding] = []
    let gap = theme.length(.lineSpacing)
    let style = theme.text(.footerText)
    var items: [FrameItem] = []
    if let rule = FrameItem.line(
      from: Point(x: rect.minX, y: rect.minY), to: Point(x: rect.maxX, y: rect.minY),
      stroke: theme.line(.footerRule))
    {
      items.append(rule)
    }
    let y = rect.minY + gap
    let page = measurer.run(right, style: style, at: Point(x: rect.maxX, y: y), alignment: .right)
    let leftText = oneLine(left, style: style, width: max(0, rect.width - page.size.width - gap * 4), findings: &findings)
    items.append(.text(measurer.run(leftText, style: style, at: Point(x: rect.minX, y: y))))
    items.append(.text(page))
    let noteStyle = theme.text(.noteText)
    let noteText = oneLine(note, style: noteStyle, width: rect.width, findings: &findings)
    items.append(.text(measurer.run(noteText, style: noteStyle, at: Point(x: rect.minX, y: y + page.size.height + gap))))
    return ComposedFrame(items: [.group(name: "footer", clip: nil, items: items)], findings: findings, bounds: rect)
  }

  private func oneLine(_ text: String, style: TextStyle, width: Double, findings: inout [Finding]) -> String {
    let fitted = measurer.truncated(text, style: style, maxWidth: width)
    if fitted.truncated { findings.append(Finding(.warning, .labelTruncated(Self.component, text))) }
    return fitted.text
  }
}
