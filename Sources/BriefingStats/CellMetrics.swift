import BriefingCore

// MARK: - Per-cell metrics (independent of the peer group)

/// Growth facts of one observed cell (indicator, period, region).
///
/// - `prior` is the value of the same region and indicator in the same period kind, year − 1
///   (nil when that observation is missing or masked).
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
}

struct TargetKey: Hashable {
  var region: Int
  var indicator: Int
  var year: Int
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
      if let q = lastYearPeriod[p], let prior = value(i, q, r) {
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
  func annualTargets() -> (targets: [TargetKey: AnnualTarget], findings: [Finding]) {
    var targets: [TargetKey: AnnualTarget] = [:]
    var findings: [Finding] = []
    for n in observations.indices
    where observations[n].target != nil || observations[n].targetGrowth != nil {
      let observation = observations[n]
      let (i, _, r) = observationKeys[n]
      let key = TargetKey(region: r, indicator: i, year: observation.period.year)
      var entry = targets[key] ?? AnnualTarget()
      if let t = observation.target {
        if let existing = entry.target, existing != t {
          findings.append(
            Finding(
              .error,
              .conflictingTarget(
                region: observation.region, indicator: observation.indicator,
                year: observation.period.year, what: "targets", first: existing, second: t),
              at: observation.location))
        } else {
          entry.target = t
        }
      }
      if let g = observation.targetGrowth {
        if let existing = entry.targetGrowth, existing != g {
          findings.append(
            Finding(
              .error,
              .conflictingTarget(
                region: observation.region, indicator: observation.indicator,
                year: observation.period.year, what: "target growths", first: existing, second: g),
              at: observation.location))
        } else {
          entry.targetGrowth = g
        }
      }
      targets[key] = entry
    }
    return (targets, findings)
  }
}
