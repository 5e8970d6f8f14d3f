import Foundation
import Testing

// MARK: - One mapping from failure to exit code, for every command

/// What goes wrong in an exit-code case.
enum Mishap: String, Sendable {
  /// The data folder (or job file, layout) does not exist: I/O error.
  case missingInput
  /// A data, layout or job file that is read but wrong: bad data.
  case badInput
  /// The output file or folder cannot be written: I/O error.
  case unwritableOutput
  /// Standard output is `/dev/full` (every write fails with ENOSPC): I/O error.
  case fullStandardOutput
  /// An option the command does not have: usage error.
  case unknownOption
}

/// One command line and the exit status it must end with.
struct ExitCase: CustomTestStringConvertible, Sendable {
  var command: String
  var mishap: Mishap
  /// Arguments after the command name; `$D` stands for the fixture folder.
  var arguments: [String]
  var status: Int32
  var testDescription: String { "\(command): \(mishap.rawValue) → \(status)" }

  static let sample = ["--data", "$D/good"]
  static let scoring = ["--scoring", "Samples/jiuquan-2024h1/scoring.yaml", "--period", "2024-H1"]

  static let all: [ExitCase] = [
    ExitCase(command: "render", mishap: .missingInput, arguments: ["--data", "$D/nope", "--out", "$D/out"], status: 74),
    ExitCase(command: "render", mishap: .badInput, arguments: ["--data", "$D/bad", "--out", "$D/out"], status: 65),
    ExitCase(
      command: "render", mishap: .unwritableOutput,
      arguments: sample + ["--focus", "玉门市", "--dpi", "0", "--out", "$D/file/out"], status: 74),
    ExitCase(
      command: "render", mishap: .fullStandardOutput,
      arguments: sample + ["--focus", "玉门市", "--dpi", "0", "--out", "$D/out"], status: 74),
    ExitCase(command: "analyze", mishap: .missingInput, arguments: ["--data", "$D/nope"], status: 74),
    ExitCase(command: "analyze", mishap: .badInput, arguments: ["--data", "$D/bad"], status: 65),
    ExitCase(command: "analyze", mishap: .unwritableOutput, arguments: sample + ["--out", "$D/file/t.csv"], status: 74),
    ExitCase(command: "analyze", mishap: .fullStandardOutput, arguments: sample, status: 74),
    ExitCase(
      command: "analyze", mishap: .fullStandardOutput, arguments: sample + ["--format", "json"], status: 74),
    ExitCase(command: "score", mishap: .missingInput, arguments: ["--data", "$D/nope"] + scoring, status: 74),
    ExitCase(command: "score", mishap: .badInput, arguments: ["--data", "$D/bad"] + scoring, status: 65),
    ExitCase(
      command: "score", mishap: .unwritableOutput, arguments: sample + scoring + ["--out", "$D/file/s.csv"],
      status: 74),
    ExitCase(command: "score", mishap: .fullStandardOutput, arguments: sample + scoring, status: 74),
    ExitCase(
      command: "validate", mishap: .missingInput,
      arguments: ["--layout", "Layouts/half-year-comparison.yaml", "--data", "$D/nope"], status: 74),
    ExitCase(
      command: "validate", mishap: .badInput,
      arguments: ["--layout", "Layouts/half-year-comparison.yaml", "--data", "$D/bad"], status: 65),
    ExitCase(
      command: "validate", mishap: .fullStandardOutput,
      arguments: ["--layout", "Layouts/half-year-comparison.yaml"] + sample, status: 74),
    ExitCase(command: "run", mishap: .missingInput, arguments: ["$D/missing-data.yaml"], status: 74),
    ExitCase(command: "run", mishap: .missingInput, arguments: ["$D/no-such-job.yaml"], status: 74),
    ExitCase(command: "run", mishap: .badInput, arguments: ["$D/bad-data.yaml"], status: 65),
    ExitCase(command: "run", mishap: .badInput, arguments: ["$D/bad-job.yaml"], status: 65),
    ExitCase(command: "run", mishap: .unwritableOutput, arguments: ["$D/unwritable.yaml"], status: 74),
    ExitCase(command: "schedule", mishap: .missingInput, arguments: ["$D/no-such-job.yaml"], status: 74),
    ExitCase(command: "schedule", mishap: .badInput, arguments: ["$D/bad-job.yaml"], status: 65),
    ExitCase(command: "schedule", mishap: .fullStandardOutput, arguments: ["$D/good.yaml"], status: 74),
    ExitCase(command: "dump-layout", mishap: .missingInput, arguments: ["--layout", "$D/nope.yaml"], status: 74),
    ExitCase(command: "dump-layout", mishap: .badInput, arguments: ["--layout", "$D/bad.yaml"], status: 65),
    ExitCase(
      command: "dump-layout", mishap: .fullStandardOutput,
      arguments: ["--layout", "Layouts/half-year-comparison.yaml"], status: 74),
    ExitCase(
      command: "dump-scene", mishap: .missingInput, arguments: ["--data", "$D/nope", "--focus", "玉门市"], status: 74),
    ExitCase(
      command: "dump-scene", mishap: .missingInput,
      arguments: sample + ["--layout", "$D/nope.yaml", "--focus", "玉门市"], status: 74),
    ExitCase(command: "dump-scene", mishap: .badInput, arguments: ["--data", "$D/bad", "--focus", "玉门市"], status: 65),
    ExitCase(
      command: "dump-scene", mishap: .badInput, arguments: sample + ["--layout", "$D/bad.yaml", "--focus", "玉门市"],
      status: 65),
    ExitCase(
      command: "dump-scene", mishap: .fullStandardOutput, arguments: sample + ["--focus", "玉门市", "--measure", "fixed"],
      status: 74),
    ExitCase(command: "dump-scene", mishap: .unknownOption, arguments: sample + ["--out", "$D/out"], status: 64),
    ExitCase(command: "dump-scene", mishap: .unknownOption, arguments: sample + ["--measure", "cairo"], status: 64),
    ExitCase(command: "fonts", mishap: .missingInput, arguments: ["--layout", "$D/nope.yaml"], status: 74),
    ExitCase(command: "fonts", mishap: .badInput, arguments: ["--layout", "$D/bad.yaml"], status: 65),
    ExitCase(command: "fonts", mishap: .fullStandardOutput, arguments: [], status: 74),
    ExitCase(command: "--help", mishap: .fullStandardOutput, arguments: [], status: 74),
  ]
}

