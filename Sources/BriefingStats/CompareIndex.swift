import BriefingCore

// MARK: - Index

/// Integer-interned view of a dataset: every lookup `compare` needs is O(1).
/// Built once per `compare` call; never escapes the module.
struct CompareIndex {
  /// Indicators in output order: by (`order`, file order); undeclared ones (seen only in
  /// observations) follow with default metadata.
  var indicators: [Indicator]
  var indicatorIndex: [IndicatorID: Int]
  /// Regions in file order, then regions seen only in observations.
  var regionIDs: [RegionID]
  var regionIndex: [RegionID: Int]
  /// For each region, the `level` of its parent (nil when it has no parent; "" when the parent
  /// has no row of its own).
  var parentLevel: [String?]
  /// Distinct periods of all observations, ascending (ties broken by family: cumulative,
  /// quarter, month, so the order is total and deterministic).
  var periods: [Period]
  /// The period just before, in the dataset's own calendar of the same family.
  var prevPeriod: [Int?]
  /// The comparison basis of each period (growth, growth change, share change, contribution):
  /// the same period one year earlier when the dataset has it (any indicator), otherwise the
  /// latest earlier period of the same `Period.Kind` (a 5-yearly 2007 compares with 2002);
  /// nil when there is neither.
  var priorPeriod: [Int?]
  /// What `priorPeriod` is, per period (nil when there is no basis).
  var priorBasis: [PriorBasis?]
  /// Unique observations (first occurrence wins) and the cell → observation map. The
  /// observations and their keys serve the set-up only (`releaseObservations`); the rows read
  /// `cell` and the per-cell metrics.
  var observations: UniqueObservations
  var cell: CellMap
  /// (indicator, period, region) numbers of each unique observation.
  var observationKeys: [(Int, Int, Int)]
  /// For each indicator, the periods in which it has at least one observation.
  var periodsOfIndicator: [[Int]]
  var findings: [Finding]

  init(_ dataset: Dataset) {
    findings = []
    // Indicators.
    var declared = dataset.indicators.enumerated().map { ($0.offset, $0.element) }
    declared.sort { a, b in
      a.1.order != b.1.order ? a.1.order < b.1.order : a.0 < b.0
    }
    indicators = []
    indicatorIndex = [:]
    for (_, indicator) in declared where indicatorIndex[indicator.id] == nil {
      indicatorIndex[indicator.id] = indicators.count
      indicators.append(indicator)
    }
    // Regions.
    var levelOf: [RegionID: String] = [:]
    for region in dataset.regions where levelOf[region.id] == nil { levelOf[region.id] = region.level }
    regionIDs = []
    regionIndex = [:]
    parentLevel = []
    for region in dataset.regions where regionIndex[region.id] == nil {
      regionIndex[region.id] = regionIDs.count
      regionIDs.append(region.id)
      parentLevel.append(region.parent.map { levelOf[$0] ?? "" })
    }
    // Observations: intern keys once (consecutive rows usually share indicator and period),
    // periods numbered as first seen, in the same pass.
    // Loops below read fields through the subscript (`all[n].period`): binding whole
    // `Observation`s would copy and release a dozen reference-counted fields per row.
    let all = dataset.observations
    var seen = FewPeriods()
    var triples: [(Int, Int, Int)] = []
    triples.reserveCapacity(dataset.observations.count)
    var lastIndicator: (IndicatorID, Int)? = nil
    var lastRegion: (RegionID, Int)? = nil
    for n in all.indices {
      let i: Int
      if let last = lastIndicator, last.0 == all[n].indicator {
        i = last.1
      } else if let known = indicatorIndex[all[n].indicator] {
        i = known
      } else {
        i = indicators.count
        indicatorIndex[all[n].indicator] = i
        indicators.append(Indicator(id: all[n].indicator, order: Int.max))
      }
      lastIndicator = (all[n].indicator, i)
      let p = seen.index(of: all[n].period)
      let r: Int
      if let last = lastRegion, last.0 == all[n].region {
        r = last.1
      } else if let known = regionIndex[all[n].region] {
        r = known
      } else {
        r = regionIDs.count
        regionIndex[all[n].region] = r
        regionIDs.append(all[n].region)
        parentLevel.append(nil)
      }
      lastRegion = (all[n].region, r)
      triples.append((i, p, r))
    }
    // Periods.
    periods = seen.periods.sorted(by: periodPrecedes)
    // First-seen period number → sorted period number.
    var sortedNumber = Array(repeating: 0, count: periods.count)
    for (k, period) in periods.enumerated() { sortedNumber[seen.index(of: period)] = k }
    let periodIndex = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($0.element, $0.offset) })
    prevPeriod = Array(repeating: nil, count: periods.count)
    var lastOfFamily: [Period.Family: Int] = [:]
    for (i, period) in periods.enumerated() {
      prevPeriod[i] = lastOfFamily[period.family]
      lastOfFamily[period.family] = i
    }
    priorPeriod = Array(repeating: nil, count: periods.count)
    priorBasis = Array(repeating: nil, count: periods.count)
    var lastOfKind: [Period.Kind: Int] = [:]
    for (i, period) in periods.enumerated() {
      if let yearAgo = periodIndex[period.samePeriodLastYear] {
        priorPeriod[i] = yearAgo
        priorBasis[i] = .yearAgo
      } else if let earlier = lastOfKind[period.kind] {
        priorPeriod[i] = earlier
        priorBasis[i] = .previousPeriod
      }
      lastOfKind[period.kind] = i
    }
    observations = UniqueObservations(source: dataset.observations)
    observationKeys = []
    observationKeys.reserveCapacity(dataset.observations.count)
    cell = CellMap(count: indicators.count * periods.count * regionIDs.count)
    var hasPeriod = Array(repeating: false, count: indicators.count * periods.count)
    for n in all.indices {
      let (i, seenPeriod, r) = triples[n]
      let p = sortedNumber[seenPeriod]
      let key = Self.key(i, p, r, periods: periods.count, regions: regionIDs.count)
      if let first = cell[key] {
        if observations[first].value != all[n].value {
          findings.append(
            Finding(
              .warning, .duplicateObservation(all[n]), at: all[n].location,
              notes: observations[first].location.map { ["first: \($0)"] } ?? []))
        }
        continue
      }
      cell[key] = observations.count
      observations.keep(n)
      observationKeys.append((i, p, r))
      hasPeriod[i * periods.count + p] = true
    }
    let periodCount = periods.count
    periodsOfIndicator = indicators.indices.map { i in
      (0..<periodCount).filter { hasPeriod[i * periodCount + $0] }
    }
  }

  static func key(_ i: Int, _ p: Int, _ r: Int, periods: Int, regions: Int) -> Int {
    (i * periods + p) * regions + r
  }

  /// Lets go of the observations and their keys once the set-up has drawn what it needs from
  /// them (cell metrics, targets, the groups of each indicator): the plan then holds no
  /// reference to the dataset's observation array, which goes with the dataset (about 1 GB of
  /// the township analyze's 40,000 units, freed before its rows are written).
  mutating func releaseObservations() {
    observations = UniqueObservations(source: [])
    observationKeys = []
  }

  /// The value of (indicator, period, region): nil when there is no observation or it has no
  /// value (masked, missing). Set-up only (before `releaseObservations`).
  func value(_ i: Int, _ p: Int, _ r: Int) -> Double? {
    cell[Self.key(i, p, r, periods: periods.count, regions: regionIDs.count)].flatMap {
      observations[$0].value
    }
  }

  /// Dense cell number, for per-cell arrays of size `indicators × periods × regions`.
  func cellNumber(_ i: Int, _ p: Int, _ r: Int) -> Int {
    Self.key(i, p, r, periods: periods.count, regions: regionIDs.count)
  }

  var cellCount: Int { indicators.count * periods.count * regionIDs.count }
}

