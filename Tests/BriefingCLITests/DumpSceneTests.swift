import BriefingCore
import Foundation
import TestSupport
import Testing

// MARK: - Scene snapshots of the shipped layouts

/// Every shipped layout's composed scene, as `briefing dump-scene --measure fixed` prints it
/// for the sample it is meant for (`LayoutGalleryTests.pairs`), compared with
/// `Snapshots/<layout>.scene.txt`; `RECORD_SNAPSHOTS=1` records them. Fixed metrics and the
/// theme's own font family make the dump the same on every machine, fonts installed or not.
///
/// Only page 1 is kept (`--page 1`), so each file stays reviewable (a few hundred lines): the
/// one-page sheets whole, the first page of the gallery (of 4) and of the bulletin (of 2), and
/// the first chart (GDP) of 肃州区's chart set (of 14, all drawn by the same composer).
@Suite(.serialized) struct LayoutSceneSnapshotTests {
  /// (layout, sample, focus or nil, period): the gallery's pairs, a chart set for 肃州区.
  static let cases: [(String, String, String?, String)] = LayoutGalleryTests.pairs.map { pair in
    let (layout, sample, focus, period) = pair
    return (layout, sample, focus ?? (layout == "region-charts" ? "肃州区" : nil), period)
  }

  @Test(arguments: cases)
  func matchesSnapshot(_ layout: String, _ sample: String, _ focus: String?, _ period: String) throws {
    var arguments = [
      "dump-scene", "--data", "Samples/" + sample, "--layout", "Layouts/\(layout).yaml", "--period", period,
      "--measure", "fixed", "--page", "1",
    ]
    if let focus { arguments += ["--focus", focus] }
    let result = try CLI.run(arguments)
    #expect(result.status == 0, "\(layout): \(result.stderr)")
    #expect(result.stderr.isEmpty, "\(layout) warnings: \(result.stderr)")
    // A version bump is not a layout change.
    let dump = result.stdout.replacingOccurrences(
      of: "creator=\"Briefing \(BriefingVersion.string)\"", with: "creator=\"Briefing <version>\"")
    assertSnapshot(dump, name: layout)
  }

  /// A layout added to `Layouts/` needs a sample here (and in `LayoutGalleryTests.pairs`).
  @Test func everyShippedLayoutHasASnapshot() throws {
    let shipped = try FileManager.default.contentsOfDirectory(atPath: CLI.root + "/Layouts")
      .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
    #expect(Set(shipped) == Set(Self.cases.map(\.0)))
  }
}

// MARK: - dump-scene

@Suite(.serialized) struct DumpSceneTests {
  static let data = ["--data", "Samples/jiuquan-2024h1"]

  /// By default text is measured with Pango and the built fonts, as `render` draws: one page,
  /// the derived family named in every text run.
  @Test func measuresWithPangoByDefault() throws {
    let result = try CLI.run(["dump-scene"] + Self.data + ["--focus", "肃州区"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("scene title=\"肃州区2024年上半年") == true)
    #expect(lines.filter { $0.hasPrefix("page ") }.count == 1)
    #expect(result.stdout.contains("\"Briefing Sans CJK SC\""), "measured with the derived fonts")
  }

  /// The sheet is chosen as `render` chooses it: an unknown region is the same error, with the
  /// same hint, and the same exit status.
  @Test func choosesTheSheetAsRenderDoes() throws {
    let dump = try CLI.run(["dump-scene"] + Self.data + ["--focus", "肃洲区"])
    let render = try CLI.run(["render"] + Self.data + ["--focus", "肃洲区", "--out", try CLI.scratch()])
    #expect(dump.status == 65)
    #expect(dump.status == render.status)
    #expect(dump.stderr == render.stderr)
    #expect(dump.stderr.contains("肃洲区"), "\(dump.stderr)")
    #expect(dump.stdout.isEmpty)
  }

  /// A chart set dumps the focus region's charts, one page per indicator; without a focus it
  /// says so (65).
  @Test func chartSetsDumpTheFocusRegionsCharts() throws {
    let charts = ["dump-scene"] + Self.data + ["--layout", "Layouts/region-charts.yaml", "--measure", "fixed"]
    let result = try CLI.run(charts + ["--focus", "玉门市"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.split(separator: "\n").filter { $0.hasPrefix("page ") }.count == 14)
    #expect(result.stdout.contains("page 1 label=- 600.00×375.00"), "800 × 500 px at 96 dpi")
    let unfocused = try CLI.run(charts)
    #expect(unfocused.status == 65)
    #expect(unfocused.stderr.contains("needs --focus"), "\(unfocused.stderr)")
    #expect(unfocused.stdout.isEmpty)
  }

  /// `--page N` keeps one page; a page the scene does not have is bad data (65), 0 a usage error.
  @Test func pageSelectsOnePage() throws {
    let charts = ["dump-scene"] + Self.data + ["--layout", "Layouts/region-charts.yaml", "--focus", "玉门市", "--measure", "fixed"]
    let all = try CLI.run(charts)
    let third = try CLI.run(charts + ["--page", "3"])
    #expect(third.status == 0)
    let pages = all.stdout.components(separatedBy: "\npage ")
    #expect(third.stdout == pages[0] + "\npage " + pages[3] + "\n", "the info, then page 3 as numbered")
    #expect(try CLI.run(charts + ["--page", "15"]).status == 65)
    #expect(try CLI.run(charts + ["--page", "0"]).status == 64)
  }
}
