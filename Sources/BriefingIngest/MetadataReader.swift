import BriefingCore

// MARK: - Messages

extension Finding.Message {
  static func badMetadata(_ column: String, _ text: String, expected: String) -> Self {
    .init(code: "bad-metadata", text: "\(column) '\(text)' is not \(expected)")
  }
  static func duplicateID(_ kind: String, _ id: String, firstLine: Int) -> Self {
    .init(
      code: "duplicate-id", text: "\(kind) id '\(id)' is already defined (duplicate of line \(firstLine))")
  }
}

// MARK: - Reader

/// Builds fixed catalogs from the rows of `regions.csv` and `indicators.csv`.
enum MetadataReader {
  // MARK: - Regions

  /// Regions in file order; parents and frames are resolved through names and aliases.
  /// A parent not listed is kept as written (it names the peer group); an unknown frame is an
  /// `unknown-region` error.
  static func regions(_ rows: [TableRow], file: String, sink: inout FindingSink) -> Catalog<Region>
  {
    var intake = TableIntake<RegionColumn>(file: file)
    var entries: [(entry: Region, line: Int)] = []
    var links: [(parent: TableCell?, frames: TableCell?)] = []
    var firstLines: [RegionID: Int] = [:]
    for row in rows {
      guard let row = intake.admit(row, into: &sink), let map = intake.header else { continue }
      guard let idText = map.text(.id, in: row) ?? map.text(.name, in: row) else {
        sink.add(missingID(row, map: map, file: file))
        continue
      }
      let id = RegionID(idText)
      if let first = firstLines[id] {
        sink.add(duplicate("region", idText, first: first, row: row, file: file))
        continue
      }
      firstLines[id] = row.line
      let region = Region(
        id: id, name: map.text(.name, in: row), shortName: map.text(.shortName, in: row),
        aliases: map.text(.aliases, in: row).map(FieldSyntax.list) ?? [],
        level: map.text(.level, in: row) ?? "", label: map.text(.label, in: row))
      entries.append((region, row.line))
      links.append((map.cell(.parent, in: row), map.cell(.frames, in: row)))
    }
    intake.finish(into: &sink)
    var findings: [Finding] = []
    var catalog = Catalog(fixed: entries, file: file, findings: &findings)
    sink.add(contentsOf: findings)
    for ((region, line), link) in zip(entries, links) {
      var resolved = region
      if let parent = link.parent?.text.trimmingSpaces(), !parent.isEmpty {
        resolved.parent = catalog.lookup(parent) ?? RegionID(parent)
      }
      if let cell = link.frames {
        for frame in FieldSyntax.list(cell.text) {
          guard let id = catalog.lookup(frame) else {
            let location = SourceLocation(file: file, line: line, column: cell.column)
            sink.add(catalog.unknownFinding(frame, at: location))
            continue
          }
          resolved.frames.append(id)
        }
      }
      catalog[region.id] = resolved
    }
    return catalog
  }

  // MARK: - Indicators

  /// Indicators in file order, with the fields each row declared. `order` defaults to the
  /// row's position (1-based); decimals, aggregation and kind left empty are defaulted later
  /// from the data (`IndicatorDefaults`).
  static func indicators(_ rows: [TableRow], file: String, sink: inout FindingSink)
    -> IndicatorMetadata
  {
    var intake = TableIntake<IndicatorColumn>(file: file)
    var entries: [(entry: Indicator, line: Int)] = []
    var declared: [IndicatorID: DeclaredFields] = [:]
    var weights: [(id: IndicatorID, text: String, location: SourceLocation)] = []
    var firstLines: [IndicatorID: Int] = [:]
    for row in rows {
      guard let row = intake.admit(row, into: &sink), let map = intake.header else { continue }
      guard let idText = map.text(.id, in: row) ?? map.text(.name, in: row) else {
        sink.add(missingID(row, map: map, file: file))
        continue
      }
      let id = IndicatorID(idText)
      if let first = firstLines[id] {
        sink.add(duplicate("indicator", idText, first: first, row: row, file: file))
        continue
      }
      firstLines[id] = row.line
      var fields = IndicatorFields(map: map, row: row, file: file)
      let indicator = fields.indicator(id: id, order: entries.count + 1)
      declared[id] = fields.declared
      if case .weightedMean(let by) = indicator.aggregation, let cell = map.cell(.aggregate, in: row)
      {
        weights.append((id, by.rawValue, .init(file: file, line: row.line, column: cell.column)))
      }
      sink.add(contentsOf: fields.findings)
      entries.append((indicator, row.line))
    }
    intake.finish(into: &sink)
    var findings: [Finding] = []
    var catalog = Catalog(fixed: entries, file: file, findings: &findings)
    sink.add(contentsOf: findings)
    for weight in weights {
      guard let target = catalog.lookup(weight.text) else {
        sink.add(catalog.unknownFinding(weight.text, at: weight.location))
        continue
      }
      catalog[weight.id]?.aggregation = .weightedMean(by: target)
    }
    return IndicatorMetadata(catalog: catalog, declared: declared, file: file)
  }

