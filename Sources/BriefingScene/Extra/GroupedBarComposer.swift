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
/// the focus colour, and value labels above the bars they span (below for negative values).
/// The focus's value label is always drawn: the plot leaves room for it above (or below) the
/// bars, and other labels give way to it; the others are drawn where they fit in their band.
/// Every member is named under its bars (see `CategoryNames`: staggered lines, then smaller text
/// down to the minimum size, names still too long shortened and listed in a warning).
/// A missing or masked value is drawn as `—` / `*` on the baseline, never as a zero bar; with no
/// value at all the panel says 无数据 / No data instead of drawing axes.
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
    let rows = ExtraData.members(input.rows)
    func title(_ p: Period?) -> String {
      guard let p else { return "" }
      switch format.style {
      case .chinese: return p.chineseTitle
      case .english: return p.englishTitle
      }
    }
    let prior = rows.lazy.compactMap(\.priorPeriod).first
    let pairs = rows.map { row in
      let value = ExtraData.drawable(row)
      return GroupedBarData.Pair(
        region: row.region, name: ExtraData.name(row.region, input.names), value: value,
        prior: row.priorValue,
        label: value.map {
          format.value($0, decimals: input.indicator.decimals, status: row.status)
        },
        absentMark: ExtraData.absentMark(row, format), isFocus: row.region == input.focus)
    }
    return GroupedBarData(
      pairs: pairs,
      title: ExtraData.titleWithUnit(
        input.indicator.name, unit: input.indicator.unit?.symbol, format),
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
    var items: [FrameItem] = []

    let values = data.pairs.flatMap { [$0.value, $0.prior].compactMap { $0 } }
    guard !values.isEmpty else {
      return NoDataPanel.frame(
        Self.component, title: data.title, indicator: data.indicatorName, format: format, in: rect,
        theme: theme, kit: kit)
    }
    let heading = Legend.heading(
      data.title,
      entries: [
        .init(label: data.periodTitle, fill: theme.fill(.barFill), stroke: nil),
        .init(
          label: data.priorTitle, fill: ExtraData.tint(theme.fill(.barFill), alpha: priorAlpha),
          stroke: nil),
      ], in: rect, theme: theme, kit: kit, findings: &findings)
    items += heading.items

    // Bands and the names under them.
    let axis = NumericAxis(covering: values, includeZero: true)
    let yHalf = kit.size("0", theme.text(.axisTextY)).height / 2 + 1
    let left =
      rect.minX + axis.labelWidth(format, theme.text(.axisTextY), kit) + theme.length(.tickLength)
      + 2
    let top = heading.bottom + 4
    let bands = BandScale(
      count: data.pairs.count, range: left...rect.maxX, thickness: theme.length(.barThickness))
    let barWidth = bands.bandwidth / 2
    let names = CategoryNames(
      data.pairs.map { ($0.name, $0.isFocus) }, bands: bands, bounds: rect.minX...rect.maxX,
      regular: theme.text(.axisTextX), focus: theme.text(.axisTextYFocus),
      minimum: theme.length(.minTextSize), kit: kit)
    if !names.shortened.isEmpty {
      findings.append(Finding(.warning, .namesShortened(Self.component, names.shortened)))
    }
    let bottom = rect.maxY - names.height - 3

    // The value scale, leaving room for the focus's label beyond the bars it spans.
    let labels = ValueLabels(
      data: data, bands: bands, barWidth: barWidth, clamp: (left + 2)...rect.maxX, theme: theme,
      kit: kit)
    guard bottom - top > 2 * yHalf + 1,
      let yMap = labels.scale(
        axis.domain, from: bottom - yHalf, to: top + yHalf, labelsWithin: top...(bottom - yHalf))
    else {
      return ComposedFrame(
        findings: findings + [Finding(.warning, .areaTooSmall(Self.component))], bounds: rect)
    }
    let labelSpace = top...(bottom - yHalf)

    // Axes.
    items += axis.vertical(scale: yMap, x: left, format: format, theme: theme, kit: kit)
    if let zero = theme.line(.zeroLine) {
      items.append(
        .shape(
          Shape(
            .line(from: Point(x: left, y: yMap.map(0)), to: Point(x: rect.maxX, y: yMap.map(0))),
            stroke: zero)))
    }

    // Bars and the marks of values not drawn.
    for (index, pair) in data.pairs.enumerated() {
      let fill = theme.fill(pair.isFocus ? .highlightFill : .barFill)
      let start = bands.bandStart(index)
      let bars: [(Double?, Color, Double)] = [
        (pair.value, fill, start),
        (pair.prior, ExtraData.tint(fill, alpha: priorAlpha), start + barWidth),
      ]
      for (value, color, x) in bars {
        guard let value else {
          items.append(
            .text(
              kit.measurer.run(
                pair.absentMark, style: theme.text(.labelMissing),
                at: Point(x: x + barWidth / 2, y: yMap.map(0) - 1),
                alignment: .center, vertical: .bottom)))
          findings.append(
            Finding(
              .notice, .valueNotShown(pair.name, data.indicatorName, shownAs: pair.absentMark)))
          continue
        }
        let y0 = yMap.map(0)
        let y1 = yMap.map(value)
        items.append(
          .shape(
            Shape(
              .rect(Rect(x: x, y: min(y0, y1), width: barWidth, height: abs(y1 - y0))), fill: color)
          ))
      }
    }

    // Value labels (the focus's first) and names.
    items += labels.runs(yMap, within: labelSpace).map { .text($0) }
    items += names.runs(bottom: rect.maxY, measurer: measurer).map { .text($0) }
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

// MARK: - Value labels

/// Where the value labels of grouped bars go: centred on their bar, above every bar they span
/// (below for negative values). The focus's label is always drawn, and the scale is squeezed
/// until it fits inside the plot; the others only inside their band, inside the plot and clear
/// of the focus's label.
private struct ValueLabels<M: TextMeasuring> {
  let data: GroupedBarData
  let bands: BandScale
  let barWidth: Double
  /// Labels are moved inside these x limits (clear of the value axis labels).
  let clamp: ClosedRange<Double>
  let theme: ResolvedTheme
  let kit: TextKit<M>

  /// A map of `domain` from `start` (bottom) to `end` (top), its ends moved inward until the
  /// focus's label lies within `vertical` (points, y down); nil when that leaves no plot.
  func scale(
    _ domain: ClosedRange<Double>, from start: Double, to end: Double,
    labelsWithin vertical: ClosedRange<Double>
  ) -> AxisMap? {
    var map = AxisMap(domain: domain, start: start, end: end)
    guard let focus = data.pairs.firstIndex(where: \.isFocus) else { return map }
    for _ in 0..<20 {
      guard let run = label(focus, map) else { return map }
      let above = vertical.lowerBound - run.bounds.minY
      let below = run.bounds.maxY - vertical.upperBound
      guard above > 0.01 || below > 0.01 else { return map }
      map = AxisMap(
        domain: domain, start: map.start - max(0, below), end: map.end + max(0, above))
      guard map.start - map.end > 1 else { return nil }
    }
    return nil
  }

  /// The labels to draw: the focus's, then every other that fits its band, inside `vertical`
  /// and clear of the focus's.
  func runs(_ map: AxisMap, within vertical: ClosedRange<Double>) -> [TextRun] {
    let focus = data.pairs.firstIndex(where: \.isFocus)
    var placed = focus.flatMap { label($0, map) }.map { [$0] } ?? []
    for index in data.pairs.indices where index != focus {
      guard let run = label(index, map) else { continue }
      let fits =
        run.bounds.width <= bands.step - 2 && run.bounds.minY >= vertical.lowerBound
        && run.bounds.maxY <= vertical.upperBound
        && !placed.contains { $0.bounds.intersects(run.bounds) }
      if fits { placed.append(run) }
    }
    return placed
  }

  /// Pair `index`'s label centred on its bar, above the bars its width spans (below them for a
  /// negative value), or nil without a value.
  private func label(_ index: Int, _ map: AxisMap) -> TextRun? {
    let pair = data.pairs[index]
    guard let value = pair.value, let text = pair.label else { return nil }
    let style = theme.text(pair.isFocus ? .labelValueFocus : .labelValue)
    let width = kit.size(text, style).width
    let center = bands.bandStart(index) + barWidth / 2
    let x = min(max(center - width / 2, clamp.lowerBound), clamp.upperBound - width)
    let ends = spannedBarEnds(x...(x + width), map)
    let y =
      value >= 0
      ? (ends.map(\.lowerBound).min() ?? map.map(value)) - 1
      : (ends.map(\.upperBound).max() ?? map.map(value)) + 1
    var run = kit.measurer.run(
      text, style: style, at: Point(x: x, y: y), alignment: .center,
      vertical: value >= 0 ? .bottom : .top)
    run.origin.x = x
    return run
  }

  /// The vertical extents (top...bottom, points) of every bar whose x range meets `span`.
  private func spannedBarEnds(_ span: ClosedRange<Double>, _ map: AxisMap) -> [ClosedRange<Double>]
  {
    data.pairs.indices.flatMap { index -> [ClosedRange<Double>] in
      let start = bands.bandStart(index)
      let pair = data.pairs[index]
      return [(pair.value, start), (pair.prior, start + barWidth)].compactMap { value, x in
        guard let value, x < span.upperBound, x + barWidth > span.lowerBound else { return nil }
        let (a, b) = (map.map(0), map.map(value))
        return min(a, b)...max(a, b)
      }
    }
  }
}
