import ArgumentParser
import BriefingCore
import BriefingSpec
import Foundation

// MARK: - Loading a layout file

/// Reads and parses a layout (a path, or a shipped layout's name: `ShippedFiles.layoutPath`);
/// errors become `Failure.data` with file:line:column.
func loadLayout(_ reference: String) throws(Failure) -> (LayoutDocument, [Finding]) {
  let path = try ShippedFiles.layoutPath(reference)
  let text: String
  do {
    text = try String(contentsOfFile: path, encoding: .utf8)
  } catch {
    throw .io("cannot read layout \(path): \(error.localizedDescription)")
  }
  let result = LayoutLoader.load(yaml: text, file: path)
  guard let document = result.document else { throw .data(result.findings) }
  return (document, result.findings)
}

// MARK: - dump-layout

struct DumpLayout: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dump-layout",
    abstract: "Print the effective layout with every default filled in.",
    discussion: HelpExamples.discussion(
      examples: "briefing dump-layout --layout half-year-comparison",
      "briefing dump-layout --layout Layouts/gallery.yaml"))

  @Option(help: "The layout file (YAML), or a shipped layout's name.", completion: ShippedFiles.layoutCompletion)
  var layout: String

  func run() throws {
    try reportingFailures {
      let (document, findings) = try loadLayout(layout)
      printFindings(findings)
      print(document.effectiveYAML, terminator: "")
    }
  }
}

// MARK: - validate

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check a layout (and, with --data, its bindings against a data set) without rendering.",
    discussion: HelpExamples.discussion(
      examples: "briefing validate --layout ranking-bulletin",
      "briefing validate --layout region-charts --data Samples/jiuquan-2024h1"))

  @Option(help: "The layout file (YAML), or a shipped layout's name.", completion: ShippedFiles.layoutCompletion)
  var layout: String

  @Option(help: "A data folder or observations file to check the bindings against.")
  var data: String?

  func run() throws {
    try reportingFailures {
      let (document, findings) = try loadLayout(layout)
      var all = findings
      if let data {
        var options = try DataOptions.parse(["--data", data])
        options.encoding = "auto"
        let (dataset, dataFindings) = try options.load()
        all += dataFindings + LayoutValidator.validate(document, against: dataset, file: layout)
      }
      if all.hasErrors { throw Failure.data(all) }
      printFindings(all)
      let count = document.sections.count
      print("\(layout): ok (\(count) section\(count == 1 ? "" : "s"))")
    }
  }
}
