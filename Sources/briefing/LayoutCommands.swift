import ArgumentParser
import BriefingCore
import BriefingSpec
import Foundation

// MARK: - Loading a layout file

/// Reads and parses a layout; errors become `Failure.data` with file:line:column.
func loadLayout(_ path: String) throws(Failure) -> (LayoutDocument, [Finding]) {
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
    abstract: "Print the effective layout with every default filled in.")

  @Option(help: "The layout file (YAML).")
  var layout: String

  func run() throws {
    try reportingFailures {
      let (document, findings) = try loadLayout(layout)
      printFindings(findings)
      print(document.effectiveYAML, terminator: "")
    }
  }
}
