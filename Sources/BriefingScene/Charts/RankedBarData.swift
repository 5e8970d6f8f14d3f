import BriefingCore
import BriefingStats

// MARK: - Ranked bar input

/// Which number of a comparison row a chart shows.
public enum BarMetric: String, Sendable, CaseIterable, Codable {
  /// The level, in the indicator's unit.
  case value
  /// YoY growth, %.
  case growthPct

  /// The metric's number in `row`.
  public func pick(_ row: ComparisonRow) -> Double? {
    switch self {
    case .value: row.value
    case .growthPct: row.growthPct
    }
  }
}

/// Options of a ranked bar chart. Texts default to Chinese.
public struct RankedBarOptions: Hashable, Sendable {
  /// Draw the group-average line. Default: true.
  public var showAverage: Bool
  /// A target line (same unit as the metric), e.g. the target growth. Default: nil.
  public var target: Double?
  /// Show rank numbers left of the names. Default: false.
  public var showRanks: Bool
  /// Mark the bottom k regions with 倒数第k (0 = off). Default: 0.
  public var bottomMarks: Int
  /// Title above the chart. Default: nil.
  public var title: String?
  /// Axis title; nil picks 「同比增长（%）」 or 「名称（单位）」.
  public var axisTitle: String?
  public var format: NumberFormat
  /// Default: 平均.
  public var averageWord: String
  /// Default: 目标.
  public var targetWord: String

  public init(
    showAverage: Bool = true, target: Double? = nil, showRanks: Bool = false, bottomMarks: Int = 0,
    title: String? = nil, axisTitle: String? = nil, format: NumberFormat = .chinese,
    averageWord: String = "平均", targetWord: String = "目标"
  ) {
    self.showAverage = showAverage
    self.target = target
    self.showRanks = showRanks
    self.bottomMarks = bottomMarks
    self.title = title
    self.axisTitle = axisTitle
    self.format = format
    self.averageWord = averageWord
    self.targetWord = targetWord
  }
}

/// Everything a ranked bar chart is drawn from.
public struct RankedBarInput: Sendable {
  /// Member rows of one group, indicator and period (any order).
  public var rows: [ComparisonRow]
  /// The group row, for the group average (`groupGrowthPct` / `groupMean`); nil = mean of members.
  public var groupRow: ComparisonRow?
  public var indicator: Indicator
  /// Names of the regions; ids without a region show the id.
  public var regions: [Region]
  public var focus: RegionID?
  public var metric: BarMetric
  public var options: RankedBarOptions

  public init(
    rows: [ComparisonRow], groupRow: ComparisonRow? = nil, indicator: Indicator,
    regions: [Region], focus: RegionID?, metric: BarMetric, options: RankedBarOptions = .init()
  ) {
    self.rows = rows
    self.groupRow = groupRow
    self.indicator = indicator
    self.regions = regions
    self.focus = focus
    self.metric = metric
    self.options = options
  }
}

// MARK: - Prepared data

/// One bar, display-ready.
public struct RankedBar: Hashable, Sendable {
  public var region: RegionID
  public var name: String
  public var shortName: String
  /// nil = missing or masked: no bar, a `—`/`*` label.
  public var value: Double?
  /// The value label (`+7.2%`, `—`).
  public var label: String
  /// Competition rank (1, 2, 2, 4) in polarity order; nil when unranked.
  public var rank: Int?
  /// k of 倒数第k when marked.
  public var bottomMark: Int?
  public var isFocus: Bool
}

/// A vertical reference line with its label.
public struct ReferenceMark: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable, CaseIterable { case average, target }
  public var kind: Kind
  public var value: Double
  public var label: String
}

/// The stat output of a ranked bar chart: bars best first (missing last), references, texts.
public struct RankedBarData: Hashable, Sendable {
  public var bars: [RankedBar]
  public var references: [ReferenceMark]
  public var title: String?
  public var axisTitle: String
  /// Axis tick labels carry no unit; the axis title does.
  public var format: NumberFormat
  public var showRanks: Bool
  public var bottomMark: String
}

// MARK: - Stat

