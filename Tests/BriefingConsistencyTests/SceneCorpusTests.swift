import BriefingCore
import BriefingIngest
import BriefingRender
import BriefingScene
import BriefingSpec
import BriefingStats
import Foundation
import TestSupport
import Testing

// MARK: - Every shipped layout over generated data passes the scene checker

/// Generated data sets (`SheetCorpus.cases`) through every shipped layout (`Layouts/*.yaml`),
/// composed as `render` composes them (Pango measurer, the layout's theme), must pass the scene
/// checker: no overlapping text, nothing outside its component or the page, nothing below the
/// theme's minimum size, no empty component without a note, nothing left out without a warning
/// naming it. Region layouts are composed for the first member (the one with townships), group
/// layouts for the group, chart layouts as the focus's charts, one per indicator.
///
/// A finding about a chart being reworked (ranked bars, grouped bars, scatter) may be listed as
/// an expected failure in `SceneCorpus.knownIssues` (only ranked bars are); any other finding
/// fails.
@Suite(.serialized) struct SceneCorpusTests {
  @Test(arguments: SheetCorpus.cases)
  func everyShippedLayoutPassesTheSceneChecker(_ corpusCase: SheetCorpus.Case) throws {
    let sheet = try SceneCorpus.Sheet(corpusCase)
    let measurer = try PangoTextMeasurer()
    for layout in SceneCorpus.layouts {
      let findings = try sheet.check(layout, measurer: measurer)
      let place = "\(corpusCase) · \(layout.name)"
      let (known, other) = SceneCorpus.partition(findings, case: corpusCase.id, layout: layout.name)
      for finding in other { Issue.record("\(place): \(finding)") }
      if let reason = SceneCorpus.knownIssues[SceneCorpus.key(corpusCase.id, layout.name)] {
        withKnownIssue("\(place): \(reason)") {
          for finding in known { Issue.record("\(finding.description)") }
        }
      }
    }
  }
}

// MARK: - The corpus

/// How the sheet corpus is composed and which of its findings are known.
enum SceneCorpus {
  // MARK: - Layouts

  /// A shipped layout: its name and text.
  struct Layout: Sendable {
    var name: String
    var path: String
    var yaml: String
  }

