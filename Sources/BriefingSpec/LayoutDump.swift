import BriefingCore

// MARK: - Printing the effective layout

extension LayoutDocument {
  /// The fully defaulted layout as YAML (what `briefing dump-layout` prints). Loading the output
  /// again gives the same document.
  public var effectiveYAML: String {
    var lines: [String] = [
      "version: \(version)",
      "name: \(quoted(name))",
      "scope: \(scope.rawValue)",
      "title: \(quoted(title))",
      "language: \(language.rawValue)",
      "page:",
      "  size: \(page.size.rawValue)",
      "  orientation: \(page.orientation.rawValue)",
      "  margin: \(number(page.margin))",
      "  chartWidth: \(number(page.chartWidth))",
      "  chartHeight: \(number(page.chartHeight))",
      "theme:",
      "  base: \(theme.base.rawValue)",
    ]
    if theme.overrides.isEmpty {
      lines.append("  overrides: {}")
    } else {
      lines.append("  overrides:")
      for key in theme.overrides.keys.sorted() {
        lines.append("    \(quoted(key)): \(quoted(theme.overrides[key] ?? ""))")
      }
    }
    let fonts = FontSpec.keys.compactMap { key in theme.fonts[key].map { "\(key): \(quoted($0))" } }
    lines.append("  fonts: {\(fonts.joined(separator: ", "))}")
    lines.append("indicators: \(selection(indicators))")
    lines += ["footer:", "  organisation: \(quoted(footer.organisation))", "  note: \(quoted(footer.note))"]
    lines.append("sections:")
    for section in sections {
      lines.append("  - title: \(section.title.map(quoted) ?? "null")")
      lines.append("    columns: \(section.columns)")
      lines.append("    height: \(section.height.map(number) ?? "null")")
      lines.append("    components:")
      for component in section.components { lines += componentLines(component) }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Every key of the component's kind, in one order; `null` for an optional key left unset
  /// (a loaded layout has every other key defaulted, see `ComponentSpec.defaulted`).
  private func componentLines(_ c: ComponentSpec) -> [String] {
    var out = ["      - kind: \(c.kind.rawValue)", "        span: \(c.span)"]
    func add(_ key: String, _ value: String?) {
      out.append("        \(key): \(value ?? "null")")
    }
    add("title", c.title.map(quoted))
    add("height", c.height.map(number))
    for key in Self.componentKeyOrder where c.kind.acceptedKeys.contains(key) {
      switch key {
      case "indicator": add(key, c.indicator.map { quoted($0.rawValue) })
      case "indicators": add(key, c.indicators.map(selection))
      case "metric": add(key, c.metric?.rawValue)
      case "columns" where c.kind == .smallMultiples: add(key, c.gridColumns.map(String.init))
      case "columns":
        add(key, c.columns.map { "[" + $0.map(\.rawValue).joined(separator: ", ") + "]" })
      case "names": add(key, c.names?.rawValue)
      case "showAverage": add(key, c.showAverage.map { $0 ? "true" : "false" })
      case "showRanks": add(key, c.showRanks.map { $0 ? "true" : "false" })
      case "orientation": add(key, c.orientation?.rawValue)
      case "threshold": add(key, c.threshold.map(number))
      case "lines": add(key, c.lines.map(String.init))
      case "text": add(key, c.text.map(quoted))
      default: add(key, nil)
      }
    }
    return out
  }

  /// The order component keys are printed in; every key of `ComponentKind.acceptedKeys`.
  static let componentKeyOrder = [
    "indicator", "indicators", "metric", "columns", "names", "showAverage", "showRanks",
    "orientation", "threshold", "lines", "text",
  ]

  private func selection(_ selection: IndicatorSelection) -> String {
    switch selection {
    case .main: "main"
    case .list(let ids): "[" + ids.map { quoted($0.rawValue) }.joined(separator: ", ") + "]"
    }
  }

  private func quoted(_ text: String) -> String {
    var escaped = ""
    for character in text {
      switch character {
      case "\"": escaped += "\\\""
      case "\\": escaped += "\\\\"
      case "\n": escaped += "\\n"
      default: escaped.append(character)
      }
    }
    return "\"" + escaped + "\""
  }

  private func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}
