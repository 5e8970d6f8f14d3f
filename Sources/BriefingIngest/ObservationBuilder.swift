import BriefingCore

// MARK: - Messages

extension Finding.Message {
  static func missingValue(_ column: String) -> Self {
    .init(code: "missing-value", text: "\(column) is empty")
  }
  static func badNumber(_ text: String) -> Self {
    .init(code: "bad-number", text: "'\(text)' is not a number")
  }
  static func badPeriod(_ text: String) -> Self {
    .init(
      code: "bad-period",
      text: "'\(text)' is not a period (e.g. 2024-H1, 2024-M09, 2024-Q2, 2024年上半年)")
  }
  static func badStatus(_ text: String) -> Self {
    .init(
      code: "bad-status",
      text: "status '\(text)' is not actual, estimate, preliminary, masked or missing")
  }
  static func badPolarity(_ text: String) -> Self {
    .init(code: "bad-metadata", text: "polarity '\(text)' is not higher, lower or neutral")
  }
  /// `origin`: where the canonical unit comes from (`line 2`, `indicators.csv`).
  static func unitDimensionMismatch(
    _ unit: Unit, _ canonical: Unit, _ indicator: IndicatorID, origin: String
  ) -> Self {
    .init(
      code: "unit-dimension-mismatch",
      text: "unit '\(unit)' cannot be converted to '\(canonical)' (indicator \(indicator), "
        + "unit from \(origin))")
  }
  static func notAPercentage(_ unit: Unit, column: String) -> Self {
    .init(code: "unit-dimension-mismatch", text: "\(column) must be in %, not '\(unit)'")
  }
  static func conflictingUnit(_ inCell: Unit, _ column: Unit) -> Self {
    .init(
      code: "conflicting-unit",
      text: "value is written in '\(inCell)' but the unit column says '\(column)'; using '\(inCell)'")
  }
  static func duplicateKey(_ region: RegionID, _ period: Period, _ indicator: IndicatorID, line: Int)
    -> Self
  {
    .init(
      code: "duplicate-key",
      text: "\(region) × \(period) × \(indicator) is a duplicate of line \(line)")
  }
  static func conflictingTarget(_ what: String, _ value: Double, _ other: Double, line: Int) -> Self
  {
    .init(
      code: "conflicting-target",
      text: "\(what) \(value) conflicts with \(other) on line \(line) (same region, indicator, year)")
  }
  static func statusConflict(_ status: ValueStatus) -> Self {
    .init(code: "status-conflict", text: "status is \(status.rawValue) but a value is given; dropped")
  }
  static func conflictingParent(_ region: RegionID, _ parent: String, _ first: String) -> Self {
    .init(
      code: "conflicting-parent",
      text: "\(region) has parent '\(parent)' here but '\(first)' earlier; keeping '\(first)'")
  }
}

// MARK: - Builder

/// Turns observation rows into `Observation`s in canonical units, one row at a time, checking
/// names, periods, numbers, units, statuses, duplicate keys and conflicting targets.
struct ObservationBuilder {
  let file: String
  private(set) var regions: Catalog<Region>
  private(set) var indicators: Catalog<Indicator>
  private(set) var observations: [Observation] = []
  private var intake: TableIntake<ObservationColumn>
  /// The line of each (region, indicator, period) so far: region and indicator by catalog
  /// position, since hashing integers beats hashing CJK strings.
  private var keyLines = KeyLineTable()
  /// Annual targets and target growths by (region, indicator, year), with their lines.
  private var targets = PackedKeyTable<(value: Double, line: Int)>()
  private var targetGrowths = PackedKeyTable<(value: Double, line: Int)>()
  /// Parses the cells of rows that come without `ObservationCells`.
  private var cellParser: ObservationCellParser
  private var parents: [RegionID: String] = [:]
  private var polarityFromColumn: Set<IndicatorID> = []
  /// Fields indicators.csv set, and its path (the origin of declared units).
  private let declared: [IndicatorID: DeclaredFields]
  private let indicatorsFile: String?
  /// The line whose unit became the canonical unit, by indicator position (for undeclared units).
  private var unitLines: [Int: Int] = [:]
  /// Indicator positions whose unit mismatch was reported (once per indicator).
  private var mismatchReported: Set<Int> = []
  /// Most fraction digits of the values kept, in the canonical unit, by indicator position.
  private var writtenDecimals: [Int] = []

