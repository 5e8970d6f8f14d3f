import BriefingCore
import BriefingSpec

// MARK: - Header and footer

/// Draws the sheet header (title, peer frame, period, time progress, days left, data status)
/// and the footer (organisation, note, 「第 x 页 共 y 页」), returning the body rectangle between.
struct PageChrome {
  let context: SheetContext
  let theme: ResolvedTheme
  let measurer: any TextMeasuring

  /// The header: a bold title, a subtitle line of facts, then a strong rule. Returns the items
  /// and the y where the body starts.
  func header(title: String, in content: Rect) -> ([FrameItem], Double) {
    var items: [FrameItem] = []
    var y = content.minY
    let titleStyle = theme.text(.pageTitle)
    let title = run(title, style: titleStyle, x: content.minX, y: y, width: content.width)
    items.append(.text(title))
    y += title.size.height + 3
    let subtitle = run(
      factsLine, style: theme.text(.pageSubtitle), x: content.minX, y: y, width: content.width)
    items.append(.text(subtitle))
    y += subtitle.size.height + 4
    if let rule = theme.line(.headerRule) {
      items.append(
        .shape(Shape(.line(from: Point(x: content.minX, y: y), to: Point(x: content.maxX, y: y)), stroke: rule)))
    }
    return (items, y + 8)
  }

  /// The footer at the bottom of `content`; returns the items and the y where it begins.
  func footer(_ spec: FooterSpec, page: Int, of pages: Int, in content: Rect) -> ([FrameItem], Double) {
    let style = theme.text(.footerText)
    let pageText: String =
      switch context.language {
      case .zhCN, .zhTW: context.format.wording("第 \(page) 页 共 \(pages) 页")
      case .en: "Page \(page) of \(pages)"
      }
    let left = footerText(spec)
    let right = measurer.measure(pageText, style: style, wrapWidth: nil)
    let y = content.maxY - right.height
    var items: [FrameItem] = []
    if let rule = theme.line(.footerRule) {
      items.append(
        .shape(Shape(.line(from: Point(x: content.minX, y: y - 4), to: Point(x: content.maxX, y: y - 4)), stroke: rule)))
    }
    if !left.isEmpty {
      items.append(.text(run(left, style: style, x: content.minX, y: y, width: content.width - right.width - 12)))
    }
    items.append(
      .text(
        TextRun(
          text: pageText, origin: Point(x: content.maxX - right.width, y: y), style: style,
          alignment: .right, size: Size(width: right.width, height: right.height))))
    return (items, y - 10)
  }

  /// The words of the header and footer, as drawn (without the page number).
  func text(title: String, footer spec: FooterSpec) -> PageText {
    PageText(title: title, subtitle: factsLine, footer: footerText(spec))
  }

  /// The footer's left text: organisation and note.
  private func footerText(_ spec: FooterSpec) -> String {
    [spec.organisation, spec.note].filter { !$0.isEmpty }.joined(separator: "  ·  ")
  }

  // MARK: - Facts line

  /// The facts, as the header's second line draws them.
  private var factsLine: String { facts.joined(separator: "    ") }

  /// 比较范围：全市9个县（市、区）· 时序进度：50.0% · 距年底还有184天 · 数据状态：含预计数（e/p 标记说明）
  private var facts: [String] {
    let progress = context.timeProgress * 100
    // The group's rows, not the whole dataset: this runs for every page and every chart.
    let estimates = context.table.rows(period: context.period, group: context.group.id).contains {
      !$0.isGroupRow && ($0.status == .estimate || $0.status == .preliminary)
    }
    switch context.language {
    case .zhCN, .zhTW:
      var facts = [
        "时序进度：\(format(progress))%",
        "距年底还有\(context.daysLeftInYear)天",
      ]
      if estimates { facts.append("数据状态：含预计数（数值后标 e；p 为初步数）") }
      // Generated words follow the sheet's script; the group label is data, kept as given.
      return [context.format.wording("比较范围：") + context.group.label]
        + facts.map(context.format.wording)
    case .en:
      var facts = [
        "Peers: \(context.group.label)",
        "Time progress: \(format(progress))%",
        "\(context.daysLeftInYear) days left in the year",
      ]
      if estimates { facts.append("Includes estimates (marked e; p = preliminary)") }
      return facts
    }
  }

  private func format(_ value: Double) -> String {
    NumberFormat.chinese.number(value, decimals: 1)
  }

  /// A wrapped text run measured at `width`.
  func run(_ text: String, style: TextStyle, x: Double, y: Double, width: Double) -> TextRun {
    let metrics = measurer.measure(text, style: style, wrapWidth: width)
    return TextRun(
      text: text, origin: Point(x: x, y: y), style: style, wrapWidth: width,
      size: Size(width: min(metrics.width, width), height: metrics.height))
  }
}
