import BriefingCore
import BriefingStats

// MARK: - Small multiples input

/// Whether the mini charts share one growth scale.
public enum SmallMultiplesScale: String, Hashable, Sendable, CaseIterable {
  /// One domain over every panel: bar lengths compare across indicators.
  case shared
  /// Each panel fits its own data.
  case free
}

/// One mini chart: an indicator and its member rows for one period.
public struct SmallMultiplePanel: Hashable, Sendable {
  public var indicator: Indicator
  public var rows: [ComparisonRow]
  public init(indicator: Indicator, rows: [ComparisonRow]) {
    self.indicator = indicator
    self.rows = rows
  }
}

/// A grid of mini ranked charts, one per indicator.
public struct SmallMultiplesInput: Hashable, Sendable {
  public var panels: [SmallMultiplePanel]
  public var names: [RegionID: String]
  public var focus: RegionID
  /// The number each bar shows. Default: `.growthPct`.
  public var metric: BarMetric
  /// Default: `.shared` for growth; values are always on each panel's own scale (their units
  /// differ between indicators).
  public var scale: SmallMultiplesScale
  /// Panels per row. Default: 3. Range: ≥ 1.
  public var columns: Int
  /// Default: `.chinese`.
  public var format: NumberFormat

  public init(
    panels: [SmallMultiplePanel], names: [RegionID: String], focus: RegionID,
    metric: BarMetric = .growthPct, scale: SmallMultiplesScale = .shared, columns: Int = 3,
    format: NumberFormat = .chinese
  ) {
    self.panels = panels
    self.names = names
    self.focus = focus
    self.metric = metric
    self.scale = scale
    self.columns = columns
    self.format = format
  }
}

// MARK: - Small multiples composer

/// A grid of mini horizontal bar charts of growth (%) or of the value (`metric`), regions in the
/// table's rank order for that metric (missing last as `—`/`*`), the focus in the focus colour,
/// each panel titled with its indicator (and its unit for values). A rate's growth panel shows
/// its change in points (`+0.5个百分点`, `ComparisonRow.shownChange`).
public struct SmallMultiplesComposer: ComponentComposing {
  /// Gap between panels. Default: 12 pt.
  public var gutter: Double

  public init(gutter: Double = 12) {
    self.gutter = gutter
  }

  // MARK: - Methods

