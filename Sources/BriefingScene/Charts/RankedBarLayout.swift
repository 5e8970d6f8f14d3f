import BriefingCore

// MARK: - Rows and columns

/// Which bars a ranked bar chart draws, and where: one column, or two side by side above
/// `splitAbove` bars (ranks 1…⌈n/2⌉ left, the rest right, rows aligned). When even rows at the
/// minimum text size leave too few rows, the lowest-ranked bars are left out; the focus is kept
/// in the last row instead of the bar that would have been there.
struct RankedBarRows: Equatable {
  // MARK: - Properties
  /// Indices into the chart's bars, column after column, each column in rank order.
  let shown: [Int]
  /// Indices of the bars with no room, in rank order.
  let leftOut: [Int]
  /// Rows in each column (the left column is the fuller one).
  let perColumn: Int

  // MARK: - Initialization

  /// - Parameters:
  ///   - height: the height of the bar area, points.
  ///   - minimumStep: the row height at which row texts reach the minimum size, points.
  init(bars: [RankedBar], splitAbove: Int, height: Double, minimumStep: Double) {
    let columns = bars.count > splitAbove ? 2 : 1
    let fitting = Int((height / minimumStep + 1e-9).rounded(.down))
    perColumn = min(Self.perColumn(count: bars.count, splitAbove: splitAbove), max(0, fitting))
    var shown = Array(bars.indices.prefix(perColumn * columns))
    if let focus = bars.firstIndex(where: \.isFocus), !shown.contains(focus), !shown.isEmpty {
      shown[shown.count - 1] = focus
    }
    self.shown = shown
    leftOut = bars.indices.filter { !shown.contains($0) }
  }

  // MARK: - Methods

  /// Rows per column for `count` bars: all in one column up to `splitAbove`, else ⌈count/2⌉.
  static func perColumn(count: Int, splitAbove: Int) -> Int {
    count > splitAbove ? (count + 1) / 2 : count
  }

  /// The least chart width, in points, that splits into two columns: each then keeps room for
  /// names, both signs' value labels and a readable bar (measured on the 52- and 150-member
  /// corpus: in a third of an A4 page, 176 pt, two 85 pt columns put negative bars' labels over
  /// the names). A narrower chart stays in one column and asks for more height. 300 pt.
  static let twoColumnWidth = 300.0

  /// `splitAbove` for a chart `width` points wide: unchanged from `twoColumnWidth` up, never
  /// split below it.
  static func splitAbove(_ splitAbove: Int, width: Double) -> Int {
    width >= twoColumnWidth ? splitAbove : .max
  }

  /// The column (0 or 1) and row of the `position`-th shown bar.
  func place(_ position: Int) -> (column: Int, row: Int) {
    (position / perColumn, position % perColumn)
  }

  /// 1 or 2.
  var columns: Int { (shown.count + perColumn - 1) / max(1, perColumn) }
}

// MARK: - Layout

/// One layout pass of a ranked bar chart (internal: holds the inputs of one `compose` call).
struct RankedBarLayout<Measurer: TextMeasuring> {
  let data: RankedBarData
  let rect: Rect
  let theme: ResolvedTheme
  let measurer: Measurer

  private var gap: Double { theme.length(.labelSpacing) }

  /// Space between two columns of bars: 4 label gaps (12 pt by default).
  private var columnGap: Double { gap * 4 }

