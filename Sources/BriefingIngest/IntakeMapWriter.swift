import BriefingCore

// MARK: - Writer

/// Writes an intake map as the short, commented YAML file `briefing import` leaves beside a
/// table. Undecided keys (the questions) are written as comments listing the choices, so that
/// the file does not load until one is chosen.
public enum IntakeMapWriter {
  public static func yaml(_ map: IntakeMap, for file: String, questions: [IntakeQuestion] = []) -> String {
    var lines = [
      "# Intake map for \(file), written by `briefing import`: how to read this table.",
      "# Edit what was read wrong, then pass it with --map to analyze, render and dump-scene.",
      "# Rows are the file's own (sheet rows, CSV lines); columns are letters, A the first.",
      "version: \(map.version)",
      "shape: \(map.shape.rawValue)",
    ]
    if let sheet = map.sheet { lines.append(entry("sheet", quoted(sheet), "worksheet")) }
    if map.shape == .table { lines += tableLines(map, questions) }
    for question in questions {
      lines.append("# Undecided: \(question.problem). Choose one:")
      lines += question.readings.map { "# \($0.choice)    # \($0.meaning)" }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func tableLines(_ map: IntakeMap, _ questions: [IntakeQuestion]) -> [String] {
    var lines: [String] = []
    let asked = Set(questions.map(\.key))
    if let header = map.header { lines.append(entry("header", header.text, "heading rows")) }
    if let data = map.data { lines.append(entry("data", data.text, "data rows")) }
    if !asked.contains("keys") {
      let keys = map.keys.keys.sorted().map { "\(ColumnLetters.letters($0)): \(map.keys[$0]!.rawValue)" }
      lines.append(entry("keys", "{" + keys.joined(separator: ", ") + "}", "key columns: region | indicator | period | unit"))
      lines.append(
        entry("headings", "[" + map.headings.map(\.rawValue).joined(separator: ", ") + "]",
          "what each heading row names: indicator | region | measure"))
    }
    switch map.period {
    case .title?: lines.append(entry("period", "title", "report period: read from the rows above the headings"))
    case .fixed(let period)?: lines.append(entry("period", period.code, "report period"))
    case nil: break
    }
    if let monthly = map.monthly { lines.append(entry("monthly", monthly.rawValue, "a month without a span: cumulative | single")) }
    if let unit = map.unit { lines.append(entry("unit", quoted(unit), "unit of values no heading names")) }
    if let total = map.total { lines.append(entry("total", quoted(total), "label of the published total")) }
    if let group = map.group { lines.append(entry("group", quoted(group), "the region the table's regions belong to")) }
    if !map.skipRows.isEmpty {
      lines.append(entry("skipRows", "[" + map.skipRows.map(quoted).joined(separator: ", ") + "]", "row labels left out"))
    }
    if !map.columns.isEmpty {
      let columns = map.columns.keys.sorted().map { "\(ColumnLetters.letters($0)): \(map.columns[$0]!.rawValue)" }
      lines.append(
        entry("columns", "{" + columns.joined(separator: ", ") + "}",
          "value | yoy | prior | target | target-growth | skip"))
    }
    if !map.names.isEmpty {
      let names = map.names.keys.sorted().map { "\(quoted($0)): \(quoted(map.names[$0]!))" }
      lines.append(entry("names", "{" + names.joined(separator: ", ") + "}", "table labels → region or indicator ids"))
    }
    return lines
  }

  private static func entry(_ key: String, _ value: String, _ comment: String) -> String {
    let text = "\(key): \(value)"
    let pad = max(1, 34 - text.count)
    return text + String(repeating: " ", count: pad) + "# " + comment
  }

  /// A double-quoted YAML string.
  static func quoted(_ text: String) -> String {
    "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
  }
}
