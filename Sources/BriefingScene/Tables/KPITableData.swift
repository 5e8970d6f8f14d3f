import BriefingCore
import BriefingStats

// MARK: - Columns

/// The columns a KPI table can show, in display order when all are chosen.
public enum KPIColumn: String, Sendable, CaseIterable, Codable {
  case indicator, unit, value, growth, growthChange, targetGrowth, completion, progressGap,
    rankByValue, rankByGrowth, gapToGroup, share, rankChange

  /// Header text (may wrap to two lines), Chinese in the format's script. The growth and
  /// growth-change headers name the rows' comparison basis (「同比增长（%）」, 「较2002年增长（%）」);
  /// no header names a frame (全市).
  public func header(_ format: NumberFormat, basis: ChangeBasis) -> String {
    switch (self, format.style) {
    case (.growth, _): basis.growthTitle(format)
    case (.growthChange, _): basis.growthChangeTitle(format)
    case (.indicator, .chinese): format.wording("指标")
    case (.unit, .chinese): format.wording("单位")
    case (.value, .chinese): format.wording("累计值")
    case (.completion, .chinese): format.wording("完成年度目标（%）")
    case (.progressGap, .chinese): format.wording("较时序进度（个百分点）")
    case (.rankByValue, .chinese): format.wording("总量排位")
    case (.rankByGrowth, .chinese): format.wording("增速排位")
    case (.gapToGroup, .chinese): format.wording("较平均增速（个百分点）")
    case (.targetGrowth, .chinese): format.wording("目标增速（%）")
    case (.share, .chinese): format.wording("占比（%）")
    case (.rankChange, .chinese): format.wording("总量位次变化")
    case (.indicator, .english): "Indicator"
    case (.unit, .english): "Unit"
    case (.value, .english): "Value"
    case (.completion, .english): "Of target (%)"
    case (.progressGap, .english): "vs time (pp)"
    case (.rankByValue, .english): "Rank (level)"
    case (.rankByGrowth, .english): "Rank (growth)"
    case (.gapToGroup, .english): "vs avg (pp)"
    case (.targetGrowth, .english): "Target growth (%)"
    case (.share, .english): "Share of group (%)"
    case (.rankChange, .english): "Rank change"
    }
  }

  /// Numbers are right-aligned; names and units left-aligned.
  /// The columns shown when none are chosen (without the growth-change and target-growth ones).
  public static let standard: [KPIColumn] = [
    .indicator, .unit, .value, .growth, .completion, .progressGap, .rankByValue, .rankByGrowth,
    .gapToGroup,
  ]

  public var alignment: TextAlignment {
    switch self {
    case .indicator, .unit: .left
    case .value, .growth, .growthChange, .targetGrowth, .completion, .progressGap, .rankByValue,
      .rankByGrowth, .gapToGroup, .share, .rankChange:
      .right
    }
  }
}

// MARK: - Input

/// One indicator of the focus region: its metadata and its comparison row (nil = no data).
public struct KPIEntry: Hashable, Sendable {
  public var indicator: Indicator
  public var row: ComparisonRow?
  public init(indicator: Indicator, row: ComparisonRow?) {
    self.indicator = indicator
    self.row = row
  }
}

/// The focus region's indicators and the columns to show.
public struct KPITableInput: Hashable, Sendable {
  public var entries: [KPIEntry]
  /// Default: all columns.
  public var columns: [KPIColumn]
  public var format: NumberFormat
  /// Bottom ranks up to this k are alarms (倒数第1, 第2). Default: 2.
  public var alarmBottomRanks: Int

  public init(
    entries: [KPIEntry], columns: [KPIColumn] = KPIColumn.standard,
    format: NumberFormat = .chinese, alarmBottomRanks: Int = 2
  ) {
    self.entries = entries
    self.columns = columns
    self.format = format
    self.alarmBottomRanks = alarmBottomRanks
  }
}

// MARK: - Prepared data

/// How a cell is coloured: conditional colour is data, the theme decides the colour.
public enum CellTone: String, Hashable, Sendable, CaseIterable {
  case normal, alarm, good
}

/// One formatted cell.
public struct KPICell: Hashable, Sendable {
  public var text: String
  public var tone: CellTone
  public init(_ text: String, tone: CellTone = .normal) {
    self.text = text
    self.tone = tone
  }
}

/// One table row (one indicator).
public struct KPITableRow: Hashable, Sendable {
  public var indicator: IndicatorID
  public var cells: [KPICell]
}

/// The stat output of a KPI table: headers and formatted, toned cells.
public struct KPITableData: Hashable, Sendable {
  public var columns: [KPIColumn]
  public var headers: [String]
  /// The rows to draw (on a continued table: those not drawn on earlier pages).
  public var rows: [KPITableRow]
  /// Rows whose cells set the column widths: every row of the table, so a continued table keeps
  /// its columns from page to page. Default: nil (`rows`).
  public var measuredRows: [KPITableRow]? = nil