  /// Draws the panels in a grid of `columns` into `rect` (points).
  public func compose(
    _ input: SmallMultiplesInput, in rect: Rect, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> ComposedFrame {
    let kit = TextKit(measurer: measurer)
    var findings: [Finding] = []
    var items: [FrameItem] = []
    let columns = max(1, min(input.columns, max(1, input.panels.count)))
    let rowCount = (input.panels.count + columns - 1) / columns
    guard rowCount > 0 else {
      return NoDataNote.frame(
        "small-multiples", format: input.format, in: rect, theme: theme, measurer: measurer)
    }
    let cellWidth = (rect.width - gutter * Double(columns - 1)) / Double(columns)
    let cellHeight = (rect.height - gutter * Double(rowCount - 1)) / Double(rowCount)
    let allGrowth = input.panels.flatMap {
      ChartText.members($0.rows).compactMap { figure($0, input.metric) }
    }
    var coverage = [Coverage("panels", asked: input.panels.map(\.indicator.name), drawn: [])]
    for (index, panel) in input.panels.enumerated() {
      let cell = Rect(
        x: rect.minX + Double(index % columns) * (cellWidth + gutter),
        y: rect.minY + Double(index / columns) * (cellHeight + gutter), width: cellWidth,
        height: cellHeight)
      let domainValues: [Double]
      switch (input.scale, input.metric) {
      case (.shared, .growthPct): domainValues = allGrowth
      case (.free, _), (_, .value):
        domainValues = ChartText.members(panel.rows).compactMap { figure($0, input.metric) }
      }
      items.append(
        .group(
          name: "panel-\(panel.indicator.id.rawValue)", clip: nil,
          items: self.panel(
            panel, input: input, cell: cell,
            domain: LinearScale.barDomain(domainValues, padding: 0.02),
            theme: theme, kit: kit, findings: &findings, coverage: &coverage)))
    }
    return ComposedFrame(
      items: [.group(name: "small-multiples", clip: nil, items: items)], findings: findings,
      bounds: rect, coverage: coverage)
  }

  // MARK: - Private

  /// The number a bar shows: growth (a rate's change in points) or the value; nil when missing
  /// or masked.
  private func figure(_ row: ComparisonRow, _ metric: BarMetric) -> Double? {
    switch metric {
    case .growthPct: return row.shownChange
    case .value:
      switch row.status {
      case .missing, .masked: return nil
      case .actual, .estimate, .preliminary: return row.value
      }
    }
  }

  /// The label beside a bar, through the sheet's number format.
  private func label(_ row: ComparisonRow, _ panel: SmallMultiplePanel, _ input: SmallMultiplesInput)
    -> String
  {
    switch input.metric {
    case .growthPct: input.format.signedChange(row)
    case .value:
      input.format.value(row.value, decimals: panel.indicator.decimals, status: row.status)
    }
  }

  /// The table's rank for the metric.
  private func rank(_ row: ComparisonRow, _ metric: BarMetric) -> Int? {
    switch metric {
    case .growthPct: row.growthRank
    case .value: row.rank
    }
  }

  private func panel(
    _ panel: SmallMultiplePanel, input: SmallMultiplesInput, cell: Rect,
    domain: ClosedRange<Double>, theme: ResolvedTheme, kit: TextKit<some TextMeasuring>,
    findings: inout [Finding], coverage: inout [Coverage]
  ) -> [FrameItem] {
    let format = input.format
    var items: [FrameItem] = []
    let titleStyle = theme.text(.chartTitle)
    let name =
      input.metric == .value
      ? ChartText.titleWithUnit(panel.indicator.name, unit: panel.indicator.unit, format)
      : panel.indicator.name
    let title = kit.fitted(name, titleStyle, maxWidth: cell.width, findings: &findings)
    let titleRun = kit.measurer.run(title, style: titleStyle, at: cell.origin)
    items.append(.text(titleRun))

    // Display order is the table's rank for the metric (rates' growth, which has none, by the
    // change in the indicator's direction); unranked regions last, in group order.
    let ascending = panel.indicator.polarity == .lower
    let metric = input.metric
    let rows = ChartText.members(panel.rows).enumerated().sorted { a, b in
      switch (rank(a.element, metric), rank(b.element, metric)) {
      case (let x?, let y?) where x != y: return x < y
      case (.some, .none): return true
      case (.none, .some): return false
      default: break
      }
      switch (figure(a.element, metric), figure(b.element, metric)) {
      case (let x?, let y?) where x != y: return ascending ? x < y : x > y
      case (.some, .none): return true
      case (.none, .some): return false
      default: return a.offset < b.offset
      }
    }.map(\.element)
    let nameStyle = theme.text(.axisTextX)
    let valueStyle = theme.text(.labelValue)
    let lineHeight = max(kit.size("国", nameStyle).height, kit.size("0", valueStyle).height)
    let body = cell.inset(top: titleRun.size.height + 3)
    let slot = rows.isEmpty ? lineHeight : body.height / Double(rows.count)
    let fitting = slot >= lineHeight ? rows.count : Int(body.height / lineHeight)
    let names = rows.map { ChartText.name($0.region, input.names) }
    if fitting < rows.count {
      let left = Array(names.dropFirst(fitting))
      findings.append(Finding(.warning, .overflow("bars of \(panel.indicator.name)", rows: left)))
    }
    let step = max(slot, lineHeight)
    let nameWidth = min(
      cell.width * 0.32,
      rows.map { kit.size(ChartText.name($0.region, input.names), nameStyle).width }.max() ?? 0)
    let valueWidth =
      rows.map { kit.size(label($0, panel, input), valueStyle).width }.max() ?? 0
    let barLeft = body.minX + nameWidth + 3
    let barRight = body.maxX - valueWidth - 3
    guard barRight > barLeft else {
      findings.append(Finding(.warning, .columnsDropped("bars of \(panel.indicator.name)")))
      return items
    }
    coverage[0].drawn.append(panel.indicator.name)
    coverage.append(
      Coverage("bars of \(panel.indicator.name)", asked: names, drawn: Array(names.prefix(fitting))))
    let x = LinearScale(domain: domain, range: barLeft...barRight)
    if let zero = theme.line(.zeroLine) {
      items.append(
        .shape(
          Shape(
            .line(
              from: Point(x: x.map(0), y: body.minY),
              to: Point(x: x.map(0), y: body.minY + step * Double(fitting))), stroke: zero)))
    }
    for (i, row) in rows.prefix(fitting).enumerated() {
      let isFocus = row.region == input.focus
      let mid = body.minY + step * (Double(i) + 0.5)
      let name = kit.fitted(
        ChartText.name(row.region, input.names), theme.text(isFocus ? .axisTextYFocus : .axisTextX),
        maxWidth: nameWidth, findings: &findings)
      items.append(
        .text(
          kit.measurer.run(
            name, style: theme.text(isFocus ? .axisTextYFocus : .axisTextX),
            at: Point(x: body.minX, y: mid), vertical: .middle)))
      let labelStyle = theme.text(isFocus ? .labelValueFocus : .labelValue)
      guard let growth = figure(row, metric) else {
        let mark = ChartText.absentMark(row, format)
        items.append(
          .text(
            kit.measurer.run(
              mark, style: theme.text(.labelMissing), at: Point(x: body.maxX, y: mid),
              alignment: .right,
              vertical: .middle)))
        findings.append(
          Finding(
            .notice,
            .valueNotShown(
              ChartText.name(row.region, input.names), panel.indicator.name, shownAs: mark)))
        continue
      }
      let thickness = min(step * theme.length(.barThickness), lineHeight)
      let x0 = x.map(0)
      let x1 = x.map(growth)
      items.append(
        .shape(
          Shape(
            .rect(
              Rect(x: min(x0, x1), y: mid - thickness / 2, width: abs(x1 - x0), height: thickness)),
            fill: theme.fill(isFocus ? .highlightFill : .barFill))))
      items.append(
        .text(
          kit.measurer.run(
            label(row, panel, input), style: labelStyle, at: Point(x: body.maxX, y: mid),
            alignment: .right,
            vertical: .middle)))
    }
    return items
  }
}
