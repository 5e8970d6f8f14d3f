import BriefingCore
import BriefingStats

// MARK: - Sub-region table input

/// Townships or parks of the focus region and their progress on one task (indicator with targets).
public struct SubRegionTableInput: Hashable, Sendable {
  /// One row per sub-region (value, target, completionPct, timeProgressPct).
  public var rows: [ComparisonRow]
  public var names: [RegionID: String]
  public var indicator: Indicator
  /// Completion below this is an alarm, %. Default: 30.
  public var threshold: Double
  /// What the rows are called in the summary, printed as written: `乡镇`, `园区`, `townships`.
  /// Default: `乡镇` (in the format's script) / `sub-regions`.
  public var noun: String?
  /// Default: `.chinese`.
  public var format: NumberFormat

  public init(
    rows: [ComparisonRow], names: [RegionID: String], indicator: Indicator, threshold: Double = 30,
    noun: String? = nil, format: NumberFormat = .chinese
  ) {
    self.rows = rows
    self.names = names
    self.indicator = indicator
    self.threshold = threshold
    self.noun = noun
    self.format = format
  }
}

// MARK: - Sub-region data

/// How a sub-region stands against its annual target.
public enum SubRegionStanding: Hashable, Sendable {
  /// Completion below the threshold (alarm).
  case belowThreshold
  /// Completion below time progress (alarm).
  case behind
  case onTrack
  /// Completion ≥ 100% (good).
  case done
  /// No value or no completion.
  case unknown

  /// The standing of `row` given the alarm `threshold`, %.
  public init(_ row: ComparisonRow, threshold: Double) {
    guard let completion = row.completionPct, ChartText.drawable(row) != nil else {
      self = .unknown
      return
    }
    if row.isAnnualTargetMet == true {
      self = .done
    } else if DecimalRounding.key(completion, decimals: 1) < DecimalRounding.key(threshold, decimals: 1) {
      // The layout's alarm threshold, compared as printed (the table prints completion at 0.1).
      self = .belowThreshold
    } else if row.isBehindTimeProgress == true {
      self = .behind
    } else {
      self = .onTrack
    }
  }
}

/// What the sub-region table shows, before any geometry.
public struct SubRegionTableData: Hashable, Sendable {
  /// What the rows were prepared from (names, indicator, threshold, format).
  public var input: SubRegionTableInput
  /// Sorted by completion, ascending (furthest behind first); rows without completion last.
  public var rows: [ComparisonRow]
  /// Parallel to `rows`.
  public var standings: [SubRegionStanding]
  /// Rows below the threshold.
  public var belowThreshold: Int
  /// Rows whose completion is below time progress (below-threshold ones included).
  public var behind: Int
  /// Rows at ≥ 100%.
  public var done: Int
}

// MARK: - Sub-region table composer

/// A three-line table sorted by completion, furthest behind first (so the laggards show even when
/// only the first rows fit): name, value (unit), target, completion % with an
/// inline bar and the time-progress tick, and a mark (below threshold / behind time progress in
/// the alarm colour, done ahead in green), closed by a one-line summary. Rows that do not fit are
/// returned in `remaining` (rows are never split).
public struct SubRegionTableComposer: ComponentComposing {
  static let component = "sub-region-table"

  public init() {}

  // MARK: - Methods

  /// Rows sorted by completion ascending (missing last), their standing and the summary counts.
  public func prepare(_ input: SubRegionTableInput) -> SubRegionTableData {
    let rows = input.rows.sorted { a, b in
      switch (a.completionPct, b.completionPct) {
      case (let x?, let y?): return x < y
      case (.some, .none): return true
      case (.none, .some), (.none, .none): return false
      }
    }
    let standings = rows.map { SubRegionStanding($0, threshold: input.threshold) }
    let behind = rows.filter { ChartText.drawable($0) != nil && $0.isBehindTimeProgress == true }.count
    return SubRegionTableData(
      input: input, rows: rows, standings: standings,
      belowThreshold: standings.filter { $0 == .belowThreshold }.count, behind: behind,
      done: standings.filter { $0 == .done }.count)
  }

