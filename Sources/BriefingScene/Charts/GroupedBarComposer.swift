import BriefingCore
import BriefingStats

// MARK: - Grouped bar input

/// This period against its basis period (`priorPeriod`: a year earlier, or the dataset's previous
/// period), per region (`value` and `priorValue`).
public typealias GroupedBarInput = OneIndicatorChartInput

/// What a one-indicator peer chart needs: the group's rows for one indicator and period, display
/// names and the focus region. Shared by the scatter and the grouped bars.
public struct OneIndicatorChartInput: Hashable, Sendable {
  /// Rows of one indicator and period, drawn in this order; group rows give group figures only.
  public var rows: [ComparisonRow]
  /// Display names by region id. Default for a missing id: the id.
  public var names: [RegionID: String]
  public var indicator: Indicator
  /// The region drawn in the focus colour.
  public var focus: RegionID
  /// Default: `.chinese`.
  public var format: NumberFormat

  public init(
    rows: [ComparisonRow], names: [RegionID: String], indicator: Indicator, focus: RegionID,
    format: NumberFormat = .chinese
  ) {
    self.rows = rows
    self.names = names
    self.indicator = indicator
    self.focus = focus
    self.format = format
  }
}

// MARK: - Grouped bar data

/// What the grouped bars draw, before any geometry: one pair per member region, in input order.
public struct GroupedBarData: Hashable, Sendable {
  /// One region's pair of bars.
  public struct Pair: Hashable, Sendable {
    public var region: RegionID
    public var name: String
    /// This period's value when it may be drawn (actual, estimate, preliminary), else nil.
    public var value: Double?
    /// The basis period's value, nil when missing.
    public var prior: Double?
    /// This period's value as printed (`431.7`, `12.0e`); nil without a value.
    public var label: String?
    /// What stands for a value not drawn: `—` missing, `*` masked.
    public var absentMark: String
    public var isFocus: Bool
  }

  public var pairs: [Pair]
  /// 「地区生产总值（亿元）」 / "GDP (亿元)".
  public var title: String
  public var indicatorName: String
  /// The legend's names of this period and the basis period (基期 / Base period when unknown).
  public var periodTitle: String
  public var priorTitle: String
  public var format: NumberFormat
}

// MARK: - Grouped bar composer

/// Paired vertical bars (this period solid, the basis period a light tint), a legend naming both
/// periods (`2024年上半年` / the rows' `priorPeriod`, 基期 when they declare none), the focus in
/// the focus colour, a value axis with as many ticks as its labels leave room for
/// (`NumericAxis.fitted`), and value labels above the bars they span (below for negative
/// values). The focus's value label is always drawn and the others give way to it; the plot
/// leaves room above (or below) the bars for every label that fits its band, else for the
/// focus's alone. The other labels shrink together to fit their bands (down to the minimum
/// size); those still without room are named in one `value-labels-left-out` warning.
/// Every member is named under its bars (see `CategoryNames`: staggered lines, then smaller text
/// down to the minimum size, names still too long shortened and listed in a warning).
/// A missing or masked value is never drawn as a zero bar: it is marked `—` / `*` on the
/// baseline when every such mark fits on its own bar, else listed in one note by period
/// (「注：未绘出 2024年上半年：县区1（—）…」) beside the legend or under the names, else named in
/// one `gaps-not-marked` warning (`GroupedBarLayout.arranged`). With no value at all the panel
/// says 无数据 / No data instead of drawing axes; with no room for a plot it draws nothing and
/// warns `area-too-small`.
public struct GroupedBarComposer: ComponentComposing {
  static let component = "grouped-bar"

  /// Alpha of the basis period's bars relative to this period's. Default: 0.45.
  public var priorAlpha: Double

  public init(priorAlpha: Double = 0.45) {
    self.priorAlpha = priorAlpha
  }

  // MARK: - Phases

