import BriefingCore

// MARK: - Messages

extension Finding.Message {
  static let noTable = Self(
    code: "intake-no-table",
    text: "found no table: no row has a label followed by values (numbers, or — and * for missing and masked ones)")
  static func noHeadings(_ line: Int) -> Self {
    .init(code: "intake-no-headings", text: "the data starts on row \(line) with no headings above it to say what the columns hold")
  }
}

// MARK: - Detection

/// What detection made of a table: the map that reads it, the reading in words (which rows
/// are title, headings, data and notes), the questions it could not answer, and findings
/// when it found no table at all.
struct Detection {
  var map: IntakeMap
  /// The reading, one line each (title, headings, data, keys, total).
  var lines: [String] = []
  /// Rows and columns left out, and why.
  var leftOut: [String] = []
  var questions: [IntakeQuestion] = []
  var findings: [Finding] = []
}

/// Finds the shape of a table: a long table by its header, else a cross table by its cells
/// (title and unit lines, heading rows, key columns with labels, value columns, a total row,
/// notes below). Pure: the grid and the names metadata knows in, a map out. Where two readings
/// are plausible it asks (`IntakeQuestion`) instead of choosing.
enum ShapeDetector {
  static func detect(_ grid: IntakeGrid, names: inout NameBook) -> Detection {
    if let long = longHeader(grid) {
      var detection = Detection(map: IntakeMap(shape: .long))
      detection.map.sheet = grid.sheet
      detection.lines.append("row \(grid.lines[long]) is the header of a long table (region, period, indicator, value…)")
      return detection
    }
    let layout = TableLayout(grid: grid)
    var detection = Detection(map: IntakeMap(shape: .table))
    detection.map.sheet = grid.sheet
    guard let data = layout.dataRows() else {
      detection.findings.append(Finding(.error, .noTable, at: SourceLocation(file: grid.file)))
      return detection
    }
    let headings = layout.headingRows(above: data.first)
    guard let top = headings.first, let bottom = headings.last else {
      detection.findings.append(
        Finding(.error, .noHeadings(grid.lines[data.first]), at: SourceLocation(file: grid.file, line: grid.lines[data.first])))
      return detection
    }
    detection.map.header = IntakeMap.Rows(grid.lines[top], grid.lines[bottom])
    detection.map.data = IntakeMap.Rows(grid.lines[data.first], grid.lines[data.last])
    let dataRows = (data.first...data.last).filter { layout.isData($0) }
    describeAbove(top, grid, &detection)
    let keys = layout.keyColumns(dataRows: dataRows, headings: headings)
    detection.map.columns = keys.skipped
    for (field, reason) in keys.notes { detection.leftOut.append("column \(ColumnLetters.letters(field)): \(reason)") }
    guard !keys.fields.isEmpty else {
      detection.findings.append(Finding(.error, .noTable, at: SourceLocation(file: grid.file)))
      return detection
    }
    var keyLines: [String] = []
    assignKeyRoles(keys.fields, dataRows: dataRows, headings: headings, grid, &names, &detection, lines: &keyLines)
    assignHeadingRoles(headings, grid, &names, &detection)
    detection.lines.append("rows \(detection.map.data!.text): data (data)")
    detection.lines += keyLines
    findTotalAndSubtotals(dataRows, headings: headings, grid, &names, &detection)
    describeBelow(data.last, grid, &detection)
    return detection
  }

  // MARK: - Long tables

  /// The first non-blank row, when it is the header of a long table.
  static func longHeader(_ grid: IntakeGrid) -> Int? {
    guard let first = (0..<grid.rowCount).first(where: { !grid.isBlank($0) }) else { return nil }
    let row = TableRow(line: grid.lines[first], cells: (0..<grid.width).map { grid.cell(first, $0) })
    return looksLong(row) ? first : nil
  }

