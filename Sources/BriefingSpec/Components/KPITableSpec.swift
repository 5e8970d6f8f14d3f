import BriefingCore

// MARK: - kpiTable

/// `kind: kpiTable`: the focus region's headline KPI table, one row per indicator.
public struct KPITableSpec: IndicatorListSpec {
  public static let kind = ComponentKind.kpiTable

  /// The YAML keys, one per property below, in `dump-layout` order.
  public enum Key: String, ComponentKey {
    case indicators, columns, names
  }

  /// A column the KPI table has, named by the metric it shows.
  public enum Column: String, CaseIterable, Hashable, Sendable {
    case value, growthPct, growthChangePp, targetGrowthPct, completionPct, progressGapPp, rank
    case growthRank, growthGapToGroupPp, sharePct, rankChange
  }

  /// One row per indicator. Default: the layout's `indicators`.
  public var indicators: IndicatorSelection
  /// Columns after the indicator name and unit. Default: `[value, growthPct, completionPct,
  /// progressGapPp, rank, growthRank, growthGapToGroupPp]`.
  public var columns: [Column] = [
    .value, .growthPct, .completionPct, .progressGapPp, .rank, .growthRank, .growthGapToGroupPp,
  ]
  /// Indicator names in the first column. Default: `full`.
  public var names: NameStyle = .full

  public init(indicators: IndicatorSelection) {
    self.indicators = indicators
  }

  public init(reading keys: ComponentKeys<Key>, reader: inout NodeReader) {
    self.init(indicators: keys.indicators(.indicators, reader: &reader))
    columns = keys.columns(.columns, as: Column.self, reader: &reader) ?? columns
    names = keys.choice(.names, as: NameStyle.self, reader: &reader) ?? names
  }

  public func dumpValue(of key: Key) -> String {
    switch key {
    case .indicators: YAMLText.selection(indicators)
    case .columns: YAMLText.list(columns.map(\.rawValue))
    case .names: names.rawValue
    }
  }

  public var body: ComponentSpec.Body { .kpiTable(self) }
}
