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
/// Any finding fails: there is no list of expected failures.
@Suite(.serialized) struct SceneCorpusTests {
  @Test(arguments: SheetCorpus.cases)
  func everyShippedLayoutPassesTheSceneChecker(_ corpusCase: SheetCorpus.Case) throws {
    let sheet = try SceneCorpus.Sheet(corpusCase)
    let measurer = try PangoTextMeasurer()
    for layout in SceneCorpus.layouts {
      let findings = try sheet.check(layout, measurer: measurer)
      for finding in findings { Issue.record("\(corpusCase) · \(layout.name): \(finding)") }
    }
  }
}

// MARK: - The corpus

/// How the sheet corpus is composed.
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