  /// A header row of a long table: it names a value column (value, 数值, 本期) and another
  /// required one (region, period, indicator). A long table missing a required column is
  /// still one (its loading reports the column); `地区,时期,GDP,人口` (indicators across) or
  /// `地区,指标,2023年,2024年` (periods across) are not.
  static func looksLong(_ header: TableRow) -> Bool {
    let columns = HeaderMap<ObservationColumn>.columns(in: header)
    return columns.contains(.value) && !columns.intersection([.region, .period, .indicator]).isEmpty
  }

  // MARK: - Around the table

  /// Title, unit line and notes above the headings.
  private static func describeAbove(_ top: Int, _ grid: IntakeGrid, _ detection: inout Detection) {
    for row in 0..<top where !grid.isBlank(row) {
      for text in grid.distinctTexts(row) {
        let line = grid.lines[row]
        if let units = HeadingVocabulary.unitLine(text) {
          let amounts = units.filter { ValueParser.parseUnit($0)?.isRatio != true }
          if amounts.count == 1 {
            detection.map.unit = amounts[0]
            detection.lines.append("row \(line): unit line '\(text)': values are in \(amounts[0]) unless a heading names a unit (unit)")
          } else {
            detection.lines.append(
              "row \(line): unit line '\(text)' names \(amounts.count) units for values: each indicator's unit comes from its heading or indicators.csv")
          }
        } else if let mention = OfficePeriod.firstMention(in: text) {
          if detection.map.period == nil { detection.map.period = .title }
          let reading: String
          switch mention.period.resolve(reference: nil, monthly: nil) {
          case .period(let period): reading = period.code
          case .ambiguousMonth(let cumulative, let single): reading = "\(cumulative.code) or \(single.code)"
          case .needsReference, .samePeriodLastYear: reading = "?"
          }
          detection.lines.append("row \(line): title '\(text)': report period '\(mention.text)' → \(reading) (period: title)")
          if detection.map.group == nil, let place = placeName(before: mention.text, in: text) { detection.map.group = place }
        } else {
          detection.leftOut.append("row \(line): '\(text)' above the headings")
        }
      }
    }
  }

  /// Footnotes and other rows below the data.
  private static func describeBelow(_ last: Int, _ grid: IntakeGrid, _ detection: inout Detection) {
    guard last + 1 < grid.rowCount else { return }
    for row in (last + 1)..<grid.rowCount where !grid.isBlank(row) {
      let text = grid.distinctTexts(row).joined(separator: " ")
      let kind = HeadingVocabulary.isFootnote(text) ? "footnote" : "below the data"
      detection.leftOut.append("row \(grid.lines[row]): \(kind) '\(text.prefix(60))'")
    }
  }

  /// `酒泉市2024年上半年…` → `酒泉市`: a place name before the period, when it ends like one.
  private static func placeName(before period: String, in title: String) -> String? {
    let needle = period.split(separator: "…").first.map(String.init) ?? period
    var before = ""
    var rest = Substring(title)
    while !rest.isEmpty, !rest.hasPrefix(needle) { before.append(rest.removeFirst()) }
    guard !rest.isEmpty else { return nil }
    before = before.trimmingSpaces()
    let endings: [Character] = ["市", "县", "区", "省", "州", "盟", "旗", "縣", "區"]
    guard (2...12).contains(before.count), let last = before.last, endings.contains(last) else { return nil }
    return before
  }

  // MARK: - Key roles

