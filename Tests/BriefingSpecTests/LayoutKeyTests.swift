import BriefingCore
import BriefingSpec
import Foundation
import Testing

/// Every layout key either works or is an error: nothing is accepted and then ignored.
@Suite struct LayoutKeyTests {
  func load(_ yaml: String) -> LayoutLoader.Result { LayoutLoader.load(yaml: yaml, file: "k.yaml") }

  /// The first error with `code`, checked to be at `line`:`column`.
  func expectError(
    _ yaml: String, code: String, line: Int, column: Int, note: String? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let result = load(yaml)
    #expect(result.document == nil, sourceLocation: sourceLocation)
    guard let finding = result.findings.first(where: { $0.message.code == code }) else {
      Issue.record("no \(code) in \(result.findings.map(\.message.code))", sourceLocation: sourceLocation)
      return
    }
    #expect(finding.severity == .error, sourceLocation: sourceLocation)
    #expect(
      finding.location == SourceLocation(file: "k.yaml", line: line, column: column),
      sourceLocation: sourceLocation)
    if let note { #expect(finding.notes.contains(note), "\(finding.notes)", sourceLocation: sourceLocation) }
  }

  // MARK: - 1. The layout's indicators

  @Test func componentsWithoutTheirOwnIndicatorsUseTheLayouts() throws {
    let yaml = """
      indicators: [gdp, fai]
      sections:
        - components:
            - {kind: headline}
            - {kind: kpiTable}
            - {kind: rankMatrix}
            - {kind: progressBullet}
            - {kind: rankingTable}
            - {kind: smallMultiples}
            - {kind: narrative}
            - {kind: headline, indicators: [retail]}
            - {kind: kpiTable, indicators: main}
      """
    let layout = try #require(load(yaml).document)
    let components = layout.sections[0].components
    func indicators(_ component: ComponentSpec) -> IndicatorSelection? {
      (component.body.spec as? any IndicatorListSpec)?.indicators
    }
    for component in components.prefix(7) {
      #expect(indicators(component) == .list(["gdp", "fai"]), "\(component.kind)")
    }
    #expect(indicators(components[7]) == .list(["retail"]))
    #expect(indicators(components[8]) == .main)
  }

  // MARK: - 2. rankedBar.orientation

  @Test func rankedBarOrientationIsHorizontalOnly() throws {
    let ok = "sections:\n  - components:\n      - {kind: rankedBar, indicator: gdp, orientation: horizontal}\n"
    #expect(load(ok).findings.isEmpty)
    expectError(
      "sections:\n  - components:\n      - {kind: rankedBar, indicator: gdp, orientation: vertical}\n",
      code: "unsupported-value", line: 3, column: 56)
    let message = load(
      "sections:\n  - components:\n      - {kind: rankedBar, indicator: gdp, orientation: vertical}\n"
    ).findings.first?.message.text ?? ""
    #expect(message.contains("horizontal"))
  }

  // MARK: - 3. and 4. Metrics a chart can draw

  @Test func rankedBarRejectsMetricsItCannotDraw() throws {
    expectError(
      "sections:\n  - components:\n      - {kind: rankedBar, indicator: gdp, metric: rank}\n",
      code: "unsupported-value", line: 3, column: 51)
    let text = load("sections:\n  - components:\n      - {kind: rankedBar, indicator: gdp, metric: rank}\n")
      .findings.first?.message.text ?? ""
    #expect(text.contains("value, growthPct"), "\(text)")
    #expect(load("sections:\n  - components:\n      - {kind: rankedBar, indicator: gdp, metric: value}\n").findings.isEmpty)
  }

  @Test func smallMultiplesAndTrendLineRejectMetricsTheyCannotDraw() throws {
    expectError(
      "sections:\n  - components:\n      - {kind: smallMultiples, metric: completionPct}\n",
      code: "unsupported-value", line: 3, column: 40)
    expectError(
      "sections:\n  - components:\n      - {kind: trendLine, indicator: gdp, metric: rank}\n",
      code: "unsupported-value", line: 3, column: 51)
    #expect(load("sections:\n  - components:\n      - {kind: smallMultiples, metric: value}\n").findings.isEmpty)
  }

  // MARK: - 5. Title placeholders

  @Test func unknownPlaceholderInTheTitleIsAnError() throws {
    expectError(
      "title: \"{regoin}{period}对比\"\nsections:\n  - components:\n      - {kind: text}\n",
      code: "unknown-placeholder", line: 1, column: 9, note: "did you mean '{region}'?")
    expectError(
      "scope: charts\ntitle: 全年{period}{indicatr}\nsections:\n  - components:\n      - {kind: rankedBar, indicator: gdp}\n",
      code: "unknown-placeholder", line: 2, column: 18, note: "did you mean '{indicator}'?")
  }

