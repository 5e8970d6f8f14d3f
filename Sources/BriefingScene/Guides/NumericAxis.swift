import BriefingCore

// MARK: - Numeric axes shared by the grouped bar, scatter, trend line and small multiples

/// A nice numeric axis: domain extended to whole tick steps, tick values and their labels.
struct NumericAxis {
  // MARK: - Properties
  let domain: ClosedRange<Double>
  let ticks: [Double]
  let decimals: Int

  // MARK: - Initialization

  /// An axis covering `values` (and 0 when `includeZero`), about `targetCount` intervals.
  /// Empty input gives 0...1.
  init(covering values: [Double], includeZero: Bool, targetCount: Int = 5) {
    var lo = values.min() ?? 0
    var hi = values.max() ?? 1
    if includeZero {
      lo = min(lo, 0)
      hi = max(hi, 0)
    }
    if hi - lo < 1e-9 {
      lo -= 1
      hi += 1
    }
    let step = NiceScale.step(span: hi - lo, targetCount: targetCount)
    let niceLo = (lo / step).rounded(.down) * step
    let niceHi = (hi / step).rounded(.up) * step
    domain = niceLo...niceHi
    ticks = NiceScale.ticks(lo: niceLo, hi: niceHi, step: step)
    decimals = NumberFormat.decimals(forStep: step)
  }

  /// The same axis with ticks at the ends of its domain only.
  private init(endsOf axis: NumericAxis) {
    domain = axis.domain
    ticks = [axis.domain.lowerBound, axis.domain.upperBound]
    decimals = axis.decimals
  }

  // MARK: - Fitting the ticks to their labels

  /// Which side of the plot an axis runs along: its labels left of a vertical axis (measured by
  /// their heights along it) or below a horizontal one (measured by their widths).
  enum Side { case left, below }

  /// Interval counts tried, most first.
  static let intervalCounts = Array((1...5).reversed())

  /// Least room between neighbouring tick labels along the axis, points: 4 pt between the
  /// widths of labels side by side, 1 pt between the heights of labels one above the other
  /// (a line box already holds the leading above and below its digits).
  static func labelGap(_ side: Side) -> Double {
    switch side {
    case .left: 1
    case .below: 4
    }
  }

  /// The one tick-thinning rule of every value axis: the axis over `values` (and 0 when
  /// `includeZero`) with the most intervals (5, 4, … 1; then the five-interval domain, the
  /// tightest, ticked at its two ends only) whose tick labels, measured along the axis, keep
  /// `labelGap(side)` apart where `layout` puts that axis. `layout` builds what the chart draws
  /// around an axis (its plot) and returns it with the map it places the axis on, or nil when
  /// there is no room at all. Nil when no candidate keeps its labels apart.
  static func fitted<Plot>(
    covering values: [Double], includeZero: Bool, side: Side, format: NumberFormat,
    style: TextStyle, kit: TextKit<some TextMeasuring>,
    layout: (NumericAxis) -> (plot: Plot, map: AxisMap)?
  ) -> (axis: NumericAxis, plot: Plot)? {
    let counted = intervalCounts.map {
      NumericAxis(covering: values, includeZero: includeZero, targetCount: $0)
    }
    for axis in counted + counted.prefix(1).map(NumericAxis.init(endsOf:)) {
      guard let (plot, map) = layout(axis) else { continue }
      if axis.labelsApart(on: map, side: side, format: format, style: style, kit: kit) {
        return (axis, plot)
      }
    }
    return nil
  }

  /// True when every two neighbouring tick labels placed by `map` keep `labelGap(side)` apart,
  /// measured along the axis (heights for `.left`, widths for `.below`).
  func labelsApart(
    on map: AxisMap, side: Side, format: NumberFormat, style: TextStyle,
    kit: TextKit<some TextMeasuring>
  ) -> Bool {
    let extents = labels(format).map { text in
      let size = kit.size(text, style)
      return side == .left ? size.height : size.width
    }
    let placed = zip(ticks.map(map.map), extents)
    return zip(placed, placed.dropFirst()).allSatisfy { a, b in
      abs(b.0 - a.0) >= (a.1 + b.1) / 2 + Self.labelGap(side)
    }
  }

  // MARK: - Methods

