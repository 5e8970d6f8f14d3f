import BriefingCore

// MARK: - Gaps

/// A bar grouped bars cannot draw: this period's value (missing or masked) or the basis
/// period's (missing) of one pair.
struct BarGap {
  /// Index of the pair in `GroupedBarData.pairs`.
  let pair: Int
  /// True for the basis period's bar.
  let isPrior: Bool
  /// What stands for it: `—` missing, `*` masked.
  let mark: String
}

extension GroupedBarData {
  /// Every bar without a value, pair by pair (this period's bar before the basis period's).
  var gaps: [BarGap] {
    return pairs.indices.flatMap { index -> [BarGap] in
      let pair = pairs[index]
      return [
        pair.value == nil ? BarGap(pair: index, isPrior: false, mark: pair.absentMark) : nil,
        pair.prior == nil ? BarGap(pair: index, isPrior: true, mark: format.missing) : nil,
      ].compactMap { $0 }
    }
  }
}

// MARK: - Layout

/// The geometry of one grouped-bar chart below its heading (internal: holds the inputs of one
/// `compose` call): the value axis, bands, names and value labels (`plot`), and the marks of
/// the gaps on their bars or the note that lists them instead (`arranged`). Points.
struct GroupedBarLayout<M: TextMeasuring> {
  let data: GroupedBarData
  let rect: Rect
  /// Top of the plot, below the heading.
  let top: Double
  let theme: ResolvedTheme
  let kit: TextKit<M>

  /// One plot: the value axis and the map it is drawn on, the bands, the names under them and
  /// the value labels' placement.
  struct Plot {
    let axis: NumericAxis
    let yMap: AxisMap
    /// The plot's left edge (the value axis).
    let left: Double
    let bands: BandScale
    /// Width of one bar (half a band).
    let barWidth: Double
    let names: CategoryNames
    /// Bottom of the last line of names.
    let namesBottom: Double
    let labels: ValueLabels<M>
    /// Where value labels and marks may go (y, down).
    let labelSpace: ClosedRange<Double>

    /// Left edge of pair `index`'s bar of this period, or of the basis period when `prior`.
    func barStart(_ index: Int, prior: Bool) -> Double {
      bands.bandStart(index) + (prior ? barWidth : 0)
    }
  }

  /// One bar drawn: its pair, its period and its rectangle.
  struct Bar {
    let pair: Int
    let isPrior: Bool
    let rect: Rect
  }

  // MARK: - Methods

  /// The plot with the value axis that has the most ticks its labels leave room for
  /// (`NumericAxis.fitted`), over a line for the note when `noteLine`, and room above (below)
  /// the bars for every value label as narrow as its band, else for the focus's alone; nil when
  /// the area leaves no room for a plot with two tick labels and the focus's value label.
  func plot(noteLine: Bool) -> Plot? {
    plot(noteLine: noteLine, roomForEvery: true) ?? plot(noteLine: noteLine, roomForEvery: false)
  }

  /// The plot of `plot(noteLine:)`, room made for every label that fits its band when
  /// `roomForEvery`, else for the focus's label only.
  private func plot(noteLine: Bool, roomForEvery: Bool) -> Plot? {
    let format = data.format
    let yStyle = theme.text(.axisTextY)
    let yHalf = kit.size("0", yStyle).height / 2 + 1
    let namesBottom = noteLine ? rect.maxY - noteHeight - 2 : rect.maxY
    let values = data.pairs.flatMap { [$0.value, $0.prior].compactMap { $0 } }
    let fit = NumericAxis.fitted(
      covering: values, includeZero: true, side: .left, format: format, style: yStyle, kit: kit
    ) { axis -> (plot: Plot, map: AxisMap)? in
      let left =
        rect.minX + axis.labelWidth(format, yStyle, kit) + theme.length(.tickLength) + 2
      let bands = BandScale(
        count: data.pairs.count, range: left...rect.maxX, thickness: theme.length(.barThickness))
      let names = CategoryNames(
        data.pairs.map { ($0.name, $0.isFocus) }, bands: bands, bounds: rect.minX...rect.maxX,
        regular: theme.text(.axisTextX), focus: theme.text(.axisTextYFocus),
        minimum: theme.length(.minTextSize), kit: kit)
      let bottom = namesBottom - names.height - 3
      // The value scale, leaving room for the labels beyond the bars they span.
      let labels = ValueLabels(
        data: data, bands: bands, barWidth: bands.bandwidth / 2, clamp: (left + 2)...rect.maxX,
        scale: ValueLabels.scale(data, step: bands.step, theme: theme, kit: kit), theme: theme,
        kit: kit)
      guard bottom - top > 2 * yHalf + 1 else { return nil }
      let labelSpace = top...(bottom - yHalf)
      guard
        let yMap = labels.scale(
          axis.domain, from: bottom - yHalf, to: top + yHalf, labelsWithin: labelSpace,
          every: roomForEvery)
      else { return nil }
      let plot = Plot(
        axis: axis, yMap: yMap, left: left, bands: bands, barWidth: bands.bandwidth / 2,
        names: names, namesBottom: namesBottom, labels: labels, labelSpace: labelSpace)
      return (plot, yMap)
    }
    return fit?.plot
  }

