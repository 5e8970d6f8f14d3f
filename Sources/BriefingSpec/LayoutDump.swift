import BriefingCore

// MARK: - Printing the effective layout

extension LayoutDocument {
  /// The fully defaulted layout as YAML (what `briefing dump-layout` prints). Loading the output
  /// again gives the same document.
  public var effectiveYAML: String {
    var lines: [String] = [
      "version: \(version)",
      "name: \(YAMLText.quoted(name))",
      "scope: \(scope.rawValue)",
      "title: \(YAMLText.quoted(title))",
      "language: \(language.rawValue)",
      "page:",
      "  size: \(page.size.rawValue)",
      "  orientation: \(page.orientation.rawValue)",
      "  margin: \(YAMLText.number(page.margin))",
      "  chartWidth: \(YAMLText.number(page.chartWidth))",
      "  chartHeight: \(YAMLText.number(page.chartHeight))",
      "theme:",
      "  base: \(theme.base.rawValue)",
    ]
    if theme.overrides.isEmpty {
      lines.append("  overrides: {}")
    } else {
      lines.append("  overrides:")
      for key in theme.overrides.keys.sorted() {
        lines.append("    \(YAMLText.quoted(key)): \(YAMLText.quoted(theme.overrides[key] ?? ""))")
      }
    }
    let fonts = FontSpec.keys.compactMap { key in
      theme.fonts[key].map { "\(key): \(YAMLText.quoted($0))" }
    }
    lines.append("  fonts: {\(fonts.joined(separator: ", "))}")
    lines.append("indicators: \(YAMLText.selection(indicators))")
    lines += [
      "footer:", "  organisation: \(YAMLText.quoted(footer.organisation))",
      "  note: \(YAMLText.quoted(footer.note))",
    ]
    lines.append("sections:")
    for section in sections {
      lines.append("  - title: \(section.title.map(YAMLText.quoted) ?? "null")")
      lines.append("    columns: \(section.columns)")
      lines.append("    height: \(section.height.map(YAMLText.number) ?? "null")")
      lines.append("    components:")
      for component in section.components { lines += componentLines(component) }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Kind, the keys every kind has, then every key of the kind in its spec's order (a loaded
  /// layout has each at its effective value; `null` for an optional key left unset).
  private func componentLines(_ c: ComponentSpec) -> [String] {
    [
      "      - kind: \(c.kind.rawValue)",
      "        span: \(c.span)",
      "        title: \(c.title.map(YAMLText.quoted) ?? "null")",
      "        height: \(c.height.map(YAMLText.number) ?? "null")",
    ] + c.body.spec.dumpLines.map { "        " + $0 }
  }
}

// MARK: - YAML values

/// How `dump-layout` spells values so that they load back the same.
enum YAMLText {
  /// `main` or a flow list of quoted ids.
  static func selection(_ selection: IndicatorSelection) -> String {
    switch selection {
    case .main: "main"
    case .list(let ids): list(ids.map { quoted($0.rawValue) })
    }
  }

  /// A flow sequence of the items as given: `[a, b]`.
  static func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

  /// A double-quoted scalar with `"`, `\` and newlines escaped.
  static func quoted(_ text: String) -> String {
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

  /// An integer when the value is whole (`30`), else Swift's shortest form (`45.5`).
  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

  static func bool(_ value: Bool) -> String { value ? "true" : "false" }
}
