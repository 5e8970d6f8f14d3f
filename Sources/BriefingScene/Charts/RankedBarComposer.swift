import BriefingCore
import BriefingStats

// MARK: - Ranked bar composer

/// Horizontal ranked bars (one region per row, best first) with the focus region highlighted, a
/// dashed group-average line (the group row's figure) labelled 「平均 x.x%」 above the plot, an
/// optional target line, a zero line, value labels just outside the bar ends (left of negative
/// bars), region names as category labels (shortened with `…` when they cannot fit), optional
/// rank numbers and 倒数第k marks (both the comparison row's, see `RankedBarInput.prepared`).
/// Missing values get a `—` label and no bar. The x range is the padded bar domain (0.12 · span),
/// widened until every value label fits; ticks are nice (1/2/2.5/5 × 10ⁿ).
/// Above `RankedBarOptions.splitAbove` bars the rows take two side-by-side columns (ranks
/// 1…⌈n/2⌉ left, the rest right) on one scale, reference lines in both. Row texts shrink with the
/// rows but never below the theme's `minTextSize`: with too little height the lowest-ranked bars
/// (never the focus) are left out with a warning naming them; `requiredHeight` says how much
/// height draws them all.
public struct RankedBarComposer: ComponentComposing {
  static let component = "ranked-bar"

  public init() {}

  // MARK: - Phases

  public func prepare(_ input: RankedBarInput) -> RankedBarData { input.prepared() }

  /// The data domain before labels are fitted: bar values and reference values, zero inside.
  public func train(_ data: RankedBarData) -> ClosedRange<Double> {
    LinearScale.barDomain(data.bars.compactMap(\.value) + data.references.map(\.value))
  }

  /// The least height, in points, at which every bar is drawn with no row text below the theme's
  /// `minTextSize` (one column, or two above `splitAbove` bars; room for every reference label
  /// row) at `width` points (two columns only from `RankedBarRows.twoColumnWidth`). A layout that
  /// gives the chart less gets a chart with its lowest bars left out.
  public func requiredHeight(
    _ data: RankedBarData, width: Double, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> Double {
    let gap = theme.length(.labelSpacing)
    let title = data.title.map { _ in measurer.lineHeight(theme.text(.chartTitle)) + gap * 2 } ?? 0
    let references =
      data.references.isEmpty
      ? 0 : Double(data.references.count) * measurer.lineHeight(theme.text(.labelReference)) + gap
    let axis =
      measurer.lineHeight(theme.text(.axisTitle)) + gap
      + measurer.lineHeight(theme.text(.axisTextX)) + theme.length(.tickLength) + 1
    let rows = RowStyles(theme: theme)
    let step =
      rows.naturalStep(measurer)
      * rows.minimumFactor(for: data, minimum: theme.length(.minTextSize))
    let perColumn = RankedBarRows.perColumn(
      count: data.bars.count, splitAbove: RankedBarRows.splitAbove(data.splitAbove, width: width))
    return title + references + Double(perColumn) * step + axis
  }

  public func compose(
    _ data: RankedBarData, in rect: Rect, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> ComposedFrame {
    guard !data.bars.isEmpty else {
      // No member has a row (a group without any observation of the indicator): the note, not
      // an empty panel.
      return NoDataNote.frame(Self.component, format: data.format, in: rect, theme: theme, measurer: measurer)
    }
    let layout = RankedBarLayout(data: data, rect: rect, theme: theme, measurer: measurer)
    let first = layout.compose(referenceRows: min(1, data.references.count))
    var frame =
      first.neededRows > min(1, data.references.count)
      ? layout.compose(referenceRows: first.neededRows).frame : first.frame
    if data.averageMissing {
      frame.findings.append(Finding(.notice, .noGroupAverage(Self.component)))
    }
    return frame
  }
}

// MARK: - Findings

extension Finding.Message {
  /// An average line was asked for but the comparison table has no group figure for it; the
  /// scene does not work one out.
  public static func noGroupAverage(_ component: String) -> Self {
    .init(
      code: "no-group-average",
      text: "\(component): the comparison table has no group average; no average line drawn")
  }

  /// Bars with no room even with their texts at the minimum size, named in rank order.
  public static func barsLeftOut(_ component: String, _ names: [String], minimum: Double) -> Self {
    let quoted = names.map { "“\($0)”" }.joined(separator: ", ")
    return .init(
      code: "bars-left-out",
      text: "\(component): no room for \(names.count) bar(s) with text at the "
        + "\(NumberFormat.english.number(minimum, decimals: 1)) pt minimum; left out: \(quoted)")
  }
}