  /// `composeFitting` without the rows left over (the summary counts them, a notice names them).
  public func compose(
    _ data: SubRegionTableData, in rect: Rect, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> ComposedFrame {
    composeFitting(data, in: rect, theme: theme, measurer: measurer).frame
  }

  /// Draws the table and its summary into `rect` (points); rows that do not fit are `remaining`.
  public func composeFitting(
    _ data: SubRegionTableData, in rect: Rect, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> (frame: ComposedFrame, remaining: [RegionID]) {
    let input = data.input
    let kit = TextKit(measurer: measurer)
    let table = TableKit(kit: kit, theme: theme)
    let format = input.format
    let chinese = format.style == .chinese
    var findings: [Finding] = []
    var items: [FrameItem] = []
    guard !data.rows.isEmpty else {
      let frame = NoDataNote.frame(
        Self.component, format: format, in: rect, theme: theme, measurer: measurer)
      return (frame, [])
    }
    let rows = data.rows
    let standings = data.standings
    let (below, behind, done) = (data.belowThreshold, data.behind, data.done)

    // Summary line (always shown, at the bottom, wrapped when long); it counts the rows that do
    // not fit (「；另有9个未列出」), which are the furthest ahead.
    let noun = input.noun ?? (chinese ? format.wording("乡镇") : "sub-regions")
    let threshold = format.number(input.threshold, decimals: 0)
    let summary: String
    switch format.style {
    case .chinese:
      summary =
        format.wording("\(rows.count)个") + noun
        + format.wording(
          "中，\(below)个完成率低于\(threshold)%，\(behind)个未达序时进度，\(done)个提前完成全年任务")
    case .english:
      summary =
        "Of \(rows.count) \(noun), \(below) below \(threshold)% completion, "
        + "\(behind) behind time progress, \(done) already met the annual target"
    }
    let summaryStyle = theme.text(.noteText)
    func notListed(_ count: Int) -> String {
      chinese ? format.wording("；另有\(count)个未列出") : "; \(count) more not listed"
    }
    func summaryLine(notListed count: Int) -> TextRun {
      kit.wrapped(
        summary + (count > 0 ? notListed(count) : ""), summaryStyle, width: rect.width,
        bottomLeft: Point(x: rect.minX, y: rect.maxY))
    }

    // Columns.
    let header = theme.text(.tableHeaderText)
    let cellStyle = theme.text(.tableCellText)
    let numberStyle = theme.text(.tableCellNumber)
    let unit = input.indicator.unit
    let titles =
      chinese
      ? [
        input.noun ?? format.wording("名称"),
        ChartText.titleWithUnit(format.wording("完成值"), unit: unit, format),
      ] + ["目标", "完成率", "情况"].map(format.wording)
      : [
        "Name", ChartText.titleWithUnit("Value", unit: unit, format), "Target", "Completion",
        "Status",
      ]
    let marks =
      chinese
      ? ["低于\(threshold)%", "未达序时", "提前完成"].map(format.wording)
      : ["< \(threshold)%", "behind", "done"]
    let valueTexts = rows.map {
      format.value($0.value, decimals: input.indicator.decimals, status: $0.status)
    }
    let targetTexts = rows.map { format.value($0.target, decimals: input.indicator.decimals) }
    let naturalNameWidth = min(
      rect.width * 0.3,
      table.naturalWidth(
        rows.map { (ChartText.name($0.region, input.names), cellStyle) } + [(titles[0], header)]))
    let valueWidth = table.naturalWidth(
      valueTexts.map { ($0, numberStyle) } + [(titles[1], header)])
    let targetWidth = table.naturalWidth(
      targetTexts.map { ($0, numberStyle) } + [(titles[2], header)])
    let markWidth = table.naturalWidth(marks.map { ($0, numberStyle) } + [(titles[4], header)])
    // The completion figure is what the table is for: when space is short, names are shortened
    // (with `…`) before the completion column is.
    let completionLabels = rows.map { (format.percent($0.completionPct), numberStyle) }
    let completionMinimum = table.naturalWidth(completionLabels + [(titles[3], header)])
    let spare = rect.width - naturalNameWidth - valueWidth - targetWidth - markWidth
    let nameWidth = max(0, naturalNameWidth - max(0, completionMinimum - spare))
    let barWidth = max(0, rect.width - nameWidth - valueWidth - targetWidth - markWidth)
    let columns = table.columns(
      from: rect.minX, widths: [nameWidth, valueWidth, targetWidth, barWidth, markWidth],
      alignments: [.left, .right, .right, .left, .left])

    // Header.
    let headerHeight = table.rowHeight(header)
    items += table.rule(.tableRuleOuter, y: rect.minY, left: rect.minX, right: rect.maxX)
    for (title, column) in zip(titles, columns) {
      items.append(
        table.cell(
          title, header, column: column, top: rect.minY, height: headerHeight, findings: &findings))
    }
    items += table.rule(
      .tableRuleHeader, y: rect.minY + headerHeight, left: rect.minX, right: rect.maxX)

    // Body: as many rows as fit above the summary, which counts the others (a longer summary
    // may hold back one more row, so the count is settled first).
    let rowHeight = table.rowHeight(cellStyle)
    func fitting(below run: TextRun) -> Int {
      let room = run.bounds.minY - 3 - (rect.minY + headerHeight)
      return min(rows.count, max(0, Int(((room + 1e-9) / rowHeight).rounded(.down))))
    }
    var summaryRun = summaryLine(notListed: 0)
    for _ in 0..<3 where fitting(below: summaryRun) < rows.count {
      let candidate = summaryLine(notListed: rows.count - fitting(below: summaryRun))
      if candidate == summaryRun { break }
      summaryRun = candidate
    }
    items.insert(.text(summaryRun), at: 0)
    let shown = fitting(below: summaryRun)
    var y = rect.minY + headerHeight
    var remaining: [RegionID] = []
    var contentRows: [TableContentRow] = []
    for (index, row) in rows.enumerated() {
      guard index < shown else {
        remaining.append(row.region)
        continue
      }
      let standing = standings[index]
      let name = ChartText.name(row.region, input.names)
      items.append(
        table.cell(
          name, cellStyle, column: columns[0], top: y, height: rowHeight, findings: &findings))
      items.append(
        table.cell(
          valueTexts[index], numberStyle, column: columns[1], top: y, height: rowHeight,
          findings: &findings))
      items.append(
        table.cell(
          targetTexts[index], numberStyle, column: columns[2], top: y, height: rowHeight,
          findings: &findings))
      items += progressCell(
        row, standing: standing, column: columns[3], top: y, height: rowHeight, format: format,
        table: table, findings: &findings)
      let mark: (String, TextKey)?
      switch standing {
      case .belowThreshold: mark = (marks[0], .tableCellAlarm)
      case .behind: mark = (marks[1], .tableCellAlarm)
      case .done: mark = (marks[2], .tableCellGood)
      case .onTrack, .unknown: mark = nil
      }
      if let mark {
        items.append(
          table.cell(
            mark.0, theme.text(mark.1), column: columns[4], top: y, height: rowHeight,
            findings: &findings))
      }
      contentRows.append(
        TableContentRow(cells: [
          TableContentCell(name, style: cellStyle),
          TableContentCell(valueTexts[index], style: numberStyle),
          TableContentCell(targetTexts[index], style: numberStyle),
          TableContentCell(completionText(row, format: format), style: numberStyle),
          TableContentCell(mark?.0 ?? "", style: mark.map { theme.text($0.1) } ?? cellStyle),
        ]))
      if ChartText.drawable(row) == nil {
        findings.append(
          Finding(.notice, .valueNotShown(name, input.indicator.name, shownAs: valueTexts[index])))
      }
      y += rowHeight
      items += table.rule(
        index == rows.count - 1 ? .tableRuleOuter : .tableRuleRow, y: y, left: rect.minX,
        right: rect.maxX)
    }
    let names = rows.map { ChartText.name($0.region, input.names) }
    if !remaining.isEmpty {
      let left = remaining.map { ChartText.name($0, input.names) }
      findings.append(Finding(.notice, .rowsNotListed(Self.component, left)))
      items += table.rule(.tableRuleOuter, y: y, left: rect.minX, right: rect.maxX)
    }
    let coverage = Coverage(
      "rows", asked: names, drawn: Array(names.dropLast(remaining.count)),
      statement: remaining.isEmpty ? nil : notListed(remaining.count))
    let content = TableContent(
      header: [titles.map { TableHeaderCell($0) }],
      alignments: [.left, .right, .right, .right, .left], rows: contentRows,
      note: summaryRun.text)
    let frame = ComposedFrame(
      items: [.group(name: "sub-region-table", clip: nil, items: items)], findings: findings,
      bounds: rect, coverage: [coverage], content: .table(content))
    return (frame, remaining)
  }

  // MARK: - Private

  /// The completion figure as the progress cell prints it (`62.5%`), or the absent mark.
  private func completionText(_ row: ComparisonRow, format: NumberFormat) -> String {
    ChartText.drawable(row) == nil
      ? ChartText.absentMark(row, format) : format.percent(row.completionPct)
  }

  /// Track, completion bar (capped at 100%), time-progress tick and the percentage text.
  private func progressCell(
    _ row: ComparisonRow, standing: SubRegionStanding, column: TableColumn, top: Double,
    height: Double,
    format: NumberFormat, table: TableKit<some TextMeasuring>, findings: inout [Finding]
  ) -> [FrameItem] {
    let theme = table.theme
    let style = theme.text(.tableCellNumber)
    let text = completionText(row, format: format)
    let textWidth = table.kit.size("100.0%", style).width
    let trackWidth = column.width - 3 * table.padding - textWidth
    var items: [FrameItem] = []
    if trackWidth > 8, let completion = row.completionPct, ChartText.drawable(row) != nil {
      let barHeight = height * 0.4
      let track = Rect(
        x: column.x + table.padding, y: top + (height - barHeight) / 2, width: trackWidth,
        height: barHeight)
      items.append(.shape(Shape(.rect(track), fill: theme.fill(.trackFill))))
      let fill: FillKey
      switch standing {
      case .belowThreshold: fill = .alarmFill
      case .done: fill = .goodFill
      case .behind, .onTrack, .unknown: fill = .barFill
      }
      let share = min(100, max(0, completion)) / 100
      items.append(
        .shape(
          Shape(
            .rect(
              Rect(x: track.minX, y: track.minY, width: track.width * share, height: track.height)),
            fill: theme.fill(fill))))
      if let progress = row.timeProgressPct, let stroke = theme.line(.progressLine) {
        let x = track.minX + track.width * min(100, max(0, progress)) / 100
        items.append(
          .shape(
            Shape(
              .line(from: Point(x: x, y: top + 1), to: Point(x: x, y: top + height - 1)),
              stroke: StrokeStyle(color: stroke.color, width: stroke.width))))
      }
    }
    let textSlot = min(column.width, textWidth + 2 * table.padding)
    let textColumn = TableColumn(
      x: column.x + column.width - textSlot, width: textSlot, alignment: .right)
    items.append(
      table.cell(text, style, column: textColumn, top: top, height: height, findings: &findings))
    return items
  }
}
