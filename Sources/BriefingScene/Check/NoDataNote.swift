import BriefingCore

// MARK: - The "no data" note

/// The note a panel without data shows instead of empty axes: 「无数据」 (「無數據」) / `No data`.
/// The checker accepts a panel that draws none of its marks when it shows this note.
public enum NoDataNote {
  /// The note in the format's language and script.
  public static func text(_ format: NumberFormat) -> String {
    switch format.style {
    case .chinese: format.wording("无数据")
    case .english: "No data"
    }
  }

  /// Every spelling of the note, for the checker: `spellings.contains(text)`.
  static let spellings = Spellings()

  /// The note's spellings in every language and script. The Traditional one is the spelling
  /// `NumberFormat.wording` printed in this process (a scene is checked where it was composed),
  /// so checking a Simplified or English sheet never opens OpenCC.
  struct Spellings: Sendable {
    func contains(_ text: String) -> Bool {
      let simplified = NoDataNote.text(.chinese)
      return text == simplified || text == NoDataNote.text(.english)
        || text == TraditionalWording.alreadyConverted(simplified)
    }
  }

  /// The note (`label.missing` style) centred in `rect` below `top` (points).
  static func run(
    _ format: NumberFormat, in rect: Rect, below top: Double, theme: ResolvedTheme,
    measurer: some TextMeasuring
  ) -> TextRun {
    measurer.run(
      text(format), style: theme.text(.labelMissing),
      at: Point(x: rect.midX, y: (top + rect.maxY) / 2), alignment: .center, vertical: .middle)
  }

  /// A frame that shows only the note, centred in `rect`, in a group named `component`, with a
  /// `no-data` notice: a component whose data holds nothing to show.
  static func frame(
    _ component: String, format: NumberFormat, in rect: Rect, theme: ResolvedTheme,
    measurer: some TextMeasuring
  ) -> ComposedFrame {
    let note = run(format, in: rect, below: rect.minY, theme: theme, measurer: measurer)
    return ComposedFrame(
      items: [.group(name: component, clip: nil, items: [.text(note)])],
      findings: [Finding(.notice, .noData(component))], bounds: rect)
  }
}