  func compose(referenceRows: Int) -> (frame: ComposedFrame, neededRows: Int) {
    var findings: [Finding] = []
    // Each item with its column (nil: the chart's title and axis title).
    var texts: [(column: Int?, run: TextRun)] = []
    var shapes: [(column: Int, item: FrameItem)] = []
    let component = RankedBarComposer.component

    // MARK: Vertical bands
    var top = rect.minY
    if let title = data.title {
      let style = theme.text(.chartTitle)
      let fitted = measurer.truncated(title, style: style, maxWidth: rect.width)
      if fitted.truncated { findings.append(Finding(.warning, .labelTruncated(component, title))) }
      let run = measurer.run(
        fitted.text, style: style, at: Point(x: rect.midX, y: top), alignment: .center)
      texts.append((nil, run))
      top += run.size.height + gap * 2
    }
    let referenceStyle = theme.text(.labelReference)
    let referenceHeight = measurer.lineHeight(referenceStyle)
    let tickStyle = theme.text(.axisTextX)
    let axisTitleStyle = theme.text(.axisTitle)
    let tickLength = theme.length(.tickLength)
    let axisTitleHeight = measurer.lineHeight(axisTitleStyle)
    let plotTop = top + Double(referenceRows) * referenceHeight + (referenceRows > 0 ? gap : 0)
    let plotBottom =
      rect.maxY - axisTitleHeight - gap - measurer.lineHeight(tickStyle) - tickLength - 1
    guard plotBottom - plotTop > 1 else {
      return (
        ComposedFrame(
          findings: findings + [Finding(.warning, .areaTooSmall(component))], bounds: rect),
        referenceRows
      )
    }

    // MARK: Rows, columns and row text sizes
    let rowStyles = RowStyles(theme: theme)
    let natural = rowStyles.naturalStep(measurer)
    let minimum = theme.length(.minTextSize)
    let minimumFactor = rowStyles.minimumFactor(for: data, minimum: minimum)
    let rows = RankedBarRows(
      bars: data.bars, splitAbove: RankedBarRows.splitAbove(data.splitAbove, width: rect.width),
      height: plotBottom - plotTop,
      minimumStep: natural * minimumFactor)
    guard rows.perColumn > 0 else {
      return (
        ComposedFrame(
          findings: findings + [Finding(.warning, .areaTooSmall(component))], bounds: rect),
        referenceRows
      )
    }
    if !rows.leftOut.isEmpty {
      let names = rows.leftOut.map { data.bars[$0].name }
      findings.append(Finding(.warning, .barsLeftOut(component, names, minimum: minimum)))
    }
    let bars = rows.shown.map { data.bars[$0] }
    let band = BandScale(
      count: rows.perColumn, range: plotTop...plotBottom, thickness: theme.length(.barThickness))
    let styles = rowStyles.scaled(max(minimumFactor, min(1, band.step / natural)))

    // MARK: Horizontal bands
    let rankTexts = bars.map { bar in data.showRanks ? bar.rank.map(String.init) ?? "" : "" }
    let rankWidth =
      data.showRanks
      ? (rankTexts.map { measurer.width($0, style: styles.rank) }.max() ?? 0) + gap : 0
    let markTexts = bars.map { bar in bar.bottomMark.map { data.format.bottomRank($0) } ?? "" }
    let markWidths = markTexts.map { $0.isEmpty ? 0 : measurer.width($0, style: styles.alarm) }
    let marksWidth = (markWidths.max() ?? 0) > 0 ? (markWidths.max() ?? 0) + gap : 0
    let columnWidth = (rect.width - columnGap * Double(rows.columns - 1)) / Double(rows.columns)
    let nameCap = max(0, (columnWidth - rankWidth - marksWidth) * 0.4)
    var names: [String] = []
    for bar in bars {
      let style = bar.isFocus ? styles.focusName : styles.name
      if measurer.width(bar.name, style: style) <= nameCap {
        names.append(bar.name)
        continue
      }
      let fitted = measurer.truncated(bar.shortName, style: style, maxWidth: nameCap)
      if fitted.truncated {
        findings.append(Finding(.warning, .labelTruncated(component, bar.name)))
      }
      names.append(fitted.text)
    }
    let nameWidth =
      zip(names, bars).map { name, bar in
        measurer.width(name, style: bar.isFocus ? styles.focusName : styles.name)
      }.max() ?? 0
    let columnRects = (0..<rows.columns).map { column in
      Rect(
        x: rect.minX + Double(column) * (columnWidth + columnGap), y: rect.minY, width: columnWidth,
        height: rect.height)
    }
    let plotMinX = columnRects.map { $0.minX + rankWidth + nameWidth + gap }
    let plotMaxX = columnRects.map { $0.maxX - marksWidth }
    guard plotMaxX[0] - plotMinX[0] > 1 else {
      return (
        ComposedFrame(
          findings: findings + [Finding(.warning, .areaTooSmall(component))], bounds: rect),
        referenceRows
      )
    }

    // MARK: One scale fitted to the value labels, placed in each column
    let labelWidths = bars.map { bar in
      measurer.width(bar.label, style: styles.valueStyle(bar))
    }
    let labelled = zip(bars, labelWidths).map { (value: $0.value ?? 0, width: $1) }
    let domain = Self.fitted(
      RankedBarComposer().train(data), labels: labelled, width: plotMaxX[0] - plotMinX[0], gap: gap)
    let scales = (0..<rows.columns).map {
      LinearScale(domain: domain, range: plotMinX[$0]...plotMaxX[$0])
    }

    // MARK: Bars
    for (position, bar) in bars.enumerated() {
      guard let value = bar.value else { continue }
      let (column, row) = rows.place(position)
      let x0 = scales[column].map(0)
      let x1 = scales[column].map(value)
      let box = Rect(
        x: min(x0, x1), y: band.bandStart(row), width: abs(x1 - x0), height: band.bandwidth)
      shapes.append((column, .box(box, fill: theme.fill(bar.isFocus ? .highlightFill : .barFill))))
    }

    // MARK: Axes, zero lines, ticks
    for (column, scale) in scales.enumerated() {
      let zeroX = scale.map(0)
      let axes: [FrameItem?] = [
        .line(
          from: Point(x: zeroX, y: plotTop), to: Point(x: zeroX, y: plotBottom),
          stroke: theme.line(.zeroLine)),
        .line(
          from: Point(x: plotMinX[column], y: plotTop),
          to: Point(x: plotMinX[column], y: plotBottom), stroke: theme.line(.axisLine)),
        .line(
          from: Point(x: plotMinX[column], y: plotBottom),
          to: Point(x: plotMaxX[column], y: plotBottom), stroke: theme.line(.axisLine)),
      ]
      shapes += axes.compactMap { $0.map { (column, $0) } }
    }
    for (column, scale) in scales.enumerated() {
      for (tick, run) in ticks(
        scale, style: tickStyle, y: plotBottom + tickLength + 1, within: columnRects[column])
      {
        let x = scale.map(tick)
        if let mark = FrameItem.line(
          from: Point(x: x, y: plotBottom), to: Point(x: x, y: plotBottom + tickLength),
          stroke: theme.line(.axisTicks))
        {
          shapes.append((column, mark))
        }
        texts.append((column, run))
      }
    }
    let axisTitle = measurer.run(
      data.axisTitle, style: axisTitleStyle,
      at: Point(x: (plotMinX[0] + plotMaxX[rows.columns - 1]) / 2, y: rect.maxY),
      alignment: .center,
      vertical: .bottom)
    texts.append((nil, clampedX(axisTitle, within: rect)))

    // MARK: Value labels (placed first: reference lines leave a gap where they cross one)
    let valueRuns = bars.enumerated().map { position, bar in
      let (column, row) = rows.place(position)
      let value = bar.value ?? 0
      let end = scales[column].map(value)
      let anchor = Point(x: value < 0 ? end - gap : end + gap, y: band.center(row))
      return measurer.run(
        bar.label, style: styles.valueStyle(bar), at: anchor, alignment: value < 0 ? .right : .left,
        vertical: .middle)
    }

    // MARK: Reference lines and labels, in every column
    var rowsUsed: [[Rect]] = []
    for reference in data.references.sorted(by: { $0.value < $1.value }) {
      for (column, scale) in scales.enumerated() {
        let x = scale.map(reference.value)
        let key: LineKey = reference.kind == .average ? .referenceLine : .targetLine
        let crossed = valueRuns.map(\.bounds).filter { $0.minX <= x && x <= $0.maxX }
        for (top, bottom) in Self.segments(from: plotTop - gap / 2, to: plotBottom, around: crossed)
        {
          if let line = FrameItem.line(
            from: Point(x: x, y: top), to: Point(x: x, y: bottom), stroke: theme.line(key))
          {
            shapes.append((column, line))
          }
        }
        var run = clampedX(
          measurer.run(
            reference.label, style: referenceStyle, at: Point(x: x, y: 0), alignment: .center),
          within: columnRects[column])
        var row = 0
        while row < rowsUsed.count,
          rowsUsed[row].contains(where: { $0.intersects(run.bounds.inset(left: -gap, right: -gap)) }
          )
        {
          row += 1
        }
        if row == rowsUsed.count { rowsUsed.append([]) }
        rowsUsed[row].append(run.bounds)
        run.origin.y = plotTop - gap - Double(row + 1) * referenceHeight
        texts.append((column, run))
      }
    }

    // MARK: Row labels
    for (position, bar) in bars.enumerated() {
      let (column, row) = rows.place(position)
      let y = band.center(row)
      let nameStyle = bar.isFocus ? styles.focusName : styles.name
      texts.append(
        (
          column,
          measurer.run(
            names[position], style: nameStyle, at: Point(x: plotMinX[column] - gap, y: y),
            alignment: .right, vertical: .middle)
        ))
      if data.showRanks, !rankTexts[position].isEmpty {
        texts.append(
          (
            column,
            measurer.run(
              rankTexts[position], style: styles.rank,
              at: Point(x: columnRects[column].minX + rankWidth - gap, y: y), alignment: .right,
              vertical: .middle)
          ))
      }
      texts.append((column, valueRuns[position]))
      if !markTexts[position].isEmpty {
        texts.append(
          (
            column,
            measurer.run(
              markTexts[position], style: styles.alarm, at: Point(x: plotMaxX[column] + gap, y: y),
              alignment: .left, vertical: .middle)
          ))
      }
    }

    // One column: shapes, then texts. Two: the shared texts, then a group per column.
    let items: [FrameItem] =
      rows.columns == 1
      ? shapes.map(\.item) + texts.map { .text($0.run) }
      : texts.filter { $0.column == nil }.map { .text($0.run) }
        + (0..<rows.columns).map { column in
          .group(
            name: "column-\(column + 1)", clip: nil,
            items: shapes.filter { $0.column == column }.map(\.item)
              + texts.filter { $0.column == column }.map { .text($0.run) })
        }
    return (
      ComposedFrame(items: items, findings: findings, bounds: rect),
      max(referenceRows, rowsUsed.count)
    )
  }

