import BriefingCore
import BriefingStats

// MARK: - Ranking table input

/// A column of an indicator's group in the ranking table.
public enum RankingColumn: String, Hashable, Sendable, CaseIterable {
  /// The value in the indicator's unit (总量).
  case value
  /// Growth, % (增速).
  case growth
  /// Rank by value (位次).
  case rank
  /// Rank by growth (增速位次).
  case growthRank
  /// Share of the group total, % (占比).
  case share
  /// Change of the rank by value since the previous period: ▲n up, ▼n down, — unchanged (位次变化).
  case rankChange

  /// The four columns shown when a layout names none.
  public static let standard: [RankingColumn] = [.value, .growth, .rank, .growthRank]
}

/// One indicator's column group: the indicator and its member rows for one period.
public struct RankingGroup: Hashable, Sendable {
  public var indicator: Indicator
  public var rows: [ComparisonRow]
  public init(indicator: Indicator, rows: [ComparisonRow]) {
    self.indicator = indicator
    self.rows = rows
  }
}

/// The 排名通报: rows are regions, column groups are indicators.
public struct RankingTableInput: Hashable, Sendable {
  public var groups: [RankingGroup]
  /// Regions in row order. Pass `remaining` of the previous page to continue.
  public var order: [RegionID]
  /// Regions whose cells set the column widths: every row of the table, so a continued table
  /// keeps its columns from page to page. Default: nil (`order`).
  public var measured: [RegionID]?
  public var names: [RegionID: String]
  public var focus: RegionID
  /// Columns of each group. Default: `RankingColumn.standard` (value, growth, rank, growth rank).
  public var columns: [RankingColumn]
  /// Default: `.chinese`.
  public var format: NumberFormat

  public init(
    groups: [RankingGroup], order: [RegionID], names: [RegionID: String], focus: RegionID,
    columns: [RankingColumn] = RankingColumn.standard, format: NumberFormat = .chinese
  ) {
    self.groups = groups
    self.order = order
    self.names = names
    self.focus = focus
    self.columns = columns
    self.format = format
  }

  /// The same table continued with the regions a previous page returned as `remaining`.
  public func continuing(with remaining: [RegionID]) -> RankingTableInput {
    var next = self
    next.measured = measured ?? order
    next.order = remaining
    return next
  }
}

// MARK: - Ranking table composer

/// A three-line ranking table with a two-row header (indicator names over 总量/增速/位次/增速位次).
/// First places are bold green, the last two places red (the rows' ranks and bottom ranks; a
/// neutral indicator is not coloured); a rate shows its change in points and no growth rank; the
/// focus row's name is in the focus colour. Rows are never split: those that do not fit are
/// returned in `remaining` and a caller composes them on the next page (the header repeats).
/// Column groups wider than the rectangle are left out with a warning.
public struct RankingTableComposer: PaginatingComposer {
  public static let component = "ranking-table"
  /// No stat phase: the input is laid out as it is.
  public typealias Prepared = RankingTableInput

  public init() {}

  // MARK: - Methods

  public func name(of row: RegionID, in input: RankingTableInput) -> String {
    ChartText.name(row, input.names)
  }

