import BriefingCore
import BriefingStats

// MARK: - Trend line input

/// What a trend line follows.
public enum TrendMetric: String, Hashable, Sendable, CaseIterable {
  /// The focus value against the group mean (`value` vs `groupMean`), in the indicator's unit.
  case value
  /// The focus growth against the group's growth (`growthPct` vs `groupGrowthPct`), %; for a rate
  /// the change in points of the focus and of the group row (`changeFromPrior`).
  case growth
}

/// The focus region against its group over several periods of one indicator.
public struct TrendLineInput: Hashable, Sendable {
  /// Rows of one indicator over several periods; only the focus rows are read (group figures
  /// travel on every row).
  public var rows: [ComparisonRow]
  public var names: [RegionID: String]
  public var indicator: Indicator
  public var focus: RegionID
  /// Default: `.growth`.
  public var metric: TrendMetric
  /// Legend label of the group series: the group's frame word and 平均 (`全省平均`, see
  /// `GroupFrame.chineseWord(for:)`; the layout dispatch passes it), Chinese written in
  /// Simplified and printed in the format's script. Default: `平均` / `Group average`.
  public var groupLabel: String?
  /// Default: `.chinese`.
  public var format: NumberFormat

  public init(
    rows: [ComparisonRow], names: [RegionID: String], indicator: Indicator, focus: RegionID,
    metric: TrendMetric = .growth, groupLabel: String? = nil, format: NumberFormat = .chinese
  ) {
    self.rows = rows
    self.names = names
    self.indicator = indicator
    self.focus = focus
    self.metric = metric
    self.groupLabel = groupLabel
    self.format = format
  }
}

// MARK: - Trend line composer

/// Two lines with markers over periods: the focus (focus colour, value labels beside their
/// points where they fit: the last, the first and the extremes first, then as many as fit) and the group (reference colour, dashed). Period labels (`2024年上半年`) sit
/// under the axis, split over two lines when narrow, and name every k-th period (or year) when
/// there are too many to name each (`PeriodLabels`); the value axis takes as many ticks as its
/// labels leave room for (`NumericAxis.fitted`). Missing points break the line and show `—`;
/// with no value at all the panel says 无数据 / No data instead of drawing axes; with no room
/// for two tick labels it draws nothing and warns `area-too-small`.
public struct TrendLineComposer: ComponentComposing {
  /// Marker radius. Default: 2.5 pt.
  public var markerRadius: Double

  public init(markerRadius: Double = 2.5) {
    self.markerRadius = markerRadius
  }

  // MARK: - Methods