  /// Tick label texts.
  func labels(_ format: NumberFormat) -> [String] {
    ticks.map { format.number($0, decimals: decimals) }
  }

  /// The widest tick label, in points.
  func labelWidth(_ format: NumberFormat, _ style: TextStyle, _ kit: TextKit<some TextMeasuring>)
    -> Double
  {
    labels(format).map { kit.size($0, style).width }.max() ?? 0
  }

  /// A vertical axis at `x` (labels right-aligned to its left, ticks pointing left).
  func vertical(
    scale: AxisMap, x: Double, format: NumberFormat, theme: ResolvedTheme,
    kit: TextKit<some TextMeasuring>
  ) -> [FrameItem] {
    axis(scale: scale, at: x, side: .left, format: format, theme: theme, kit: kit)
  }

  /// A horizontal axis at `y` (labels centred below it, ticks pointing down).
  func horizontal(
    scale: AxisMap, y: Double, format: NumberFormat, theme: ResolvedTheme,
    kit: TextKit<some TextMeasuring>
  ) -> [FrameItem] {
    axis(scale: scale, at: y, side: .below, format: format, theme: theme, kit: kit)
  }

  // MARK: - Private

  /// The axis line at `position` (x for `.left`, y for `.below`), a tick and a label per value.
  private func axis(
    scale: AxisMap, at position: Double, side: Side, format: NumberFormat, theme: ResolvedTheme,
    kit: TextKit<some TextMeasuring>
  ) -> [FrameItem] {
    let style = theme.text(side == .left ? .axisTextY : .axisTextX)
    let tick = theme.length(.tickLength)
    /// `along` the data direction, `outward` points away from the plot.
    func point(_ along: Double, _ outward: Double) -> Point {
      side == .left
        ? Point(x: position - outward, y: along) : Point(x: along, y: position + outward)
    }
    var items: [FrameItem] = []
    if let line = theme.line(.axisLine) {
      items.append(
        .shape(Shape(.line(from: point(scale.start, 0), to: point(scale.end, 0)), stroke: line)))
    }
    for (value, text) in zip(ticks, labels(format)) {
      let at = scale.map(value)
      if let stroke = theme.line(.axisTicks) {
        let (from, to) = side == .left ? (tick, 0.0) : (0.0, tick)
        items.append(
          .shape(Shape(.line(from: point(at, from), to: point(at, to)), stroke: stroke)))
      }
      let label = point(at, tick + 1)
      items.append(
        .text(
          side == .left
            ? kit.measurer.run(text, style: style, at: label, alignment: .right, vertical: .middle)
            : kit.measurer.run(text, style: style, at: label, alignment: .center)))
    }
    return items
  }
}

// MARK: - Directional mapping

/// Maps a data domain onto a drawing interval that may run either way (`start` > `end` for a
/// y axis growing upwards). Points.
struct AxisMap {
  let domain: ClosedRange<Double>
  let start: Double
  let end: Double

  /// The position of `value`, in points (not clamped).
  func map(_ value: Double) -> Double {
    let span = domain.upperBound - domain.lowerBound
    guard span > 0 else { return start }
    return start + (value - domain.lowerBound) / span * (end - start)
  }
}

// MARK: - Period labels under a time axis

/// Which periods a time axis names, and how, so that no two labels overlap and none is cut.
/// Every k-th period is named, k from 1, 2, 5, 10, 20, …, the smallest that fits; the last period
/// too when it fits after the k-th ones. A period title may take two lines in Chinese (`2024年` /
/// `上半年`); sub-year periods collapse to their years (`2024年`, `2024`) when their titles do
/// not fit one per period. Labels near the ends are shifted inward to stay inside `bounds`.
struct PeriodLabels {
  /// One named position: its lines (top first), its centre and width (points).
  struct Label {
    let lines: [String]
    let center: Double
    let width: Double
  }

  // MARK: - Properties
  let labels: [Label]
  /// Text lines the labels need (1 or 2).
  var lineCount: Int { labels.map(\.lines.count).max() ?? 1 }

  // MARK: - Initialization

