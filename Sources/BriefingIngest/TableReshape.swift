import BriefingCore

// MARK: - Messages

extension Finding.Message {
  static func mapDoesNotFit(_ detail: String) -> Self {
    .init(code: "intake-map-mismatch", text: "the intake map does not fit this file: \(detail)")
  }
  static let noTitlePeriod = Self(
    code: "intake-no-period",
    text: "the map reads the period from the title (period: title), but the rows above the headings name none; give it, e.g. period: 2024-H1")
  static func cellTwice(_ what: String, first: String) -> Self {
    .init(code: "duplicate-key", text: "\(what) is also given by \(first)")
  }
  static func columnWithoutKey(_ column: String, _ missing: String) -> Self {
    .init(
      code: "intake-incomplete",
      text: "column \(column) gives no \(missing) for its cells: name it in a key column (keys:) or a heading row (headings:)")
  }
  static func valuesOutsideData(_ line: Int, _ range: String) -> Self {
    .init(code: "intake-row-outside-map", text: "row \(line) holds values but the map's data rows are \(range); it is left out")
  }
  static func totalWithoutGroup(_ label: String) -> Self {
    .init(code: "intake-no-group", text: "'\(label)' is the published total, but no region is its group: set the map's group:")
  }
  static func badKeyPeriod(_ text: String) -> Self {
    .init(code: "bad-period", text: "'\(text)' is not a period (e.g. 2024-H1, 2024年1—6月, 1—6月, 本月, 上年同期)")
  }
}

// MARK: - Result

/// What makes a long row: region (or the total), indicator, period.
private struct LongRowKey: Hashable {
  var region: String
  var isTotal: Bool
  var indicator: String
  var period: Period
}

/// The long rows a cross table gives under an intake map, with what was read and left out.
struct ReshapeResult {
  var rows: [LongRow] = []
  var findings: [Finding] = []
  var questions: [IntakeQuestion] = []
  /// What was left out or filled in, and why (`column D: empty (a spacer)`).
  var notes: [String] = []
  var columns: [ColumnReading] = []
  /// The report period, the text it was read from and where.
  var reference: (OfficePeriod.Reference, text: String, location: SourceLocation)?
  /// The group the rows belong to (the total's region, the members' parent).
  var group: String?
  /// The member regions read, in row order.
  var members: [String] = []
}

// MARK: - Reshaping

/// Turns a cross table into long rows by an intake map: the headings say what each value
/// column holds, the key columns what each row is about, the report period what relative
/// periods mean. Pure: grid, map and names in, rows and findings out.
struct TableReshape {
  private var grid: IntakeGrid
  private let map: IntakeMap
  private var names: NameBook
  private var result = ReshapeResult()

  static func reshape(_ grid: IntakeGrid, map: IntakeMap, names: NameBook) -> ReshapeResult {
    var reshape = TableReshape(grid: grid, map: map, names: names)
    reshape.run()
    return reshape.result
  }

  private init(grid: IntakeGrid, map: IntakeMap, names: NameBook) {
    self.grid = grid
    self.map = map
    self.names = names
  }

  // MARK: - Steps

  private mutating func run() {
    guard let header = map.header, let data = map.data else {
      fail("shape: table needs header: and data:")
      return
    }
    let headerRows = (header.first...header.last).map { grid.row(ofLine: $0) }
    guard headerRows.allSatisfy({ $0 != nil }) else {
      fail("header: \(header.text) names rows the file does not have (or that are empty)")
      return
    }
    guard headerRows.count == map.headings.count else {
      fail("header: \(header.text) has \(headerRows.count) rows but headings: names \(map.headings.count)")
      return
    }
    guard map.keys.keys.allSatisfy({ $0 < grid.width }) else {
      fail("keys: names a column beyond the table's last (\(ColumnLetters.letters(max(grid.width - 1, 0))))")
      return
    }
    let dataRows = (0..<grid.rowCount).filter { data.contains(grid.lines[$0]) }
    readReference(above: header.first)
    let valueFields = (0..<grid.width).filter { map.keys[$0] == nil }
    var reading = HeadingReader.read(
      &grid, headerRows: zip(headerRows.compactMap { $0 }, map.headings).map { ($0, $1) }, fields: valueFields,
      overrides: map.columns, names: &names)
    result.findings += reading.findings
    result.notes += reading.notes
    skipEmptyAndTextColumns(&reading.columns, dataRows: dataRows)
    resolvePeriods(&reading.columns, headerRow: headerRows.first.flatMap { $0 } ?? 0)
    result.columns = reading.columns
    if result.reference == nil, !map.keys.values.contains(.period),
      let column = reading.columns.first(where: { $0.skipped == nil && $0.period == .fromRow(yearsBack: 0) })
    {
      askPeriod(
        "column \(column.letters) names no period, no key column gives one and the map gives no report period",
        at: headingLocation(column, headerRows.first.flatMap { $0 } ?? 0))
    }
    guard !result.findings.hasErrors, result.questions.isEmpty else { return }
    readRows(dataRows)
    warnAboutRowsOutside(data, after: headerRows.last.flatMap { $0 } ?? 0)
  }

