import BriefingCore

// MARK: - Per-cell metrics (independent of the peer group)

/// Growth facts of one observed cell (indicator, period, region).
///
/// - `prior` is the value of the same region and indicator in the period's comparison basis,
///   `CompareIndex.priorPeriod` (nil when there is no basis, or that observation is missing or
///   masked, or the cell carries a published yoy while the basis is not a year ago: the row's
///   basis is then a year ago, and there is no value of it to compute or check against).
/// - `computed = (value / prior − 1) × 100`, nil when value or prior is nil, or prior ≤ 0
///   (a negative prior also yields a `negative-base` warning).
/// - `growth = official ?? computed`; for indicators with a `real` growth basis only the
///   official growth (the computed one is the nominal growth of the values, kept apart).
struct CellMetrics {
  var value: Double?
  var status: ValueStatus
  var prior: Double?
  var computed: Double?
  var official: Double?
  var realBasis = false
  var growth: Double? { realBasis ? official : official ?? computed }
}

/// Annual target facts of (region, indicator, year), from any observation of that year.
struct AnnualTarget {
  var target: Double?
  var targetGrowth: Double?

  /// Takes `target` and `growth` where none is set yet; a different value where one is set
  /// stays out and is reported in `conflicts` (what, the value kept, the one refused).
  mutating func merge(
    target: Double?, growth: Double?, conflicts: inout [(what: String, first: Double, second: Double)]
  ) {
    if let target {
      if let existing = self.target, existing != target {
        conflicts.append(("targets", existing, target))
      } else {
        self.target = target
      }
    }
    if let growth {
      if let existing = targetGrowth, existing != growth {
        conflicts.append(("target growths", existing, growth))
      } else {
        targetGrowth = growth
      }
    }
  }
}

extension CompareIndex {
  /// Metrics per unique observation (parallel to `observations`) plus findings, in
  /// observation order.
  func cellMetrics(options: CompareOptions) -> (metrics: [CellMetrics], findings: [Finding]) {
    var metrics: [CellMetrics] = []
    metrics.reserveCapacity(observations.count)
    var findings: [Finding] = []
    // Fields are read through the subscript (`observations[n].value`): binding whole
    // observations would copy a dozen reference-counted fields per cell.
    for n in observations.indices {
      let (i, p, r) = observationKeys[n]
      var m = CellMetrics(
        value: observations[n].value, status: observations[n].status, prior: nil, computed: nil,
        official: observations[n].officialGrowth, realBasis: indicators[i].growthBasis == .real)
      // A published yoy is year-on-year by definition: against another basis (a 5-yearly
      // panel's previous period) there is nothing to compute or compare it with.
      let publishedAgainstOtherBasis = m.official != nil && priorBasis[p] != .yearAgo
      if let q = priorPeriod[p], !publishedAgainstOtherBasis, let prior = value(i, q, r) {
        m.prior = prior
        if let value = m.value {
          if prior > 0 {
            m.computed = (value / prior - 1) * 100
          } else if prior < 0 {
            findings.append(
              Finding(
                .warning, .negativeBase(observations[n], prior: prior, priorPeriod: periods[q]),
                at: observations[n].location))
          }
        }
      }
      if let official = m.official, let computed = m.computed,
        abs(official - computed) > options.growthMismatchTolerancePp + 1e-9
      {
        let message: Finding.Message =
          m.realBasis
          ? .realGrowthDiffers(observations[n], official: official, computed: computed)
          : .growthMismatch(observations[n], official: official, computed: computed)
        findings.append(
          Finding(m.realBasis ? .notice : .warning, message, at: observations[n].location))
      }
      metrics.append(m)
    }
    return (metrics, findings)
  }

  /// Annual targets per (region, indicator, year). Two different non-nil targets (or target
  /// growths) for the same key are an error finding; the first one is kept.
  func annualTargets() -> (targets: AnnualTargetTable, findings: [Finding]) {
    var targets = AnnualTargetTable(indicators: indicators.count, periods: periods, regions: regionIDs.count)
    var findings: [Finding] = []
    // Fields read in place: half the observations of a large dataset carry a target, and
    // copying each whole (a dozen reference-counted fields) made this the largest serial step
    // before the rows.
    for n in observations.indices {
      let target = observations[n].target
      let growth = observations[n].targetGrowth
      guard target != nil || growth != nil else { continue }
      let (i, p, r) = observationKeys[n]
      var conflicts: [(what: String, first: Double, second: Double)] = []
      targets.merge(region: r, indicator: i, period: p, target: target, growth: growth, conflicts: &conflicts)
      for conflict in conflicts {
        findings.append(
          Finding(
            .error,
            .conflictingTarget(
              region: observations[n].region, indicator: observations[n].indicator,
              year: observations[n].period.year, what: conflict.what, first: conflict.first,
              second: conflict.second),
            at: observations[n].location))
      }
    }
    return (targets, findings)
  }
}