  /// `expectedRows` only reserves room for the observations up front (a hint, not a limit).
  init(
    file: String, regions: Catalog<Region>, indicators: IndicatorMetadata = IndicatorMetadata(),
    expectedRows: Int = 0
  ) {
    self.file = file
    self.regions = regions
    self.indicators = indicators.catalog
    declared = indicators.declared
    indicatorsFile = indicators.file
    intake = TableIntake(file: file)
    cellParser = ObservationCellParser(file: file)
    observations.reserveCapacity(expectedRows)
  }

  // MARK: - Rows

  /// Adds one row. `prepared`: its cells as parsed by an `ObservationCellParser` of the same
  /// file (on the reading thread); nil parses them here.
  mutating func add(_ raw: TableRow, prepared: ObservationCells?, into sink: inout FindingSink) {
    guard let row = intake.admit(raw, into: &sink), let map = intake.header else { return }
    let parsed = prepared ?? cellParser.parse(row, map)
    var report = RowReport(file: file, line: row.line)
    let regionIndex = parsed.region ?? resolveRegion(map, row, &report)
    let indicatorIndex = parsed.indicator ?? resolveIndicator(map, row, &report)
    let period = resolvePeriod(map, row, parsed.period, &report)
    let valueCell = map.cell(.value, in: row)
    let value = checked(valueCell, parsed.value, &report)
    guard let regionIndex, let indicatorIndex, let period, let value, !report.hasErrors else {
      sink.add(contentsOf: report.findings)
      return
    }
    let regionID = regions.entries[regionIndex].id
    let indicatorID = indicators.entries[indicatorIndex].id
    let columnUnit = parsed.unit
    if let inCell = value.unit, let columnUnit, inCell != columnUnit {
      report.add(.warning, .conflictingUnit(inCell, columnUnit), valueCell)
    }
    let canonical = canonicalUnit(indicatorIndex, first: value.unit ?? columnUnit, line: row.line)
    let unitCell = value.unit == nil ? map.cell(.unit, in: row) : valueCell
    let converted = convert(
      value, from: value.unit ?? columnUnit, to: canonical, indicator: indicatorIndex,
      at: unitCell, &report)
    let number = converted?.number
    let targetCell = map.cell(.target, in: row)
    let target = checked(targetCell, parsed.target, &report).flatMap { target in
      convert(
        target, from: target.unit ?? columnUnit, to: canonical, indicator: indicatorIndex,
        at: targetCell, &report)?.number
    }
    let targetGrowth = percentage(.targetGrowth, map, row, parsed.targetGrowth, &report)
    let officialGrowth = percentage(.yoy, map, row, parsed.yoy, &report)
    var status = resolveStatus(map, row, value: value, &report)
    var finalNumber = number
    if number != nil, status == .masked || status == .missing {
      report.add(.warning, .statusConflict(status), map.cell(.status, in: row))
      finalNumber = nil
    }
    if finalNumber == nil, status == .actual { status = .missing }
    guard !report.hasErrors else {
      sink.add(contentsOf: report.findings)
      return
    }
    if let first = keyLines.insertIfAbsent(region: regionIndex, indicator: indicatorIndex, period: period, line: row.line) {
      report.add(.error, .duplicateKey(regionID, period, indicatorID, line: first), row.cells.first)
    }
    let targetKey = PackedKey(region: regionIndex, indicator: indicatorIndex, year: period.year)
    Self.check(&targets, targetKey, target, "target", map.cell(.target, in: row), &report)
    Self.check(
      &targetGrowths, targetKey, targetGrowth, "target growth",
      map.cell(.targetGrowth, in: row), &report)
    recordParent(of: regionID, map, row, &report)
    recordPolarity(of: indicatorID, map, row, &report)
    sink.add(contentsOf: report.findings)
    guard !report.hasErrors else { return }
    if finalNumber != nil, let converted { recordDecimals(converted.decimals, of: indicatorIndex) }
    observations.append(
      Observation(
        region: regionID, period: period, indicator: indicatorID, value: finalNumber,
        status: status, qualifier: value.qualifier, target: target, targetGrowth: targetGrowth,
        officialGrowth: officialGrowth, note: map.text(.note, in: row),
        source: map.text(.source, in: row),
        location: .init(file: file, line: row.line, column: valueCell?.column)))
  }

