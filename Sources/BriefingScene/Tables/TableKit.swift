import BriefingCore

// MARK: - Table drawing shared by the ranking, sub-region and red-line tables

/// One column of a three-line table: its left edge, width and alignment (points).
struct TableColumn {
  var x: Double
  var width: Double
  var alignment: TextAlignment
}

/// Cells, rows and three-line rules (三线表) for the ranking, sub-region and red-line tables.
struct TableKit<M: TextMeasuring> {
  // MARK: - Properties
  let kit: TextKit<M>
  let theme: ResolvedTheme

  // MARK: - Accessors

  /// Horizontal padding inside a cell. Default: theme `table.cell.padding` (4 pt).
  var padding: Double { theme.length(.cellPadding) }

  /// Height of a one-line row in `style`, padding included.
  func rowHeight(_ style: TextStyle) -> Double {
    kit.size("国0", style).height + 2 * theme.length(.rowPadding)
  }

  // MARK: - Methods

  /// Lays columns out left to right from `x` with the given widths.
  func columns(from x: Double, widths: [Double], alignments: [TextAlignment]) -> [TableColumn] {
    var cursor = x
    return zip(widths, alignments).map { width, alignment in
      defer { cursor += width }
      return TableColumn(x: cursor, width: width, alignment: alignment)
    }
  }

  /// The natural width of a column: its widest text plus padding.
  func naturalWidth(_ texts: [(String, TextStyle)]) -> Double {
    (texts.map { kit.size($0.0, $0.1).width }.max() ?? 0) + 2 * padding
  }

  /// One cell's text, shortened with `…` when wider than the column, centred vertically in the
  /// row band `top...top+height`.
  func cell(
    _ text: String, _ style: TextStyle, column: TableColumn, top: Double, height: Double,
    findings: inout [Finding]
  ) -> FrameItem {
    let room = max(0, column.width - 2 * padding)
    let shown = kit.fitted(text, style, maxWidth: room, findings: &findings)
    let x: Double
    switch column.alignment {
    case .left: x = column.x + padding
    case .center: x = column.x + column.width / 2
    case .right: x = column.x + column.width - padding
    }
    return .text(
      kit.measurer.run(
        shown, style: style, at: Point(x: x, y: top + height / 2), alignment: column.alignment,
        vertical: .middle))
  }

  /// A horizontal rule of `key` from `left` to `right` at `y`, if the theme draws it.
  func rule(_ key: LineKey, y: Double, left: Double, right: Double) -> [FrameItem] {
    guard let stroke = theme.line(key) else { return [] }
    return [
      .shape(Shape(.line(from: Point(x: left, y: y), to: Point(x: right, y: y)), stroke: stroke))
    ]
  }
}
