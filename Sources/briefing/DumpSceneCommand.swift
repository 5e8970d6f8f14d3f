import ArgumentParser
import BriefingCore
import BriefingScene

// MARK: - How text is measured

/// How `dump-scene` measures text while composing.
enum TextMeasure: String, CaseIterable, ExpressibleByArgument {
  /// Pango with the installed fonts, as `render` measures: the scene `render` draws.
  case pango
  /// `FixedMetricsMeasurer` (CJK 1 em, other characters 0.55 em) and the theme's own font
  /// family: the same scene on every machine, fonts installed or not (the snapshot tests).
  case fixed
}

// MARK: - dump-scene

/// Prints the composed scene (`SceneDumper`'s text) instead of drawing it, so the compose phase
/// can be inspected and diffed.
struct DumpScene: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dump-scene",
    abstract: "Print the composed scene of a layout (pages, frames, text runs and shapes, in points) as text.",
    discussion: HelpExamples.discussion(
      """
      Takes render's data and sheet options and chooses the sheet by the same rules. A charts \
      layout (scope: charts) dumps the --focus region's charts, one page per indicator. The dump \
      goes to standard output, findings to standard error; errors found while composing are \
      reported (exit 65) after the dump, which shows where they are.
      """,
      examples: "briefing dump-scene --data Samples/jiuquan-2024h1 --focus 肃州区 --page 1",
      "briefing dump-scene --data Samples/midwest-2024q3 --focus Ohio \\\n  --layout state-comparison-en --measure fixed"))

  @OptionGroup var data: DataOptions

  @OptionGroup var sheet: SheetOptions

  @Option(help: "Text measurement: pango (as render draws) or fixed (deterministic, no fonts needed).")
  var measure: TextMeasure = .pango

  @Option(help: "Print only this page (1-based; for a charts layout, the chart of the Nth indicator).")
  var page: Int?

  func validate() throws {
    if let page, page < 1 { throw ValidationError("--page must be at least 1") }
  }

  func run() throws {
    try reportingFailures {
      let inputs = try CheckedInputs.load(data: data, layout: sheet.layout)
      let job = try inputs.job(sheet)
      let (scene, findings) = try job.composeScene(measure: measure)
      if let page, page > scene.pages.count {
        throw Failure.data([Finding(.error, .noSuchPage(page, of: scene.pages.count))])
      }
      printFindings(inputs.findings + findings)
      try StandardOutput.write(Array(SceneDumper().dump(scene, page: page).utf8))
      if findings.hasErrors { throw Failure.data(findings) }
    }
  }
}

extension Finding.Message {
  static func noSuchPage(_ page: Int, of count: Int) -> Self {
    Self(code: "no-such-page", text: "--page \(page): the scene has \(count) page\(count == 1 ? "" : "s")")
  }
}
