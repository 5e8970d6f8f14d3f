import Foundation
import Testing

@Suite(.serialized) struct BasicsTests {
  @Test func versionAndHelp() throws {
    let version = try CLI.run(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.hasPrefix("0."))
    let help = try CLI.run(["--help"])
    #expect(help.status == 0)
    for command in ["render", "analyze", "fonts", "validate", "dump-layout", "dump-scene"] {
      #expect(help.stdout.contains(command), "help lists \(command)")
    }
  }

  @Test func usageErrorsExit64() throws {
    let result = try CLI.run(["render", "--no-such-option"])
    #expect(result.status == 64)
  }

  @Test func fontsReportsCoverage() throws {
    let result = try CLI.run(["fonts"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Sans CJK SC"))
    #expect(!result.stdout.contains(": no"), "every family used covers both scripts")
  }

  @Test func everyShippedLayoutLoads() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: CLI.root + "/Layouts")
      .filter { $0.hasSuffix(".yaml") }
    #expect(!files.isEmpty)
    for file in files {
      let result = try CLI.run(["dump-layout", "--layout", "Layouts/" + file])
      #expect(result.status == 0, "\(file): \(result.stderr)")
      #expect(result.stderr.isEmpty, "\(file) loads without warnings: \(result.stderr)")
    }
  }

  @Test func badLayoutExits65WithLocation() throws {
    let dir = try CLI.scratch()
    let path = dir + "/bad.yaml"
    try "sections:\n  - components:\n      - kind: rankedBar\n        indicatr: gdp\n"
      .write(toFile: path, atomically: true, encoding: .utf8)
    let result = try CLI.run(["dump-layout", "--layout", path])
    #expect(result.status == 65)
    #expect(result.stderr.contains("\(path):4:9: error: unknown key 'indicatr'"))
    #expect(result.stderr.contains("did you mean 'indicator'?"))
  }

  @Test func missingLayoutFileExits74() throws {
    let result = try CLI.run(["dump-layout", "--layout", "/nonexistent/x.yaml"])
    #expect(result.status == 74)
    #expect(result.stderr.contains("/nonexistent/x.yaml"))
  }
}
