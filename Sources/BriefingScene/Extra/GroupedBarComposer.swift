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

// MARK: - Grouped bar composer

/// Paired vertical bars (this period solid, the basis period a light tint), a legend naming both
/// periods (`2024年上半年` / the rows' `priorPeriod`, 基期 when they declare none), the focus in
/// the focus colour and value labels where they fit.
/// A missing or masked value is drawn as `—` / `*` on the baseline, never as a zero bar; with no
/// value at all the panel says 无数据 / No data instead of drawing axes.
public struct GroupedBarComposer: Sendable {
  /// Alpha of the basis period's bars relative to this period's. Default: 0.45.
  public var priorAlpha: Double

  public init(priorAlpha: Double = 0.45) {
    self.priorAlpha = priorAlpha
  }

  // MARK: - Methods

  /// Draws legend, value axis, paired bars and category names into `rect` (points).
  public func compose(
    _ input: GroupedBarInput, in rect: Rect, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> ComposedFrame {
    let kit = TextKit(measurer: measurer)
    let format = input.format
    let rows = ExtraData.members(input.rows)
    var findings: [Finding] = []
    var items: [FrameItem] = []

    // Legend and axis title.
    // The basis period is the rows' (`priorPeriod`), never assumed to be a year earlier.
    let period = rows.first?.period
    let prior = rows.lazy.compactMap(\.priorPeriod).first
    func title(_ p: Period?) -> String {
      guard let p else { return "" }
      switch format.style {
      case .chinese: return p.chineseTitle
      case .english: return p.englishTitle
      }
    }
    let priorTitle = prior.map(title) ?? (format.style == .chinese ? "基期" : "Base period")
    let unitTitle = ExtraData.titleWithUnit(
      input.indicator.name, unit: input.indicator.unit?.symbol, format)
    let values = rows.flatMap { [ExtraData.drawable($0), $0.priorValue].compactMap { $0 } }
    guard !values.isEmpty else {
      return NoDataPanel.frame(
        "grouped-bar", title: unitTitle, indicator: input.indicator.name, format: format, in: rect,
        theme: theme, kit: kit)
    }
    let heading = Legend.heading(
      unitTitle,
      entries: [
        .init(label: title(period), fill: theme.fill(.barFill), stroke: nil),
        .init(
          label: priorTitle, fill: ExtraData.tint(theme.fill(.barFill), alpha: priorAlpha),
          stroke: nil),
      ], in: rect, theme: theme, kit: kit, findings: &findings)
    items += heading.items

    // Axes.
    let axis = NumericAxis(covering: values, includeZero: true)
    let xStyle = theme.text(.axisTextX)
    let labelHeight = kit.size("国", xStyle).height
    let yHalf = kit.size("0", theme.text(.axisTextY)).height / 2 + 1
    let left =
      rect.minX + axis.labelWidth(format, theme.text(.axisTextY), kit) + theme.length(.tickLength)
      + 2
    let top = heading.bottom + 4
    let bottom = rect.maxY - labelHeight - 3
    let yMap = AxisMap(domain: axis.domain, start: bottom - yHalf, end: top + yHalf)
    items += axis.vertical(scale: yMap, x: left, format: format, theme: theme, kit: kit)
    if let zero = theme.line(.zeroLine) {
      items.append(
        .shape(
          Shape(
            .line(from: Point(x: left, y: yMap.map(0)), to: Point(x: rect.maxX, y: yMap.map(0))),
            stroke: zero)))
    }

    // Bars, labels, names.
    let bands = BandScale(
      count: rows.count, range: left...rect.maxX, thickness: theme.length(.barThickness))
    let barWidth = bands.bandwidth / 2
    for (index, row) in rows.enumerated() {
      let isFocus = row.region == input.focus
      let fill = theme.fill(isFocus ? .highlightFill : .barFill)
      let start = bands.bandStart(index)
      let name = ExtraData.name(row.region, input.names)
      let nameStyle = theme.text(isFocus ? .axisTextYFocus : .axisTextX)
      let shown = kit.fitted(name, nameStyle, maxWidth: bands.step - 2, findings: &findings)
      items.append(
        .text(
          kit.measurer.run(
            shown, style: nameStyle, at: Point(x: bands.center(index), y: rect.maxY),
            alignment: .center,
            vertical: .bottom)))
      let pairs: [(Double?, Color, Double)] = [
        (ExtraData.drawable(row), fill, start),
        (row.priorValue, ExtraData.tint(fill, alpha: priorAlpha), start + barWidth),
      ]
      for (value, color, x) in pairs {
        guard let value else {
          let mark = ExtraData.absentMark(row, format)
          items.append(
            .text(
              kit.measurer.run(
                mark, style: theme.text(.labelMissing),
                at: Point(x: x + barWidth / 2, y: yMap.map(0) - 1),
                alignment: .center, vertical: .bottom)))
          findings.append(
            Finding(.notice, .valueNotShown(name, input.indicator.name, shownAs: mark)))
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
      if let value = ExtraData.drawable(row) {
        let style = theme.text(isFocus ? .labelValueFocus : .labelValue)
        let text = format.value(value, decimals: input.indicator.decimals, status: row.status)
        var run = kit.measurer.run(
          text, style: style,
          at: Point(x: start + barWidth / 2, y: yMap.map(value) + (value >= 0 ? -1 : 1)),
          alignment: .center, vertical: value >= 0 ? .bottom : .top)
        // Keep clear of the value axis labels and inside the rect (first and last bars).
        run.origin.x += max(0, left + 2 - run.bounds.minX) - max(0, run.bounds.maxX - rect.maxX)
        let fits =
          run.bounds.width <= bands.step - 2 && run.bounds.minY >= top
          && run.bounds.maxY <= bottom - yHalf
          && (value >= 0 || row.priorValue.map { yMap.map($0) <= run.bounds.minY } ?? true)
        if fits { items.append(.text(run)) }
      }
    }
    return ComposedFrame(
      items: [.group(name: "grouped-bar", clip: nil, items: items)], findings: findings,
      bounds: rect)
  }
}
