import ArgumentParser
import BriefingCore

/// The `briefing` command line.
@main
struct BriefingCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "briefing",
    abstract: "Comparative regional statistics briefings as print-ready PDF and PNG.",
    version: BriefingVersion.string,
    subcommands: [Render.self, Analyze.self, Validate.self, DumpLayout.self, Fonts.self]
  )
}
