import BriefingCore
import BriefingStats

// MARK: - Ranked bar input

/// Which number of a comparison row a chart shows.
public enum BarMetric: String, Sendable, CaseIterable, Codable {
  /// The level, in the indicator's unit.
  case value
  /// Growth against the row's basis, %; for a rate the change in points (`shownChange`).
  case growthPct

  /// The metric's number in `row`.
  public func pick(_ row: ComparisonRow) -> Double? {
    switch self {
    case .value: row.value
    case .growthPct: row.shownChange
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
  /// Mark rows whose bottom rank (`bottomRank` / `growthBottomRank`) is at most k with 倒数第k
  /// (0 = off; judged indicators only, see `PlaceMarks`). Default: 0.
  public var bottomMarks: Int
  /// Above this many bars the chart takes two side-by-side columns. Default: 40.
  public var splitAbove: Int
  /// Title above the chart. Default: nil.
  public var title: String?
  /// Axis title; nil picks the basis title (「同比增长（%）」, 「较2002年增长（%）」, a rate's
  /// 「较上年同期增减（个百分点）」) or 「名称（单位）」.
  public var axisTitle: String?
  public var format: NumberFormat
  /// The average line's word, Chinese written in Simplified (printed in the format's script).
  /// Default: 平均.
  public var averageWord: String
  /// The target line's word, as `averageWord`. Default: 目标.
  public var targetWord: String

  public init(
    showAverage: Bool = true, target: Double? = nil, showRanks: Bool = false, bottomMarks: Int = 0,
    splitAbove: Int = 40, title: String? = nil, axisTitle: String? = nil, format: NumberFormat = .chinese,
    averageWord: String = "平均", targetWord: String = "目标"
  ) {
    self.showAverage = showAverage
    self.target = target
    self.showRanks = showRanks
    self.bottomMarks = bottomMarks
    self.splitAbove = splitAbove
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
  /// The group row, for the group average (`groupGrowthPct` / `groupMean`); nil = no average line.
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
  /// The row's competition rank for the metric (1, 1, 3); nil when unranked or a rate's change.
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
  /// Above this many bars the chart takes two columns (`RankedBarOptions.splitAbove`), when it
  /// is at least `twoColumnWidth` wide.
  public var splitAbove: Int
  public var bottomMark: String
  /// The average line was asked for but the group row has no group figure (a notice).
  public var averageMissing: Bool
}

// MARK: - Stat

extension RankedBarInput {
  /// Bars in rank order (the row's rank for the metric; then the figure in polarity order, ties in
  /// input order), missing and masked values last. Every rank, bottom mark and the average line are
  /// read from the comparison rows, never worked out here: a rate's growth metric shows its change
  /// in points (`changeFromPrior`) and has no rank; a neutral indicator has no bottom marks; with no
  /// group figure there is no average line (`averageMissing`).
  func prepared() -> RankedBarData {
    let names = Dictionary(regions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let ascending = indicator.polarity == .lower
    let entries = rows.enumerated().map { (offset: $0.offset, row: $0.element) }
    let present = entries.filter { figure($0.row) != nil }
      .sorted { a, b in
        switch (rank(a.row), rank(b.row)) {
        case (let ra?, let rb?) where ra != rb: return ra < rb
        case (.some, .none): return true
        case (.none, .some): return false
        default: break
        }
        let va = figure(a.row) ?? 0
        let vb = figure(b.row) ?? 0
        if va != vb { return ascending ? va < vb : va > vb }
        return a.offset < b.offset
      }
    let absent = entries.filter { figure($0.row) == nil }
    var bars = present.map { bar($0.row, value: figure($0.row), names: names) }
    bars += absent.map { bar($0.row, value: nil, names: names) }
    let average = options.showAverage ? groupAverage : nil
    return RankedBarData(
      bars: bars, references: references(average), title: options.title,
      axisTitle: options.axisTitle ?? defaultAxisTitle, format: options.format,
      showRanks: options.showRanks, splitAbove: options.splitAbove,
      bottomMark: options.format.bottomRank(1),
      averageMissing: options.showAverage && average == nil && !bars.isEmpty)
  }

  // MARK: - Private

  private func isShown(_ status: ValueStatus) -> Bool {
    switch status {
    case .actual, .estimate, .preliminary: true
    case .masked, .missing: false
    }
  }

  /// True when the growth metric shows changes in points (the indicator is a rate).
  private var inPoints: Bool {
    metric == .growthPct && (rows.first?.changesInPoints ?? indicator.changesInPoints)
  }

  /// The number a bar shows for `row`: the value unless it is missing or masked; the growth as
  /// the table gives it, whatever the value's status (a published yoy beside a suppressed level
  /// is ranked by the table, so drawn here).
  private func figure(_ row: ComparisonRow) -> Double? {
    switch metric {
    case .value: return isShown(row.status) ? row.value : nil
    case .growthPct: return row.shownChange
    }
  }

  /// The row's rank for the metric (none for a change in points).
  private func rank(_ row: ComparisonRow) -> Int? {
    switch metric {
    case .value: return isShown(row.status) ? row.rank : nil
    case .growthPct: return row.shownGrowthRank
    }
  }

  private func bottomRank(_ row: ComparisonRow) -> Int? {
    switch metric {
    case .value: return isShown(row.status) ? row.bottomRank : nil
    case .growthPct: return row.shownGrowthBottomRank
    }
  }

  private func bar(_ row: ComparisonRow, value: Double?, names: [RegionID: Region]) -> RankedBar {
    let region = names[row.region]
    let label: String
    if let value {
      label = format(value)
    } else {
      label = row.status == .masked ? options.format.masked : options.format.missing
    }
    let rank = value == nil ? nil : rank(row)
    let mark = PlaceMarks.bottomMark(
      rank: rank, bottom: value == nil ? nil : bottomRank(row), limit: options.bottomMarks,
      judged: indicator.polarity.isJudged)
    return RankedBar(
      region: row.region, name: region?.name ?? row.region.rawValue,
      shortName: region?.shortName ?? row.region.rawValue, value: value, label: label, rank: rank,
      bottomMark: mark, isFocus: row.region == focus)
  }

  private func format(_ value: Double) -> String {
    switch metric {
    case .growthPct where inPoints: options.format.signedPoints(value)
    case .growthPct: options.format.signedPercent(value)
    case .value: options.format.number(value, decimals: indicator.decimals)
    }
  }

  private func references(_ average: Double?) -> [ReferenceMark] {
    var marks: [ReferenceMark] = []
    if let average {
      marks.append(ReferenceMark(kind: .average, value: average, label: referenceLabel(options.averageWord, average)))
    }
    if let target = options.target {
      marks.append(ReferenceMark(kind: .target, value: target, label: referenceLabel(options.targetWord, target)))
    }
    return marks
  }

  private func referenceLabel(_ simplified: String, _ value: Double) -> String {
    let word = options.format.wording(simplified)
    return switch metric {
    case .growthPct where inPoints: "\(word) \(options.format.signedPoints(value))"
    case .growthPct: "\(word) \(options.format.percent(value))"
    case .value: "\(word) \(options.format.number(value, decimals: indicator.decimals))"
    }
  }

  /// The group figure from the group row: `groupMean`, `groupGrowthPct`, or for a rate the
  /// group's change in points. nil without a group row: the scene computes no average.
  private var groupAverage: Double? {
    switch metric {
    case .growthPct where inPoints: groupRow?.changeFromPrior
    case .growthPct: groupRow?.groupGrowthPct
    case .value: groupRow?.groupMean
    }
  }

  private var defaultAxisTitle: String {
    let english = options.format.style == .english
    let basis = ChangeBasis(rows: rows)
    switch metric {
    case .growthPct where inPoints: return basis.pointsTitle(options.format, unit: indicator.unit)
    case .growthPct: return basis.growthTitle(options.format)
    case .value:
      let unit = indicator.unit.map(options.format.symbol(of:)).map { english ? " (\($0))" : "（\($0)）" } ?? ""
      return indicator.name + unit
    }
  }
}