  /// `add` for a line read straight from its bytes (`FastCellReader` did the checks that need
  /// no state), with the same result; false, with nothing changed, when the line needs a
  /// finding (a duplicate key, a conflicting target): the caller then passes it to `add` as a
  /// `TableRow`. Fixed catalogs only, so parents and polarities are not read.
  mutating func addFast(_ row: FastRow) -> Bool {
    guard regions.isFixed, indicators.isFixed, intake.header != nil else { return false }
    // A target stored here before the line falls back is the one `add` stores for it (same
    // key, value and line), which `add` then finds without a conflict.
    let targetKey = PackedKey(region: row.region, indicator: row.indicator, year: row.period.year)
    guard Self.agreesOrStores(&targets, targetKey, row.target, line: row.line),
      Self.agreesOrStores(&targetGrowths, targetKey, row.targetGrowth, line: row.line),
      keyLines.insertIfAbsent(region: row.region, indicator: row.indicator, period: row.period, line: row.line) == nil
    else { return false }
    intake.countDataRow()
    if row.value != nil { recordDecimals(row.decimals, of: row.indicator) }
    observations.append(
      Observation(
        region: regions.entries[row.region].id, period: row.period, indicator: indicators.entries[row.indicator].id,
        value: row.value, status: row.status, qualifier: row.qualifier, target: row.target,
        targetGrowth: row.targetGrowth, officialGrowth: row.officialGrowth, note: row.note, source: row.source,
        location: .init(file: file, line: row.line, column: row.valueColumn)))
    return true
  }

  /// Stores `value` for `key` on `line` unless the table has one; false when the one it has
  /// conflicts (a `conflicting-target` error of `check`), and then nothing is stored.
  private static func agreesOrStores(
    _ table: inout PackedKeyTable<(value: Double, line: Int)>, _ key: PackedKey, _ value: Double?, line: Int
  ) -> Bool {
    conflictingFirst(&table, key, value, line: line) == nil
  }

  /// Reports an empty file, resolves implicit parents and defaults the indicator fields
  /// indicators.csv left out (`IndicatorDefaults`); returns the dataset parts.
  mutating func finish(into sink: inout FindingSink) -> Dataset {
    intake.finish(into: &sink)
    var regionList = regions.entries
    if !regions.isFixed {
      for index in regionList.indices {
        guard let parent = parents[regionList[index].id] else { continue }
        let id = regions.lookup(parent) ?? RegionID(parent)
        if id != regionList[index].id { regionList[index].parent = id }
      }
    }
    let indicatorList = indicators.entries.enumerated().map { index, indicator in
      IndicatorDefaults.apply(
        indicator, declared: declared[indicator.id] ?? [],
        writtenDecimals: writtenDecimals.indices.contains(index) ? writtenDecimals[index] : 0)
    }
    return Dataset(regions: regionList, indicators: indicatorList, observations: observations)
  }

  // MARK: - Units and digits

  /// The indicator's canonical unit: the declared one, else the first unit its rows carry
  /// (`unit`, first seen on `line`).
  private mutating func canonicalUnit(_ indicator: Int, first unit: Unit?, line: Int) -> Unit? {
    if let canonical = indicators.entries[indicator].unit { return canonical }
    guard let unit else { return nil }
    indicators[indicators.entries[indicator].id]?.unit = unit
    unitLines[indicator] = line
    return unit
  }

  /// `value` in `canonical` with its fraction digits there; nil when `unit` does not convert.
  /// The row is then dropped, and the first such row of the indicator gets the
  /// `unit-dimension-mismatch` error: one per indicator, not thousands.
  private mutating func convert(
    _ value: CellValue, from unit: Unit?, to canonical: Unit?, indicator: Int,
    at cell: TableCell?, _ report: inout RowReport
  ) -> Converted? {
    if let converted = Converter.convert(value, from: unit, to: canonical) { return converted }
    report.isDropped = true
    guard let unit, let canonical, mismatchReported.insert(indicator).inserted else { return nil }
    let origin = unitLines[indicator].map { "line \($0)" } ?? indicatorsFile ?? "metadata"
    let message = Finding.Message.unitDimensionMismatch(
      unit, canonical, indicators.entries[indicator].id, origin: origin)
    report.findings.append(
      Finding(
        .error, message, at: report.location(cell),
        notes: ["later rows of this indicator in another unit are dropped without a finding"]))
    return nil
  }