  /// The same table continued with the rows a previous page returned as `remaining`.
  public func continuing(with remaining: [KPITableRow]) -> KPITableData {
    var next = self
    next.measuredRows = measuredRows ?? rows
    next.rows = remaining
    return next
  }

  /// The row's name in findings: its indicator cell, else the indicator id.
  func name(of row: KPITableRow) -> String {
    columns.firstIndex(of: .indicator).map { row.cells[$0].text } ?? row.indicator.rawValue
  }
}

// MARK: - Stat

extension KPITableInput {
  func prepared() -> KPITableData {
    KPITableData(
      columns: columns,
      headers: columns.map { $0.header(format, basis: ChangeBasis(rows: entries.compactMap(\.row))) },
      rows: entries.map { entry in
        KPITableRow(indicator: entry.indicator.id, cells: columns.map { cell($0, entry) })
      })
  }

  // MARK: - Private

  private func cell(_ column: KPIColumn, _ entry: KPIEntry) -> KPICell {
    let row = entry.row
    let behind = (row?.progressGapPp ?? 0) < 0
    // The table's one rate decision: the change is in points and there is no growth rank.
    let isRate = row?.changesInPoints ?? entry.indicator.changesInPoints
    let judged = entry.indicator.polarity.isJudged
    switch column {
    case .indicator: return KPICell(entry.indicator.name)
    case .unit: return KPICell(entry.indicator.unit.map(format.symbol(of:)) ?? "")
    case .value:
      return KPICell(
        format.value(
          row?.value, decimals: entry.indicator.decimals, status: row?.status ?? .missing))
    case .growth where isRate:
      // A rate's change is shown in points with its unit, not as the rate's own growth rate.
      return KPICell(row.map(format.signedChange) ?? format.missing)
    case .growth:
      return KPICell(row?.growthPct.map { format.number($0, decimals: format.percentDecimals) } ?? format.missing)
    case .growthChange where isRate, .gapToGroup where isRate:
      return KPICell(format.missing)
    case .growthChange:
      // Deceleration (回落) is flagged for higher-is-better indicators.
      // Judged on the printed figure: a change that prints 0.0 is no deceleration.
      let slower =
        entry.indicator.polarity == .higher
        && (row?.growthChangePp).map { DecimalRounding.key($0, decimals: 1) < 0 } == true
      return KPICell(format.signedPoints(row?.growthChangePp), tone: slower ? .alarm : .normal)
    case .targetGrowth:
      return KPICell(
        row?.targetGrowthPct.map { format.number($0, decimals: format.percentDecimals) } ?? format.missing,
        tone: row?.targetGrowthMet == false ? .alarm : .normal)
    case .completion:
      return KPICell(
        row?.completionPct.map { format.number($0, decimals: format.percentDecimals) } ?? format.missing,
        tone: behind ? .alarm : .normal)
    case .progressGap:
      return KPICell(format.signedPoints(row?.progressGapPp), tone: behind ? .alarm : .normal)
    case .rankByValue:
      return rankCell(row?.rank, row?.rankOf, row?.bottomRank, judged: judged)
    case .rankByGrowth where isRate:
      return KPICell(format.missing)
    case .rankByGrowth:
      return rankCell(row?.growthRank, row?.growthRankOf, row?.growthBottomRank, judged: judged)
    case .gapToGroup:
      return KPICell(format.signedPoints(row?.growthGapToGroupPp))
    case .share:
      return KPICell(row?.sharePct.map { format.number($0, decimals: format.percentDecimals) } ?? format.missing)
    case .rankChange:
      // Up is good, down an alarm; a neutral indicator is not coloured.
      let change = judged ? row?.rankChange ?? 0 : 0
      return KPICell(format.rankChange(row?.rankChange), tone: change > 0 ? .good : change < 0 ? .alarm : .normal)
    }
  }

  /// `3/9`, green for a first place and red for a bottom place (`PlaceMarks`), uncoloured for
  /// a neutral indicator.
  private func rankCell(_ rank: Int?, _ of: Int?, _ bottom: Int?, judged: Bool) -> KPICell {
    let text = format.rank(rank, of: of)
    if PlaceMarks.isFirst(rank: rank, judged: judged) { return KPICell(text, tone: .good) }
    if PlaceMarks.bottomMark(rank: rank, bottom: bottom, limit: alarmBottomRanks, judged: judged) != nil {
      return KPICell(text, tone: .alarm)
    }
    return KPICell(text)
  }
}

// MARK: - Rank change

extension NumberFormat {
  /// A change of rank (previous rank − rank): `▲2` up, `▼1` down, `—` unchanged; `missing`
  /// without a previous rank.
  func rankChange(_ change: Int?) -> String {
    guard let change else { return missing }
    if change > 0 { return "▲\(change)" }
    if change < 0 { return "▼\(-change)" }
    return "—"
  }
}
