// MARK: - Table text styles

/// The text styles of a table (header, cells, numbers, alarm and good tones), shrunk together
/// when a table must fit a narrow area. Shared by the KPI table and the rank matrix.
struct TableStyles {
  var header: TextStyle
  var cell: TextStyle
  var number: TextStyle
  var alarm: TextStyle
  var good: TextStyle

  init(theme: ResolvedTheme) {
    header = theme.text(.tableHeaderText)
    cell = theme.text(.tableCellText)
    number = theme.text(.tableCellNumber)
    alarm = theme.text(.tableCellAlarm)
    good = theme.text(.tableCellGood)
  }

  /// Every style at `factor` × its size.
  func scaled(_ factor: Double) -> TableStyles {
    var copy = self
    copy.header = header.scaled(factor)
    copy.cell = cell.scaled(factor)
    copy.number = number.scaled(factor)
    copy.alarm = alarm.scaled(factor)
    copy.good = good.scaled(factor)
    return copy
  }
}

// MARK: - Header band

/// The header band of a three-line table (三线表): the heavy top rule, the header texts wrapped
/// and centred in their columns, and the finer rule under them. Shared by the KPI table and the
/// rank matrix, which draw it again on every page they continue on.
struct TableHeaderBand {
  var rules: [FrameItem] = []
  var texts: [FrameItem] = []
  /// Points from the top rule to the header rule.
  var height: Double

  /// nil when the header alone is taller than `rect`. `lefts` and `widths` are the columns'
  /// left edges and widths in points; headers beyond the columns are ignored.
  init?(
    headers: [String], lefts: [Double], widths: [Double], styles: TableStyles, rect: Rect,
    theme: ResolvedTheme, measurer: some TextMeasuring
  ) {
    let padding = theme.length(.cellPadding)
    let runs = zip(headers, zip(lefts, widths)).map { header, column in
      measurer.block(
        header, style: styles.header, origin: Point(x: column.0 + padding, y: 0),
        width: max(1, column.1 - 2 * padding), alignment: .center)
    }
    height = (runs.map(\.size.height).max() ?? 0) + 2 * theme.length(.rowPadding)
    guard height <= rect.height else { return nil }
    let top = rect.minY
    rules += [
      FrameItem.line(
        from: Point(x: rect.minX, y: top), to: Point(x: rect.maxX, y: top),
        stroke: theme.line(.tableRuleOuter)),
      FrameItem.line(
        from: Point(x: rect.minX, y: top + height), to: Point(x: rect.maxX, y: top + height),
        stroke: theme.line(.tableRuleHeader)),
    ].compactMap { $0 }
    for var run in runs {
      run.origin.y = top + (height - run.size.height) / 2
      texts.append(.text(run))
    }
  }
}

// MARK: - Header widths

extension TableStyles {
  /// The inner width (points, without padding) a column needs so that its header wraps to at most
  /// two lines and never inside a Latin word ("Growth" must not become "Growt / h"), and so that
  /// its widest cell (`content`, points) fits. CJK headers may break between any two characters.
  func headerInnerWidth(_ header: String, content: Double, measurer: some TextMeasuring) -> Double {
    let headerWidth = measurer.width(header, style: self.header)
    let longestWord = Self.widestLatinWord([header], style: self.header, measurer: measurer)
    var inner = max(content, headerWidth / 2, longestWord)
    while inner < headerWidth,
      measurer.measure(header, style: self.header, wrapWidth: inner).lineCount > 2
    {
      inner += 1
    }
    return inner
  }

  /// The width of the widest Latin word (one without CJK ideographs, between white space) of
  /// `texts` in `style`, points; 0 when there is none. A wrapped text at least this wide never
  /// breaks inside such a word.
  static func widestLatinWord(
    _ texts: [String], style: TextStyle, measurer: some TextMeasuring
  ) -> Double {
    texts.flatMap { $0.split(whereSeparator: \.isWhitespace) }
      .filter { word in !word.unicodeScalars.contains { $0.properties.isIdeographic } }
      .map { measurer.width(String($0), style: style) }
      .max() ?? 0
  }
}
