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

// MARK: - Header widths

extension TableStyles {
  /// The inner width (points, without padding) a column needs so that its header wraps to at most
  /// two lines and never inside a Latin word ("Growth" must not become "Growt / h"), and so that
  /// its widest cell (`content`, points) fits. CJK headers may break between any two characters.
  func headerInnerWidth(_ header: String, content: Double, measurer: some TextMeasuring) -> Double {
    let headerWidth = measurer.width(header, style: self.header)
    let longestWord =
      header.split(whereSeparator: \.isWhitespace)
      .filter { word in !word.unicodeScalars.contains { $0.properties.isIdeographic } }
      .map { measurer.width(String($0), style: self.header) }
      .max() ?? 0
    var inner = max(content, headerWidth / 2, longestWord)
    while inner < headerWidth,
      measurer.measure(header, style: self.header, wrapWidth: inner).lineCount > 2
    {
      inner += 1
    }
    return inner
  }
}
