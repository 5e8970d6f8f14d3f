import BriefingCore
import BriefingStats

// MARK: - Red-line panel input

/// One red-line indicator and its rows for one period: the members and the group row (whose
/// `redLineBreaches` the panel reads; breaches are decided by the table, never here).
public struct RedLineEntry: Hashable, Sendable {
  /// Must carry a `redLine`; entries without one are skipped with a finding.
  public var indicator: Indicator
  public var rows: [ComparisonRow]
  public init(indicator: Indicator, rows: [ComparisonRow]) {
    self.indicator = indicator
    self.rows = rows
  }
}

/// The focus region against every red-line (veto) threshold.
public struct RedLinePanelInput: Hashable, Sendable {
  public var entries: [RedLineEntry]
  public var names: [RegionID: String]
  public var focus: RegionID
  /// Default: `.chinese`.
  public var format: NumberFormat

  public init(
    entries: [RedLineEntry], names: [RegionID: String], focus: RegionID,
    format: NumberFormat = .chinese
  ) {
    self.entries = entries
    self.names = names
    self.focus = focus
    self.format = format
  }
}

// MARK: - Red-line panel composer

/// One row per red-line indicator: `PM10 78 微克/立方米，限值 76，超出 2`, a status word (超限 in the
/// alarm colour, 达标 in green, `—`/`*` when the value is absent) and how many peers breach.
public struct RedLinePanelComposer: ComponentComposing {
  static let component = "red-line-panel"

  public init() {}

  // MARK: - Methods