  private static func assignKeyRoles(
    _ fields: [Int], dataRows: [Int], headings: [Int], _ grid: IntakeGrid, _ names: inout NameBook,
    _ detection: inout Detection, lines: inout [String]
  ) {
    var undecided: [Int] = []
    for field in fields {
      let values = Array(Set(dataRows.map { grid.text($0, field) }.filter { !$0.isEmpty })).sorted()
      let heading = headings.map { grid.text($0, field) }.first { !$0.isEmpty } ?? ""
      if let role = keyRole(values: values, heading: heading, &names) {
        detection.map.keys[field] = role
        let sample = values.prefix(3).joined(separator: ", ")
        lines.append(
          "column \(ColumnLetters.letters(field)): \(role.rawValue) labels (\(sample)\(values.count > 3 ? ", …" : "")) (keys)")
      } else {
        undecided.append(field)
      }
    }
    let assigned = fields.compactMap { detection.map.keys[$0] }
    for role in Set(assigned) where assigned.filter({ $0 == role }).count > 1 {
      let columns = fields.filter { detection.map.keys[$0] == role }
      let letters = columns.map(ColumnLetters.letters)
      detection.questions.append(
        IntakeQuestion(
          key: "keys",
          problem: "columns \(letters.joined(separator: " and ")) both hold \(role.rawValue) labels",
          readings: columns.map { field in
            .init("keys: {\(ColumnLetters.letters(field)): \(role.rawValue)}", "column \(ColumnLetters.letters(field)) names the \(role.rawValue); the other is left out (columns: skip)")
          },
          location: grid.location(dataRows.first ?? 0, columns[1])))
    }
    for field in undecided {
      let letters = ColumnLetters.letters(field)
      let sample = dataRows.prefix(2).map { grid.text($0, field) }.joined(separator: ", ")
      detection.questions.append(
        IntakeQuestion(
          key: "keys",
          problem: "column \(letters) holds labels (\(sample), …) that metadata does not know and no heading names",
          readings: [
            .init("keys: {\(letters): region}", "each row is a region; the headings name indicators"),
            .init("keys: {\(letters): indicator}", "each row is an indicator; the headings name regions"),
          ],
          location: grid.location(dataRows.first ?? 0, field)))
    }
  }

  /// A key column's role from its values (units, periods, names metadata knows), else from
  /// its heading (地区, 指标, 单位, 时期); nil when neither says.
  private static func keyRole(values: [String], heading: String, _ names: inout NameBook) -> IntakeMap.KeyRole? {
    guard !values.isEmpty else { return HeadingVocabulary.keyRole(heading) }
    if values.allSatisfy({ ValueParser.parseUnit($0).map { !$0.isOther } ?? false }) { return .unit }
    if values.allSatisfy({ OfficePeriod(label: $0) != nil }) { return .period }
    let regions = values.filter {
      HeadingVocabulary.isTotal($0) || names.isKnownRegion(HeadingVocabulary.withoutBreakdownPrefix($0))
    }.count
    let indicators = values.filter { names.isKnownIndicator(HeadingVocabulary.withoutUnit($0).name) || names.isKnownIndicator($0) }.count
    if regions * 2 > values.count && regions > indicators { return .region }
    if indicators * 2 > values.count { return .indicator }
    return HeadingVocabulary.keyRole(heading)
  }

  // MARK: - Heading roles