@Suite(.serialized) struct ExitCodeTests {
  /// The fixture folder: `good/` (the 酒泉 sample), `bad/` (a letter in a number), `file` (a
  /// regular file, so `file/x` cannot be created), a bad layout and job files for each case.
  static let fixture: String = {
    do {
      let dir = try CLI.scratch()
      let sample = CLI.root + "/Samples/jiuquan-2024h1"
      try FileManager.default.copyItem(atPath: sample, toPath: dir + "/good")
      try FileManager.default.copyItem(atPath: sample, toPath: dir + "/bad")
      let observations = dir + "/bad/observations.csv"
      try String(contentsOfFile: observations, encoding: .utf8)
        .replacingOccurrences(of: ",53.57,", with: ",53.5x,")
        .write(toFile: observations, atomically: true, encoding: .utf8)
      try "not a folder\n".write(toFile: dir + "/file", atomically: true, encoding: .utf8)
      try "sections:\n  - components:\n      - kind: rankedBar\n        indicatr: gdp\n"
        .write(toFile: dir + "/bad.yaml", atomically: true, encoding: .utf8)
      let layout = CLI.root + "/Layouts/half-year-comparison.yaml"
      func job(_ name: String, data: String, output: String = "out") throws {
        let text = """
          version: 1
          data: \(data)
          layouts: [\(layout)]
          regions: [玉门市]
          output: \(output)
          schedule:
            cron: "0 7 * * *"
          """
        try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
      }
      try job("good.yaml", data: "good")
      try job("missing-data.yaml", data: "nope")
      try job("bad-data.yaml", data: "bad")
      try job("unwritable.yaml", data: "good", output: "file/out")
      try "version: 1\ndata: good\nlayouts: [x.yaml]\noutpt: out\n"
        .write(toFile: dir + "/bad-job.yaml", atomically: true, encoding: .utf8)
      return dir
    } catch {
      fatalError("fixture: \(error)")
    }
  }()

  @Test(arguments: ExitCase.all)
  func exitStatus(_ test: ExitCase) throws {
    let arguments = [test.command] + test.arguments.map { $0.replacingOccurrences(of: "$D", with: Self.fixture) }
    let result: CLI.Result
    if test.mishap == .fullStandardOutput {
      result = try CLI.shell(["-c", "exec \"$0\" \"$@\" > /dev/full", CLI.binary] + arguments)
    } else {
      result = try CLI.run(arguments)
    }
    #expect(result.status == test.status, "\(result.stderr)")
    #expect(!result.stderr.isEmpty, "a message on standard error")
    if test.mishap == .fullStandardOutput {
      #expect(result.stderr.contains("standard output"), "\(result.stderr)")
    }
  }

  /// With SIGPIPE ignored (inherited from the parent), a closed pipe is a write error like any
  /// other: 74 and a message.
  @Test func closedPipeWithSigpipeIgnoredExits74() throws {
    let result = try CLI.shell([
      "-c", "trap '' PIPE; \"$0\" analyze --data Samples/jiuquan-2024h1 | head -c 1 > /dev/null; exit ${PIPESTATUS[0]}",
      CLI.binary,
    ])
    #expect(result.status == 74, "\(result.stderr)")
    #expect(result.stderr.contains("standard output"), "\(result.stderr)")
  }

  /// With the default SIGPIPE, a reader that stops early (`| head`) ends the process quietly by
  /// the signal, as it ends `cat` or `grep`: no message, status 128 + 13 in the shell.
  @Test func closedPipeEndsQuietlyBySigpipe() throws {
    let result = try CLI.shell([
      "-c", "\"$0\" analyze --data Samples/jiuquan-2024h1 | head -c 1 > /dev/null; exit ${PIPESTATUS[0]}",
      CLI.binary,
    ])
    #expect(result.status == 141, "\(result.stderr)")
    #expect(result.stderr.isEmpty, "\(result.stderr)")
  }
}
