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