  /// Draws legend, value axis, period labels and both series into `rect` (points).
  public func compose(
    _ input: TrendLineInput, in rect: Rect, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> ComposedFrame {
    let kit = TextKit(measurer: measurer)
    let format = input.format
    var findings: [Finding] = []
    var items: [FrameItem] = []

    // Data preparation: one focus row per period, ascending.
    var byPeriod: [Period: ComparisonRow] = [:]
    var groupByPeriod: [Period: ComparisonRow] = [:]
    for row in input.rows where row.region == input.focus && !row.isGroupRow {
      byPeriod[row.period] = row
    }
    for row in input.rows where row.isGroupRow { groupByPeriod[row.period] = row }
    let periods = byPeriod.keys.sorted()
    let focusName = ChartText.name(input.focus, input.names)
    // A rate's change is in points, the group's too (its group row); never a relative growth.
    let inPoints =
      input.metric == .growth
      && (byPeriod.values.first?.changesInPoints ?? input.indicator.changesInPoints)
    let series: [[Double?]] = periods.map { period in
      let row = byPeriod[period]
      switch input.metric {
      case .value: return [row.flatMap(ChartText.drawable), row?.groupMean]
      case .growth where inPoints:
        return [row?.changeFromPrior, groupByPeriod[period]?.changeFromPrior]
      case .growth: return [row?.growthPct, row?.groupGrowthPct]
      }
    }

    // Legend, axis title.
    let groupLabel = format.wording(
      input.groupLabel ?? (format.style == .chinese ? "平均" : "Group average"))
    let focusStroke = StrokeStyle(color: theme.fill(.highlightFill), width: 1.2)
    let groupStroke =
      theme.line(.referenceLine) ?? StrokeStyle(color: theme.text(.labelReference).color)
    let axisTitle: String
    switch input.metric {
    case .value:
      axisTitle = ChartText.titleWithUnit(
        input.indicator.name, unit: input.indicator.unit, format)
    case .growth:
      let basis = ChangeBasis(rows: periods.last.flatMap { byPeriod[$0] }.map { [$0] } ?? [])
      let title =
        inPoints
        ? basis.seriesPointsTitle(format, unit: input.indicator.unit)
        : basis.seriesGrowthTitle(format)
      axisTitle = format.style == .chinese ? input.indicator.name + title : "\(input.indicator.name): \(title)"
    }
    guard series.contains(where: { $0.contains { $0 != nil } }) else {
      return NoDataPanel.frame(
        "trend-line", title: axisTitle, indicator: input.indicator.name, format: format, in: rect,
        theme: theme, kit: kit)
    }
    let heading = Legend.heading(
      axisTitle,
      entries: [
        .init(label: focusName, fill: nil, stroke: focusStroke),
        .init(label: groupLabel, fill: nil, stroke: groupStroke),
      ], in: rect, theme: theme, kit: kit, findings: &findings)
    items += heading.items

    // Axes.
    let xStyle = theme.text(.axisTextX)
    let lineHeight = kit.size("国", xStyle).height
    let yStyle = theme.text(.axisTextY)
    let yHalf = kit.size("0", yStyle).height / 2 + 1
    let top = heading.bottom + 4
    // The value axis with as many ticks as its labels leave room for; the plot right of it.
    let fit = NumericAxis.fitted(
      covering: series.flatMap { $0.compactMap { $0 } }, includeZero: input.metric == .growth,
      side: .left, format: format, style: yStyle, kit: kit
    ) { axis in
      let left = rect.minX + axis.labelWidth(format, yStyle, kit) + theme.length(.tickLength) + 2
      // Slots narrower than a marker (sixty periods in a narrow panel) pull the last centre in,
      // so the end markers stay inside the panel.
      let slot = (rect.maxX - left) / Double(max(1, periods.count))
      let overhang = max(0, markerRadius - slot / 2)
      let bands = BandScale(count: max(1, periods.count), range: left...(rect.maxX - overhang))
      let periodLabels = PeriodLabels(
        periods, center: bands.center, bounds: rect.minX...rect.maxX, gap: 4, format: format,
        style: xStyle, kit: kit)
      let bottom = rect.maxY - Double(periodLabels.lineCount) * lineHeight - 3
      let yMap = AxisMap(domain: axis.domain, start: bottom - yHalf, end: top + yHalf)
      return ((left, bands, periodLabels, bottom, yMap), yMap)
    }
    guard let (axis, (left, bands, periodLabels, bottom, yMap)) = fit else {
      return ComposedFrame(
        findings: findings + [Finding(.warning, .areaTooSmall("trend-line"))], bounds: rect)
    }
    items += axis.vertical(scale: yMap, x: left, format: format, theme: theme, kit: kit)
    if axis.domain.lowerBound < 0, axis.domain.upperBound > 0, let zero = theme.line(.zeroLine) {
      let y0 = yMap.map(0)
      items.append(
        .shape(
          Shape(.line(from: Point(x: left, y: y0), to: Point(x: rect.maxX, y: y0)), stroke: zero)))
    }
    if let line = theme.line(.axisLine) {
      items.append(
        .shape(
          Shape(
            .line(from: Point(x: left, y: bottom), to: Point(x: rect.maxX, y: bottom)), stroke: line
          )))
    }
    for label in periodLabels.labels {
      for (k, text) in label.lines.enumerated() {
        let shown = kit.fitted(text, xStyle, maxWidth: rect.width, findings: &findings)
        items.append(
          .text(
            kit.measurer.run(
              shown, style: xStyle, at: Point(x: label.center, y: bottom + 3 + Double(k) * lineHeight),
              alignment: .center)))
      }
    }

    // Lines and markers: group first, focus on top.
    /// Value labels (and `—`/`*` marks) by period index.
    var marks: [Int: (box: Rect, text: String)] = [:]
    var obstacles = ItemBounds.texts(items)
    for (which, stroke) in [(1, groupStroke), (0, focusStroke)] {
      var segment: [Point] = []
      var segments: [[Point]] = []
      for (index, values) in series.enumerated() {
        guard let value = values[which] else {
          if !segment.isEmpty { segments.append(segment) }
          segment = []
          if which == 0 {
            let mark = ChartText.absentMark(byPeriod[periods[index]], format)
            marks[index] = (Rect(x: bands.center(index), y: bottom - yHalf, width: 0, height: 0), mark)
            findings.append(
              Finding(.notice, .valueNotShown(focusName, input.indicator.name, shownAs: mark)))
          }
          continue
        }
        let point = Point(x: bands.center(index), y: yMap.map(value))
        segment.append(point)
        if which == 0 {
          let text =
            input.metric == .value
            ? format.number(value, decimals: input.indicator.decimals)
            : inPoints ? format.signedPoints(value) : format.signedPercent(value)
          marks[index] = (
            Rect(
              x: point.x - markerRadius, y: point.y - markerRadius, width: 2 * markerRadius,
              height: 2 * markerRadius), text
          )
        }
      }
      if !segment.isEmpty { segments.append(segment) }
      for points in segments where points.count > 1 {
        items.append(.shape(Shape(.polyline(points), stroke: stroke)))
        obstacles += LabelPlacer.lineBoxes(points)
      }
      for points in segments {
        for p in points {
          items.append(
            .shape(
              Shape(
                .circle(center: p, radius: markerRadius), fill: stroke.color,
                stroke: StrokeStyle(color: .white, width: 0.5))))
          obstacles.append(
            Rect(
              x: p.x - markerRadius, y: p.y - markerRadius, width: 2 * markerRadius,
              height: 2 * markerRadius))
        }
      }
    }
    var placer = LabelPlacer(
      bounds: Rect(x: left, y: top, width: rect.maxX - left, height: bottom - top),
      gap: theme.length(.labelSpacing), obstacles: obstacles,
      preference: .vertical)
    // The last and first periods and the focus's extremes first, then as many as fit beside
    // their point, never further out.
    let focusValues = series.indices.compactMap { i in series[i][0].map { (i, $0) } }
    let keys =
      [periods.count - 1, 0] + [focusValues.max { $0.1 < $1.1 }, focusValues.min { $0.1 < $1.1 }]
      .compactMap { $0?.0 }
    let first = keys.reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
    var leftOut = 0
    for index in first + series.indices.filter({ !first.contains($0) }) {
      guard let (box, text) = marks[index] else { continue }
      let style = theme.text(
        text == format.missing || text == format.masked ? .labelMissing : .labelValueFocus)
      let size = kit.size(text, style)
      guard let spot = placer.place(size, near: box, allowingLeader: false) else {
        if first.contains(index) {
          findings.append(Finding(.notice, .labelDropped(text)))
        } else {
          leftOut += 1
        }
        continue
      }
      items.append(.text(TextRun(text: text, origin: spot.rect.origin, style: style, size: size)))
    }
    if leftOut > 0 {
      findings.append(Finding(.notice, .labelsLeftOut(leftOut, of: "\(focusName) value")))
    }
    return ComposedFrame(
      items: [.group(name: "trend-line", clip: nil, items: items)], findings: findings, bounds: rect
    )
  }
}
