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
    reuseLargeAllocations()
    do {
      var command: ParsableCommand =
        try RenderFastPath.parse(Array(CommandLine.arguments.dropFirst())) ?? parseAsRoot()
      FontSetup.registerBuiltFonts()
      try command.run()
    } catch {
      exit(withError: error)
    }
  }

  static let configuration = CommandConfiguration(
    commandName: "briefing",
    abstract: "Comparative regional statistics briefings as print-ready PDF and PNG.",
    version: BriefingVersion.string,
    // Each subcommand states its `commandName`: deriving it from the type name costs the parser
    // runtime reflection, about 9 M instructions on every run.
    subcommands: [
      Render.self, Analyze.self, Run.self, ScheduleJob.self, Validate.self, DumpLayout.self, DumpScene.self,
      Fonts.self,
      Score.self, Import.self,
    ]
  )
}