  // MARK: - Helpers

  /// The parts of a vertical line from `top` to `bottom` (pt, y down) outside the boxes it
  /// crosses, each box widened by 1 pt: a reference line never strikes through a value label.
  static func segments(from top: Double, to bottom: Double, around boxes: [Rect]) -> [(
    Double, Double
  )] {
    var parts: [(Double, Double)] = []
    var start = top
    for box in boxes.sorted(by: { $0.minY < $1.minY }) {
      let (gapTop, gapBottom) = (box.minY - 1, box.maxY + 1)
      if gapTop > start { parts.append((start, min(gapTop, bottom))) }
      start = max(start, gapBottom)
      if start >= bottom { break }
    }
    if start < bottom { parts.append((start, bottom)) }
    return parts
  }

  /// `run` moved horizontally so it stays inside `bounds`.
  private func clampedX(_ run: TextRun, within bounds: Rect) -> TextRun {
    var copy = run
    copy.origin.x = min(max(run.origin.x, bounds.minX), bounds.maxX - run.size.width)
    return copy
  }

  /// Nice ticks whose labels neither overlap each other nor leave `bounds` (the column); fewer
  /// ticks are tried until they fit.
  private func ticks(_ scale: LinearScale, style: TextStyle, y: Double, within bounds: Rect) -> [(
    Double, TextRun
  )] {
    for count in stride(from: 6, through: 2, by: -1) {
      let step = scale.tickStep(targetCount: count)
      let decimals = NumberFormat.decimals(forStep: step)
      let runs = scale.ticks(targetCount: count).map { tick in
        (
          tick,
          measurer.run(
            data.format.number(tick, decimals: decimals), style: style,
            at: Point(x: scale.map(tick), y: y), alignment: .center)
        )
      }.filter { bounds.contains($0.1.bounds) }
      let separated = zip(runs, runs.dropFirst()).allSatisfy { left, right in
        left.1.bounds.maxX + gap <= right.1.bounds.minX
      }
      if separated { return runs }
    }
    return []
  }

