import BriefingCore

// MARK: - KPI table composer

/// The focus region's main indicators as a three-line table (三线表): heavy top and bottom rules,
/// a finer rule under the header, light rules between rows. Numbers are right-aligned; cells
/// behind time progress and bottom-two ranks are alarm-coloured, first places good-coloured.
/// Headers wrap to at most two lines, indicator names wrap inside their column, and a row is
/// never split: rows that do not fit are returned so a caller can continue on the next page
/// (the header is drawn again there).
public struct KPITableComposer: PaginatingComposer {
  public static let component = "kpi-table"

  public init() {}

  // MARK: - Phases

  public func prepare(_ input: KPITableInput) -> KPITableData { input.prepared() }

  public func name(of row: KPITableRow, in data: KPITableData) -> String { data.name(of: row) }

  /// Lays out the header and as many whole rows as fit in `rect`; returns the rest.
  public func composeFitting(
    _ data: KPITableData, in rect: Rect, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> (frame: ComposedFrame, remaining: [KPITableRow]) {
    guard !data.rows.isEmpty, !data.columns.isEmpty else {
      return (ComposedFrame(findings: [Finding(.notice, .noData(Self.component))], bounds: rect), [])
    }
    var findings: [Finding] = []
    let names = data.rows.map(data.name(of:))
    let (styles, widths) = columnWidths(data, width: rect.width, theme: theme, measurer: measurer)
    let minimum = theme.length(.minTextSize)
    if styles.cell.size < minimum - 1e-9 {
      findings.append(Finding(.warning, .textShrunk(Self.component, styles.cell.size, minimum: minimum)))
    }
    let padding = theme.length(.cellPadding)
    let rowPadding = theme.length(.rowPadding)
    var lefts: [Double] = []
    var x = rect.minX
    for width in widths {
      lefts.append(x)
      x += width
    }
    var texts: [FrameItem] = []
    var rules: [FrameItem] = []

    // MARK: Header
    guard
      let header = TableHeaderBand(
        headers: data.headers, lefts: lefts, widths: widths, styles: styles, rect: rect,
        theme: theme, measurer: measurer)
    else {
      return (
        ComposedFrame(
          findings: [Finding(.warning, .areaTooSmall(Self.component))], bounds: rect,
          coverage: [Coverage("rows", asked: names, drawn: [])]), data.rows
      )
    }
    rules += header.rules
    texts += header.texts
    var y = rect.minY + header.height

    // MARK: Rows
    var drawn = 0
    var contentRows: [TableContentRow] = []
    for row in data.rows {
      var runs: [TextRun] = []
      var cells: [TableContentCell] = []
      for (index, cell) in row.cells.enumerated() {
        let column = data.columns[index]
        let style = styles.style(column, cell.tone)
        cells.append(TableContentCell(cell.text, style: style))
        let inner = max(1, widths[index] - 2 * padding)
        switch column.alignment {
        case .left:
          runs.append(measurer.block(cell.text, style: style, origin: Point(x: lefts[index] + padding, y: 0), width: inner))
        case .right, .center:
          runs.append(measurer.run(cell.text, style: style, at: Point(x: lefts[index] + widths[index] - padding, y: 0), alignment: .right))
        }
      }
      let height = (runs.map(\.size.height).max() ?? 0) + 2 * rowPadding
      guard y + height <= rect.maxY + 1e-9 else { break }
      if drawn > 0, let rule = FrameItem.line(from: Point(x: rect.minX, y: y), to: Point(x: rect.maxX, y: y), stroke: theme.line(.tableRuleRow)) {
        rules.append(rule)
      }
      for var run in runs {
        run.origin.y = y + (height - run.size.height) / 2
        texts.append(.text(run))
      }
      y += height
      drawn += 1
      contentRows.append(TableContentRow(cells: cells))
    }
    rules += [FrameItem.line(from: Point(x: rect.minX, y: y), to: Point(x: rect.maxX, y: y), stroke: theme.line(.tableRuleOuter))].compactMap { $0 }
    let bounds = Rect(x: rect.minX, y: rect.minY, width: rect.width, height: y - rect.minY)
    let coverage = Coverage("rows", asked: names, drawn: Array(names.prefix(drawn)))
    let content = TableContent(
      header: [data.headers.map { TableHeaderCell($0) }],
      alignments: data.columns.map { $0.alignment == .left ? .left : .right }, rows: contentRows)
    return (
      ComposedFrame(
        items: rules + texts, findings: findings, bounds: bounds, coverage: [coverage],
        content: .table(content)),
      Array(data.rows.dropFirst(drawn))
    )
  }

  // MARK: - Column widths

  /// Widths of every column (points, summing to `width`) and the styles they were measured in.
  /// Number columns take their widest cell or half their header (two header lines); the indicator
  /// column takes what its longest name needs and spare width is shared by the others. When the
  /// indicator column would get under four CJK characters or under a Latin word of its header
  /// or of a name (「Indicato / r」), all text shrinks by steps.
  private func columnWidths(
    _ data: KPITableData, width: Double, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> (TableStyles, [Double]) {
    let padding = theme.length(.cellPadding)
    let base = TableStyles(theme: theme)
    var attempt: (TableStyles, [Double]) = (base, [])
    for factor in [1.0, 0.9, 0.8, 0.7, 0.6] {
      let styles = base.scaled(factor)
      var widths: [Double] = []
      for (index, column) in data.columns.enumerated() {
        let cells = (data.measuredRows ?? data.rows).map { row in
          measurer.width(row.cells[index].text, style: styles.style(column, row.cells[index].tone))
        }
        let inner = styles.headerInnerWidth(
          data.headers[index], content: cells.max() ?? 0, measurer: measurer)
        widths.append(inner + 2 * padding)
      }
      let flexible = data.columns.firstIndex(of: .indicator) ?? 0
      let others = widths.enumerated().filter { $0.offset != flexible }.map(\.element).reduce(0, +)
      let nameTexts = (data.measuredRows ?? data.rows).map { $0.cells[flexible].text }
      // Four CJK characters, and no Latin word of the header or of a name broken.
      let minimumName =
        max(
          measurer.width("国国国国", style: styles.cell),
          TableStyles.widestLatinWord(nameTexts, style: styles.cell, measurer: measurer),
          TableStyles.widestLatinWord(
            [data.headers[flexible]], style: styles.header, measurer: measurer)) + 2 * padding
      widths[flexible] = max(width - others, 0)
      let names = nameTexts.map { measurer.width($0, style: styles.cell) }
      let wanted = max(minimumName, (names.max() ?? 0) + 2 * padding)
      if widths[flexible] > wanted, widths.count > 1 {
        let share = (widths[flexible] - wanted) / Double(widths.count - 1)
        widths = widths.indices.map { $0 == flexible ? wanted : widths[$0] + share }
      }
      attempt = (styles, widths)
      if widths[flexible] >= minimumName { return attempt }
    }
    return attempt
  }
}

// MARK: - KPI cell styles

extension TableStyles {
  /// The style of a KPI cell: its tone, else number or text by the column's alignment.
  func style(_ column: KPIColumn, _ tone: CellTone) -> TextStyle {
    switch tone {
    case .alarm: return alarm
    case .good: return good
    case .normal: return column.alignment == .right ? number : cell
    }
  }
}