  /// Every bar with a value, from the zero line to its value, pair by pair.
  func bars(on plot: Plot) -> [Bar] {
    let y0 = plot.yMap.map(0)
    return data.pairs.indices.flatMap { index -> [Bar] in
      let pair = data.pairs[index]
      return [(pair.value, false), (pair.prior, true)].compactMap { value, isPrior in
        guard let value else { return nil }
        let y1 = plot.yMap.map(value)
        let rect = Rect(
          x: plot.barStart(index, prior: isPrior), y: min(y0, y1), width: plot.barWidth,
          height: abs(y1 - y0))
        return Bar(pair: index, isPrior: isPrior, rect: rect)
      }
    }
  }

  /// The marks of the gaps (`—` / `*`, label-missing style) centred on their bars, just above
  /// the zero line; nil when they do not all fit there: inside the plot, clear of one another,
  /// of the bars drawn and of the focus's value label.
  func marks(on plot: Plot) -> [TextRun]? {
    let style = theme.text(.labelMissing)
    let y0 = plot.yMap.map(0)
    let area = Rect(
      x: plot.left, y: plot.labelSpace.lowerBound, width: rect.maxX - plot.left,
      height: plot.labelSpace.upperBound - plot.labelSpace.lowerBound)
    var taken =
      bars(on: plot).map(\.rect) + [plot.labels.focusRun(plot.yMap)?.bounds].compactMap { $0 }
    var runs: [TextRun] = []
    for gap in data.gaps {
      let center = plot.barStart(gap.pair, prior: gap.isPrior) + plot.barWidth / 2
      let run = kit.measurer.run(
        gap.mark, style: style, at: Point(x: center, y: y0 - 1), alignment: .center,
        vertical: .bottom)
      guard area.contains(run.bounds), !taken.contains(where: { $0.intersects(run.bounds) })
      else { return nil }
      taken.append(run.bounds)
      runs.append(run)
    }
    return runs
  }

  /// The plot and the texts that show its gaps, the first of these that fits: the marks on
  /// their bars; the note in full in `room` (the free stretch of the heading's last line); the
  /// note on a line of its own under the names, shortened with `…` to the panel's width (a
  /// finding says so); else no text at all (`gapTexts` nil: the caller names the gaps in a
  /// warning). Nil when there is no room for a plot. Without gaps: the plot and no text.
  func arranged(headingRoom room: Rect, findings: inout [Finding]) -> (
    plot: Plot, gapTexts: [TextRun]?
  )? {
    let plain = plot(noteLine: false)
    guard !data.gaps.isEmpty else { return plain.map { ($0, []) } }
    if let plain, let marks = marks(on: plain) { return (plain, marks) }
    let style = theme.text(.noteText)
    let text = ChartText.notPlotted(noteGroups, data.format)
    if let plain, kit.size(text, style).width <= room.width {
      let run = kit.measurer.run(
        text, style: style, at: Point(x: room.maxX, y: room.midY), alignment: .right,
        vertical: .middle)
      return (plain, [run])
    }
    if let lower = plot(noteLine: true) {
      let shown = kit.fitted(text, style, maxWidth: rect.width, findings: &findings)
      let run = kit.measurer.run(
        shown, style: style, at: Point(x: rect.minX, y: rect.maxY), vertical: .bottom)
      return (lower, [run])
    }
    return plain.map { ($0, nil) }
  }

  /// Each gap as `name period (mark)`, for a warning naming gaps the chart does not show.
  var gapNames: [String] {
    data.gaps.map { gap in
      let period = gap.isPrior ? data.priorTitle : data.periodTitle
      return "\(data.pairs[gap.pair].name) \(period) (\(gap.mark))"
    }
  }

  /// The note's lists, by period: 「基期（—）」 when every pair misses that period alike (one
  /// period of data has no basis values), else the period's title and its regions.
  private var noteGroups: [(title: String?, absent: [(name: String, mark: String)])] {
    let gaps = data.gaps
    return [(false, data.periodTitle), (true, data.priorTitle)].map { isPrior, title in
      let own = gaps.filter { $0.isPrior == isPrior }
      if own.count == data.pairs.count, Set(own.map(\.mark)).count == 1 {
        return (nil, [(title, own[0].mark)])
      }
      return (title, own.map { (data.pairs[$0.pair].name, $0.mark) })
    }
  }

