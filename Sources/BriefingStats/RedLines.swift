import BriefingCore

// MARK: - Red lines

extension RowBuilder {
  /// Red-line (veto) fields of a member row of an indicator with a `redLine`, when it has a
  /// value: `redLineBreached` and `redLineGap = |value − threshold|`, both on the printed figures
  /// (rounded to the indicator's decimals).
  func fillRedLine(_ row: inout ComparisonRow, indicator i: Int) {
    guard let line = index.indicators[i].redLine, let value = row.value, row.status != .masked else {
      return
    }
    row.redLineBreached = line.isBreached(by: value, decimals: index.indicators[i].decimals)
    // The gap between the printed figures, so the sentence never reads 「超出 0」 for a breach.
    let decimals = index.indicators[i].decimals
    row.redLineGap = abs(
      DecimalRounding.rounded(value, decimals: decimals)
        - DecimalRounding.rounded(line.threshold, decimals: decimals))
  }

  /// Members of the group whose value breaks the red line (nil without a red line).
  func redLineBreaches(_ stats: GroupStats, indicator i: Int) -> Int? {
    guard let line = index.indicators[i].redLine else { return nil }
    let decimals = index.indicators[i].decimals
    return stats.values.reduce(0) { count, value in
      guard let value else { return count }
      return count + (line.isBreached(by: value, decimals: decimals) ? 1 : 0)
    }
  }
}
