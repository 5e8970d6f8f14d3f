import BriefingCore

// MARK: - Indicator metadata as read

/// `indicators.csv` as read: the fixed catalog, which fields each row declared, and the file.
/// Without a metadata file: an open catalog, nothing declared.
struct IndicatorMetadata {
  var catalog = Catalog<Indicator>()
  /// Fields set by the metadata file, by indicator. Default: none.
  var declared: [IndicatorID: DeclaredFields] = [:]
  /// The metadata file's path, for findings. Default: nil (no file).
  var file: String?
}

/// The optional fields of an indicator that `indicators.csv` sets (a non-empty cell); the
/// others are defaulted from the data by `IndicatorDefaults`.
struct DeclaredFields: OptionSet, Hashable, Sendable {
  let rawValue: UInt8
  static let decimals = Self(rawValue: 1 << 0)
  static let aggregation = Self(rawValue: 1 << 1)
  static let kind = Self(rawValue: 1 << 2)
}

// MARK: - Defaults from the data

/// What an indicator gets when `indicators.csv` does not say (or there is none), so that no
/// default invents a figure:
/// - `decimals`: the most fraction digits written in the indicator's value cells, counted in
///   its canonical unit (12345 万元 is 1.2345 亿元: 4), clamped to 0…`maximumDecimals`; ranks
///   are computed on values rounded to it, so 0.85 and 0.92 do not tie.
/// - `aggregation`: `.sum` when the unit is an additive amount (`Unit.isAdditiveAmount`:
///   currency, mass, area, counts), else `.mean` (%, ‰, unknown labels, no unit).
/// - `kind`: `.ratio` for % and ‰ (no annual-target completion); otherwise the model's default.
/// A declared field is kept as written (`decimals` then means "rank on the published figure").
enum IndicatorDefaults {
  /// Most decimals inferred from the data. Default: 6 (the range of `decimals` in
  /// indicators.csv).
  static let maximumDecimals = 6

  /// `indicator` with its undeclared fields defaulted; `writtenDecimals`: the most fraction
  /// digits of its values in the canonical unit (0 when it has none).
  static func apply(_ indicator: Indicator, declared: DeclaredFields, writtenDecimals: Int)
    -> Indicator
  {
    var indicator = indicator
    if !declared.contains(.decimals) {
      indicator.decimals = min(max(writtenDecimals, 0), maximumDecimals)
    }
    if !declared.contains(.aggregation) {
      indicator.aggregation = indicator.unit?.isAdditiveAmount == true ? .sum : .mean
    }
    if !declared.contains(.kind), indicator.unit?.isRatio == true {
      indicator.kind = .ratio
    }
    return indicator
  }
}