  @Test func placeholdersFollowTheScope() throws {
    // A region sheet has no indicator of its own; a group document has no focus region.
    expectError(
      "title: \"{region}{indicator}\"\nsections:\n  - components:\n      - {kind: text}\n",
      code: "unknown-placeholder", line: 1, column: 17)
    expectError(
      "scope: group\ntitle: \"{group}{region}\"\nsections:\n  - components:\n      - {kind: text}\n",
      code: "unknown-placeholder", line: 2, column: 16)
    let charts = "scope: charts\ntitle: \"{year}{period}{group}{region}{indicator}\"\nsections:\n  - components:\n      - {kind: rankedBar, indicator: gdp}\n"
    #expect(load(charts).findings.isEmpty)
  }

  @Test func placeholdersOutsideTheTitleAreErrors() throws {
    expectError(
      "sections:\n  - title: \"{region}概况\"\n    components:\n      - {kind: text}\n",
      code: "placeholder-not-replaced", line: 2, column: 13)
    expectError(
      "sections:\n  - components:\n      - {kind: text, title: \"{period}\"}\n",
      code: "placeholder-not-replaced", line: 3, column: 30)
    expectError(
      "footer: {note: \"第{page}页\"}\nsections:\n  - components:\n      - {kind: text}\n",
      code: "placeholder-not-replaced", line: 1, column: 18)
  }

  // MARK: - 6. dump-layout prints every effective default

  static var layoutsFolder: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Layouts")
  }

  static var shippedLayouts: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: layoutsFolder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted()
  }

  @Test func thereAreShippedLayouts() { #expect(Self.shippedLayouts.count >= 6) }

  @Test(arguments: shippedLayouts)
  func dumpShowsEveryKeyOfEveryComponent(_ name: String) throws {
    let path = Self.layoutsFolder.appendingPathComponent(name).path
    let yaml = try String(contentsOfFile: path, encoding: .utf8)
    let first = LayoutLoader.load(yaml: yaml, file: path)
    #expect(first.findings.isEmpty)
    let layout = try #require(first.document)
    let dumped = layout.effectiveYAML
    // Each component block lists kind, span, title, height and every key of its kind.
    let blocks = dumped.components(separatedBy: "      - kind: ").dropFirst()
    #expect(blocks.count == layout.sections.map(\.components.count).reduce(0, +))
    for block in blocks {
      let lines = block.split(separator: "\n")
      let kindName = String(lines[0])
      let kind = try #require(ComponentKind(rawValue: kindName))
      let keys = Set(lines.dropFirst().compactMap { line -> String? in
        guard line.hasPrefix("        "), !line.hasPrefix("         ") else { return nil }
        return line.trimmingCharacters(in: .whitespaces).split(separator: ":").first.map(String.init)
      })
      let expected = Set(["span", "title", "height"]).union(kind.keyNames)
      #expect(keys == expected, "\(name): \(kindName)")
    }
    for key in ["version", "name", "scope", "title", "language", "page", "theme", "indicators", "footer", "sections"] {
      #expect(dumped.contains("\n\(key):") || dumped.hasPrefix("\(key):"), "\(key)")
    }
    // The dump loads again to the same layout (locations aside).
    let second = try #require(LayoutLoader.load(yaml: dumped, file: path).document)
    #expect(second.effectiveYAML == dumped)
  }

  @Test func dumpFillsComponentDefaults() throws {
    let yaml = """
      indicators: [gdp]
      sections:
        - components:
            - {kind: rankedBar, indicator: gdp}
            - {kind: smallMultiples}
            - {kind: kpiTable}
            - {kind: subRegionTable, indicator: gdp}
            - {kind: narrative}
      """
    let layout = try #require(load(yaml).document)
    let dumped = layout.effectiveYAML
    for fragment in [
      "metric: growthPct", "showAverage: true", "showRanks: true", "orientation: horizontal",
      "columns: 3", "names: full", "threshold: 30", "lines: 3", "indicators: [\"gdp\"]",
      "columns: [value, growthPct, completionPct, progressGapPp, rank, growthRank, growthGapToGroupPp]",
    ] {
      #expect(dumped.contains(fragment), "\(fragment)")
    }
  }
}

@Suite struct TableColumnKeyTests {
  /// A metric the KPI table has no column for was dropped from the table without a word.
  @Test func kpiTableRejectsColumnsItCannotShow() throws {
    let yaml = "sections:\n  - components:\n      - {kind: kpiTable, columns: [value, remaining]}\n"
    let result = LayoutLoader.load(yaml: yaml, file: "k.yaml")
    #expect(result.document == nil)
    let finding = try #require(result.findings.first { $0.message.code == "unsupported-value" })
    #expect(finding.location == SourceLocation(file: "k.yaml", line: 3, column: 43))
    #expect(finding.message.text.contains("kpiTable has columns for: value, growthPct"))
  }
}