  private mutating func recordDecimals(_ decimals: Int, of indicator: Int) {
    if indicator >= writtenDecimals.count {
      let missing = indicator + 1 - writtenDecimals.count
      writtenDecimals.append(contentsOf: repeatElement(0, count: missing))
    }
    writtenDecimals[indicator] = max(writtenDecimals[indicator], decimals)
  }

  // MARK: - Cells

  private mutating func resolveRegion(_ map: HeaderMap<ObservationColumn>, _ row: TableRow,
    _ report: inout RowReport) -> Int?
  {
    let cell = map.cell(.region, in: row)
    guard let text = required(cell, "region", &report) else { return nil }
    if let index = regions.resolveIndex(text) { return index }
    report.findings.append(regions.unknownFinding(text, at: report.location(cell)))
    return nil
  }

  private mutating func resolveIndicator(_ map: HeaderMap<ObservationColumn>, _ row: TableRow,
    _ report: inout RowReport) -> Int?
  {
    let cell = map.cell(.indicator, in: row)
    guard let text = required(cell, "indicator", &report) else { return nil }
    if let index = indicators.resolveIndex(text) { return index }
    report.findings.append(indicators.unknownFinding(text, at: report.location(cell)))
    return nil
  }

  private func resolvePeriod(_ map: HeaderMap<ObservationColumn>, _ row: TableRow,
    _ parsed: Period?, _ report: inout RowReport) -> Period?
  {
    let cell = map.cell(.period, in: row)
    guard let text = required(cell, "period", &report) else { return nil }
    if parsed == nil { report.add(.error, .badPeriod(text), cell) }
    return parsed
  }

  private func required(_ cell: TableCell?, _ name: String, _ report: inout RowReport) -> String? {
    let text = cell?.text.trimmedCell ?? ""
    if text.isEmpty { report.add(.error, .missingValue(name), cell) }
    return text.isEmpty ? nil : text
  }

  /// A parsed number cell; nil (and a `bad-number` error) when its text is not a value.
  private func checked(_ cell: TableCell?, _ parsed: CellValue?, _ report: inout RowReport)
    -> CellValue?
  {
    guard let cell else { return nil }
    guard let parsed else {
      report.add(.error, .badNumber(cell.text.trimmingSpaces()), cell)
      return nil
    }
    return parsed
  }

  /// A growth column in %: a number, optionally written with `%` or `‰`.
  private func percentage(_ column: ObservationColumn, _ map: HeaderMap<ObservationColumn>,
    _ row: TableRow, _ parsed: CellValue?, _ report: inout RowReport) -> Double?
  {
    let cell = map.cell(column, in: row)
    guard let value = checked(cell, parsed, &report) else { return nil }
    guard let percent = Converter.inPercent(value) else {
      report.add(.error, .notAPercentage(value.unit!, column: column.rawValue), cell)
      return nil
    }
    return percent
  }

  private func resolveStatus(_ map: HeaderMap<ObservationColumn>, _ row: TableRow,
    value: CellValue, _ report: inout RowReport) -> ValueStatus
  {
    if case .masked = value.content { return .masked }
    guard let text = map.text(.status, in: row) else { return .actual }
    if let exact = ValueStatus(rawValue: text) { return exact }  // the common spelling, fast
    guard let status = FieldSyntax.status(text) else {
      report.add(.error, .badStatus(text), map.cell(.status, in: row))
      return .actual
    }
    return status
  }

  /// Static, so that passing the builder's own table `inout` never copies the builder (and with
  /// it the table) for the call.
  private static func check(
    _ table: inout PackedKeyTable<(value: Double, line: Int)>, _ key: PackedKey, _ value: Double?,
    _ what: String, _ cell: TableCell?, _ report: inout RowReport
  ) {
    guard let value, let first = conflictingFirst(&table, key, value, line: report.line) else { return }
    report.add(.error, .conflictingTarget(what, value, first.value, line: first.line), cell)
  }

