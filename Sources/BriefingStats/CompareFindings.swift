import BriefingCore

// MARK: - Messages of the compare phase

extension Finding.Message {
  static func duplicateObservation(_ o: Observation) -> Self {
    .init(
      code: "duplicate-observation",
      text: "\(o.indicator) \(o.period.code) \(o.region) appears more than once with different values; the first is used")
  }

  static func negativeBase(_ o: Observation, prior: Double, priorPeriod: Period) -> Self {
    .init(
      code: "negative-base",
      text: "\(o.indicator) \(o.period.code) \(o.region): negative base \(NumberText.format(prior)) in \(priorPeriod.code); growth not computed")
  }

  static func growthMismatch(_ o: Observation, official: Double, computed: Double) -> Self {
    .init(
      code: "growth-mismatch",
      text: "\(o.indicator) \(o.period.code) \(o.region): official growth \(NumberText.format(official))% differs from computed \(NumberText.format(computed))% by \(NumberText.format(DecimalRounding.key(abs(official - computed), decimals: 2) / 100)) pp")
  }

  static func realGrowthDiffers(_ o: Observation, official: Double, computed: Double) -> Self {
    .init(
      code: "real-growth-differs",
      text: "\(o.indicator) \(o.period.code) \(o.region): published real growth \(NumberText.format(official))% differs from the nominal value growth \(NumberText.format(computed))% (expected at constant prices)")
  }

  static func conflictingTarget(
    region: RegionID, indicator: IndicatorID, year: Int, what: String, first: Double, second: Double
  ) -> Self {
    .init(
      code: "conflicting-target",
      text: "\(indicator) \(year) \(region): conflicting \(what) \(NumberText.format(first)) and \(NumberText.format(second))")
  }
}
