import BriefingCore

// MARK: - The "no data" note

/// The note a panel without data shows instead of empty axes: 「无数据」 / `No data`. The
/// checker accepts a panel that draws none of its marks when it shows this note.
public enum NoDataNote {
  /// The note in Chinese (both scripts) or English sheets.
  public static func text(_ style: NumberFormat.Style) -> String {
    switch style {
    case .chinese: "无数据"
    case .english: "No data"
    }
  }

  /// Every spelling of the note.
  static let spellings: Set<String> = [text(.chinese), text(.english)]

  /// The note (`label.missing` style) centred in `rect` below `top` (points).
  static func run(
    _ style: NumberFormat.Style, in rect: Rect, below top: Double, theme: ResolvedTheme,
    measurer: some TextMeasuring
  ) -> TextRun {
    measurer.run(
      text(style), style: theme.text(.labelMissing),
      at: Point(x: rect.midX, y: (top + rect.maxY) / 2), alignment: .center, vertical: .middle)
  }

  /// A frame that shows only the note, centred in `rect`, in a group named `component`, with a
  /// `no-data` notice: a component whose data holds nothing to show.
  static func frame(
    _ component: String, style: NumberFormat.Style, in rect: Rect, theme: ResolvedTheme,
    measurer: some TextMeasuring
  ) -> ComposedFrame {
    let note = run(style, in: rect, below: rect.minY, theme: theme, measurer: measurer)
    return ComposedFrame(
      items: [.group(name: component, clip: nil, items: [.text(note)])],
      findings: [Finding(.notice, .noData(component))], bounds: rect)
  }
}
