import BriefingCore

// MARK: - rankingTable

/// `kind: rankingTable`: every region × every indicator with values, growth and ranks (the
/// 排名通报).
public struct RankingTableSpec: IndicatorListSpec {
  public static let kind = ComponentKind.rankingTable

  /// The YAML keys, one per property below, in `dump-layout` order.
  public enum Key: String, ComponentKey {
    case indicators, columns
  }

  /// A column the ranking table has under each indicator, named by the metric it shows.
  public enum Column: String, CaseIterable, Hashable, Sendable {
    case value, growthPct, rank, growthRank, sharePct, rankChange
  }

  /// One column group per indicator. Default: the layout's `indicators`.
  public var indicators: IndicatorSelection
  /// Columns under each indicator. Default: `[value, growthPct, rank, growthRank]`.
  public var columns: [Column] = [.value, .growthPct, .rank, .growthRank]

  public init(indicators: IndicatorSelection) {
    self.indicators = indicators
  }

  public init(reading keys: ComponentKeys<Key>, reader: inout NodeReader) {
    self.init(indicators: keys.indicators(.indicators, reader: &reader))
    columns = keys.columns(.columns, as: Column.self, reader: &reader) ?? columns
  }

  public func dumpValue(of key: Key) -> String {
    switch key {
    case .indicators: YAMLText.selection(indicators)
    case .columns: YAMLText.list(columns.map(\.rawValue))
    }
  }

  public var body: ComponentSpec.Body { .rankingTable(self) }
}
