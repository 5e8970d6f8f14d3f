import Foundation
import Testing

/// Every command's `--help` ends with two or three examples, and every example
/// runs as written: in a scratch folder holding copies of `Samples/` and `Layouts/`, with
/// `briefing` on the PATH, each exits 0.
@Suite(.serialized) struct HelpExampleTests {
  /// The subcommands `briefing --help` lists.
  static func subcommands() throws -> [String] {
    let help = try CLI.run(["--help"], environment: ["COLUMNS": "80"]).stdout
    let section = (help.components(separatedBy: "SUBCOMMANDS:\n").last ?? "").components(separatedBy: "\n\n")[0]
    return section.split(separator: "\n").compactMap { line in
      guard line.hasPrefix("  "), line.dropFirst(2).first != " ", let name = line.split(separator: " ").first,
        name.allSatisfy({ $0.isLowercase || $0 == "-" })
      else { return nil }
      return String(name)
    }
  }

  /// The examples of `arguments --help` at 80 columns, continuation lines joined (a line that
  /// `--help` wrapped shows as an example of its own, not starting with `briefing`).
  static func examples(_ arguments: [String]) throws -> [String] {
    let help = try CLI.run(arguments + ["--help"], environment: ["COLUMNS": "80"]).stdout
    guard let block = help.components(separatedBy: "EXAMPLES:\n").dropFirst().first else { return [] }
    let lines = block.components(separatedBy: "\n\n")[0].split(separator: "\n").map(String.init)
    var examples: [String] = []
    var continuing = false
    for line in lines {
      let text = line.trimmingCharacters(in: .whitespaces)
      if continuing, let last = examples.popLast() { examples.append(String(last.dropLast()) + text) } else { examples.append(text) }
      continuing = text.hasSuffix("\\")
    }
    return examples
  }

  /// A scratch folder with copies of the samples and layouts, as a checkout has them.
  static func workspace() throws -> String {
    let folder = try CLI.scratch()
    for name in ["Samples", "Layouts"] {
      try FileManager.default.copyItem(atPath: CLI.root + "/" + name, toPath: folder + "/" + name)
    }
    return folder
  }

  @Test func everySubcommandShowsTwoOrThreeExamples() throws {
    let names = try Self.subcommands()
    #expect(names.count >= 10, "\(names)")
    for name in names {
      // Last, after the options, where readers look for them.
      let help = try CLI.run([name, "--help"], environment: ["COLUMNS": "80"]).stdout
      let lastBlock = help.trimmingCharacters(in: .newlines).components(separatedBy: "\n\n").last ?? ""
      #expect(lastBlock.hasPrefix("EXAMPLES:\n"), "\(name): help ends with \(lastBlock.prefix(60))")
      let examples = try Self.examples([name])
      #expect((2...3).contains(examples.count), "\(name): \(examples)")
      for example in examples {
        #expect((example + " ").hasPrefix("briefing \(name) "), "\(name): \(example)")
      }
    }
  }

  @Test func everyExampleRuns() throws {
    let folder = try Self.workspace()
    let commands = try [[]] + Self.subcommands().map { [$0] }
    var ran = 0
    for command in commands {
      for example in try Self.examples(command) {
        let result = try CLI.shell(["-c", "cd '\(folder)' && " + example])
        #expect(result.status == 0, "\(example): exit \(result.status)\n\(result.stderr)")
        ran += 1
      }
    }
    #expect(ran >= 21)
  }
}
