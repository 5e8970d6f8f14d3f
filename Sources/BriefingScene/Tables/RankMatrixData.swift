import BriefingCore
import BriefingStats

// MARK: - Input

/// The focus region's indicators for a rank matrix: one row per indicator, its level rank and
/// growth rank (`3/9`) with the change since the previous period (▲2 / ▼1).
public struct RankMatrixInput: Hashable, Sendable {
  /// In display order.
  public var entries: [KPIEntry]
  public var format: NumberFormat
  /// Bottom ranks up to this k are alarms (倒数第1, 第2). Default: 2.
  public var alarmBottomRanks: Int
  /// Bottom-rank alarms only when at least this many regions are ranked. Default: 4.
  public var alarmMinimumCount: Int

  public init(
    entries: [KPIEntry], format: NumberFormat = .chinese, alarmBottomRanks: Int = 2,
    alarmMinimumCount: Int = 4
  ) {
    self.entries = entries
    self.format = format
    self.alarmBottomRanks = alarmBottomRanks
    self.alarmMinimumCount = alarmMinimumCount
  }
}

// MARK: - Prepared data

/// One rank cell: `3/9` (or `—`), its tone (good = first place, alarm = bottom two, neither for
/// a neutral indicator) and the rank-change mark (`▲2` good, `▼1` alarm, empty when unchanged or
/// unknown).
public struct RankMatrixCell: Hashable, Sendable {
  public var text: String
  public var tone: CellTone
  /// Previous rank minus this rank (positive = moved up); nil = unknown.
  public var change: Int?
  /// `▲2` / `▼1` / empty.
  public var changeText: String
  public var changeTone: CellTone

  public init(text: String, tone: CellTone = .normal, change: Int? = nil) {
    self.text = text
    self.tone = tone
    self.change = change
    switch change {
    case .some(let c) where c > 0:
      changeText = "▲\(c)"
      changeTone = .good
    case .some(let c) where c < 0:
      changeText = "▼\(-c)"
      changeTone = .alarm
    default:
      changeText = ""
      changeTone = .normal
    }
  }
}

/// One matrix row (one indicator).
public struct RankMatrixRow: Hashable, Sendable {
  public var indicator: IndicatorID
  public var name: String
  public var level: RankMatrixCell
  public var growth: RankMatrixCell
}

/// The stat output of a rank matrix: three headers and the rows.
public struct RankMatrixData: Hashable, Sendable {
  /// 「指标 | 总量位次 | 增速位次」.
  public var headers: [String]
  public var rows: [RankMatrixRow]

  public init(headers: [String], rows: [RankMatrixRow]) {
    self.headers = headers
    self.rows = rows
  }
}

// MARK: - Stat

extension RankMatrixInput {
  func prepared() -> RankMatrixData {
    let headers =
      format.style == .english
      ? ["Indicator", "Level rank", "Growth rank"]
      : ["指标", "总量位次", "增速位次"].map(format.wording)
    return RankMatrixData(
      headers: headers,
      rows: entries.map { entry in
        let row = entry.row
        let hidden = row.map { $0.status == .masked || $0.status == .missing } ?? true
        let judged = entry.indicator.polarity.isJudged
        // A rate's change is in points: it has no growth rank. A published growth beside a
        // missing or masked level keeps the rank the table gave it.
        let noGrowthRank = row == nil || row?.changesInPoints == true
        return RankMatrixRow(
          indicator: entry.indicator.id, name: entry.indicator.name,
          level: hidden ? RankMatrixCell(text: format.missing)
            : cell(row?.rank, row?.rankOf, row?.bottomRank, row?.rankChange, judged: judged),
          growth: noGrowthRank ? RankMatrixCell(text: format.missing)
            : cell(
              row?.growthRank, row?.growthRankOf, row?.growthBottomRank, row?.growthRankChange,
              judged: judged))
      })
  }

  /// The row's rank, toned by `PlaceMarks` from the row's bottom rank (never worked out here);
  /// a neutral indicator's cells are not coloured.
  private func cell(
    _ rank: Int?, _ of: Int?, _ bottom: Int?, _ change: Int?, judged: Bool
  ) -> RankMatrixCell {
    guard let rank, let of else { return RankMatrixCell(text: format.missing) }
    let text = format.rank(rank, of: of)
    let tone: CellTone
    if PlaceMarks.isFirst(rank: rank, judged: judged) {
      tone = .good
    } else if of >= alarmMinimumCount,
      PlaceMarks.bottomMark(rank: rank, bottom: bottom, limit: alarmBottomRanks, judged: judged) != nil
    {
      tone = .alarm
    } else {
      tone = .normal
    }
    var cell = RankMatrixCell(text: text, tone: tone, change: change)
    // A neutral indicator moving up or down is neither good nor bad news.
    if !judged { cell.changeTone = .normal }
    return cell
  }
}