  /// Widens `domain` until every label (placed `gap` outside its bar end, right of values ≥ 0 and
  /// left of negatives) fits inside a plot `width` points wide.
  static func fitted(
    _ domain: ClosedRange<Double>, labels: [(value: Double, width: Double)], width: Double,
    gap: Double
  ) -> ClosedRange<Double> {
    var lo = domain.lowerBound
    var hi = domain.upperBound
    for _ in 0..<50 {
      var changed = false
      for label in labels {
        let share = min(0.95, (gap + label.width) / width)
        if label.value >= 0 {
          let needed = lo + (label.value - lo) / (1 - share)
          if needed > hi + 1e-9 {
            hi = needed
            changed = true
          }
        } else {
          let needed = (label.value - share * hi) / (1 - share)
          if needed < lo - 1e-9 {
            lo = needed
            changed = true
          }
        }
      }
      if !changed { break }
    }
    return lo...hi
  }
}

// MARK: - Row styles

/// The text styles of one chart row, shrunk together when rows are crowded.
struct RowStyles {
  var name: TextStyle
  var focusName: TextStyle
  var value: TextStyle
  var focusValue: TextStyle
  var missing: TextStyle
  var rank: TextStyle
  var alarm: TextStyle

  init(theme: ResolvedTheme) {
    name = theme.text(.axisTextY)
    focusName = theme.text(.axisTextYFocus)
    value = theme.text(.labelValue)
    focusValue = theme.text(.labelValueFocus)
    missing = theme.text(.labelMissing)
    rank = theme.text(.labelRank)
    alarm = theme.text(.labelAlarm)
  }