extension RankedBarInput {
  /// Sorts by the metric in polarity order (higher/neutral: descending; lower: ascending), ties
  /// in input order, missing values last; ranks with competition ranking; formats labels.
  func prepared() -> RankedBarData {
    let names = Dictionary(regions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let ascending = indicator.polarity == .lower
    let entries = rows.enumerated().map { (offset: $0.offset, row: $0.element) }
    let present = entries.filter { metric.pick($0.row) != nil && isShown($0.row.status) }
      .sorted { a, b in
        let va = metric.pick(a.row) ?? 0
        let vb = metric.pick(b.row) ?? 0
        if va != vb { return ascending ? va < vb : va > vb }
        return a.offset < b.offset
      }
    let absent = entries.filter { metric.pick($0.row) == nil || !isShown($0.row.status) }
    var bars: [RankedBar] = []
    var previous: Double?
    var rank = 0
    for (index, entry) in present.enumerated() {
      let value = metric.pick(entry.row) ?? 0
      if value != previous { rank = index + 1 }
      previous = value
      bars.append(bar(entry.row, value: value, rank: rank, names: names))
    }
    let ranked = bars.count
    for index in bars.indices {
      if let rank = bars[index].rank, ranked - rank + 1 <= options.bottomMarks, ranked > 1 {
        bars[index].bottomMark = ranked - rank + 1
      }
    }
    bars += absent.map { bar($0.row, value: nil, rank: nil, names: names) }
    return RankedBarData(
      bars: bars, references: references(bars.compactMap(\.value)), title: options.title,
      axisTitle: options.axisTitle ?? defaultAxisTitle, format: options.format,
      showRanks: options.showRanks, bottomMark: options.format.bottomRank(1))
  }

  // MARK: - Private

  private func isShown(_ status: ValueStatus) -> Bool {
    switch status {
    case .actual, .estimate, .preliminary: true
    case .masked, .missing: false
    }
  }

  private func bar(
    _ row: ComparisonRow, value: Double?, rank: Int?, names: [RegionID: Region]
  ) -> RankedBar {
    let region = names[row.region]
    let label: String
    if let value {
      label = format(value)
    } else {
      label = row.status == .masked ? options.format.masked : options.format.missing
    }
    return RankedBar(
      region: row.region, name: region?.name ?? row.region.rawValue,
      shortName: region?.shortName ?? row.region.rawValue, value: value, label: label, rank: rank,
      bottomMark: nil, isFocus: row.region == focus)
  }

  private func format(_ value: Double) -> String {
    switch metric {
    case .growthPct: options.format.signedPercent(value)
    case .value: options.format.number(value, decimals: indicator.decimals)
    }
  }

  private func references(_ values: [Double]) -> [ReferenceMark] {
    var marks: [ReferenceMark] = []
    if options.showAverage, let average = groupAverage(values) {
      marks.append(ReferenceMark(kind: .average, value: average, label: referenceLabel(options.averageWord, average)))
    }
    if let target = options.target {
      marks.append(ReferenceMark(kind: .target, value: target, label: referenceLabel(options.targetWord, target)))
    }
    return marks
  }

  private func referenceLabel(_ word: String, _ value: Double) -> String {
    switch metric {
    case .growthPct: "\(word) \(options.format.percent(value))"
    case .value: "\(word) \(options.format.number(value, decimals: indicator.decimals))"
    }
  }

  private func groupAverage(_ values: [Double]) -> Double? {
    let published: Double?
    switch metric {
    case .growthPct: published = groupRow?.groupGrowthPct
    case .value: published = groupRow?.groupMean
    }
    if let published { return published }
    guard !values.isEmpty else { return nil }
    return values.reduce(0, +) / Double(values.count)
  }

  private var defaultAxisTitle: String {
    let english = options.format.style == .english
    switch metric {
    case .growthPct: return english ? "YoY growth (%)" : "同比增长（%）"
    case .value:
      let unit = indicator.unit.map { english ? " (\($0.symbol))" : "（\($0.symbol)）" } ?? ""
      return indicator.name + unit
    }
  }
}