  private mutating func fail(_ detail: String) {
    result.findings.append(Finding(.error, .mapDoesNotFit(detail), at: SourceLocation(file: grid.file)))
  }

  /// The report period: the map's, or the first one named in the rows above the headings.
  private mutating func readReference(above headerLine: Int) {
    switch map.period {
    case nil: return
    case .fixed(let period)?:
      result.reference = (OfficePeriod.Reference(period), "period: \(period.code)", SourceLocation(file: grid.file))
    case .title?:
      for row in 0..<grid.rowCount where grid.lines[row] < headerLine {
        for field in 0..<grid.width where grid.mergedFrom(row, field) == nil {
          if let mention = OfficePeriod.firstMention(in: grid.text(row, field)), let reference = mention.period.reference {
            result.reference = (reference, mention.text, grid.location(row, field))
            return
          }
        }
      }
      result.findings.append(Finding(.error, .noTitlePeriod, at: SourceLocation(file: grid.file, line: headerLine)))
    }
  }

  /// Columns with neither heading nor values (spacers), and columns whose cells hold text
  /// (备注) rather than values, are left out.
  private mutating func skipEmptyAndTextColumns(_ columns: inout [ColumnReading], dataRows: [Int]) {
    for index in columns.indices where columns[index].skipped == nil {
      let field = columns[index].field
      let kinds = dataRows.map { CellKind(grid.text($0, field)) }
      if columns[index].headings.isEmpty && kinds.allSatisfy({ $0 == .empty }) {
        columns[index].skipped = "empty (a spacer)"
      } else if !kinds.contains(where: \.isValue) && kinds.contains(.text) {
        columns[index].skipped = "its cells hold text, not values"
      } else if columns[index].headings.isEmpty {
        columns[index].skipped = "it has values but no heading (the map's columns: can say what it holds)"
        let first = dataRows.first { !grid.text($0, field).isEmpty } ?? 0
        result.findings.append(Finding(.warning, .valuesWithoutHeading(columns[index].letters), at: grid.location(first, field)))
      }
    }
    for column in columns {
      if let reason = column.skipped { result.notes.append("column \(column.letters): \(reason)") }
    }
  }

  // MARK: - Periods

  /// Gives each column its period: the one its heading names (read against the report
  /// period), else that of the value column on its left with the same indicator and region (a
  /// growth or target beside its value), else the row's.
  private mutating func resolvePeriods(_ columns: inout [ColumnReading], headerRow: Int) {
    let reference = result.reference?.0
    var lastValue: [String: ColumnPeriod] = [:]
    for index in columns.indices where columns[index].skipped == nil {
      let key = (columns[index].indicator ?? "") + "\u{1F}" + (columns[index].region ?? "")
      var period: ColumnPeriod = .fromRow(yearsBack: 0)
      if let word = columns[index].periodWord {
        switch word.resolve(reference: reference, monthly: map.monthly) {
        case .period(let resolved): period = .fixed(resolved)
        case .samePeriodLastYear: period = .fromRow(yearsBack: 1)
        case .ambiguousMonth(let cumulative, let single):
          askMonthly(columns[index].headings.last ?? "", cumulative, single, at: headingLocation(columns[index], headerRow))
        case .needsReference:
          askPeriod("heading '\(columns[index].headings.last ?? "")' of column \(columns[index].letters) names no year", at: headingLocation(columns[index], headerRow))
        }
      } else if columns[index].measure != .value, let anchor = lastValue[key] {
        period = anchor
      }
      if columns[index].measure == .prior { period = Self.yearEarlier(period) }
      if columns[index].measure == .value { lastValue[key] = period }
      columns[index].period = period
    }
  }

