import BriefingCore

// MARK: - Messages

extension Finding.Message {
  static func publishedTotalDiffers(
    _ indicator: String, _ period: Period, total: Double, sum: Double, members: Int, line: Int, decimals: Int
  ) -> Self {
    let text = { (value: Double) in DecimalRounding.fixed(value, decimals: decimals) ?? "\(value)" }
    return .init(
      code: "published-total-differs",
      text: "\(indicator) \(period.code): the published total on row \(line) is \(text(total)), "
        + "its \(members) member rows add up to \(text(sum)) (off by \(text(abs(total - sum))))")
  }
}

// MARK: - Check

/// Checks a table's published total (合计, 全市) against the sum of its member rows, for
/// additive indicators (`aggregate: sum`) where every member has a value. The total is the
/// group's own figure and never a member; a gap larger than the rounding of the figures (half
/// a unit of the last decimal for each) is a data-quality warning on the total's cell.
enum PublishedTotals {
  static func check(_ dataset: Dataset, rows: [LongRow]) -> [Finding] {
    let totals = rows.filter(\.isTotal)
    guard !totals.isEmpty else { return [] }
    var values: [String: Observation] = [:]
    for observation in dataset.observations {
      values["\(observation.region)|\(observation.indicator)|\(observation.period.code)"] = observation
    }
    let indicators = Dictionary(dataset.indicators.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
    var findings: [Finding] = []
    for total in totals {
      guard let indicator = indicators[total.indicator], indicator.aggregation == .sum,
        let published = values["\(total.region)|\(total.indicator)|\(total.period.code)"], let totalValue = published.value
      else { continue }
      let members = Set(rows.filter { !$0.isTotal && $0.indicator == total.indicator && $0.period == total.period }.map(\.region))
      let memberValues = members.map { values["\($0)|\(total.indicator)|\(total.period.code)"]?.value }
      guard !memberValues.isEmpty, memberValues.allSatisfy({ $0 != nil }) else { continue }
      let sum = memberValues.compactMap { $0 }.reduce(0, +)
      let unit = 1 / DecimalRounding.power10(indicator.decimals)
      let tolerance = unit / 2 * Double(memberValues.count + 1) + 1e-9 * max(abs(totalValue), 1)
      guard abs(totalValue - sum) > tolerance else { continue }
      findings.append(
        Finding(
          .warning,
          .publishedTotalDiffers(
            indicator.name, total.period, total: totalValue, sum: sum, members: memberValues.count, line: total.line,
            decimals: indicator.decimals),
          at: published.location))
    }
    return findings
  }
}