  var all: [TextStyle] { [name, focusName, value, focusValue, missing, rank, alarm] }

  /// A row's height at full size: the tallest line of any row style, in points.
  func naturalStep(_ measurer: some TextMeasuring) -> Double {
    all.map { measurer.lineHeight($0) }.max() ?? 1
  }

  /// The smallest scale (≤ 1) that keeps every row text `data` draws at `minimum` points or
  /// more: names and values always, focus styles with a focus, the missing mark with a missing
  /// value, rank numbers when shown, 倒数第k marks when any.
  func minimumFactor(for data: RankedBarData, minimum: Double) -> Double {
    var used = [name, value]
    if data.bars.contains(where: \.isFocus) { used += [focusName, focusValue] }
    if data.bars.contains(where: { $0.value == nil }) { used.append(missing) }
    if data.showRanks { used.append(rank) }
    if data.bars.contains(where: { $0.bottomMark != nil }) { used.append(alarm) }
    return min(1, used.map { minimum / $0.size }.max() ?? 1)
  }

  func scaled(_ factor: Double) -> RowStyles {
    var copy = self
    copy.name = name.scaled(factor)
    copy.focusName = focusName.scaled(factor)
    copy.value = value.scaled(factor)
    copy.focusValue = focusValue.scaled(factor)
    copy.missing = missing.scaled(factor)
    copy.rank = rank.scaled(factor)
    copy.alarm = alarm.scaled(factor)
    return copy
  }

  func valueStyle(_ bar: RankedBar) -> TextStyle {
    if bar.value == nil { return missing }
    return bar.isFocus ? focusValue : value
  }
}