  private static func yearEarlier(_ period: ColumnPeriod) -> ColumnPeriod {
    switch period {
    case .fixed(let period): .fixed(period.samePeriodLastYear)
    case .fromRow(let years): .fromRow(yearsBack: years + 1)
    }
  }

  private func headingLocation(_ column: ColumnReading, _ headerRow: Int) -> SourceLocation {
    grid.location(headerRow, column.field)
  }

  /// The report period when a column or row has no period of its own.
  private mutating func reportPeriod(at location: SourceLocation) -> Period? {
    guard let (reference, text, titleLocation) = result.reference else {
      askPeriod("no heading or key column names the period of the values and the map gives none", at: location)
      return nil
    }
    if let period = reference.period { return period }
    switch OfficePeriod.month(year: reference.year, month: reference.endMonth).resolve(reference: nil, monthly: map.monthly) {
    case .period(let period): return period
    case .ambiguousMonth(let cumulative, let single):
      askMonthly(text, cumulative, single, at: titleLocation)
      return nil
    case .needsReference, .samePeriodLastYear: return nil
    }
  }

  private mutating func askMonthly(_ text: String, _ cumulative: Period, _ single: Period, at location: SourceLocation) {
    guard !result.questions.contains(where: { $0.key == "monthly" }) else { return }
    result.questions.append(
      IntakeQuestion(
        key: "monthly",
        problem: "'\(text)' names a month without its span: the values may run from January (1—\(single.endMonth)月) or cover the month alone",
        readings: [
          .init("monthly: cumulative", "\(cumulative.code) (\(cumulative.chineseTitle))"),
          .init("monthly: single", "\(single.code) (\(single.chineseTitle))"),
        ],
        location: location))
  }

  private mutating func askPeriod(_ problem: String, at location: SourceLocation) {
    guard !result.questions.contains(where: { $0.key == "period" }) else { return }
    result.questions.append(
      IntakeQuestion(
        key: "period", problem: problem,
        readings: [.init("period: 2024-H1", "the report period (any period code or label, e.g. 2024年1—6月)")],
        location: location))
  }

  // MARK: - Rows

  /// A data row's keys: what its key columns say.
  private struct RowKeys {
    var region: (id: String, isTotal: Bool)?
    var indicator: String?
    var period: Period?
    var unit: String?
    var label: String = ""
  }

  private mutating func readRows(_ dataRows: [Int]) {
    let keyFields = map.keys.keys.sorted()
    var previousRow: Int?
    var filledDown: Set<Int> = []
    var pending: [LongRow] = []
    var blank = 0
    let columns = result.columns.filter { $0.skipped == nil }
    let columnRegions = resolveColumnRegions(columns)
    for row in dataRows {
      if grid.isBlank(row) {
        blank += 1
        continue
      }
      let hasValues = columns.contains { CellKind(grid.text(row, $0.field)).isValue }
      let label = keyFields.map { grid.text(row, $0) }.first { !$0.isEmpty } ?? ""
      guard hasValues else {
        result.notes.append(
          "row \(grid.lines[row]): '\(label.isEmpty ? grid.distinctTexts(row).first ?? "" : label)' has no values (a section heading or note)")
        continue
      }
      if map.skipRows.contains(where: { NameFolding.key($0) == NameFolding.key(label) }) {
        result.notes.append("row \(grid.lines[row]): '\(label)' is in the map's skipRows")
        continue
      }
      for field in keyFields where grid.text(row, field).isEmpty {
        guard let above = previousRow, !grid.text(above, field).isEmpty else { continue }
        grid.copy(into: GridPosition(row: row, field: field), from: GridPosition(row: above, field: field))
        if filledDown.insert(field).inserted {
          result.notes.append(
            "column \(ColumnLetters.letters(field)): an empty key cell takes the label above it (cells merged down, written once)")
        }
      }
      previousRow = row
      guard let keys = readKeys(row, keyFields) else { continue }
      pending += longRows(row, keys: keys, columns: columns, columnRegions: columnRegions)
    }
    if blank > 0 { result.notes.append("\(blank) blank row\(blank == 1 ? "" : "s") among the data (spacers)") }
    finishGroup(&pending)
    result.rows = pending
  }

