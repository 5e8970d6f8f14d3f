import BriefingCore
import BriefingStats

// MARK: - Progress bullet composer

/// One horizontal bullet per indicator (in the given order): the indicator name on the left
/// (shortened with `…` when it cannot fit), a light track from 0 to 100 %, the completion bar on
/// it (alarm-coloured when behind time progress), the completion label just right of the bar end
/// (alarm style when behind; moved right of the line when the line would cross it), and one dashed time-progress line across all bullets labelled
/// 「时序进度50%」 above them. Completions over 100 % extend past the track end: the scale widens
/// to the largest completion and nothing is clipped. Indicators without a completion are listed in
/// a `no-target` notice.
public struct ProgressBulletComposer: ComponentComposing {
  static let component = "progress-bullet"

  public init() {}

  // MARK: - Phases

  public func prepare(_ input: ProgressBulletInput) -> ProgressBulletData { input.prepared() }

  /// The x domain: 0 to 100 %, widened to the largest completion.
  public func train(_ data: ProgressBulletData) -> ClosedRange<Double> {
    let values = data.bullets.map(\.completionPct) + [data.timeProgressPct ?? 0, 100]
    return 0...(values.max() ?? 100)
  }

  public func compose(
    _ data: ProgressBulletData, in rect: Rect, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> ComposedFrame {
    let component = Self.component
    var findings: [Finding] = []
    if !data.skipped.isEmpty {
      findings.append(Finding(.notice, .noTarget(component, data.skipped)))
    }
    guard !data.bullets.isEmpty else {
      var frame = NoDataNote.frame(
        component, format: data.format, in: rect, theme: theme, measurer: measurer)
      frame.findings += findings
      return frame
    }
    let asked = data.bullets.map(\.name)
    let none = [Coverage("bullets", asked: asked, drawn: [])]
    let gap = theme.length(.labelSpacing)
    var texts: [TextRun] = []
    var shapes: [FrameItem] = []

    // MARK: Vertical bands
    let referenceStyle = theme.text(.labelReference)
    let hasLine = data.timeProgressPct != nil
    let plotTop = rect.minY + (hasLine ? measurer.lineHeight(referenceStyle) + gap : 0)
    let base = BulletStyles(theme: theme)
    let natural = base.all.map { measurer.lineHeight($0) }.max() ?? 1
    let available = rect.maxY - plotTop
    guard available > 1 else {
      return ComposedFrame(
        findings: findings + [Finding(.warning, .areaTooSmall(component))], bounds: rect, coverage: none)
    }
    let step = min(available / Double(data.bullets.count), natural * 2.2)
    let plotBottom = plotTop + step * Double(data.bullets.count)
    let band = BandScale(
      count: data.bullets.count, range: plotTop...plotBottom, thickness: theme.length(.barThickness))
    let factor = min(1, step / natural)
    let styles = base.scaled(factor)
    let minimum = theme.length(.minTextSize)
    if styles.name.size < minimum - 1e-9 {
      findings.append(Finding(.warning, .textShrunk(component, styles.name.size, minimum: minimum)))
    }

    // MARK: Horizontal bands
    let nameCap = max(0, rect.width * 0.35)
    var names: [String] = []
    for bullet in data.bullets {
      let fitted = measurer.truncated(bullet.name, style: styles.name, maxWidth: nameCap)
      if fitted.truncated { findings.append(Finding(.warning, .labelTruncated(component, bullet.name))) }
      names.append(fitted.text)
    }
    let nameWidth = names.map { measurer.width($0, style: styles.name) }.max() ?? 0
    let labelWidth = data.bullets.map { measurer.width($0.label, style: styles.label($0)) }.max() ?? 0
    let plotMinX = rect.minX + nameWidth + gap
    let plotMaxX = rect.maxX - labelWidth - gap
    guard plotMaxX - plotMinX > 1 else {
      return ComposedFrame(
        findings: findings + [Finding(.warning, .areaTooSmall(component))], bounds: rect, coverage: none)
    }
    let scale = LinearScale(domain: train(data), range: plotMinX...plotMaxX)

    // MARK: Tracks and bars
    let track = theme.fill(.trackFill)
    for (index, bullet) in data.bullets.enumerated() {
      let x0 = scale.map(0)
      shapes.append(.box(Rect(x: x0, y: band.bandStart(index), width: scale.map(100) - x0, height: band.bandwidth), fill: track))
      let inner = band.bandwidth * 0.5
      let end = scale.map(max(0, bullet.completionPct))
      shapes.append(
        .box(
          Rect(x: x0, y: band.center(index) - inner / 2, width: end - x0, height: inner),
          fill: theme.fill(bullet.isBehind ? .alarmFill : .barFill)))
    }

    // MARK: Time-progress line and label
    if let time = data.timeProgressPct {
      let x = scale.map(time)
      if let line = FrameItem.line(
        from: Point(x: x, y: plotTop - gap / 2), to: Point(x: x, y: plotBottom), stroke: theme.line(.progressLine))
      {
        shapes.append(line)
      }
      var run = measurer.run(data.timeProgressLabel, style: referenceStyle, at: Point(x: x, y: rect.minY), alignment: .center)
      run.origin.x = min(max(run.origin.x, rect.minX), rect.maxX - run.size.width)
      texts.append(run)
    }

    // MARK: Row labels
    for (index, bullet) in data.bullets.enumerated() {
      let y = band.center(index)
      texts.append(measurer.run(names[index], style: styles.name, at: Point(x: plotMinX - gap, y: y), alignment: .right, vertical: .middle))
      let end = scale.map(max(0, bullet.completionPct))
      var label = measurer.run(bullet.label, style: styles.label(bullet), at: Point(x: end + gap, y: y), vertical: .middle)
      // A label the time-progress line would cross moves just right of the line.
      if let time = data.timeProgressPct {
        let lineX = scale.map(time)
        if label.bounds.minX < lineX + gap / 2, label.bounds.maxX > lineX - gap / 2 {
          label.origin.x = lineX + gap
        }
      }
      texts.append(label)
    }

    let items = shapes + texts.map { FrameItem.text($0) }
    return ComposedFrame(
      items: items, findings: findings, bounds: rect.rows(rect.minY, plotBottom),
      coverage: [Coverage("bullets", asked: asked, drawn: asked)])
  }
}

// MARK: - Bullet styles

/// The text styles of one bullet row, shrunk together when rows are crowded.
private struct BulletStyles {
  var name: TextStyle
  var value: TextStyle
  var alarm: TextStyle

  init(theme: ResolvedTheme) {
    name = theme.text(.axisTextY)
    value = theme.text(.labelValue)
    alarm = theme.text(.labelAlarm)
  }

  var all: [TextStyle] { [name, value, alarm] }

  func scaled(_ factor: Double) -> BulletStyles {
    var copy = self
    copy.name = name.scaled(factor)
    copy.value = value.scaled(factor)
    copy.alarm = alarm.scaled(factor)
    return copy
  }

  func label(_ bullet: ProgressBullet) -> TextStyle { bullet.isBehind ? alarm : value }
}