/// The first observation of every cell, as positions into the dataset's own array (no copy of
/// the observations themselves).
struct UniqueObservations: RandomAccessCollection {
  private let source: [Observation]
  private var kept: [Int32] = []

  init(source: [Observation]) {
    self.source = source
    kept.reserveCapacity(source.count)
  }

  mutating func keep(_ position: Int) { kept.append(Int32(position)) }

  var startIndex: Int { 0 }
  var endIndex: Int { kept.count }
  /// Read in place (a field read does not copy the whole observation).
  subscript(n: Int) -> Observation {
    _read { yield source[Int(kept[n])] }
  }
}

/// Total order on periods: `Period.<`, then family (cumulative, quarter, month).
func periodPrecedes(_ a: Period, _ b: Period) -> Bool {
  if a < b { return true }
  if b < a { return false }
  return familyRank(a.family) < familyRank(b.family)
}

private func familyRank(_ family: Period.Family) -> Int {
  switch family {
  case .cumulative: 0
  case .quarter: 1
  case .month: 2
  }
}

// MARK: - Few periods

/// Distinct periods and their positions, found by a linear search while there are few (a
/// dataset has a handful; comparing two periods is cheaper than hashing one), by a dictionary
/// beyond `linearLimit`.
struct FewPeriods {
  private(set) var periods: [Period] = []
  private var positions: [Period: Int] = [:]
  private static let linearLimit = 32

  init(_ periods: [Period] = []) {
    for period in periods { _ = index(of: period) }
  }

  /// The position of `period`, added at the end when new.
  mutating func index(of period: Period) -> Int {
    if periods.count <= Self.linearLimit {
      if let found = periods.firstIndex(of: period) { return found }
    } else if let found = positions[period] {
      return found
    }
    periods.append(period)
    if periods.count > Self.linearLimit {
      if positions.isEmpty {
        for (position, known) in periods.enumerated() { positions[known] = position }
      } else {
        positions[period] = periods.count - 1
      }
    }
    return periods.count - 1
  }
}

// MARK: - Cell map

/// Cell number → observation number: a dense array when the cube is small enough
/// (≤ 64 Mi cells), a dictionary otherwise.
struct CellMap {
  private var dense: [Int32]
  private var sparse: [Int: Int]
  private let isDense: Bool

  init(count: Int) {
    isDense = count <= 1 << 26
    dense = isDense ? Array(repeating: -1, count: count) : []
    sparse = [:]
  }

  subscript(key: Int) -> Int? {
    get {
      if isDense {
        let v = dense[key]
        return v < 0 ? nil : Int(v)
      }
      return sparse[key]
    }
    set {
      if isDense { dense[key] = newValue.map { Int32($0) } ?? -1 } else { sparse[key] = newValue }
    }
  }
}
