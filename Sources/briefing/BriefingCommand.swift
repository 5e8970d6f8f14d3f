import ArgumentParser
import BriefingCore

/// The `briefing` command line.
@main
struct BriefingCommand: ParsableCommand {
  /// Registers the fonts built by `make` before any command touches Pango (after parsing, so
  /// `--version` and `--help` do not pay for fontconfig's start-up).
  static func main() {
    do {
      var command = try parseAsRoot()
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
    subcommands: [
      Render.self, Analyze.self, Run.self, ScheduleJob.self, Validate.self, DumpLayout.self,
      Fonts.self,
    ]
  )
}