  /// `Layouts/*.yaml` of the repository, by name.
  static let layouts: [Layout] = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let folder = root.appendingPathComponent("Layouts")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().compactMap { name in
      let path = folder.appendingPathComponent(name).path
      guard let yaml = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
      return Layout(name: String(name.dropLast(".yaml".count)), path: "Layouts/" + name, yaml: yaml)
    }
  }()

  // MARK: - Known issues

  /// `case id / layout name`.
  static func key(_ caseName: String, _ layout: String) -> String { caseName + " / " + layout }

  /// The components whose findings may be listed as known (a change reworking them lists the
  /// sheets it has not fixed yet).
  static let reworked = ["rankedBar", "groupedBar", "scatter"]

  /// Sheets whose findings about `reworked` components are expected, with what goes wrong.
  /// Remove an entry when its finding is gone (the test then fails with "known issue was not
  /// recorded"). Grouped bars and the scatter have none left; the ranked bars' are the
  /// two-column rankings of the half-year and Traditional sheets.
  static let knownIssues: [String: String] = [
    key("52-members-half-year-simplified-long", "half-year-comparison"): bars,
    key("52-members-half-year-simplified-long", "three-quarter-comparison-tw"): bars,
    key("52-members-quarters-traditional-long", "half-year-comparison"): bars,
    key("52-members-quarters-traditional-long", "three-quarter-comparison-tw"): bars,
    key("52-members-sixty-years-english", "half-year-comparison"): bars,
    key("52-members-sixty-years-english", "three-quarter-comparison-tw"): bars,
    key("150-members-quarters-english", "half-year-comparison"): bars,
    key("150-members-quarters-english", "three-quarter-comparison-tw"): bars,
    key("150-members-yearly-simplified-long", "half-year-comparison"): bars,
    key("150-members-yearly-simplified-long", "three-quarter-comparison-tw"): bars,
  ]

  private static let bars =
    "rankedBar: in two columns the value labels of negative bars overlap the names; with 150 "
    + "members the grown section's labels overlap the rank numbers and leave the panel"

  /// The findings about `reworked` components on a sheet listed in `knownIssues`, and the rest.
  static func partition(_ findings: [Finding], case caseName: String, layout: String)
    -> (known: [Finding], other: [Finding])
  {
    guard knownIssues[key(caseName, layout)] != nil else { return ([], findings) }
    // A finding names its place first: `subject, page N, component 「title」: …`.
    let isKnown = { (finding: Finding) in
      let place = finding.message.text.components(separatedBy: ": ").first ?? ""
      return reworked.contains { place.contains(", \($0)") }
    }
    return (findings.filter(isKnown), findings.filter { !isKnown($0) })
  }

  // MARK: - Composing

  /// A generated data set loaded and compared, ready to compose any layout.
  struct Sheet {
    let corpus: GeneratedCorpus
    let dataset: Dataset
    let table: ComparisonTable
    let group: PeerGroup
    let period: Period

    init(_ corpusCase: SheetCorpus.Case) throws {
      corpus = corpusCase.corpus
      let files = corpus.files
      let loaded = DatasetLoader.load(
        observations: files.observations, regions: files.regions, indicators: files.indicators)
      let errors = loaded.findings.filter { $0.severity == .error }
      #expect(
        errors.isEmpty,
        "\(corpusCase): the loader refused generated data: \(errors.prefix(3).map(\.description))")
      dataset = try #require(loaded.dataset)
      table = compare(dataset)
      group = try #require(dataset.peerGroups.first { $0.id == "G" })
      period = try #require(Period(code: corpus.calendar.periods.last ?? ""))
    }

    /// True when a sheet layout's ranked bar cannot hold every member on one page at the
    /// minimum text size even in two columns (150 members in a third of an A4 page: 75 rows
    /// need about 700 pt). Such a chart grows its section to a page and names the bars it
    /// leaves out (`bars-left-out`); a chart page (`scope: charts`) grows instead.
    func tooManyForAPage(_ layout: Layout) -> Bool { corpus.memberIDs.count > 100 }

    /// The scene checker's findings on `layout` composed for this data (as `render` does), and
    /// the ranked bars' `bars-left-out` warnings: a ranking of up to 52 members is drawn whole
    /// on every shipped layout (its section grows), and on chart pages whatever the size.
    func check(_ layout: Layout, measurer: PangoTextMeasurer) throws -> [Finding] {
      let loaded = LayoutLoader.load(yaml: layout.yaml, file: layout.path)
      let document = try #require(loaded.document, "\(loaded.findings.map(\.description))")
      let validation = LayoutValidator.validate(document, against: dataset, file: layout.path)
      #expect(!validation.hasErrors, "\(validation.map(\.description))")
      let (theme, _) = document.theme.resolved(language: document.language)
      let composer = LayoutComposer(layout: document, theme: theme, measurer: measurer)
      let focus = RegionID(corpus.memberIDs[0])
      let context = SheetContext(
        dataset: dataset, table: table, focus: document.scope == .group ? nil : focus, group: group,
        period: period, language: document.language)
      switch document.scope {
      case .region, .group:
        let (pages, findings) = composer.compose(context)
        return composer.check(pages, reported: findings, context: context)
          + findings.filter { $0.message.code == "bars-left-out" && !tooManyForAPage(layout) }
      case .charts:
        return context.indicators(document.indicators).flatMap { indicator in
          let (page, findings) = composer.composeChart(context, indicator: indicator)
          return composer.check([page], reported: findings, context: context, indicator: indicator)
            + findings.filter { $0.message.code == "bars-left-out" }
        }
      }
    }
  }
}

extension SheetCorpus.Case: CustomTestStringConvertible {
  public var testDescription: String { id }
}