  /// Labels for `periods` (ascending) centred at `center(index)`, kept inside `bounds` with at
  /// least `gap` points between neighbours.
  init(
    _ periods: [Period], center: (Int) -> Double, bounds: ClosedRange<Double>, gap: Double,
    format: NumberFormat, style: TextStyle, kit: TextKit<some TextMeasuring>
  ) {
    func label(_ lines: [String], at x: Double) -> Label {
      let width = lines.map { kit.size($0, style).width }.max() ?? 0
      let half = min(width, bounds.upperBound - bounds.lowerBound) / 2
      let inside = min(max(x, bounds.lowerBound + half), bounds.upperBound - half)
      return Label(lines: lines, center: inside, width: width)
    }
    let chinese = format.style == .chinese
    let oneLine = periods.enumerated().map { i, p in
      label([chinese ? p.chineseTitle : p.englishTitle], at: center(i))
    }
    let twoLines = periods.enumerated().map { i, p in
      chinese && !p.isFullYear ? label(["\(p.year)年", p.chineseLabel], at: center(i)) : oneLine[i]
    }
    // Years, each centred under its periods.
    let years = Dictionary(grouping: periods.indices, by: { periods[$0].year })
    let yearLabels = years.keys.sorted().map { year in
      let indices = years[year] ?? []
      let mid = indices.map(center).reduce(0, +) / Double(max(1, indices.count))
      return label([chinese ? "\(year)年" : "\(year)"], at: mid)
    }
    let collapses = yearLabels.count < periods.count
    var candidates: [[Label]] = []
    for step in Self.steps(upTo: periods.count) {
      if collapses, step > 1 { break }
      candidates += [
        Self.every(step, of: oneLine, gap: gap), Self.every(step, of: twoLines, gap: gap),
      ]
    }
    if collapses {
      candidates += Self.steps(upTo: yearLabels.count).map {
        Self.every($0, of: yearLabels, gap: gap)
      }
    }
    let room = bounds.upperBound - bounds.lowerBound
    let fits = candidates.first { Self.apart($0, gap: gap) && $0.allSatisfy { $0.width <= room } }
    labels = fits ?? Array(oneLine.prefix(1))
  }

  // MARK: - Private

  /// 1, 2, 5, 10, 20, 50, … up to the first step not below `count`.
  private static func steps(upTo count: Int) -> [Int] {
    var result: [Int] = []
    var magnitude = 1
    while result.last.map({ $0 < count }) ?? true {
      result += [magnitude, 2 * magnitude, 5 * magnitude]
      magnitude *= 10
    }
    return result
  }

  /// Every `step`-th label from the first, and the last when it fits after them.
  private static func every(_ step: Int, of all: [Label], gap: Double) -> [Label] {
    guard let last = all.last else { return [] }
    let chosen = stride(from: 0, to: all.count, by: step).map { all[$0] }
    guard (all.count - 1) % step != 0 else { return chosen }
    return apart(chosen + [last], gap: gap) ? chosen + [last] : chosen
  }

  /// True when neighbouring labels keep `gap` points apart.
  private static func apart(_ labels: [Label], gap: Double) -> Bool {
    zip(labels, labels.dropFirst()).allSatisfy { a, b in
      b.center - b.width / 2 >= a.center + a.width / 2 + gap
    }
  }
}

// MARK: - Panels without data

/// What a chart panel shows instead of axes when it has no value for its period: its title at
/// the top left, 「无数据」 / `No data` (language from the number format's style) centred below
/// it, and a warning finding naming the component and the indicator.
enum NoDataPanel {
  static func frame(
    _ component: String, title: String, indicator: String, format: NumberFormat, in rect: Rect,
    theme: ResolvedTheme, kit: TextKit<some TextMeasuring>
  ) -> ComposedFrame {
    var findings = [Finding(.warning, .panelWithoutData(component, indicator))]
    let titleStyle = theme.text(.axisTitle)
    let shown = kit.fitted(title, titleStyle, maxWidth: rect.width, findings: &findings)
    let titleRun = kit.measurer.run(shown, style: titleStyle, at: rect.origin)
    let note = NoDataNote.run(
      format, in: rect, below: titleRun.bounds.maxY, theme: theme, measurer: kit.measurer)
    return ComposedFrame(
      items: [.group(name: component, clip: nil, items: [.text(titleRun), .text(note)])],
      findings: findings, bounds: rect)
  }
}