  private static func assignHeadingRoles(
    _ headings: [Int], _ grid: IntakeGrid, _ names: inout NameBook, _ detection: inout Detection
  ) {
    let keyRoles = Set(detection.map.keys.values)
    let valueFields = (0..<grid.width).filter { detection.map.keys[$0] == nil && detection.map.columns[$0] == nil }
    var roles: [IntakeMap.HeadingRole?] = []
    for row in headings {
      let texts = valueFields.map { grid.text(row, $0) }.filter { !$0.isEmpty }
      let labels = Array(Set(texts))
      let regions = labels.filter { HeadingVocabulary.isTotal($0) || names.isKnownRegion($0) }.count
      let indicators = labels.filter {
        names.isKnownIndicator($0) || names.isKnownIndicator(HeadingVocabulary.withoutUnit($0).name)
          || HeadingVocabulary.growthSuffix($0).map { names.isKnownIndicator($0) } == true
      }.count
      // Names come first and measure words follow them (地区生产总值 | 增速): a row of measures
      // starts with one (绝对值 | 增速, 1952 | 1957).
      if let first = texts.first, HeadingVocabulary.measure(first) != nil {
        roles.append(.measure)
      } else if regions > indicators {
        roles.append(.region)
      } else if indicators > regions {
        roles.append(.indicator)
      } else if keyRoles.contains(.region) && !keyRoles.contains(.indicator) {
        roles.append(.indicator)
      } else if keyRoles.contains(.indicator) && !keyRoles.contains(.region) {
        roles.append(.region)
      } else if keyRoles.contains(.indicator) && keyRoles.contains(.region) {
        roles.append(.measure)
      } else {
        roles.append(nil)
      }
    }
    // A name row above another of the same role is a caption grouping them (经济 | 民生): the
    // headings start below the last such row.
    let captions = roles.indices.filter { index in
      guard let role = roles[index], role != .measure else { return false }
      return roles[(index + 1)...].contains(role)
    }
    let start = (captions.last ?? -1) + 1
    for index in 0..<start {
      detection.leftOut.append("row \(grid.lines[headings[index]]): captions over the headings below it")
    }
    let kept = Array(zip(headings, roles).dropFirst(start))
    if let first = kept.first?.0, let last = kept.last?.0 {
      detection.map.header = IntakeMap.Rows(grid.lines[first], grid.lines[last])
    }
    detection.map.headings = kept.compactMap(\.1)
    let undecided = kept.filter { $0.1 == nil }
    guard undecided.isEmpty else {
      // Unless a key column is undecided (its answer decides these), ask.
      guard !detection.questions.contains(where: { $0.key == "keys" }) else { return }
      let rows = undecided.map { "\(grid.lines[$0.0])" }.joined(separator: ", ")
      detection.questions.append(
        IntakeQuestion(
          key: "headings",
          problem: "neither the headings of row \(rows) nor the key columns say whether those headings name indicators, regions or periods",
          readings: IntakeMap.HeadingRole.allCases.map {
            .init("headings: [\($0.rawValue)]", "row \(rows) names \($0.rawValue)s (one entry per heading row)")
          },
          location: grid.location(undecided[0].0, 0)))
      return
    }
    let words = zip(kept.map(\.0), detection.map.headings).map { "row \(grid.lines[$0]) names \($1.rawValue)s" }
    detection.lines.append(
      "rows \(detection.map.header!.text): headings: " + words.joined(separator: ", ") + " (header, headings)")
  }

  // MARK: - Totals and subtotals

  private static func findTotalAndSubtotals(
    _ dataRows: [Int], headings: [Int], _ grid: IntakeGrid, _ names: inout NameBook, _ detection: inout Detection
  ) {
    guard let regionField = detection.map.keys.first(where: { $0.value == .region })?.key else {
      // Regions across: a total is a column.
      for row in headings {
        for field in 0..<grid.width where detection.map.keys[field] == nil {
          let label = grid.text(row, field)
          if detection.map.total == nil, HeadingVocabulary.isTotal(label) {
            detection.map.total = label
            detection.lines.append("column \(ColumnLetters.letters(field)) '\(label)' is the group's published total (total)")
          }
        }
      }
      return
    }
    for row in dataRows {
      let label = grid.text(row, regionField)
      guard !label.isEmpty else { continue }
      if detection.map.total == nil, HeadingVocabulary.isTotal(label) {
        detection.map.total = label
        detection.lines.append(
          "row \(grid.lines[row]) '\(label)': the group's published total, checked against the sum of the rows, never a member (total)")
      } else if HeadingVocabulary.isSubtotal(label),
        !names.isKnownRegion(HeadingVocabulary.withoutBreakdownPrefix(label)), !detection.map.skipRows.contains(label)
      {
        detection.map.skipRows.append(label)
        detection.leftOut.append("row \(grid.lines[row]): '\(label)' is a subtotal (skipRows)")
      }
    }
  }
}