  /// Draws one row per red-line indicator into `rect` (points); rows that do not fit are reported.
  public func compose(
    _ input: RedLinePanelInput, in rect: Rect, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> ComposedFrame {
    let kit = TextKit(measurer: measurer)
    let table = TableKit(kit: kit, theme: theme)
    let format = input.format
    var findings: [Finding] = []
    var lines: [(sentence: String, status: String, statusKey: TextKey, peers: String)] = []
    /// The indicator of each line.
    var names: [String] = []
    for entry in input.entries {
      guard let redLine = entry.indicator.redLine else {
        findings.append(
          Finding(.notice, .columnsDropped("\(entry.indicator.name) has no red line")))
        continue
      }
      lines.append(line(entry, redLine: redLine, input: input, findings: &findings))
      names.append(entry.indicator.name)
    }
    guard !lines.isEmpty else {
      var frame = NoDataNote.frame(
        Self.component, format: format, in: rect, theme: theme, measurer: measurer)
      frame.findings += findings
      return frame
    }
    let cellStyle = theme.text(.tableCellText)
    let statusWidth = table.naturalWidth(lines.map { ($0.status, theme.text($0.statusKey)) })
    let sentenceWidth = table.naturalWidth(lines.map { ($0.sentence, cellStyle) })
    var peersWidth = min(rect.width * 0.35, table.naturalWidth(lines.map { ($0.peers, cellStyle) }))
    // In a narrow panel the sentence (value, limit, gap) matters more than the peer count.
    if sentenceWidth + statusWidth + peersWidth > rect.width, peersWidth > 0 {
      peersWidth = 0
      findings.append(Finding(.notice, .columnsDropped(format.style == .chinese ? "其余地区超限数" : "peer counts")))
    }
    let columns = table.columns(
      from: rect.minX,
      widths: [max(0, rect.width - statusWidth - peersWidth), statusWidth, peersWidth],
      alignments: [.left, .center, .right])
    let rowHeight = table.rowHeight(cellStyle)
    var items: [FrameItem] = table.rule(
      .tableRuleOuter, y: rect.minY, left: rect.minX, right: rect.maxX)
    var y = rect.minY
    var dropped: [String] = []
    var contentRows: [TableContentRow] = []
    for (index, line) in lines.enumerated() {
      guard y + rowHeight <= rect.maxY else {
        dropped.append(names[index])
        continue
      }
      items.append(
        table.cell(
          line.sentence, cellStyle, column: columns[0], top: y, height: rowHeight,
          findings: &findings))
      items.append(
        table.cell(
          line.status, theme.text(line.statusKey), column: columns[1], top: y, height: rowHeight,
          findings: &findings))
      if peersWidth > 0 {
        items.append(
          table.cell(
            line.peers, theme.text(.noteText), column: columns[2], top: y, height: rowHeight,
            findings: &findings))
      }
      contentRows.append(
        TableContentRow(
          cells: [
            TableContentCell(line.sentence, style: cellStyle),
            TableContentCell(line.status, style: theme.text(line.statusKey)),
          ] + (peersWidth > 0 ? [TableContentCell(line.peers, style: theme.text(.noteText))] : [])))
      y += rowHeight
      items += table.rule(
        index == lines.count - 1 ? .tableRuleOuter : .tableRuleRow, y: y, left: rect.minX,
        right: rect.maxX)
    }
    if !dropped.isEmpty { findings.append(Finding(.warning, .overflow(Self.component, rows: dropped))) }
    // No header row: the panel draws none.
    let content = TableContent(
      header: [], alignments: Array(([.left, .center, .right] as [TextAlignment]).prefix(peersWidth > 0 ? 3 : 2)),
      rows: contentRows)
    return ComposedFrame(
      items: [.group(name: "red-line-panel", clip: nil, items: items)], findings: findings,
      bounds: rect,
      coverage: [Coverage("rows", asked: names, drawn: Array(names.dropLast(dropped.count)))],
      content: .table(content))
  }

  // MARK: - Private

  private func line(
    _ entry: RedLineEntry, redLine: RedLine, input: RedLinePanelInput, findings: inout [Finding]
  ) -> (sentence: String, status: String, statusKey: TextKey, peers: String) {
    let format = input.format
    let chinese = format.style == .chinese
    let indicator = entry.indicator
    let members = ChartText.members(entry.rows)
    let row = members.first { $0.region == input.focus }
    let unit = indicator.unit.map { " " + format.symbol(of: $0) } ?? ""
    let limit = format.number(redLine.threshold, decimals: indicator.decimals)
    let limitWord: String
    switch redLine.kind {
    case .max: limitWord = chinese ? format.wording("限值") : "limit"
    case .min: limitWord = chinese ? format.wording("下限") : "floor"
    }
    let peers = members.filter { $0.region != input.focus }
    // The table counts the group's breaches; the focus's own breach is not a peer's.
    let groupBreaches = entry.rows.first(where: \.isGroupRow)?.redLineBreaches ?? 0
    let breaching = groupBreaches - (row?.redLineBreached == true ? 1 : 0)
    // Converted in two parts: OpenCC reads 「…8个中…」 as the phrase 个中 (箇中, "therein").
    let peerText =
      chinese
      ? format.wording("其余\(peers.count)个") + format.wording("中\(breaching)个超限")
      : "\(breaching) of \(peers.count) peers breach"
    guard let row, let value = ChartText.drawable(row), let breached = row.redLineBreached,
      let gapValue = row.redLineGap
    else {
      let mark = ChartText.absentMark(row, format)
      findings.append(
        Finding(
          .notice,
          .valueNotShown(ChartText.name(input.focus, input.names), indicator.name, shownAs: mark)))
      let sentence =
        chinese
        ? "\(indicator.shortName) \(mark)，\(limitWord) \(limit)"
        : "\(indicator.shortName) \(mark), \(limitWord) \(limit)"
      return (sentence, mark, .labelMissing, peerText)
    }
    let gap = format.number(gapValue, decimals: indicator.decimals)
    let gapWord: String
    switch (redLine.kind, breached, chinese) {
    case (.max, true, true): gapWord = format.wording("超出")
    case (.min, true, true): gapWord = format.wording("低于")
    case (_, false, true): gapWord = format.wording("余量")
    case (.max, true, false): gapWord = "over by"
    case (.min, true, false): gapWord = "under by"
    case (_, false, false): gapWord = "margin"
    }
    let valueText = format.value(value, decimals: indicator.decimals, status: row.status)
    let sentence =
      chinese
      ? "\(indicator.shortName) \(valueText)\(unit)，\(limitWord) \(limit)，\(gapWord) \(gap)"
      : "\(indicator.shortName) \(valueText)\(unit), \(limitWord) \(limit), \(gapWord) \(gap)"
    let status =
      breached
      ? (chinese ? format.wording("超限") : "breached") : (chinese ? format.wording("达标") : "safe")
    return (sentence, status, breached ? .tableCellAlarm : .tableCellGood, peerText)
  }
}