  /// The keys of a row; nil (with the finding) when a name is unknown or a period unreadable.
  private mutating func readKeys(_ row: Int, _ keyFields: [Int]) -> RowKeys? {
    var keys = RowKeys()
    var failed = false
    for field in keyFields {
      let text = grid.text(row, field)
      let location = grid.location(row, field)
      if keys.label.isEmpty { keys.label = text }
      guard !text.isEmpty else { continue }
      switch map.keys[field] {
      case .region?:
        if isTotal(text) {
          keys.region = ("", true)
        } else {
          switch names.region(HeadingVocabulary.withoutBreakdownPrefix(text), at: location) {
          case .found(let id): keys.region = (id, false)
          case .unknown(let finding):
            result.findings.append(finding)
            failed = true
          }
        }
      case .indicator?:
        switch names.indicator(HeadingVocabulary.withoutUnit(text).name, at: location) {
        case .found(let id): keys.indicator = id
        case .unknown(let finding):
          if case .found(let id) = names.indicator(text, at: location) {
            keys.indicator = id
          } else {
            result.findings.append(finding)
            failed = true
          }
        }
        if keys.unit == nil, let unit = HeadingVocabulary.withoutUnit(text).unit { keys.unit = unit.symbol }
      case .period?:
        guard let period = OfficePeriod(label: text) else {
          result.findings.append(Finding(.error, .badKeyPeriod(text), at: location))
          failed = true
          continue
        }
        switch period.resolve(reference: result.reference?.0, monthly: map.monthly) {
        case .period(let resolved): keys.period = resolved
        case .ambiguousMonth(let cumulative, let single): askMonthly(text, cumulative, single, at: location)
        case .needsReference, .samePeriodLastYear: askPeriod("'\(text)' in column \(ColumnLetters.letters(field)) names no year", at: location)
        }
      case .unit?:
        keys.unit = text
      case nil:
        break
      }
    }
    return failed || !result.questions.isEmpty ? nil : keys
  }

  /// Region headings of columns (a table with regions across), resolved once.
  private mutating func resolveColumnRegions(_ columns: [ColumnReading]) -> [Int: (id: String, isTotal: Bool)] {
    var regions: [Int: (id: String, isTotal: Bool)] = [:]
    for column in columns {
      guard let label = column.region, let cell = column.regionCell else { continue }
      if isTotal(label) {
        regions[column.field] = ("", true)
        continue
      }
      switch names.region(HeadingVocabulary.withoutBreakdownPrefix(label), at: grid.location(cell.row, cell.field)) {
      case .found(let id): regions[column.field] = (id, false)
      case .unknown(let finding): result.findings.append(finding)
      }
    }
    return regions
  }

  private func isTotal(_ label: String) -> Bool {
    map.total.map { NameFolding.key($0) == NameFolding.key(label) } ?? false
  }

  /// The long rows of one data row: its value cells grouped by (region, indicator, period).
  private mutating func longRows(
    _ row: Int, keys: RowKeys, columns: [ColumnReading], columnRegions: [Int: (id: String, isTotal: Bool)]
  ) -> [LongRow] {
    var rows: [LongRow] = []
    var rowIndex: [LongRowKey: Int] = [:]
    var firstCell: [LongRowKey: [IntakeMap.Measure: String]] = [:]
    for column in columns {
      let text = grid.text(row, column.field)
      guard !text.isEmpty else { continue }
      let location = grid.location(row, column.field)
      guard let region = columnRegions[column.field] ?? keys.region else {
        reportOnce(.columnWithoutKey(column.letters, "region"))
        continue
      }
      guard let indicator = indicatorOf(column, keys) else { continue }
      guard let period = periodOf(column, keys, at: location) else { continue }
      let key = LongRowKey(region: region.id, isTotal: region.isTotal, indicator: indicator, period: period)
      if let first = firstCell[key]?[column.measure] {
        result.findings.append(
          Finding(.error, .cellTwice("\(indicator) \(period.code) (\(column.measure.rawValue))", first: first), at: location))
        continue
      }
      firstCell[key, default: [:]][column.measure] = grid.address(row, column.field)
      let index = rowIndex[key] ?? rows.endIndex
      if index == rows.endIndex {
        rowIndex[key] = index
        rows.append(
          LongRow(
            line: grid.lines[row], region: region.id, period: period, indicator: indicator, unit: nil, parent: nil,
            isTotal: region.isTotal, regionColumn: grid.location(row, map.keys.keys.min() ?? 0).column ?? 1))
      }
      let cell = grid.cell(row, column.field)
      let unit = column.unit?.symbol ?? keys.unit ?? map.unit
      rows[index].sources.append(grid.address(row, column.field))
      switch column.measure {
      case .value, .prior:
        rows[index].value = cell
        rows[index].unit = unit
      case .target:
        rows[index].target = cell
        rows[index].unit = rows[index].unit ?? unit
      case .yoy: rows[index].yoy = cell
      case .targetGrowth: rows[index].targetGrowth = cell
      case .skip: break
      }
    }
    return rows
  }

