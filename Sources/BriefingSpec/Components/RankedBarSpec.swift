import BriefingCore

// MARK: - rankedBar

/// `kind: rankedBar`: one metric of one indicator across the peer group, ranked, the focus
/// region highlighted.
public struct RankedBarSpec: OneIndicatorSpec {
  public static let kind = ComponentKind.rankedBar

  /// The YAML keys, one per property below, in `dump-layout` order.
  public enum Key: String, ComponentKey {
    case indicator, metric, showAverage, showRanks, orientation, splitAbove
  }

  /// The indicator drawn. Required.
  public var indicator: IndicatorID
  /// What the bars show. Default: `growthPct`.
  public var metric: ChartMetric = .growthPct
  /// Draw the group average reference line. Default: true.
  public var showAverage = true
  /// Print rank numbers beside the bars. Default: true.
  public var showRanks = true
  /// Which way the bars run. Default: `horizontal` (the only one drawn).
  public var orientation: BarOrientation = .horizontal
  /// Above this many bars the chart takes two side-by-side columns (ranks 1…⌈n/2⌉ on the left)
  /// on one scale; with more bars than fit at the theme's minimum text size the chart asks the
  /// layout for more height instead of shrinking its text. Default: 40. Range: 2...10000.
  public var splitAbove = 40

  public init(indicator: IndicatorID) {
    self.indicator = indicator
  }

  public init(reading keys: ComponentKeys<Key>, reader: inout NodeReader) {
    self.init(indicator: keys.indicator(.indicator, reader: &reader))
    metric = keys.chartMetric(.metric, reader: &reader) ?? metric
    showAverage = keys.bool(.showAverage, reader: &reader) ?? showAverage
    showRanks = keys.bool(.showRanks, reader: &reader) ?? showRanks
    orientation = Self.orientation(keys, reader: &reader) ?? orientation
    splitAbove = keys.int(.splitAbove, range: 2...10_000, reader: &reader) ?? splitAbove
  }

  /// `horizontal` is the only direction drawn; `vertical` is named as not drawn rather than
  /// reported as a typo.
  private static func orientation(_ keys: ComponentKeys<Key>, reader: inout NodeReader)
    -> BarOrientation?
  {
    guard let text = keys.string(.orientation, reader: &reader) else { return nil }
    if let orientation = BarOrientation(rawValue: text) { return orientation }
    if text == "vertical" {
      reader.error(
        .unsupportedValue(
          path: keys.path(.orientation), value: text,
          reason: "vertical bars are not drawn; only 'horizontal' (bars left to right, regions "
            + "ranked top to bottom) is supported"),
        at: keys[.orientation])
      return nil
    }
    return keys.choice(.orientation, as: BarOrientation.self, reader: &reader)
  }

  public func dumpValue(of key: Key) -> String {
    switch key {
    case .indicator: YAMLText.quoted(indicator.rawValue)
    case .metric: metric.rawValue
    case .showAverage: YAMLText.bool(showAverage)
    case .showRanks: YAMLText.bool(showRanks)
    case .orientation: orientation.rawValue
    case .splitAbove: String(splitAbove)
    }
  }

  public var body: ComponentSpec.Body { .rankedBar(self) }
}

// MARK: - Bar orientation

/// Which way a ranked bar chart's bars run. Only `horizontal` is drawn: a vertical variant would
/// need rotated region names, and a value that is accepted and drawn the other way is worse than
/// an error.
public enum BarOrientation: String, CaseIterable, Hashable, Sendable {
  /// Bars from left to right, regions ranked top to bottom. The default.
  case horizontal
}