  /// Stores `value` (of line `line`) for `key` when the key has none; the first one stored when
  /// it differs from `value` by more than rounding, else nil (also for a nil `value`).
  private static func conflictingFirst(
    _ table: inout PackedKeyTable<(value: Double, line: Int)>, _ key: PackedKey, _ value: Double?, line: Int
  ) -> (value: Double, line: Int)? {
    guard let value, let first = table.insertIfAbsent(key, (value, line)), conflicts(value, first.value) else {
      return nil
    }
    return first
  }

  /// True when two targets differ by more than rounding (a relative 10⁻⁹).
  private static func conflicts(_ value: Double, _ first: Double) -> Bool {
    abs(first - value) > 1e-9 * max(abs(value), abs(first), 1)
  }

  private mutating func recordParent(of region: RegionID, _ map: HeaderMap<ObservationColumn>,
    _ row: TableRow, _ report: inout RowReport)
  {
    guard !regions.isFixed, let parent = map.text(.parent, in: row) else { return }
    guard let first = parents[region] else {
      parents[region] = parent
      return
    }
    if NameFolding.key(first) != NameFolding.key(parent) {
      report.add(.warning, .conflictingParent(region, parent, first), map.cell(.parent, in: row))
    }
  }

  private mutating func recordPolarity(of indicator: IndicatorID,
    _ map: HeaderMap<ObservationColumn>, _ row: TableRow, _ report: inout RowReport)
  {
    guard !indicators.isFixed, let text = map.text(.polarity, in: row) else { return }
    guard let polarity = FieldSyntax.polarity(text) else {
      report.add(.error, .badPolarity(text), map.cell(.polarity, in: row))
      return
    }
    guard !polarityFromColumn.contains(indicator) else { return }
    polarityFromColumn.insert(indicator)
    indicators[indicator]?.polarity = polarity
  }
}

// MARK: - Cell parsing ahead of the builder

/// What an observation row's cells say on their own (period, numbers, unit), parsed without
/// the builder's state, so that for large files it is done on the reading thread. A nil
/// member means the cell's text does not parse (or, for the period, is empty; for the unit,
/// is empty or absent); the builder reports it, in its usual order.
struct ObservationCells: Sendable {
  /// Positions of the region and indicator in fixed (metadata) catalogs; nil when the catalog
  /// is open or does not know the name, and the builder resolves it (and reports it).
  var region: Int?
  var indicator: Int?
  var period: Period?
  var value: CellValue?
  var unit: Unit?
  var target: CellValue?
  var targetGrowth: CellValue?
  var yoy: CellValue?
}

/// Parses `ObservationCells` for the data rows of an observations table. It admits rows as
/// the builder does (same header, blank and width rules) and leaves the findings to the
/// builder; periods and units are cached by their text. Region and indicator names are looked
/// up in copies of the builder's catalogs when those come from metadata files: a fixed catalog
/// resolves a name the same way wherever it is, and an open one grows as the builder reads.
struct ObservationCellParser: Sendable {
  private var intake: TableIntake<ObservationColumn>
  private var periods = TextMemo<Period?>()
  private var units = TextMemo<Unit?>()
  private var regions: Catalog<Region>?
  private var indicators: Catalog<Indicator>?

  /// The header of the table, once read.
  var header: HeaderMap<ObservationColumn>? { intake.header }

  /// `regions` and `indicators`: the builder's catalogs (only fixed ones are used).
  init(file: String, regions: Catalog<Region>? = nil, indicators: Catalog<Indicator>? = nil) {
    intake = TableIntake(file: file)
    self.regions = regions?.isFixed == true ? regions : nil
    self.indicators = indicators?.isFixed == true ? indicators : nil
  }

  /// The cells of a data row; nil for the header, blank and ragged rows.
  mutating func prepare(_ raw: TableRow) -> ObservationCells? {
    var reportedByTheBuilder = FindingSink()
    guard let row = intake.admit(raw, into: &reportedByTheBuilder), let map = intake.header else {
      return nil
    }
    return parse(row, map)
  }

  mutating func parse(_ row: TableRow, _ map: HeaderMap<ObservationColumn>) -> ObservationCells {
    let number = { (column: ObservationColumn) in
      map.cell(column, in: row).flatMap { ValueParser.parse($0.text) }
    }
    return ObservationCells(
      region: Self.position(map.cell(.region, in: row), in: &regions),
      indicator: Self.position(map.cell(.indicator, in: row), in: &indicators),
      period: map.cell(.period, in: row).flatMap { period($0.text.trimmedCell) },
      value: number(.value), unit: map.cell(.unit, in: row).flatMap { unit($0.text) },
      target: number(.target), targetGrowth: number(.targetGrowth), yoy: number(.yoy))
  }