  private mutating func indicatorOf(_ column: ColumnReading, _ keys: RowKeys) -> String? {
    guard let label = column.indicator, let cell = column.indicatorCell else {
      if keys.indicator == nil { reportOnce(.columnWithoutKey(column.letters, "indicator")) }
      return keys.indicator
    }
    if let known = resolvedIndicators[column.field] { return known }
    switch names.indicator(label, at: grid.location(cell.row, cell.field)) {
    case .found(let id):
      resolvedIndicators[column.field] = id
      return id
    case .unknown(let finding):
      reportOnce(finding)
      return nil
    }
  }

  private var resolvedIndicators: [Int: String] = [:]
  private var reported: Set<Finding> = []

  private mutating func reportOnce(_ message: Finding.Message) {
    reportOnce(Finding(.error, message, at: SourceLocation(file: grid.file)))
  }

  private mutating func reportOnce(_ finding: Finding) {
    if reported.insert(finding).inserted { result.findings.append(finding) }
  }

  private mutating func periodOf(_ column: ColumnReading, _ keys: RowKeys, at location: SourceLocation) -> Period? {
    switch column.period {
    case .fixed(let period): return period
    case .fromRow(let yearsBack):
      guard let base = keys.period ?? reportPeriod(at: location) else { return nil }
      return Period(year: base.year - yearsBack, kind: base.kind)
    }
  }

  // MARK: - Group and total

  /// Names the group: the map's, else the members' common parent in regions.csv, else the
  /// total's label; gives it to the total's rows, and as parent to the members' rows when
  /// there is no regions.csv.
  private mutating func finishGroup(_ rows: inout [LongRow]) {
    var members: [String] = []
    var seen: Set<String> = []
    for row in rows where !row.isTotal && seen.insert(row.region).inserted { members.append(row.region) }
    result.members = members
    var group: String?
    if let named = map.group {
      switch names.region(named, at: SourceLocation(file: grid.file)) {
      case .found(let id): group = id
      case .unknown(let finding): result.findings.append(finding)
      }
    } else if names.knowsRegions {
      let parents = Set(members.compactMap { names.parent(of: $0) })
      group = parents.count == 1 ? parents.first : nil
    } else {
      group = map.total
    }
    result.group = group
    if let total = rows.first(where: \.isTotal), group == nil {
      result.findings.append(
        Finding(.error, .totalWithoutGroup(map.total ?? ""), at: SourceLocation(file: grid.file, line: total.line)))
      return
    }
    for index in rows.indices {
      if rows[index].isTotal {
        rows[index].region = group ?? ""
      } else if !names.knowsRegions {
        rows[index].parent = group
      }
    }
  }

  /// Rows below the data (or between headings and data) that hold values: the map may have
  /// been written for a shorter table. Each one is a warning.
  private mutating func warnAboutRowsOutside(_ data: IntakeMap.Rows, after headerRow: Int) {
    let columns = result.columns.filter { $0.skipped == nil }
    for row in 0..<grid.rowCount where row > headerRow && !data.contains(grid.lines[row]) {
      let values = columns.filter { CellKind(grid.text(row, $0.field)) == .number }.count
      let label = map.keys.keys.contains { !grid.text(row, $0).isEmpty }
      if values > 0 && label {
        result.findings.append(
          Finding(.warning, .valuesOutsideData(grid.lines[row], data.text), at: grid.location(row, 0)))
      }
    }
  }
}

extension Finding.Message {
  static func valuesWithoutHeading(_ column: String) -> Self {
    .init(code: "intake-no-heading", text: "column \(column) has values but no heading; it is left out (the map's columns: can say what it holds)")
  }
}
