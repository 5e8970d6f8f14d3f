import BriefingCore

// MARK: - Text blocks

/// One paragraph or bullet of a text block.
public enum TextBlockItem: Hashable, Sendable {
  case paragraph(String)
  /// A bullet; the marker hangs left of the wrapped text. Default marker: `•`.
  case bullet(String, marker: String = "•")
}

/// Paragraphs and bullets (亮点 / 短板 lines) wrapped CJK-aware inside the rect via `wrapWidth`.
/// Items are never split: those that do not fit are left out with an `overflow` finding.
public struct TextBlockComposer: ComponentComposing {
  static let component = "text-block"

  public init() {}

  public func compose(
    _ items: [TextBlockItem], in rect: Rect, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> ComposedFrame {
    let style = theme.text(.paragraphText)
    let gap = theme.length(.lineSpacing)
    var y = rect.minY
    var runs: [FrameItem] = []
    for (index, item) in items.enumerated() {
      var placed: [TextRun] = []
      switch item {
      case .paragraph(let text):
        placed = [measurer.block(text, style: style, origin: Point(x: rect.minX, y: y), width: rect.width)]
      case .bullet(let text, let marker):
        let mark = measurer.run(marker, style: style, at: Point(x: rect.minX, y: y))
        let indent = mark.size.width + gap * 2
        placed = [
          mark,
          measurer.block(
            text, style: style, origin: Point(x: rect.minX + indent, y: y),
            width: max(1, rect.width - indent)),
        ]
      }
      let height = placed.map(\.size.height).max() ?? 0
      guard y + height <= rect.maxY + 1e-9 else {
        let finding = Finding(.warning, .overflow(Self.component, items.count - index))
        return ComposedFrame(items: runs, findings: [finding], bounds: rect.rows(rect.minY, y))
      }
      runs += placed.map { .text($0) }
      y += height + gap
    }
    return ComposedFrame(items: runs, bounds: rect.rows(rect.minY, min(rect.maxY, y)))
  }
}
