import BriefingCore

// MARK: - Score results

/// The composite scores of one peer group in one period under one scheme.
public struct ScoreSheet: Hashable, Sendable {
  public var group: RegionID
  public var period: Period
  /// True for a what-if projection (the full-year period scored from estimates).
  public var projected: Bool
  /// One card per group member, in member order.
  public var cards: [RegionScore]
}

/// One region's composite score.
public struct RegionScore: Hashable, Sendable {
  /// One item's outcome.
  public struct Item: Hashable, Sendable {
    public var id: String
    public var factor: String
    public var indicator: IndicatorID
    /// The number the rule read (rank, completion %, growth %, value); nil when missing.
    public var input: Double?
    /// On the rule's scale (100 = full marks); nil when the input is missing (never 0).
    public var points: Double?
    /// `weight × points / 100`; nil when points are missing.
    public var score: Double?
  }

  /// One factor's subtotal.
  public struct Factor: Hashable, Sendable {
    public var id: String
    public var name: String
    /// Σ item scores; nil when any item of the factor is missing.
    public var score: Double?
  }

  /// One veto item's check.
  public struct Veto: Hashable, Sendable {
    public var indicator: IndicatorID
    public var value: Double?
    /// nil when the value is missing (not checked).
    public var breached: Bool?
  }

  public var region: RegionID
  public var items: [Item]
  public var factors: [Factor]
  public var vetoes: [Veto]
  /// Σ scores of the items that have one.
  public var availableTotal: Double
  /// Item ids without points, in file order.
  public var missingItems: [String]
  /// The total after the missing policy and vetoes; nil when unranked for missing items.
  public var total: Double?
  /// Competition rank of `total` (descending, ties at the scheme's decimals); nil when unranked.
  public var rank: Int?
  /// Number of ranked regions.
  public var rankOf: Int
  /// True when a breached veto zeroed or capped the total, or flagged it.
  public var vetoed: Bool
  /// True when some value read is an estimate or preliminary (预计).
  public var usesEstimates: Bool
}

// MARK: - Scoring

/// Scores every member of `group` at `period` under `scheme`, from the comparison table.
///
/// Per item, from the member's row of the item's indicator (missing row or number ⇒ points nil):
/// - `rank`: `points = max(0, 100 − (rank − 1) × stepPct)`; without a step
///   `points = (rank_of + 1 − rank) / rank_of × 100` (first 100, last 100 / N); rank and
///   rank_of by value or by growth (competition ranks, polarity-aware, as in the table).
/// - `completion`: `points = min(max(c, 0), cap)` with `c = completion_pct` (basis `target`) or
///   `growth_pct / target_growth_pct × 100` (basis `growth`; missing when the target growth is
///   0 or missing).
/// - `minmax`: over members with a number, `points = (x − min) / (max − min) × 100`, or
///   `(max − x) / (max − min) × 100` for `lower` polarity (the item's override, else the
///   indicator's); 100 for everyone when max == min.
///
/// `score = weight × points / 100`; factor score = Σ item scores (nil if one is missing).
/// Total: Σ item scores when none is missing; otherwise nil (`unranked`) or available sum ×
/// Σ weights / Σ available weights (`rescale`). Vetoes (value in the same period, line from the
/// veto or the indicator's `redLine`): a breach sets the total to 0 (`zero`), to at most the cap
/// (`cap`), or leaves it (`flag`); a missing value is not checked. Ranks: competition ranks of
/// totals rounded to `scheme.decimals`, highest first; a missing total is unranked.
public func scoreRegions(
  _ table: ComparisonTable, scheme: ScoringScheme, indicators: [Indicator], group: RegionID,
  period: Period, projected: Bool = false
) -> ScoreSheet {
  let slice = GroupSlice(table, group: group, period: period)
  var metadata: [IndicatorID: Indicator] = [:]
  for indicator in indicators where metadata[indicator.id] == nil {
    metadata[indicator.id] = indicator
  }
  var cards = slice.members.map { region in
    RegionScore(
      region: region, items: [], factors: [], vetoes: [], availableTotal: 0, missingItems: [],
      total: nil, rank: nil, rankOf: 0, vetoed: false, usesEstimates: false)
  }
  var allWeights = 0.0
  var availableWeights = [Double](repeating: 0, count: cards.count)
  for factor in scheme.factors {
    var subtotals = [Double?](repeating: 0, count: cards.count)
    for item in factor.items {
      let rows = slice.rows(item.indicator)
      let polarity = item.polarity ?? metadata[item.indicator]?.polarity ?? .higher
      let (inputs, points) = itemPoints(item.rule, rows: rows, polarity: polarity)
      allWeights += item.weight
      for k in cards.indices {
        let score = points[k].map { item.weight * $0 / 100 }
        cards[k].items.append(
          .init(
            id: item.id, factor: factor.id, indicator: item.indicator, input: inputs[k],
            points: points[k], score: score))
        if let score {
          cards[k].availableTotal += score
          availableWeights[k] += item.weight
          subtotals[k] = subtotals[k].map { $0 + score }
        } else {
          cards[k].missingItems.append(item.id)
          subtotals[k] = nil
        }
        if rows[k]?.status.isProvisional == true { cards[k].usesEstimates = true }
      }
    }
    for k in cards.indices {
      cards[k].factors.append(.init(id: factor.id, name: factor.name, score: subtotals[k]))
    }
  }
  for k in cards.indices {
    cards[k].total = total(cards[k], scheme.missing, allWeights, availableWeights[k])
    for veto in scheme.vetoes {
      let row = slice.rows(veto.indicator)[k]
      if row?.status.isProvisional == true { cards[k].usesEstimates = true }
      applyVeto(
        veto, line: veto.line ?? metadata[veto.indicator]?.redLine,
        decimals: metadata[veto.indicator]?.decimals ?? 1, row, &cards[k])
    }
  }
  let ranking = competitionRank(cards.map(\.total), decimals: scheme.decimals, ascending: false)
  for k in cards.indices {
    cards[k].rank = ranking.ranks[k]
    cards[k].rankOf = ranking.rankedCount
  }
  return ScoreSheet(group: group, period: period, projected: projected, cards: cards)
}

