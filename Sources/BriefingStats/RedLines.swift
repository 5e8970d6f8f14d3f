import BriefingCore

// MARK: - Red lines

extension RedLine {
  /// Whether `value` breaks the line as printed: value and threshold both rounded to `decimals`
  /// (a value printed 30.0 never breaches a limit printed 30.0).
  func isBreached(byPrinted value: Double, decimals: Int) -> Bool {
    let v = DecimalRounding.key(value, decimals: decimals)
    let t = DecimalRounding.key(threshold, decimals: decimals)
    switch kind {
    case .max: return v > t
    case .min: return v < t
    }
  }
}

extension RowBuilder {
  /// Red-line (veto) fields of a member row of an indicator with a `redLine`, when it has a
  /// value: `redLineBreached` (on the printed figures) and `redLineGap = |value − threshold|`.
  func fillRedLine(_ row: inout ComparisonRow, indicator i: Int) {
    guard let line = index.indicators[i].redLine, let value = row.value, row.status != .masked else {
      return
    }
    row.redLineBreached = line.isBreached(byPrinted: value, decimals: index.indicators[i].decimals)
    row.redLineGap = abs(value - line.threshold)
  }

  /// Members of the group whose value breaks the red line (nil without a red line).
  func redLineBreaches(_ stats: GroupStats, indicator i: Int) -> Int? {
    guard let line = index.indicators[i].redLine else { return nil }
    let decimals = index.indicators[i].decimals
    return stats.values.reduce(0) { count, value in
      guard let value else { return count }
      return count + (line.isBreached(byPrinted: value, decimals: decimals) ? 1 : 0)
    }
  }
}
