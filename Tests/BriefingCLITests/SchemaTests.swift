import Foundation
import Testing

/// The JSON Schemas in `Schemas/`: current with the loaders, met by every shipped YAML file
/// (checked by an independent validator, Debian's python3-jsonschema), and strict about unknown
/// keys exactly where the loader is.
@Suite(.serialized) struct SchemaTests {
  static let kinds = ["layout", "job", "scoring", "intake-map"]

  /// Shipped YAML files and the schema each must name on its first line.
  static func shippedFiles() throws -> [(path: String, kind: String)] {
    var files: [(String, String)] = []
    let manager = FileManager.default
    for name in try manager.contentsOfDirectory(atPath: CLI.root + "/Layouts").sorted() where name.hasSuffix(".yaml") {
      files.append(("Layouts/" + name, "layout"))
    }
    for name in ["national-sheet.yaml", "peer-chart.yaml"] { files.append(("Tools/bench/" + name, "layout")) }
    for folder in try manager.contentsOfDirectory(atPath: CLI.root + "/Samples").sorted() {
      let names = (try? manager.contentsOfDirectory(atPath: CLI.root + "/Samples/" + folder)) ?? []
      for name in names.sorted() where name.hasSuffix(".yaml") {
        let kind = name == "job.yaml" ? "job" : name.hasSuffix(".intake.yaml") ? "intake-map" : "scoring"
        files.append(("Samples/\(folder)/\(name)", kind))
      }
    }
    return files
  }

  /// True when python3 with jsonschema and yaml is there; otherwise says the test is skipped.
  static func validatorPresent() throws -> Bool {
    let probe = try CLI.shell(["-c", "/usr/bin/python3 -c 'import jsonschema, yaml'"])
    if probe.status != 0 {
      print("SchemaTests: python3-jsonschema or python3-yaml missing (make test installs them); validation skipped")
    }
    return probe.status == 0
  }

  @Test func committedSchemasAreTheGeneratedOnes() throws {
    for kind in Self.kinds {
      let generated = try CLI.run(["schema", kind, "--from-sources", CLI.root + "/Sources"])
      #expect(generated.status == 0, "\(generated.stderr)")
      let committed = try String(contentsOfFile: CLI.root + "/Schemas/\(kind).schema.json", encoding: .utf8)
      #expect(generated.stdout == committed, "Schemas/\(kind).schema.json is not current: run make schemas")
    }
  }

  @Test func shippedSchemaIsPrintedAndFound() throws {
    let printed = try CLI.run(["schema", "job"])
    #expect(printed.stdout == (try String(contentsOfFile: CLI.root + "/Schemas/job.schema.json", encoding: .utf8)))
    let path = try CLI.run(["schema", "layout", "--path"])
    #expect(path.stdout == CLI.root + "/Schemas/layout.schema.json\n", "\(path.stdout)")
  }

  @Test func everyShippedYAMLNamesAndMeetsItsSchema() throws {
    let files = try Self.shippedFiles()
    #expect(files.count >= 10)
    var arguments: [String] = []
    for (path, kind) in files {
      let text = try String(contentsOfFile: CLI.root + "/" + path, encoding: .utf8)
      let depth = path.split(separator: "/").count - 1
      let expected = "# yaml-language-server: $schema=" + String(repeating: "../", count: depth) + "Schemas/\(kind).schema.json"
      #expect(text.hasPrefix(expected + "\n"), "\(path) starts with \(text.prefix(80))")
      arguments += [path, "Schemas/\(kind).schema.json"]
    }
    guard try Self.validatorPresent() else { return }
    let result = try CLI.shell(["-c", "/usr/bin/python3 -c \"$0\" \"$@\"", Self.validator] + arguments)
    #expect(result.status == 0 && result.stdout.isEmpty, "\(result.stdout)\(result.stderr)")
  }

