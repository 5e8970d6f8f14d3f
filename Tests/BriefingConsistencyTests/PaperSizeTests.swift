import BriefingRender
import BriefingScene
import BriefingSpec
import Foundation
import TestSupport
import Testing

// MARK: - Every sheet layout on every paper size

/// The shipped sheet and bulletin layouts, turned onto each paper size (`page.size`), composed
/// over a 9-member and a 2-member generated data set, pass the scene checker as they do on A4
/// (`SceneCorpusTests`). Chart layouts have no paper size. Not covered: 52 members on Letter,
/// where the one-page sheet's one-column ranking (a third of the page wide) grows to a page and
/// still leaves out one bar, with a `bars-left-out` warning naming it (Letter is 50 pt shorter
/// than A4).
@Suite(.serialized) struct PaperSizeTests {
  static let corpusCases = SheetCorpus.cases.filter {
    ["9-members-sixty-years-simplified-long", "2-members-half-year-traditional"].contains($0.id)
  }

  @Test(arguments: [PageSpec.PaperSize.A3, .letter, .legal])
  func shippedLayoutsPassTheSceneCheckerOn(_ paper: PageSpec.PaperSize) throws {
    #expect(Self.corpusCases.count == 2)
    let measurer = try PangoTextMeasurer()
    for corpusCase in Self.corpusCases {
      let sheet = try SceneCorpus.Sheet(corpusCase)
      for layout in SceneCorpus.layouts where layout.yaml.contains("size: A4") {
        var turned = layout
        turned.yaml = layout.yaml.replacingOccurrences(of: "size: A4", with: "size: \(paper.rawValue)")
        for finding in try sheet.check(turned, measurer: measurer) {
          Issue.record("\(corpusCase) · \(layout.name) on \(paper.rawValue): \(finding)")
        }
      }
    }
  }

  @Test func usPapersMeasureInPoints() throws {
    for (paper, width, height) in [("Letter", 612.0, 792.0), ("Legal", 612.0, 1008.0)] {
      let loaded = LayoutLoader.load(
        yaml: "page: {size: \(paper)}\nsections:\n  - components:\n      - {kind: text, text: x}\n", file: "p.yaml")
      let document = try #require(loaded.document, "\(loaded.findings)")
      let size = LayoutComposer(
        layout: document, theme: document.theme.resolved(language: .en).0, measurer: try PangoTextMeasurer()
      ).pageSize
      #expect(size.width == width && size.height == height, "\(paper): \(size)")
    }
  }
}
