import BriefingCore
import BriefingStats

// MARK: - Scatter input

/// Level against growth for one indicator and period: one point per member region.
public typealias ScatterInput = OneIndicatorChartInput

// MARK: - Scatter data

/// What the scatter draws, before any geometry.
public struct ScatterData: Sendable {
  /// One plotted region: level in the indicator's unit (x), growth in % (y; a rate: its change
  /// in points).
  public struct Point: Hashable, Sendable {
    public var id: RegionID
    public var name: String
    public var x: Double
    public var y: Double
    public var isFocus: Bool
  }
  /// Plotted regions, focus first.
  public var points: [Point] = []
  /// Regions not plotted: display name and the mark shown (`—` missing, `*` masked).
  public var absent: [(name: String, mark: String)] = []
  /// Group mean level (vertical quadrant line), in the indicator's unit.
  public var meanLevel: Double?
  /// Group growth (horizontal quadrant line), % (a rate: the group's change in points).
  public var groupGrowth: Double?
  /// The x axis title, 「地区生产总值（亿元）」 / "GDP (亿元)".
  public var levelTitle = ""
  /// The y axis title: the rows' basis (同比增长（%）, a rate's points).
  public var growthTitle = ""
  public var indicatorName = ""
  public var format = NumberFormat.chinese
}

// MARK: - Scatter composer

/// Level (x) against growth (y) with quadrant lines at the group mean level and the group growth.
/// Both axes take as many ticks as their labels leave room for (`NumericAxis.fitted`; a panel
/// without room for two tick labels on an axis draws nothing and warns area-too-small). Labels
/// are placed collision-free: the focus and the extremes first (right, left, above, below, then
/// further out with a leader line), the others only right beside their point; the labels left
/// out are counted in a caption on the chart (「另有12个地区未标注」 / "12 more regions not
/// labelled"), on the x title's line when it fits there, else on a line of its own; its place
/// is kept free of labels (an obstacle to the label placer) whenever labels may be left out.
/// Regions without both figures are listed in a note, never drawn at 0; with no point at all
/// the panel says 无数据 / No data instead of drawing axes.
public struct ScatterComposer: ComponentComposing {
  static let component = "scatter"

  /// Peer point radius. Default: 2.5 pt.
  public var pointRadius: Double
  /// Focus point radius. Default: 4 pt.
  public var focusRadius: Double

  public init(pointRadius: Double = 2.5, focusRadius: Double = 4) {
    self.pointRadius = pointRadius
    self.focusRadius = focusRadius
  }

  // MARK: - Phases

  /// The plottable points (focus first), the regions left out with their mark (`—`/`*`), the
  /// group figures for the quadrant lines and the axis titles.
  public func prepare(_ input: ScatterInput) -> ScatterData {
    var data = ScatterData()
    for row in ChartText.members(input.rows) {
      let name = ChartText.name(row.region, input.names)
      if let level = ChartText.drawable(row), let growth = row.shownChange, growth.isFinite {
        data.points.append(
          ScatterData.Point(
            id: row.region, name: name, x: level, y: growth, isFocus: row.region == input.focus))
      } else {
        data.absent.append((name, ChartText.absentMark(row, input.format)))
      }
    }
    data.points.sort { ($0.isFocus ? 1 : 0) > ($1.isFocus ? 1 : 0) }
    data.meanLevel = input.rows.lazy.compactMap(\.groupMean).first
    data.groupGrowth =
      Self.inPoints(input)
      ? input.rows.first(where: \.isGroupRow)?.changeFromPrior
      : input.rows.lazy.compactMap(\.groupGrowthPct).first
    let basis = ChangeBasis(rows: input.rows)
    data.growthTitle =
      Self.inPoints(input)
      ? basis.pointsTitle(input.format, unit: input.indicator.unit)
      : basis.growthTitle(input.format)
    data.levelTitle = ChartText.titleWithUnit(
      input.indicator.name, unit: input.indicator.unit, input.format)
    data.indicatorName = input.indicator.name
    data.format = input.format
    return data
  }

  /// True when the indicator is a rate: y is its change in points (`shownChange`).
  static func inPoints(_ input: ScatterInput) -> Bool {
    input.rows.first?.changesInPoints ?? input.indicator.changesInPoints
  }

