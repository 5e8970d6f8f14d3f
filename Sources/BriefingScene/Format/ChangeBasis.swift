import BriefingCore
import BriefingStats

// MARK: - What a change is measured against

/// The comparison basis of the rows a chart or table shows, as the comparison table declared it
/// (`ComparisonRow.priorBasis`, `priorPeriod`), and the titles that name it: 「同比增长（%）」 for
/// a year-ago basis, 「较2002年增长（%）」 when the data has no year-earlier period. The scene never
/// works a basis out from the period itself; rows without a declared basis get a plain
/// 「增长（%）」 / "Growth (%)". Chinese titles are in the format's script (`NumberFormat.wording`).
public struct ChangeBasis: Hashable, Sendable {
  // MARK: - Properties
  /// nil = the rows do not say.
  public var basis: PriorBasis?
  /// The basis period (`ComparisonRow.priorPeriod`).
  public var priorPeriod: Period?

  // MARK: - Initialization
  public init(basis: PriorBasis?, priorPeriod: Period?) {
    self.basis = basis
    self.priorPeriod = priorPeriod
  }

  /// The basis of the first row that declares one (member rows first; group rows share it).
  public init(rows: [ComparisonRow]) {
    let declared =
      rows.first { !$0.isGroupRow && $0.priorBasis != nil } ?? rows.first { $0.priorBasis != nil }
    self.init(basis: declared?.priorBasis, priorPeriod: declared?.priorPeriod)
  }

  /// The basis of one row.
  public init(row: ComparisonRow?) {
    self.init(basis: row?.priorBasis, priorPeriod: row?.priorPeriod)
  }

  // MARK: - Titles

  /// The growth title of one period's figures: 「同比增长（%）」 / 「较2002年增长（%）」 /
  /// "YoY growth (%)" / "Growth vs 2002 (%)"; 「增长（%）」 / "Growth (%)" when undeclared.
  public func growthTitle(_ format: NumberFormat) -> String {
    switch (format.style, against(format)) {
    case (.chinese, .some(.yearAgo)): format.wording("同比增长（%）")
    case (.chinese, .some(.period(let title))): format.wording("较\(title)增长（%）")
    case (.chinese, .none): format.wording("增长（%）")
    case (.english, .some(.yearAgo)): "YoY growth (%)"
    case (.english, .some(.period(let title))): "Growth vs \(title) (%)"
    case (.english, .none): "Growth (%)"
    }
  }

  /// The title of the growth change (`growthChangePp`: growth now − growth in the basis period):
  /// 「增速较上年同期（个百分点）」 / 「增速较2002年（个百分点）」 / "vs last year (pp)" /
  /// "vs 2002 (pp)"; 「增速变化（个百分点）」 / "Growth change (pp)" when undeclared.
  public func growthChangeTitle(_ format: NumberFormat) -> String {
    switch (format.style, against(format)) {
    case (.chinese, .some(.yearAgo)): format.wording("增速较上年同期（个百分点）")
    case (.chinese, .some(.period(let title))): format.wording("增速较\(title)（个百分点）")
    case (.chinese, .none): format.wording("增速变化（个百分点）")
    case (.english, .some(.yearAgo)): "vs last year (pp)"
    case (.english, .some(.period(let title))): "vs \(title) (pp)"
    case (.english, .none): "Growth change (pp)"
    }
  }

  /// The title of a rate's change in points (`ComparisonRow.changesInPoints`):
  /// 「较上年同期增减（个百分点）」 / 「较2002年增减（个千分点）」 / "Change vs a year ago (pp)" /
  /// "Change vs 2002 (‰ points)"; without the basis when undeclared.
  public func pointsTitle(_ format: NumberFormat, unit: Unit?) -> String {
    let points = format.pointsUnit(forRateIn: unit).trimmingSpaces()
    switch (format.style, against(format)) {
    case (.chinese, .some(.yearAgo)): return format.wording("较上年同期增减") + "（\(points)）"
    case (.chinese, .some(.period(let title))): return format.wording("较\(title)增减") + "（\(points)）"
    case (.chinese, .none): return format.wording("增减") + "（\(points)）"
    case (.english, .some(.yearAgo)): return "Change vs a year ago (\(points))"
    case (.english, .some(.period(let title))): return "Change vs \(title) (\(points))"
    case (.english, .none): return "Change (\(points))"
    }
  }