  private static func position<Entry>(_ cell: TableCell?, in catalog: inout Catalog<Entry>?) -> Int? {
    guard catalog != nil, let text = cell?.text.trimmedCell, !text.isEmpty else { return nil }
    return catalog?.resolveIndex(text)
  }

  // A dataset has a handful of period and unit spellings, repeated on every row.

  private mutating func period(_ text: String) -> Period? {
    guard !text.isEmpty else { return nil }
    return periods.value(for: text) { Period(code: $0) }
  }

  private mutating func unit(_ text: String) -> Unit? {
    units.value(for: text) { ValueParser.parseUnit($0) }
  }
}

// MARK: - Unit conversion

/// A cell value in its indicator's canonical unit.
struct Converted {
  /// Nil when masked or missing.
  var number: Double?
  /// Fraction digits needed in the canonical unit: as written plus the conversion's shift
  /// (12345 万元 → 1.2345 亿元: 0 + 4). May be negative (1.5 亿元 → 15000 万元: 1 − 4).
  var decimals: Int
}

/// Converts cell values to an indicator's canonical unit.
enum Converter {
  /// `value` in `canonical`; nil when the dimensions differ. Without a unit on either side
  /// the value is taken as written.
  static func convert(_ value: CellValue, from unit: Unit?, to canonical: Unit?) -> Converted? {
    guard let unit, let canonical else {
      return Converted(number: value.number, decimals: value.decimals)
    }
    guard unit.dimension == canonical.dimension else { return nil }
    return Converted(
      number: value.number.map { convert($0, from: unit, to: canonical) },
      decimals: value.decimals + decimalShift(from: unit, to: canonical))
  }

  /// A growth cell's number in %: `.some(nil)` without a number, nil for a unit that is not a
  /// percentage (an error: the builder's `percentage` reports it).
  static func inPercent(_ value: CellValue?) -> Double?? {
    guard let value, let number = value.number else { return .some(nil) }
    guard let unit = value.unit else { return number }
    guard unit.dimension == Unit.percent.dimension else { return nil }
    return convert(number, from: unit, to: .percent)
  }

  /// Like `Unit.convert`, but multiplies or divides by the factor ratio so that exact decimal
  /// results stay exact (1580000 万元 → 158 亿元, 2.2 亿美元 → 22000 万美元).
  static func convert(_ value: Double, from unit: Unit, to canonical: Unit) -> Double {
    if unit.factor == canonical.factor { return value }
    if unit.factor > canonical.factor { return value * (unit.factor / canonical.factor) }
    return value / (canonical.factor / unit.factor)
  }

  /// ⌈log₁₀(canonical.factor / unit.factor)⌉: the fraction digits a conversion adds (万元 →
  /// 亿元: 4) or removes (亿元 → 万元: −4; 平方米 → 亩: 3).
  static func decimalShift(from unit: Unit, to canonical: Unit) -> Int {
    if unit.factor == canonical.factor { return 0 }
    let tolerance = 1e-9
    var ratio = canonical.factor / unit.factor
    var shift = 0
    while ratio > 1 + tolerance {
      ratio /= 10
      shift += 1
    }
    while ratio * 10 <= 1 + tolerance {
      ratio *= 10
      shift -= 1
    }
    return shift
  }
}

// MARK: - Row report

/// Findings of one row; the row is dropped when any is an error.
private struct RowReport {
  let file: String
  let line: Int
  var findings: [Finding] = []
  /// Set for a row dropped for an error reported once for many rows (a unit that does not
  /// convert), so that the row counts as erroneous without a finding of its own.
  var isDropped = false

  var hasErrors: Bool { isDropped || findings.hasErrors }

  func location(_ cell: TableCell?) -> SourceLocation {
    SourceLocation(file: file, line: line, column: cell?.column)
  }

  mutating func add(_ severity: Finding.Severity, _ message: Finding.Message, _ cell: TableCell?)
  {
    findings.append(Finding(severity, message, at: location(cell)))
  }
}
