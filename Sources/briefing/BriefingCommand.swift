import ArgumentParser
import BriefingCore
import CairoKit
import Foundation

/// The `briefing` command line.
@main
struct BriefingCommand: ParsableCommand {
  /// Registers the fonts built by `make` before any command touches Pango (after parsing, so
  /// `--version` and `--help` do not pay for fontconfig's start-up).
  static func main() {
    // A file-size limit (`ulimit -f`) must fail the write with EFBIG, reported as exit 74 with the
    // earlier outputs intact, rather than kill the process with SIGXFSZ mid-publication.
    signal(SIGXFSZ, SIG_IGN)
    // A failed write to standard output is exit 74, whichever way the process ends.
    StandardOutput.checkAtExit()
    do {
      // One parser for every command. ArgumentParser's reflection costs about 15 M instructions
      // (~10 ms) per process over a hand-written reader that `render` once had; `make bench` row
      // `05-startup` reports it (one process per unit is rare: `render` draws many units per process).
      var command: ParsableCommand = try parseAsRoot()
      FontSetup.registerBuiltFonts()
      try command.run()
    } catch {
      // `--help`: the examples last (see `HelpExamples.examplesLast`).
      if exitCode(for: error) == .success, let help = HelpExamples.examplesLast(fullMessage(for: error)) {
        print(help)
        Foundation.exit(0)
      }
      exit(withError: error)
    }
  }

  static let configuration = CommandConfiguration(
    commandName: "briefing",
    abstract: "Comparative regional statistics briefings as print-ready PDF and PNG.",
    discussion: HelpExamples.discussion(
      examples: "briefing render --data Samples/jiuquan-2024h1 --focus 肃州区",
      "briefing render --help"),
    version: BriefingVersion.string,
    // Each subcommand states its `commandName`: deriving it from the type name costs the parser
    // runtime reflection, about 9 M instructions on every run.
    subcommands: [
      Render.self, Analyze.self, Run.self, ScheduleJob.self, Validate.self, DumpLayout.self, DumpScene.self,
      Fonts.self,
      Score.self, Import.self, SchemaCommand.self,
    ]
  )
}