  /// Draws the header and as many whole rows as fit into `rect` (points); the rest are `remaining`.
  public func composeFitting(
    _ input: RankingTableInput, in rect: Rect, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> (frame: ComposedFrame, remaining: [RegionID]) {
    let kit = TextKit(measurer: measurer)
    let table = TableKit(kit: kit, theme: theme)
    let format = input.format
    var findings: [Finding] = []
    let header = theme.text(.tableHeaderText)
    let cellStyle = theme.text(.tableCellText)
    var focusStyle = cellStyle
    focusStyle.color = theme.text(.labelValueFocus).color
    focusStyle.bold = true

    // Data preparation: cell texts and styles per group.
    let rowsByGroup = input.groups.map { group in
      Dictionary(
        ChartText.members(group.rows).map { ($0.region, $0) }, uniquingKeysWith: { a, _ in a })
    }
    func cell(_ column: RankingColumn, _ row: ComparisonRow?, _ indicator: Indicator) -> (
      String, TextStyle
    ) {
      let number = theme.text(.tableCellNumber)
      guard let row else { return (format.missing, theme.text(.labelMissing)) }
      switch column {
      case .value:
        return (format.value(row.value, decimals: indicator.decimals, status: row.status), number)
      case .growth:
        // A rate's change is in points (`shownChange`); the sub-title says so.
        return (
          row.shownChange.map { format.signed($0, decimals: format.percentDecimals) }
            ?? ChartText.absentMark(row, format), number
        )
      case .rank:
        return rankCell(row.rank, bottom: row.bottomRank, row: row, indicator: indicator)
      case .growthRank where row.changesInPoints:
        return (format.missing, number)
      case .growthRank:
        return rankCell(row.growthRank, bottom: row.growthBottomRank, row: row, indicator: indicator)
      case .share:
        return (row.sharePct.map { format.number($0, decimals: format.percentDecimals) } ?? format.missing, number)
      case .rankChange:
        return (format.rankChange(row.rankChange), number)
      }
    }
    func rankCell(
      _ rank: Int?, bottom: Int?, row: ComparisonRow, indicator: Indicator
    ) -> (String, TextStyle) {
      guard let rank else {
        return (ChartText.absentMark(row, format), theme.text(.tableCellNumber))
      }
      let judged = indicator.polarity.isJudged
      if PlaceMarks.isFirst(rank: rank, judged: judged) {
        var good = theme.text(.tableCellGood)
        good.bold = true
        return ("\(rank)", good)
      }
      if PlaceMarks.bottomMark(rank: rank, bottom: bottom, limit: 2, judged: judged) != nil {
        return ("\(rank)", theme.text(.tableCellAlarm))
      }
      return ("\(rank)", theme.text(.tableCellNumber))
    }
    func subTitle(_ column: RankingColumn, _ group: RankingGroup) -> String {
      let indicator = group.indicator
      let inPoints = group.rows.first?.changesInPoints ?? indicator.changesInPoints
      switch (column, format.style) {
      case (.value, .chinese): return format.wording("总量")
      case (.growth, .chinese) where inPoints:
        return format.wording("增减")
          + "(\(format.pointsUnit(forRateIn: indicator.unit).trimmingSpaces()))"
      case (.growth, .chinese): return format.wording("增速(%)")
      case (.rank, .chinese): return format.wording("位次")
      case (.growthRank, .chinese): return format.wording("增速位次")
      case (.share, .chinese): return format.wording("占比(%)")
      case (.rankChange, .chinese): return format.wording("位次变化")
      case (.value, .english): return "Value"
      case (.growth, .english) where inPoints:
        return "Change (\(format.pointsUnit(forRateIn: indicator.unit).trimmingSpaces()))"
      case (.growth, .english): return "Growth %"
      case (.rank, .english): return "Rank"
      case (.growthRank, .english): return "Growth rank"
      case (.share, .english): return "Share %"
      case (.rankChange, .english): return "Rank change"
      }
    }

    // Widths: name column, then whole groups while they fit (measured on every row of the
    // table, so each page of a continued table has the same columns).
    let measured = input.measured ?? input.order
    let regionTitle = format.style == .chinese ? format.wording("地区") : "Region"
    let nameWidth = min(
      rect.width * 0.25,
      table.naturalWidth(
        measured.map { (ChartText.name($0, input.names), focusStyle) } + [(regionTitle, header)])
    )
    var groupWidths: [[Double]] = []
    /// Indices (in `input.groups`) of the groups shown.
    var shown: [Int] = []
    var used = nameWidth
    for (g, group) in input.groups.enumerated() {
      let widths = input.columns.map { column in
        table.naturalWidth(
          measured.map { cell(column, rowsByGroup[g][$0], group.indicator) } + [
            (subTitle(column, group), header)
          ])
      }
      guard used + widths.reduce(0, +) <= rect.width else {
        findings.append(Finding(.warning, .columnsDropped(group.indicator.name)))
        continue
      }
      used += widths.reduce(0, +)
      groupWidths.append(widths)
      shown.append(g)
    }
    let shownGroups = shown.map { input.groups[$0] }
    let columnCount = 1 + groupWidths.reduce(0) { $0 + $1.count }
    let extra = (rect.width - used) / Double(columnCount)
    var x = rect.minX + nameWidth + extra
    let nameColumn = TableColumn(x: rect.minX, width: nameWidth + extra, alignment: .left)
    let groupColumns: [[TableColumn]] = groupWidths.map { widths in
      widths.map { w in
        defer { x += w + extra }
        return TableColumn(x: x, width: w + extra, alignment: .right)
      }
    }

    // Header: two rows.
    let headerRow = table.rowHeight(header)
    var items: [FrameItem] = table.rule(
      .tableRuleOuter, y: rect.minY, left: rect.minX, right: rect.maxX)
    items.append(
      table.cell(
        regionTitle, header, column: nameColumn, top: rect.minY, height: 2 * headerRow,
        findings: &findings))
    for (group, columns) in zip(shownGroups, groupColumns) {
      guard let first = columns.first, let last = columns.last else { continue }
      let span = TableColumn(x: first.x, width: last.x + last.width - first.x, alignment: .center)
      items.append(
        table.cell(
          group.indicator.name, header, column: span, top: rect.minY, height: headerRow,
          findings: &findings))
      items += table.rule(
        .ruleMinor, y: rect.minY + headerRow, left: span.x + 2, right: span.x + span.width - 2)
      let titles = input.columns.map { subTitle($0, group) }
      for (title, column) in zip(titles, columns) {
        var centered = column
        centered.alignment = .center
        items.append(
          table.cell(
            title, header, column: centered, top: rect.minY + headerRow, height: headerRow,
            findings: &findings))
      }
    }
    var y = rect.minY + 2 * headerRow
    items += table.rule(.tableRuleHeader, y: y, left: rect.minX, right: rect.maxX)

    // Body.
    let rowHeight = table.rowHeight(cellStyle)
    var remaining: [RegionID] = []
    var contentRows: [TableContentRow] = []
    for (index, region) in input.order.enumerated() {
      guard remaining.isEmpty, y + rowHeight <= rect.maxY else {
        remaining.append(region)
        continue
      }
      let isFocus = region == input.focus
      if isFocus {
        items.append(
          .shape(
            Shape(
              .rect(Rect(x: rect.minX, y: y, width: rect.width, height: rowHeight)),
              fill: theme.fill(.trackFill))))
      }
      let name = ChartText.name(region, input.names)
      var cells = [TableContentCell(name, style: isFocus ? focusStyle : cellStyle)]
      items.append(
        table.cell(
          name, isFocus ? focusStyle : cellStyle, column: nameColumn, top: y, height: rowHeight,
          findings: &findings))
      for (g, columns) in groupColumns.enumerated() {
        let row = rowsByGroup[shown[g]][region]
        if row.flatMap(ChartText.drawable) == nil {
          let mark = ChartText.absentMark(row, format)
          findings.append(
            Finding(.notice, .valueNotShown(name, shownGroups[g].indicator.name, shownAs: mark)))
        }
        for (kind, column) in zip(input.columns, columns) {
          let (text, style) = cell(kind, row, shownGroups[g].indicator)
          cells.append(TableContentCell(text, style: style))
          items.append(
            table.cell(text, style, column: column, top: y, height: rowHeight, findings: &findings))
        }
      }
      contentRows.append(
        TableContentRow(cells: cells, fill: isFocus ? theme.fill(.trackFill) : nil))
      y += rowHeight
      let last = index == input.order.count - 1
      items += table.rule(
        last ? .tableRuleOuter : .tableRuleRow, y: y, left: rect.minX, right: rect.maxX)
    }
    if !remaining.isEmpty {
      items += table.rule(.tableRuleOuter, y: y, left: rect.minX, right: rect.maxX)
    }
    let names = input.order.map { ChartText.name($0, input.names) }
    let coverage = [
      Coverage("rows", asked: names, drawn: Array(names.dropLast(remaining.count))),
      Coverage(
        "indicators", asked: input.groups.map(\.indicator.name),
        drawn: shownGroups.map(\.indicator.name)),
    ]
    let content = TableContent(
      header: [
        [TableHeaderCell(regionTitle, rows: 2)]
          + shownGroups.map { TableHeaderCell($0.indicator.name, columns: input.columns.count) },
        shownGroups.flatMap { group in input.columns.map { TableHeaderCell(subTitle($0, group)) } },
      ],
      alignments: [.left] + Array(repeating: .right, count: groupColumns.joined().count),
      rows: contentRows)
    let frame = ComposedFrame(
      items: [.group(name: "ranking-table", clip: nil, items: items)], findings: findings,
      bounds: rect, coverage: coverage, content: .table(content))
    return (frame, remaining)
  }
}