  /// Height of the note's line.
  private var noteHeight: Double { kit.size("国", theme.text(.noteText)).height }
}

// MARK: - Value labels

/// Where the value labels of grouped bars go: centred on their bar, above every bar they span
/// (below for negative values). The focus's label is always drawn, and the scale is squeezed
/// until it fits inside the plot; the others only inside their band, inside the plot and clear
/// of the focus's label and of the gaps' marks, in a size that lets every one of them fit its
/// band's width where one does (`scale`).
struct ValueLabels<M: TextMeasuring> {
  let data: GroupedBarData
  let bands: BandScale
  let barWidth: Double
  /// Labels are moved inside these x limits (clear of the value axis labels).
  let clamp: ClosedRange<Double>
  /// The other labels' size relative to the theme's `label.value` (see `scale(_:step:…)`).
  let scale: Double
  let theme: ResolvedTheme
  let kit: TextKit<M>

  /// The size of the labels other than the focus's, as a factor of the theme's: its own size,
  /// then 0.5 pt less each time down to the theme's minimum size, the first at which each of
  /// them is at most its band's `step` less 2 pt wide; the minimum when none is.
  static func scale(
    _ data: GroupedBarData, step: Double, theme: ResolvedTheme, kit: TextKit<M>
  ) -> Double {
    let style = theme.text(.labelValue)
    let minimum = min(style.size, theme.length(.minTextSize))
    let texts = data.pairs.filter { !$0.isFocus }.compactMap(\.label)
    let sizes = Array(stride(from: style.size, to: minimum, by: -0.5)) + [minimum]
    let fitting = sizes.first { size in
      texts.allSatisfy { kit.size($0, style.scaled(size / style.size)).width <= step - 2 }
    }
    return (fitting ?? minimum) / style.size
  }

  /// A map of `domain` from `start` (bottom) to `end` (top), its ends moved inward until the
  /// focus's label, and with `every` each other label as narrow as its band, lies within
  /// `vertical` (points, y down); nil when that leaves no plot.
  func scale(
    _ domain: ClosedRange<Double>, from start: Double, to end: Double,
    labelsWithin vertical: ClosedRange<Double>, every: Bool
  ) -> AxisMap? {
    var map = AxisMap(domain: domain, start: start, end: end)
    let kept = data.pairs.indices.filter { index in
      data.pairs[index].isFocus
        || every && label(index, map).map { $0.bounds.width <= bands.step - 2 } == true
    }
    for _ in 0..<20 {
      let runs = kept.compactMap { label($0, map) }
      guard !runs.isEmpty else { return map }
      let above = vertical.lowerBound - (runs.map(\.bounds.minY).min() ?? vertical.lowerBound)
      let below = (runs.map(\.bounds.maxY).max() ?? vertical.upperBound) - vertical.upperBound
      guard above > 0.01 || below > 0.01 else { return map }
      map = AxisMap(
        domain: domain, start: map.start - max(0, below), end: map.end + max(0, above))
      guard map.start - map.end > 1 else { return nil }
    }
    return nil
  }

  /// The focus's label on `map`, nil without a focus or without its value.
  func focusRun(_ map: AxisMap) -> TextRun? {
    data.pairs.firstIndex(where: \.isFocus).flatMap { label($0, map) }
  }

  /// The labels to draw (the focus's, then every other that fits its band, inside `vertical`,
  /// clear of the focus's and of `obstacles`), and the others as `name label` (`Nigeria 33,331`).
  func runs(_ map: AxisMap, within vertical: ClosedRange<Double>, avoiding obstacles: [Rect])
    -> (placed: [TextRun], leftOut: [String])
  {
    let focus = data.pairs.firstIndex(where: \.isFocus)
    var placed = focusRun(map).map { [$0] } ?? []
    var leftOut: [String] = []
    for index in data.pairs.indices where index != focus {
      guard let run = label(index, map) else { continue }
      // 0.01 pt: the slack `scale` leaves when it makes room.
      let fits =
        run.bounds.width <= bands.step - 2 && run.bounds.minY >= vertical.lowerBound - 0.01
        && run.bounds.maxY <= vertical.upperBound + 0.01
        && !(placed.map(\.bounds) + obstacles).contains { $0.intersects(run.bounds) }
      if fits {
        placed.append(run)
      } else {
        leftOut.append("\(data.pairs[index].name) \(run.text)")
      }
    }
    return (placed, leftOut)
  }

  /// Pair `index`'s label centred on its bar, above the bars its width spans (below them for a
  /// negative value), or nil without a value.
  private func label(_ index: Int, _ map: AxisMap) -> TextRun? {
    let pair = data.pairs[index]
    guard let value = pair.value, let text = pair.label else { return nil }
    let style =
      pair.isFocus ? theme.text(.labelValueFocus) : theme.text(.labelValue).scaled(scale)
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