  /// Every mapping of every shipped layout, with one unknown key added: the schema rejects it
  /// exactly when `briefing validate` does (free mappings such as `theme.overrides` both accept).
  @Test func schemaRejectsUnknownKeysWhereTheLoaderDoes() throws {
    guard try Self.validatorPresent() else { return }
    let folder = try CLI.scratch()
    let layouts = try Self.shippedFiles().filter { $0.kind == "layout" }.map(\.path)
    let variants = try CLI.shell(
      ["-c", "/usr/bin/python3 -c \"$0\" \"$@\"", Self.unknownKeyVariants, folder, "Schemas/layout.schema.json"]
        + layouts)
    #expect(variants.status == 0, "\(variants.stderr)")
    let lines = variants.stdout.split(separator: "\n")
    #expect(lines.count > 100, "variants: \(lines.count)")
    for line in lines {
      let fields = line.split(separator: "\t").map(String.init)
      let loader = try CLI.run(["validate", "--layout", fields[0]])
      let schemaRejects = fields[1] == "rejected"
      #expect((loader.status != 0) == schemaRejects, "\(fields[2]): schema \(fields[1]), loader exit \(loader.status)")
    }
  }

  /// A job's `data` is a path or a database mapping, and `formats` lists known words: the
  /// schema takes both forms of `data` and rejects what the job loader rejects (a misspelt
  /// database key, an unknown format).
  @Test func jobSchemaTakesADatabaseAndKnowsTheFormats() throws {
    guard try Self.validatorPresent() else { return }
    let folder = try CLI.scratch()
    let head = "version: 1\nlayouts: [sheet.yaml]\noutput: out\n"
    let cases: [(name: String, body: String, valid: Bool)] = [
      ("path", "data: stats\nformats: [pdf, docx]\n", true),
      ("database", "data:\n  database: sqlite:stats.db\n  table: observations\nformats: md\n", true),
      ("misspelt-key", "data:\n  databse: sqlite:stats.db\n", false),
      ("unknown-format", "data: stats\nformats: [pdff]\n", false),
    ]
    var arguments: [String] = []
    for job in cases {
      let path = folder + "/" + job.name + ".yaml"
      try (head + job.body).write(toFile: path, atomically: true, encoding: .utf8)
      arguments += [path, CLI.root + "/Schemas/job.schema.json"]
    }
    let result = try CLI.shell(["-c", "/usr/bin/python3 -c \"$0\" \"$@\"", Self.validator] + arguments)
    for job in cases {
      let flagged = result.stdout.contains(folder + "/" + job.name + ".yaml")
      #expect(flagged == !job.valid, "\(job.name): \(result.stdout)")
    }
  }

  /// Validates pairs of arguments (YAML file, schema); prints each violation.
  static let validator = """
    import json, sys, yaml, jsonschema
    args = sys.argv[1:]
    for path, schema in zip(args[::2], args[1::2]):
        validator = jsonschema.Draft7Validator(json.load(open(schema, encoding="utf-8")))
        for error in validator.iter_errors(yaml.safe_load(open(path, encoding="utf-8"))):
            print(path, "/".join(map(str, error.absolute_path)), error.message)
    """

  /// Writes each layout with one unknown key added to one of its mappings into the folder
  /// (first argument); prints file, whether the schema (second argument) rejects it, and where.
  static let unknownKeyVariants = """
    import json, os, sys, copy, yaml, jsonschema
    folder, schema, layouts = sys.argv[1], sys.argv[2], sys.argv[3:]
    validator = jsonschema.Draft7Validator(json.load(open(schema, encoding="utf-8")))
    def mappings(node, path):
        if isinstance(node, dict):
            yield path
            for key, value in node.items(): yield from mappings(value, path + [key])
        elif isinstance(node, list):
            for index, value in enumerate(node): yield from mappings(value, path + [index])
    count = 0
    for layout in layouts:
        document = yaml.safe_load(open(layout, encoding="utf-8"))
        for path in list(mappings(document, [])):
            variant = copy.deepcopy(document)
            target = variant
            for step in path: target = target[step]
            target["zzUnknownKey"] = "x"
            count += 1
            name = os.path.join(folder, "variant-%d.yaml" % count)
            with open(name, "w", encoding="utf-8") as out: yaml.safe_dump(variant, out, allow_unicode=True)
            verdict = "accepted" if validator.is_valid(variant) else "rejected"
            print(name, verdict, layout + ":" + "/".join(map(str, path)), sep="\\t")
    """
}
