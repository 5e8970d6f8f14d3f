import ArgumentParser
import BriefingCore
import BriefingIngest
import BriefingJobs
import BriefingSpec
import Foundation

// MARK: - schema

/// `briefing schema KIND`: the JSON Schema of a kind of YAML file, for editors (VS Code with
/// the YAML extension reads `# yaml-language-server: $schema=…` on a file's first line).
///
/// The schemas are generated from the loaders themselves (`SchemaProbe`) with the `///`
/// documentation of the Swift types they fill, so they need the sources: `make schemas` runs
/// `briefing schema KIND --from-sources Sources` and commits `Schemas/KIND.schema.json`, which
/// `make install` ships. Without `--from-sources` the command prints the shipped file.
struct SchemaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "Print the JSON Schema of layout, job, scoring or intake-map files (for editors).",
    discussion: HelpExamples.discussion(
      examples: "briefing schema layout > layout.schema.json",
      "briefing schema job --path"))

  /// A kind of YAML file Briefing reads.
  enum Kind: String, ExpressibleByArgument, CaseIterable {
    case layout, job, scoring
    case intakeMap = "intake-map"
  }

  @Argument(help: "layout, job, scoring or intake-map.")
  var kind: Kind

  @Flag(help: "Print the shipped schema file's path instead of its text.")
  var path = false

  @Option(help: ArgumentHelp(
    "Generate the schema from this build's loaders, documented from the Swift sources in this folder.",
    discussion: "How `make schemas` writes Schemas/; a checkout's Sources folder."))
  var fromSources: String?

  func run() throws {
    try reportingFailures {
      if let fromSources {
        let docs: SourceDocs
        do { docs = try SourceDocs(folder: fromSources) } catch { throw Failure.io("cannot read \(fromSources): \(error)") }
        print(kind.generated(docs: docs), terminator: "")
        return
      }
      let file = kind.rawValue + ".schema.json"
      guard let folder = ShippedFiles.folders(.schemas).first(where: {
        FileManager.default.fileExists(atPath: $0 + "/" + file)
      }) else {
        throw Failure.io("no \(file) in " + ShippedFiles.folders(.schemas).joined(separator: ", "))
      }
      if path { return print(folder + "/" + file) }
      guard let text = try? String(contentsOfFile: folder + "/" + file, encoding: .utf8) else {
        throw Failure.io("cannot read \(folder)/\(file)")
      }
      print(text, terminator: "")
    }
  }
}

// MARK: - Generating

extension SchemaCommand.Kind {
  /// The schema, from the loader's reads and the documentation in `docs`.
  func generated(docs: SourceDocs) -> String {
    let writer = JSONSchemaWriter { path, variant, key in
      describe(docs, path: path, variant: variant, key: key)
    }
    return writer.document(
      SchemaProbe(load: load).shape(), id: rawValue + ".schema.json", title: title)
  }

  private var title: String {
    switch self {
    case .layout: "Briefing layout (Layouts/*.yaml)"
    case .job: "Briefing job file (briefing run JOB)"
    case .scoring: "Briefing scoring file (briefing score --scoring FILE)"
    case .intakeMap: "Briefing intake map (briefing import; --map FILE)"
    }
  }

  /// Runs this kind's loader over YAML text; its findings.
  private func load(_ yaml: String) -> [Finding] {
    switch self {
    case .layout: LayoutLoader.load(yaml: yaml, file: "probe.yaml").findings
    case .job: JobLoader.load(yaml: yaml, file: "/probe/job.yaml").1
    case .scoring: ScoringLoader.load(yaml: yaml, file: "probe.yaml").findings
    case .intakeMap: IntakeMapReader.read(InputFile(path: "probe.yaml", bytes: Array(yaml.utf8))).findings
    }
  }

  /// The Swift types whose members document the mapping at a schema path.
  private func documentingTypes(path: String, variant: String?) -> [String] {
    switch (self, path) {
    case (.layout, ""): ["LayoutDocument"]
    case (.layout, "page"): ["PageSpec"]
    case (.layout, "theme"): ["ThemeSpec"]
    case (.layout, "theme.fonts"): ["FontSpec"]
    case (.layout, "footer"): ["FooterSpec"]
    case (.layout, "sections[]"): ["SectionSpec"]
    case (.layout, "sections[].components[]"):
      (variant.flatMap(ComponentKind.init(rawValue:)).map { [String(describing: $0.specType)] } ?? [])
        + ["ComponentSpec"]
    case (.job, ""): ["JobFile"]
    case (.job, "schedule"): ["JobFile.Schedule"]
    case (.scoring, ""): ["ScoringScheme"]
    case (.scoring, "factors[]"): ["ScoringFactor"]
    case (.scoring, "factors[].items[]"): ["ScoringItem"]
    case (.scoring, "vetoes[]"): ["ScoringVeto"]
    case (.intakeMap, ""): ["IntakeMap"]
    default: []
    }
  }

  /// A key's documentation: its member's `///` comment (`on_success` → `onSuccess`), or the
  /// mapping's own comment when `key` is nil.
  private func describe(_ docs: SourceDocs, path: String, variant: String?, key: String?) -> String? {
    let member = key.map { name in
      let parts = name.split(separator: "_")
      return (parts.first.map(String.init) ?? "") + parts.dropFirst().map(\.capitalized).joined()
    }
    for type in documentingTypes(path: path, variant: variant) {
      if let member, let text = docs.doc(type, member) ?? docs.doc(type, key) { return text }
      if member == nil, let text = docs.doc(type, nil) { return text }
    }
    return nil
  }
}