  /// The member rows as pairs (names, drawable values, printed labels) and the legend's titles.
  /// The basis period is the rows' (`priorPeriod`), never assumed to be a year earlier.
  public func prepare(_ input: GroupedBarInput) -> GroupedBarData {
    let format = input.format
    let rows = ChartText.members(input.rows)
    func title(_ p: Period?) -> String {
      guard let p else { return "" }
      switch format.style {
      case .chinese: return p.chineseTitle
      case .english: return p.englishTitle
      }
    }
    let prior = rows.lazy.compactMap(\.priorPeriod).first
    let pairs = rows.map { row in
      let value = ChartText.drawable(row)
      return GroupedBarData.Pair(
        region: row.region, name: ChartText.name(row.region, input.names), value: value,
        prior: row.priorValue,
        label: value.map {
          format.value($0, decimals: input.indicator.decimals, status: row.status)
        },
        absentMark: ChartText.absentMark(row, format), isFocus: row.region == input.focus)
    }
    return GroupedBarData(
      pairs: pairs,
      title: ChartText.titleWithUnit(
        input.indicator.name, unit: input.indicator.unit, format),
      indicatorName: input.indicator.name, periodTitle: title(rows.first?.period),
      priorTitle: prior.map(title)
        ?? (format.style == .chinese ? format.wording("基期") : "Base period"),
      format: format)
  }

  /// Draws legend, value axis, paired bars, value labels and names into `rect` (points).
  public func compose(
    _ data: GroupedBarData, in rect: Rect, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> ComposedFrame {
    let kit = TextKit(measurer: measurer)
    let format = data.format
    var findings: [Finding] = []

    guard data.pairs.contains(where: { $0.value != nil || $0.prior != nil }) else {
      return NoDataPanel.frame(
        Self.component, title: data.title, indicator: data.indicatorName, format: format, in: rect,
        theme: theme, kit: kit)
    }
    let heading = Legend.heading(
      data.title,
      entries: [
        .init(label: data.periodTitle, fill: theme.fill(.barFill), stroke: nil),
        .init(
          label: data.priorTitle, fill: ChartText.tint(theme.fill(.barFill), alpha: priorAlpha),
          stroke: nil),
      ], in: rect, theme: theme, kit: kit, findings: &findings)

    // The plot, and the marks of the values not drawn on their bars or a note listing them.
    let layout = GroupedBarLayout(
      data: data, rect: rect, top: heading.bottom + 4, theme: theme, kit: kit)
    guard let (plot, gapTexts) = layout.arranged(headingRoom: heading.room, findings: &findings)
    else {
      return ComposedFrame(
        findings: findings + [Finding(.warning, .areaTooSmall(Self.component))], bounds: rect)
    }
    if !plot.names.shortened.isEmpty {
      findings.append(Finding(.warning, .namesShortened(Self.component, plot.names.shortened)))
    }
    var items = heading.items

    // Axes.
    items += plot.axis.vertical(
      scale: plot.yMap, x: plot.left, format: format, theme: theme, kit: kit)
    let y0 = plot.yMap.map(0)
    if let zero = theme.line(.zeroLine) {
      items.append(
        .shape(
          Shape(
            .line(from: Point(x: plot.left, y: y0), to: Point(x: rect.maxX, y: y0)), stroke: zero)
        ))
    }

    // Bars, then the gaps: marked on their bars, or listed in the note.
    for bar in layout.bars(on: plot) {
      let fill = theme.fill(data.pairs[bar.pair].isFocus ? .highlightFill : .barFill)
      let color = bar.isPrior ? ChartText.tint(fill, alpha: priorAlpha) : fill
      items.append(.shape(Shape(.rect(bar.rect), fill: color)))
    }
    if let gapTexts {
      items += gapTexts.map { .text($0) }
      findings += data.gaps.map { gap in
        let name = data.pairs[gap.pair].name
        return Finding(.notice, .valueNotShown(name, data.indicatorName, shownAs: gap.mark))
      }
    } else {
      findings.append(Finding(.warning, .gapsNotMarked(Self.component, layout.gapNames)))
    }

    // Value labels (the focus's first), those left out named in one warning, and names.
    let labels = plot.labels.runs(
      plot.yMap, within: plot.labelSpace, avoiding: (gapTexts ?? []).map(\.bounds))
    items += labels.placed.map { .text($0) }
    if !labels.leftOut.isEmpty {
      findings.append(Finding(.warning, .valueLabelsLeftOut(Self.component, labels.leftOut)))
    }
    items += plot.names.runs(bottom: plot.namesBottom, measurer: measurer).map { .text($0) }
    return ComposedFrame(
      items: [.group(name: Self.component, clip: nil, items: items)], findings: findings,
      bounds: rect)
  }

  /// The same as `compose(input:in:theme:measurer:)`, for callers written before the composer
  /// took the `prepare` → `compose` phases (the layout dispatch).
  public func compose(
    _ input: GroupedBarInput, in rect: Rect, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> ComposedFrame {
    compose(input: input, in: rect, theme: theme, measurer: measurer)
  }
}