  /// Draws the scatter into `rect` (points); see the type's doc for the layout.
  public func compose(
    _ data: ScatterData, in rect: Rect, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> ComposedFrame {
    guard !data.points.isEmpty else {
      return NoDataPanel.frame(
        Self.component, title: data.levelTitle, indicator: data.indicatorName,
        format: data.format, in: rect, theme: theme, kit: TextKit(measurer: measurer))
    }
    let layout = ScatterLayout(
      composer: self, data: data, rect: rect, theme: theme, kit: TextKit(measurer: measurer))
    let first = layout.frame(captionLine: false)
    return first.captionFits ? first.frame : layout.frame(captionLine: true).frame
  }

  /// The same as `compose(input:in:theme:measurer:)`, for callers written before the composer
  /// took the `prepare` → `compose` phases (the layout dispatch).
  public func compose(
    _ input: ScatterInput, in rect: Rect, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> ComposedFrame {
    compose(input: input, in: rect, theme: theme, measurer: measurer)
  }

}

// MARK: - Layout

/// One layout pass of a scatter (internal: holds the inputs of one `compose` call).
private struct ScatterLayout<M: TextMeasuring> {
  let composer: ScatterComposer
  let data: ScatterData
  let rect: Rect
  let theme: ResolvedTheme
  let kit: TextKit<M>

  /// The chart, with the count of labels left out on its own line above the x title when
  /// `captionLine`, else beside the x title; `captionFits` is false when it is not on its own
  /// line and does not fit there (the caption is then left out of this frame).
  func frame(captionLine: Bool) -> (frame: ComposedFrame, captionFits: Bool) {
    let format = data.format
    var findings = data.absent.map {
      Finding(.notice, .valueNotShown($0.name, data.indicatorName, shownAs: $0.mark))
    }
    var items: [FrameItem] = []
    let points = data.points
    let levels = points.map(\.x) + [data.meanLevel].compactMap { $0 }
    let growths = points.map(\.y) + [data.groupGrowth].compactMap { $0 }

    // Frame: note, caption line, titles, axes.
    let titleStyle = theme.text(.axisTitle)
    let noteStyle = theme.text(.noteText)
    var bottom = rect.maxY
    if !data.absent.isEmpty {
      let note = kit.fitted(
        ChartText.notPlotted([(nil, data.absent)], format), noteStyle, maxWidth: rect.width,
        findings: &findings)
      let run = kit.measurer.run(
        note, style: noteStyle, at: Point(x: rect.minX, y: rect.maxY), vertical: .bottom)
      items.append(.text(run))
      bottom = run.bounds.minY - 2
    }
    let captionBottom = bottom
    if captionLine { bottom -= kit.size("国", noteStyle).height + 2 }
    let xTitle = kit.fitted(data.levelTitle, titleStyle, maxWidth: rect.width, findings: &findings)
    let xTitleRun = kit.measurer.run(
      xTitle, style: titleStyle, at: Point(x: rect.maxX, y: bottom), alignment: .right,
      vertical: .bottom)
    let yTitle = kit.fitted(data.growthTitle, titleStyle, maxWidth: rect.width, findings: &findings)
    let yTitleRun = kit.measurer.run(
      yTitle, style: titleStyle, at: Point(x: rect.minX, y: rect.minY))
    items += [.text(xTitleRun), .text(yTitleRun)]

    let (xStyle, yStyle) = (theme.text(.axisTextX), theme.text(.axisTextY))
    let tickLabelHeight = kit.size("0", xStyle).height
    let tick = theme.length(.tickLength)
    let plotTop = yTitleRun.bounds.maxY + 4
    let plotHeight = max(1, xTitleRun.bounds.minY - 2 - tickLabelHeight - tick - 1 - plotTop)
    let yHalf = kit.size("0", yStyle).height / 2 + 1
    // Each axis takes as many ticks as its labels leave room for (heights on y, widths on x).
    let yFit = NumericAxis.fitted(
      covering: growths, includeZero: true, side: .left, format: format, style: yStyle, kit: kit
    ) { axis in
      let map = AxisMap(
        domain: axis.domain, start: plotTop + plotHeight - yHalf, end: plotTop + yHalf)
      return (map, map)
    }
    guard let (yAxis, yScale) = yFit else { return (areaTooSmall(findings), true) }
    let yLabelWidth = yAxis.labelWidth(format, yStyle, kit)
    let xFit = NumericAxis.fitted(
      covering: levels, includeZero: false, side: .below, format: format, style: xStyle, kit: kit
    ) { axis in
      let xEdge = axis.labelWidth(format, xStyle, kit) / 2
      let minX = rect.minX + max(yLabelWidth + tick + 2, xEdge)
      let plot = Rect(
        x: minX, y: plotTop, width: max(1, rect.maxX - xEdge - minX), height: plotHeight)
      return (plot, AxisMap(domain: axis.domain, start: plot.minX, end: plot.maxX))
    }
    guard let (xAxis, plotRect) = xFit else { return (areaTooSmall(findings), true) }
    let xScale = AxisMap(domain: xAxis.domain, start: plotRect.minX, end: plotRect.maxX)
    items += yAxis.vertical(scale: yScale, x: plotRect.minX, format: format, theme: theme, kit: kit)
    items += xAxis.horizontal(
      scale: xScale, y: plotRect.maxY, format: format, theme: theme, kit: kit)

    // Quadrant lines (labels keep clear of them).
    var lineBoxes: [Rect] = []
    if let reference = theme.line(.referenceLine) {
      if let meanLevel = data.meanLevel {
        let x = xScale.map(meanLevel)
        items.append(
          .shape(
            Shape(
              .line(from: Point(x: x, y: plotRect.minY), to: Point(x: x, y: plotRect.maxY)),
              stroke: reference)))
        lineBoxes.append(Rect(x: x - 0.5, y: plotRect.minY, width: 1, height: plotRect.height))
      }
      if let groupGrowth = data.groupGrowth {
        let y = yScale.map(groupGrowth)
        items.append(
          .shape(
            Shape(
              .line(from: Point(x: plotRect.minX, y: y), to: Point(x: plotRect.maxX, y: y)),
              stroke: reference)))
        lineBoxes.append(Rect(x: plotRect.minX, y: y - 0.5, width: plotRect.width, height: 1))
      }
    }

    // Points, then labels around them.
    var obstacles = ItemBounds.texts(items) + lineBoxes
    var marks: [(ScatterData.Point, Rect)] = []
    for point in points {
      let radius = point.isFocus ? composer.focusRadius : composer.pointRadius
      let center = Point(x: xScale.map(point.x), y: yScale.map(point.y))
      let fill = point.isFocus ? theme.fill(.highlightFill) : theme.fill(.barFill)
      items.append(
        .shape(
          Shape(
            .circle(center: center, radius: radius), fill: fill,
            stroke: StrokeStyle(color: .white, width: 0.5))))
      let box = Rect(
        x: center.x - radius, y: center.y - radius, width: radius * 2, height: radius * 2)
      obstacles.append(box)
      marks.append((point, box))
    }
    // The focus and the extremes first (with a leader line when needed), then the others
    // beside their point where they fit.
    let extremes = [
      points.max { $0.x < $1.x }, points.min { $0.x < $1.x }, points.max { $0.y < $1.y },
      points.min { $0.y < $1.y },
    ].compactMap { $0?.id }
    let first = (points.filter(\.isFocus).map(\.id) + extremes).reduce(into: [RegionID]()) {
      if !$0.contains($1) { $0.append($1) }
    }
    let ordered =
      first.compactMap { id in marks.first { $0.0.id == id } }
      + marks.filter { !first.contains($0.0.id) }
    var placer = LabelPlacer(bounds: rect, gap: theme.length(.labelSpacing), obstacles: obstacles)
    // The caption's place is kept free of labels, as wide as it is with every other label left
    // out, whenever there are other labels.
    let captionAt = Point(x: rect.minX, y: captionLine ? captionBottom : bottom)
    let others = ordered.count - first.count
    if others > 0 {
      placer.reserve(
        kit.measurer.run(
          Self.caption(others, format), style: noteStyle, at: captionAt, vertical: .bottom
        ).bounds)
    }
    var leftOut = 0
    for (point, box) in ordered {
      let isFirst = first.contains(point.id)
      let style = theme.text(point.isFocus ? .labelValueFocus : .labelValue)
      let size = kit.size(point.name, style)
      guard let spot = placer.place(size, near: box, allowingLeader: isFirst) else {
        if isFirst {
          findings.append(Finding(point.isFocus ? .warning : .notice, .labelDropped(point.name)))
        } else {
          leftOut += 1
        }
        continue
      }
      if spot.leader, let leader = theme.line(.ruleMinor) {
        let end = Point(
          x: min(max(box.midX, spot.rect.minX), spot.rect.maxX),
          y: min(max(box.midY, spot.rect.minY), spot.rect.maxY))
        items.append(
          .shape(Shape(.line(from: Point(x: box.midX, y: box.midY), to: end), stroke: leader)))
      }
      items.append(
        .text(TextRun(text: point.name, origin: spot.rect.origin, style: style, size: size)))
    }

    // The count of labels left out: beside the x title, else on its own line.
    var captionFits = true
    if leftOut > 0 {
      let caption = kit.measurer.run(
        Self.caption(leftOut, format), style: noteStyle, at: captionAt, vertical: .bottom)
      captionFits =
        captionLine || caption.bounds.maxX + theme.length(.labelSpacing) <= xTitleRun.bounds.minX
      if captionFits { items.append(.text(caption)) }
    }
    let frame = ComposedFrame(
      items: [.group(name: ScatterComposer.component, clip: nil, items: items)],
      findings: findings, bounds: rect)
    return (frame, captionFits)
  }

  /// Nothing drawn: the panel has no room for two tick labels on an axis.
  private func areaTooSmall(_ findings: [Finding]) -> ComposedFrame {
    ComposedFrame(
      findings: findings + [Finding(.warning, .areaTooSmall(ScatterComposer.component))],
      bounds: rect)
  }

  /// 「另有12个地区未标注」 / "12 more regions not labelled".
  static func caption(_ count: Int, _ format: NumberFormat) -> String {
    switch format.style {
    case .chinese: format.wording("另有\(count)个地区未标注")
    case .english: "\(count) more region\(count == 1 ? "" : "s") not labelled"
    }
  }
}
