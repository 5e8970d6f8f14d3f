import BriefingCore

// MARK: - Numeric axes shared by the Extra charts

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

  /// Where tick marks and labels go: left of a vertical axis or below a horizontal one.
  private enum Side { case left, below }

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
