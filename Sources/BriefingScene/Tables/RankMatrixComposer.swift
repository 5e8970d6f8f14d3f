import BriefingCore

// MARK: - Rank matrix composer

/// Indicators × {level rank, growth rank} as a three-line table: `3/9` right-aligned with the
/// rank change beside it (▲2 good-coloured, ▼1 alarm-coloured, nothing when unchanged). First
/// places sit on a light good fill, bottom-two ranks on a light alarm fill in bold. Indicator
/// names wrap inside their column; a row is never split and rows that do not fit are returned
/// (the header is drawn again on the next page).
public struct RankMatrixComposer: PaginatingComposer {
  public static let component = "rank-matrix"

  public init() {}

  // MARK: - Phases

  public func prepare(_ input: RankMatrixInput) -> RankMatrixData { input.prepared() }

  public func name(of row: RankMatrixRow, in data: RankMatrixData) -> String { row.name }

  /// Lays out the header and as many whole rows as fit in `rect`; returns the rest.
  public func composeFitting(
    _ data: RankMatrixData, in rect: Rect, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> (frame: ComposedFrame, remaining: [RankMatrixRow]) {
    guard !data.rows.isEmpty else {
      return (ComposedFrame(findings: [Finding(.notice, .noData(Self.component))], bounds: rect), [])
    }
    var findings: [Finding] = []
    let names = data.rows.map(\.name)
    let padding = theme.length(.cellPadding)
    let rowPadding = theme.length(.rowPadding)
    let layout = columnWidths(data, width: rect.width, theme: theme, measurer: measurer)
    let styles = layout.styles
    let widths = layout.widths
    let minimum = theme.length(.minTextSize)
    if styles.cell.size < minimum - 1e-9 {
      findings.append(Finding(.warning, .textShrunk(Self.component, styles.cell.size, minimum: minimum)))
    }
    let lefts = [rect.minX, rect.minX + widths[0], rect.minX + widths[0] + widths[1]]
    var fills: [FrameItem] = []
    var rules: [FrameItem] = []
    var texts: [FrameItem] = []

    // MARK: Header
    guard
      let header = TableHeaderBand(
        headers: Array(data.headers.prefix(3)), lefts: lefts, widths: widths, styles: styles,
        rect: rect, theme: theme, measurer: measurer)
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
    let goodFill = theme.fill(.goodFill).lightened()
    let alarmFill = theme.fill(.alarmFill).lightened()
    /// A rank cell's background (over the rank and its change mark): none for a normal place.
    func fill(_ tone: CellTone) -> Color? { tone == .normal ? nil : tone == .good ? goodFill : alarmFill }
    var drawn = 0
    var contentRows: [TableContentRow] = []
    for row in data.rows {
      var runs = [
        measurer.block(row.name, style: styles.cell, origin: Point(x: lefts[0] + padding, y: 0), width: max(1, widths[0] - 2 * padding))
      ]
      for (index, cell) in [row.level, row.growth].enumerated() {
        let column = index + 1
        let right = lefts[column] + widths[column] - padding
        let arrowWidth = layout.arrowWidths[index]
        runs.append(measurer.run(cell.text, style: styles.rank(cell.tone), at: Point(x: right - arrowWidth, y: 0), alignment: .right))
        if !cell.changeText.isEmpty {
          runs.append(measurer.run(cell.changeText, style: styles.change(cell.changeTone), at: Point(x: right, y: 0), alignment: .right))
        }
      }
      let height = (runs.map(\.size.height).max() ?? 0) + 2 * rowPadding
      guard y + height <= rect.maxY + 1e-9 else { break }
      for (index, cell) in [row.level, row.growth].enumerated() {
        guard let color = fill(cell.tone) else { continue }
        let column = index + 1
        fills.append(.box(Rect(x: lefts[column], y: y, width: widths[column], height: height), fill: color))
      }
      if drawn > 0, let rule = FrameItem.line(from: Point(x: rect.minX, y: y), to: Point(x: rect.maxX, y: y), stroke: theme.line(.tableRuleRow)) {
        rules.append(rule)
      }
      for var run in runs {
        run.origin.y = y + (height - run.size.height) / 2
        texts.append(.text(run))
      }
      y += height
      drawn += 1
      contentRows.append(
        TableContentRow(
          cells: [TableContentCell(row.name, style: styles.cell)]
            + [row.level, row.growth].flatMap { cell in
              [
                TableContentCell(cell.text, style: styles.rank(cell.tone), fill: fill(cell.tone)),
                TableContentCell(cell.changeText, style: styles.change(cell.changeTone), fill: fill(cell.tone)),
              ]
            }))
    }
    rules += [FrameItem.line(from: Point(x: rect.minX, y: y), to: Point(x: rect.maxX, y: y), stroke: theme.line(.tableRuleOuter))].compactMap { $0 }
    let bounds = Rect(x: rect.minX, y: rect.minY, width: rect.width, height: y - rect.minY)
    let coverage = Coverage("rows", asked: names, drawn: Array(names.prefix(drawn)))
    // Each rank column is two here, the rank and its change mark, as they are drawn apart.
    let headers = Array(data.headers.prefix(3))
    let content = TableContent(
      header: [
        headers.enumerated().map { TableHeaderCell($0.element, columns: $0.offset == 0 ? 1 : 2) }
      ],
      alignments: [.left, .right, .right, .right, .right], rows: contentRows)
    return (
      ComposedFrame(
        items: fills + rules + texts, findings: findings, bounds: bounds, coverage: [coverage],
        content: .table(content)),
      Array(data.rows.dropFirst(drawn))
    )
  }

  // MARK: - Column widths

  /// Widths of the three columns (summing to `width`), the width reserved for change marks in
  /// each rank column (mark + gap, 0 when the column has none) and the styles measured in. Rank
  /// columns take their widest rank + mark or half their header; the indicator column takes what
  /// its longest name needs and spare width goes to the rank columns. When the indicator column
  /// would get under four characters, all text shrinks by steps.
  private func columnWidths(
    _ data: RankMatrixData, width: Double, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> (styles: TableStyles, widths: [Double], arrowWidths: [Double]) {
    let padding = theme.length(.cellPadding)
    let gap = theme.length(.labelSpacing)
    let base = TableStyles(theme: theme)
    var attempt = (styles: base, widths: [width, 0, 0], arrowWidths: [0.0, 0.0])
    for factor in [1.0, 0.9, 0.8, 0.7, 0.6] {
      let styles = base.scaled(factor)
      var widths = [0.0]
      var arrows: [Double] = []
      for (index, cells) in [data.rows.map(\.level), data.rows.map(\.growth)].enumerated() {
        let arrow = cells.map { $0.changeText.isEmpty ? 0 : measurer.width($0.changeText, style: styles.change($0.changeTone)) }.max() ?? 0
        let arrowWidth = arrow > 0 ? arrow + gap : 0
        let ranks = cells.map { measurer.width($0.text, style: styles.rank($0.tone)) }.max() ?? 0
        let header = data.headers.count > index + 1 ? data.headers[index + 1] : ""
        let inner = styles.headerInnerWidth(header, content: ranks + arrowWidth, measurer: measurer)
        widths.append(inner + 2 * padding)
        arrows.append(arrowWidth)
      }
      let minimumName = measurer.width("国国国国", style: styles.cell) + 2 * padding
      widths[0] = max(width - widths[1] - widths[2], 0)
      let names = data.rows.map { measurer.width($0.name, style: styles.cell) }
      let headerName = measurer.width(data.headers.first ?? "", style: styles.header)
      let wanted = max(minimumName, max(names.max() ?? 0, headerName) + 2 * padding)
      if widths[0] > wanted {
        let share = (widths[0] - wanted) / 2
        widths = [wanted, widths[1] + share, widths[2] + share]
      }
      attempt = (styles, widths, arrows)
      if widths[0] >= minimumName { return attempt }
    }
    return attempt
  }
}

// MARK: - Rank matrix styles

extension TableStyles {
  /// Rank text: bottom-two ranks are alarm-coloured and bold; first places good-coloured.
  func rank(_ tone: CellTone) -> TextStyle {
    switch tone {
    case .normal: return number
    case .good: return good
    case .alarm:
      var bold = alarm
      bold.bold = true
      return bold
    }
  }

  /// Change marks: ▲ good, ▼ alarm.
  func change(_ tone: CellTone) -> TextStyle {
    switch tone {
    case .normal: return number
    case .good: return good
    case .alarm: return alarm
    }
  }
}

// MARK: - Light fills

extension Color {
  /// The colour mixed with white (`amount` of the colour stays): a light cell background.
  fileprivate func lightened(_ amount: Double = 0.15) -> Color {
    Color(
      red: 1 - (1 - red) * amount, green: 1 - (1 - green) * amount, blue: 1 - (1 - blue) * amount,
      alpha: alpha)
  }
}
