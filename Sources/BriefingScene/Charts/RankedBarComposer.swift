import BriefingCore
import BriefingStats

// MARK: - Ranked bar composer

/// Horizontal ranked bars (one region per row, best first) with the focus region highlighted, a
/// dashed group-average line (the group row's figure) labelled 「平均 x.x%」 above the plot, an optional target line, a zero
/// line, value labels just outside the bar ends (left of negative bars), region names as category
/// labels (shortened with `…` when they cannot fit), optional rank numbers and 倒数第k marks (both
/// the comparison row's, see `RankedBarInput.prepared`).
/// Missing values get a `—` label and no bar. The x range is the padded bar domain (0.12 · span),
/// widened until every value label fits; ticks are nice (1/2/2.5/5 × 10ⁿ).
public struct RankedBarComposer: ComponentComposing {
  static let component = "ranked-bar"

  public init() {}

  // MARK: - Phases

  public func prepare(_ input: RankedBarInput) -> RankedBarData { input.prepared() }

  /// The data domain before labels are fitted: bar values and reference values, zero inside.
  public func train(_ data: RankedBarData) -> ClosedRange<Double> {
    LinearScale.barDomain(data.bars.compactMap(\.value) + data.references.map(\.value))
  }

  public func compose(
    _ data: RankedBarData, in rect: Rect, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> ComposedFrame {
    guard !data.bars.isEmpty else {
      return ComposedFrame(findings: [Finding(.notice, .noData(Self.component))], bounds: rect)
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
}

// MARK: - Layout

/// One layout pass of a ranked bar chart (internal: holds the inputs of one `compose` call).
struct RankedBarLayout<Measurer: TextMeasuring> {
  let data: RankedBarData
  let rect: Rect
  let theme: ResolvedTheme
  let measurer: Measurer

  private var gap: Double { theme.length(.labelSpacing) }

  func compose(referenceRows: Int) -> (frame: ComposedFrame, neededRows: Int) {
    var findings: [Finding] = []
    var texts: [TextRun] = []
    var shapes: [FrameItem] = []
    let component = RankedBarComposer.component

    // MARK: Vertical bands
    var top = rect.minY
    if let title = data.title {
      let style = theme.text(.chartTitle)
      let fitted = measurer.truncated(title, style: style, maxWidth: rect.width)
      if fitted.truncated { findings.append(Finding(.warning, .labelTruncated(component, title))) }
      let run = measurer.run(fitted.text, style: style, at: Point(x: rect.midX, y: top), alignment: .center)
      texts.append(run)
      top += run.size.height + gap * 2
    }
    let referenceStyle = theme.text(.labelReference)
    let referenceHeight = measurer.lineHeight(referenceStyle)
    let tickStyle = theme.text(.axisTextX)
    let axisTitleStyle = theme.text(.axisTitle)
    let tickLength = theme.length(.tickLength)
    let axisTitleHeight = measurer.lineHeight(axisTitleStyle)
    let plotTop = top + Double(referenceRows) * referenceHeight + (referenceRows > 0 ? gap : 0)
    let plotBottom = rect.maxY - axisTitleHeight - gap - measurer.lineHeight(tickStyle) - tickLength - 1
    guard plotBottom - plotTop > 1 else {
      return (ComposedFrame(findings: findings + [Finding(.warning, .areaTooSmall(component))], bounds: rect), referenceRows)
    }
    let band = BandScale(
      count: data.bars.count, range: plotTop...plotBottom, thickness: theme.length(.barThickness))

    // MARK: Row text sizes
    let rowStyles = RowStyles(theme: theme)
    let natural = rowStyles.all.map { measurer.lineHeight($0) }.max() ?? 1
    let factor = min(1, band.step / natural)
    let styles = rowStyles.scaled(factor)
    let minimum = theme.length(.minTextSize)
    if styles.name.size < minimum - 1e-9 {
      findings.append(Finding(.warning, .textShrunk(component, styles.name.size, minimum: minimum)))
    }

    // MARK: Horizontal bands
    let rankTexts = data.bars.map { bar in data.showRanks ? bar.rank.map(String.init) ?? "" : "" }
    let rankWidth = data.showRanks ? (rankTexts.map { measurer.width($0, style: styles.rank) }.max() ?? 0) + gap : 0
    let markTexts = data.bars.map { bar in bar.bottomMark.map { data.format.bottomRank($0) } ?? "" }
    let markWidths = markTexts.map { $0.isEmpty ? 0 : measurer.width($0, style: styles.alarm) }
    let marksWidth = (markWidths.max() ?? 0) > 0 ? (markWidths.max() ?? 0) + gap : 0
    let nameCap = max(0, (rect.width - rankWidth - marksWidth) * 0.4)
    var names: [String] = []
    for bar in data.bars {
      let style = bar.isFocus ? styles.focusName : styles.name
      if measurer.width(bar.name, style: style) <= nameCap {
        names.append(bar.name)
        continue
      }
      let fitted = measurer.truncated(bar.shortName, style: style, maxWidth: nameCap)
      if fitted.truncated { findings.append(Finding(.warning, .labelTruncated(component, bar.name))) }
      names.append(fitted.text)
    }
    let nameWidth = zip(names, data.bars).map { name, bar in
      measurer.width(name, style: bar.isFocus ? styles.focusName : styles.name)
    }.max() ?? 0
    let plotMinX = rect.minX + rankWidth + nameWidth + gap
    let plotMaxX = rect.maxX - marksWidth
    guard plotMaxX - plotMinX > 1 else {
      return (ComposedFrame(findings: findings + [Finding(.warning, .areaTooSmall(component))], bounds: rect), referenceRows)
    }

    // MARK: Scale fitted to the value labels
    let labelWidths = data.bars.map { bar in
      measurer.width(bar.label, style: styles.valueStyle(bar))
    }
    let labelled = zip(data.bars, labelWidths).map { (value: $0.value ?? 0, width: $1) }
    let domain = Self.fitted(
      RankedBarComposer().train(data), labels: labelled, width: plotMaxX - plotMinX, gap: gap)
    let scale = LinearScale(domain: domain, range: plotMinX...plotMaxX)

    // MARK: Bars
    for (index, bar) in data.bars.enumerated() {
      guard let value = bar.value else { continue }
      let x0 = scale.map(0)
      let x1 = scale.map(value)
      let box = Rect(x: min(x0, x1), y: band.bandStart(index), width: abs(x1 - x0), height: band.bandwidth)
      shapes.append(.box(box, fill: theme.fill(bar.isFocus ? .highlightFill : .barFill)))
    }

    // MARK: Axes, zero line, ticks
    let zeroX = scale.map(0)
    shapes += [
      .line(from: Point(x: zeroX, y: plotTop), to: Point(x: zeroX, y: plotBottom), stroke: theme.line(.zeroLine)),
      .line(from: Point(x: plotMinX, y: plotTop), to: Point(x: plotMinX, y: plotBottom), stroke: theme.line(.axisLine)),
      .line(from: Point(x: plotMinX, y: plotBottom), to: Point(x: plotMaxX, y: plotBottom), stroke: theme.line(.axisLine)),
    ].compactMap { $0 }
    for (tick, run) in ticks(scale, style: tickStyle, y: plotBottom + tickLength + 1) {
      let x = scale.map(tick)
      if let mark = FrameItem.line(
        from: Point(x: x, y: plotBottom), to: Point(x: x, y: plotBottom + tickLength),
        stroke: theme.line(.axisTicks))
      {
        shapes.append(mark)
      }
      texts.append(run)
    }
    let axisTitle = measurer.run(
      data.axisTitle, style: axisTitleStyle,
      at: Point(x: (plotMinX + plotMaxX) / 2, y: rect.maxY), alignment: .center, vertical: .bottom)
    texts.append(clampedX(axisTitle))

    // MARK: Value labels (placed first: reference lines leave a gap where they cross one)
    let valueRuns = data.bars.enumerated().map { index, bar in
      let value = bar.value ?? 0
      let end = scale.map(value)
      let anchor = Point(x: value < 0 ? end - gap : end + gap, y: band.center(index))
      return measurer.run(
        bar.label, style: styles.valueStyle(bar), at: anchor, alignment: value < 0 ? .right : .left,
        vertical: .middle)
    }

    // MARK: Reference lines and labels
    var rowsUsed: [[Rect]] = []
    for reference in data.references.sorted(by: { $0.value < $1.value }) {
      let x = scale.map(reference.value)
      let key: LineKey = reference.kind == .average ? .referenceLine : .targetLine
      let crossed = valueRuns.map(\.bounds).filter { $0.minX <= x && x <= $0.maxX }
      for (top, bottom) in Self.segments(from: plotTop - gap / 2, to: plotBottom, around: crossed) {
        if let line = FrameItem.line(from: Point(x: x, y: top), to: Point(x: x, y: bottom), stroke: theme.line(key)) {
          shapes.append(line)
        }
      }
      var run = clampedX(measurer.run(reference.label, style: referenceStyle, at: Point(x: x, y: 0), alignment: .center))
      var row = 0
      while row < rowsUsed.count, rowsUsed[row].contains(where: { $0.intersects(run.bounds.inset(left: -gap, right: -gap)) }) {
        row += 1
      }
      if row == rowsUsed.count { rowsUsed.append([]) }
      rowsUsed[row].append(run.bounds)
      run.origin.y = plotTop - gap - Double(row + 1) * referenceHeight
      texts.append(run)
    }

    // MARK: Row labels
    for (index, bar) in data.bars.enumerated() {
      let y = band.center(index)
      let nameStyle = bar.isFocus ? styles.focusName : styles.name
      texts.append(measurer.run(names[index], style: nameStyle, at: Point(x: plotMinX - gap, y: y), alignment: .right, vertical: .middle))
      if data.showRanks, !rankTexts[index].isEmpty {
        texts.append(measurer.run(rankTexts[index], style: styles.rank, at: Point(x: rect.minX + rankWidth - gap, y: y), alignment: .right, vertical: .middle))
      }
      texts.append(valueRuns[index])
      if !markTexts[index].isEmpty {
        texts.append(measurer.run(markTexts[index], style: styles.alarm, at: Point(x: plotMaxX + gap, y: y), alignment: .left, vertical: .middle))
      }
    }

    let items = shapes + texts.map { FrameItem.text($0) }
    return (ComposedFrame(items: items, findings: findings, bounds: rect), max(referenceRows, rowsUsed.count))
  }

  // MARK: - Helpers

  /// The parts of a vertical line from `top` to `bottom` (pt, y down) outside the boxes it
  /// crosses, each box widened by 1 pt: a reference line never strikes through a value label.
  static func segments(from top: Double, to bottom: Double, around boxes: [Rect]) -> [(Double, Double)] {
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

  /// `run` moved horizontally so it stays inside the rect.
  private func clampedX(_ run: TextRun) -> TextRun {
    var copy = run
    copy.origin.x = min(max(run.origin.x, rect.minX), rect.maxX - run.size.width)
    return copy
  }

  /// Nice ticks whose labels neither overlap each other nor leave the rect; fewer ticks are tried
  /// until they fit.
  private func ticks(_ scale: LinearScale, style: TextStyle, y: Double) -> [(Double, TextRun)] {
    for count in stride(from: 6, through: 2, by: -1) {
      let step = scale.tickStep(targetCount: count)
      let decimals = NumberFormat.decimals(forStep: step)
      let runs = scale.ticks(targetCount: count).map { tick in
        (tick, measurer.run(data.format.number(tick, decimals: decimals), style: style, at: Point(x: scale.map(tick), y: y), alignment: .center))
      }.filter { rect.contains($0.1.bounds) }
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
private struct RowStyles {
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