  /// The growth title of a series over several periods, each against its own basis:
  /// 「同比增长（%）」 for a year-ago basis, 「较上期增长（%）」 / "Growth on previous period (%)"
  /// otherwise (no single basis year is right for every point).
  public func seriesGrowthTitle(_ format: NumberFormat) -> String {
    switch (format.style, basis) {
    case (.chinese, .some(.yearAgo)): format.wording("同比增长（%）")
    case (.chinese, .some(.previousPeriod)): format.wording("较上期增长（%）")
    case (.chinese, .none): format.wording("增长（%）")
    case (.english, .some(.yearAgo)): "YoY growth (%)"
    case (.english, .some(.previousPeriod)): "Growth on previous period (%)"
    case (.english, .none): "Growth (%)"
    }
  }

  /// A rate's change over several periods: 「较上年同期增减（个百分点）」 for a year-ago basis,
  /// 「较上期增减（个百分点）」 / "Change on previous period (pp)" otherwise.
  public func seriesPointsTitle(_ format: NumberFormat, unit: Unit?) -> String {
    let points = format.pointsUnit(forRateIn: unit).trimmingSpaces()
    switch (format.style, basis) {
    case (.chinese, .some(.yearAgo)): return format.wording("较上年同期增减") + "（\(points)）"
    case (.chinese, .some(.previousPeriod)): return format.wording("较上期增减") + "（\(points)）"
    case (.chinese, .none): return format.wording("增减") + "（\(points)）"
    case (.english, .some(.yearAgo)): return "Change vs a year ago (\(points))"
    case (.english, .some(.previousPeriod)): return "Change on previous period (\(points))"
    case (.english, .none): return "Change (\(points))"
    }
  }

  // MARK: - Private

  private enum Against {
    case yearAgo
    case period(String)
  }

  private func against(_ format: NumberFormat) -> Against? {
    switch basis {
    case .yearAgo: return .yearAgo
    case .previousPeriod:
      guard let priorPeriod else { return nil }
      return .period(format.style == .chinese ? priorPeriod.chineseTitle : priorPeriod.englishTitle)
    case nil: return nil
    }
  }
}

// MARK: - The change a sheet shows

extension ComparisonRow {
  /// The change sheets show for this row: the change in points (`changeFromPrior`) for a rate
  /// (`changesInPoints`), else `growthPct`. The table decides which; this only reads it.
  public var shownChange: Double? { changesInPoints ? changeFromPrior : growthPct }

  /// The growth rank a sheet may show: none for a rate (its change is in points).
  public var shownGrowthRank: Int? { changesInPoints ? nil : growthRank }

  /// The growth bottom rank a sheet may show: none for a rate.
  public var shownGrowthBottomRank: Int? { changesInPoints ? nil : growthBottomRank }
}

extension NumberFormat {
  /// A row's change as a self-contained label: `+7.2%`, or for a rate `+0.5个百分点` /
  /// `+0.5 pp` (`‰`: 个千分点); `—` when absent.
  public func signedChange(_ row: ComparisonRow) -> String {
    guard let change = row.shownChange else { return missing }
    guard row.changesInPoints else { return signedPercent(change) }
    return signed(change, decimals: percentDecimals) + pointsUnit(forRateIn: row.unit)
  }
}

// MARK: - Judged places

/// Which places a sheet marks, read from the row's ranks: first place (good) and bottom places
/// (倒数第k, alarm), only for judged indicators (`Polarity.isJudged`; a neutral indicator such as
/// population is ranked by size and never praised or blamed).
public enum PlaceMarks {
  /// True for a first place of a judged indicator.
  public static func isFirst(rank: Int?, judged: Bool) -> Bool {
    judged && rank == 1
  }

  /// k of 倒数第k when the place is marked: a bottom place by the table's one rule
  /// (`ComparisonRow.bottomPlace`) within the `limit` last places.
  public static func bottomMark(rank: Int?, bottom: Int?, limit: Int, judged: Bool) -> Int? {
    guard let place = ComparisonRow.bottomPlace(rank: rank, bottom: bottom, judged: judged),
      place <= limit
    else { return nil }
    return place
  }
}