/// The what-if projection (「根据上半年完成情况和全年预计数据…看到底能得多少分、全市能排第几」):
/// scores of the full-year period of `period.year`, whose values are full-year estimates
/// (observations of period `YYYY` with status `estimate`) or, once the year is closed, actuals.
/// `table` must be compared from a dataset holding those observations.
public func projectScores(
  _ table: ComparisonTable, scheme: ScoringScheme, indicators: [Indicator], group: RegionID,
  year: Int
) -> ScoreSheet {
  scoreRegions(
    table, scheme: scheme, indicators: indicators, group: group,
    period: Period(year: year, kind: .cumulative(through: 12)), projected: true)
}

// MARK: - Items

/// Inputs and points per member for one rule.
private func itemPoints(_ rule: ScoringRule, rows: [ComparisonRow?], polarity: Polarity)
  -> (inputs: [Double?], points: [Double?])
{
  switch rule {
  case .rank(let basis, let stepPct):
    let points = rows.map { row -> Double? in
      guard let row else { return nil }
      let (rank, of) =
        switch basis {
        case .value: (row.rank, row.rankOf)
        case .growth: (row.growthRank, row.growthRankOf)
        }
      guard let rank, let of, of > 0 else { return nil }
      guard let step = stepPct else { return Double(of + 1 - rank) / Double(of) * 100 }
      return max(0, 100 - Double(rank - 1) * step)
    }
    let inputs = rows.map { row -> Double? in
      let rank =
        switch basis {
        case .value: row?.rank
        case .growth: row?.growthRank
        }
      return rank.map(Double.init)
    }
    return (inputs, points)
  case .completion(let basis, let cap):
    let inputs = rows.map { row -> Double? in
      guard let row else { return nil }
      switch basis {
      case .target: return row.completionPct
      case .growth:
        guard let growth = row.growthPct, let goal = row.targetGrowthPct, goal != 0 else {
          return nil
        }
        return growth / goal * 100
      }
    }
    return (inputs, inputs.map { $0.map { min(max($0, 0), cap) } })
  case .minMax(let basis):
    let inputs = rows.map { row -> Double? in
      switch basis {
      case .value: row?.value
      case .growth: row?.growthPct
      case .completion: row?.completionPct
      }
    }
    return (inputs, minMaxPoints(inputs, polarity: polarity))
  }
}

/// Min–max points (see `scoreRegions`); missing stays missing.
func minMaxPoints(_ values: [Double?], polarity: Polarity) -> [Double?] {
  let present = values.compactMap { $0 }
  guard let low = present.min(), let high = present.max() else { return values }
  return values.map { value in
    guard let value else { return nil }
    guard high > low else { return 100 }
    return polarity.ranksAscending
      ? (high - value) / (high - low) * 100 : (value - low) / (high - low) * 100
  }
}

// MARK: - Totals and vetoes

private func total(
  _ card: RegionScore, _ policy: MissingPolicy, _ allWeights: Double, _ availableWeights: Double
) -> Double? {
  if card.missingItems.isEmpty { return card.availableTotal }
  switch policy {
  case .unranked: return nil
  case .rescale:
    guard availableWeights > 0 else { return nil }
    return card.availableTotal * allWeights / availableWeights
  }
}

private func applyVeto(
  _ veto: ScoringVeto, line: RedLine?, decimals: Int, _ row: ComparisonRow?,
  _ card: inout RegionScore
) {
  let value = row?.value
  let breached = value.flatMap { v in line.map { $0.isBreached(by: v, decimals: decimals) } }
  card.vetoes.append(.init(indicator: veto.indicator, value: value, breached: breached))
  guard breached == true else { return }
  card.vetoed = true
  switch veto.effect {
  case .zero: card.total = 0
  case .cap(let cap): card.total = card.total.map { min($0, cap) }
  case .flag: break
  }
}

extension ValueStatus {
  /// Estimates and preliminary figures (预计, 快报).
  var isProvisional: Bool {
    switch self {
    case .estimate, .preliminary: true
    case .actual, .masked, .missing: false
    }
  }
}

// MARK: - Group slice

/// The member rows of one group and period, by indicator, aligned to one member order (the
/// order of first appearance in the table, in any period, so a period without data still lists
/// every member).
private struct GroupSlice {
  var members: [RegionID]
  private var position: [RegionID: Int]
  private var byIndicator: [IndicatorID: [ComparisonRow?]]

  init(_ table: ComparisonTable, group: RegionID, period: Period) {
    members = []
    position = [:]
    byIndicator = [:]
    var selected: [ComparisonRow] = []
    for row in table.rows where row.group == group && !row.isGroupRow {
      if row.period == period { selected.append(row) }
      if position[row.region] == nil {
        position[row.region] = members.count
        members.append(row.region)
      }
    }
    for row in selected {
      guard let k = position[row.region] else { continue }
      byIndicator[row.indicator, default: Array(repeating: nil, count: members.count)][k] = row
    }
  }

  /// Rows of `indicator` per member (nil where the table has none).
  func rows(_ indicator: IndicatorID) -> [ComparisonRow?] {
    byIndicator[indicator] ?? Array(repeating: nil, count: members.count)
  }
}