  // MARK: - Helpers

  private static func missingID<Column>(_ row: TableRow, map: HeaderMap<Column>, file: String)
    -> Finding
  {
    Finding(
      .error, .init(code: "missing-value", text: "id is empty"),
      at: .init(file: file, line: row.line, column: row.cells.first?.column))
  }

  private static func duplicate(
    _ kind: String, _ id: String, first: Int, row: TableRow, file: String
  ) -> Finding {
    Finding(
      .error, .duplicateID(kind, id, firstLine: first),
      at: .init(file: file, line: row.line, column: row.cells.first?.column))
  }
}

// MARK: - Indicator fields

/// Reads the optional fields of one `indicators.csv` row, collecting `bad-metadata` findings.
private struct IndicatorFields {
  let map: HeaderMap<IndicatorColumn>
  let row: TableRow
  let file: String
  var findings: [Finding] = []

  init(map: HeaderMap<IndicatorColumn>, row: TableRow, file: String) {
    self.map = map
    self.row = row
    self.file = file
  }

  /// The optional fields this row sets (non-empty cells).
  var declared: DeclaredFields {
    var fields: DeclaredFields = []
    if map.text(.decimals, in: row) != nil { fields.insert(.decimals) }
    if map.text(.aggregate, in: row) != nil { fields.insert(.aggregation) }
    if map.text(.kind, in: row) != nil { fields.insert(.kind) }
    return fields
  }

  /// The row's indicator; an empty decimals, aggregate or kind cell gets the model's default
  /// here and the data's (`IndicatorDefaults`) once the observations are read.
  mutating func indicator(id: IndicatorID, order: Int) -> Indicator {
    let polarity = field(.polarity, "higher, lower or neutral", FieldSyntax.polarity) ?? .higher
    var indicator = Indicator(
      id: id, name: map.text(.name, in: row), shortName: map.text(.shortName, in: row),
      aliases: map.text(.aliases, in: row).map(FieldSyntax.list) ?? [],
      unit: field(.unit, "a unit", ValueParser.parseUnit),
      polarity: polarity,
      aggregation: field(.aggregate, "sum, mean, none or weighted:<id>", Self.aggregation) ?? .sum,
      kind: field(.kind, "flow, stock, ratio or count", FieldSyntax.kind) ?? .flow,
      decimals: field(.decimals, "an integer 0…6") { Int($0).flatMap { (0...6) ~= $0 ? $0 : nil } }
        ?? 1,
      isMain: field(.main, "yes or no", FieldSyntax.bool) ?? true,
      order: field(.order, "an integer") { Int($0) } ?? order,
      leadUnit: map.text(.leadUnit, in: row),
      growthBasis: field(.growthBasis, "nominal or real", FieldSyntax.growthBasis) ?? .nominal)
    if let threshold = field(.redline, "a number", { ValueParser.parse($0)?.number }) {
      let fallback: RedLine.Kind? =
        switch polarity {
        case .higher: .min
        case .lower: .max
        case .neutral: nil
        }
      let kind = field(.redlineKind, "max or min", FieldSyntax.redLineKind) ?? fallback
      if let kind {
        indicator.redLine = RedLine(threshold: threshold, kind: kind)
      } else {
        fail(.redlineKind, "", expected: "given (max or min) for a neutral indicator")
      }
    }
    return indicator
  }

  /// `sum|mean|none|weighted:<indicator id>`; the weight id is checked later.
  private static func aggregation(_ text: String) -> Aggregation? {
    let lower = text.lowercased()
    switch lower {
    case "sum": return .sum
    case "mean", "average", "avg": return .mean
    case "none": return Aggregation.none  // not Optional.none
    default: break
    }
    guard lower.hasPrefix("weighted:") else { return nil }
    let id = String(text.dropFirst("weighted:".count)).trimmingSpaces()
    return id.isEmpty ? nil : .weightedMean(by: IndicatorID(id))
  }

  /// Parses a present, non-empty field; reports `bad-metadata` when `parse` fails.
  private mutating func field<T>(
    _ column: IndicatorColumn, _ expected: String, _ parse: (String) -> T?
  ) -> T? {
    guard let text = map.text(column, in: row) else { return nil }
    guard let value = parse(text) else {
      fail(column, text, expected: expected)
      return nil
    }
    return value
  }

  private mutating func fail(_ column: IndicatorColumn, _ text: String, expected: String) {
    let cell = map.cell(column, in: row)
    findings.append(
      Finding(
        .error, .badMetadata(column.rawValue, text, expected: expected),
        at: .init(file: file, line: row.line, column: cell?.column)))
  }
}
