import Foundation
import Testing

// MARK: - Failure modes of unattended runs, through the command line

/// One way an input goes bad after a good run: what is changed in the data folder and where the
/// error must point.
struct Corruption: CustomTestStringConvertible, Sendable {
  var label: String
  /// Rewrites `observations.csv` (its lines, header first).
  var rewrite: @Sendable ([String]) -> [String]
  /// Text the error message must contain: file, line and column.
  var location: String
  var testDescription: String { label }

  static let all: [Corruption] = [
    Corruption(
      label: "truncated in the middle of a row",
      rewrite: { lines in
        var kept = Array(lines.prefix(40))
        kept[39] = String(kept[39].prefix(while: { $0 != "," })) + ",2024-H1"
        return kept
      },
      location: "observations.csv:40"),
    Corruption(
      label: "duplicate key",
      rewrite: { lines in lines.prefix(30) + [lines[1]] },
      location: "observations.csv:31:1"),
    Corruption(
      label: "unknown region",
      rewrite: { lines in
        lines.prefix(30) + ["不存在县" + lines[1].drop(while: { $0 != "," })]
      },
      location: "observations.csv:31:1"),
    Corruption(
      label: "a letter in a number",
      rewrite: { lines in
        var cells = lines[5].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[3] = "12a.5"
        return lines.prefix(5) + [cells.joined(separator: ",")] + lines.dropFirst(6)
      },
      location: "observations.csv:6:"),
    Corruption(label: "empty file", rewrite: { _ in [] }, location: "observations.csv"),
  ]
}

@Suite(.serialized) struct FailureModeTests {
  /// An `on_failure` hook that appends its status and manifest path to `<dir>/failures.txt`.
  static let failureHook = "on_failure: 'echo \"$BRIEFING_STATUS $BRIEFING_MANIFEST\" >> ../failures.txt'\n"

  /// A job over a copy of the 酒泉 sample, already run once so that files are published;
  /// `extra` is appended to the job file.
  private static func publishedJob(regions: String = "[肃州区, 玉门市]", extra: String = "") throws -> String {
    let dir = try CLI.scratch()
    try FileManager.default.copyItem(
      atPath: CLI.root + "/Samples/jiuquan-2024h1", toPath: dir + "/data")
    let job = """
      version: 1
      data: data
      layouts: [\(CLI.root)/Layouts/half-year-comparison.yaml]
      regions: \(regions)
      period: 2024-H1
      output: out

      """ + extra
    try job.write(toFile: dir + "/job.yaml", atomically: true, encoding: .utf8)
    let first = try CLI.run(["run", dir + "/job.yaml", "--quiet"])
    #expect(first.status == 0, "\(first.stderr)")
    return dir
  }

  /// Every published report (relative path → bytes). Run records are left out: the log, the
  /// lock, `manifest.json` and `runs/` describe every run, failed ones included.
  private static func published(_ dir: String) throws -> [String: Data] {
    let out = dir + "/out"
    var files: [String: Data] = [:]
    let paths = FileManager.default.enumerator(atPath: out)?.allObjects as? [String] ?? []
    let records = ["briefing.log", ".briefing.lock", "manifest.json", "index.html"]
    for path in paths where !records.contains(path) && !path.hasPrefix("runs/") {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: out + "/" + path, isDirectory: &isFolder),
        !isFolder.boolValue
      {
        files[path] = FileManager.default.contents(atPath: out + "/" + path)
      }
    }
    return files
  }

  /// What a failed run left for someone to find: `manifest.json`'s status and its findings'
  /// `file:line:column`, the log, the `on_failure` hook's line and the last line on stderr.
  private struct Trail {
    var status: String
    var locations: [String]
    var log: String
    var hookLine: String
    var lastError: String

    init(_ dir: String, stderr: String) throws {
      let data = try #require(FileManager.default.contents(atPath: dir + "/out/manifest.json"))
      let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      status = manifest["status"] as? String ?? ""
      locations = (manifest["findings"] as? [[String: Any]] ?? []).compactMap { finding in
        guard let location = finding["location"] as? [String: Any], let file = location["file"] as? String else { return nil }
        return [file, (location["line"] as? Int).map { "\($0)" }, (location["column"] as? Int).map { "\($0)" }]
          .compactMap { $0 }.joined(separator: ":")
      }
      log = (try? String(contentsOfFile: dir + "/out/briefing.log", encoding: .utf8)) ?? ""
      hookLine = (try? String(contentsOfFile: dir + "/failures.txt", encoding: .utf8)) ?? ""
      lastError = stderr.split(separator: "\n").last.map(String.init) ?? ""
    }
  }

  // MARK: - Corrupt input

  @Test(arguments: Corruption.all)
  func corruptInputExits65NamesTheLocationAndPublishesNothing(_ corruption: Corruption) throws {
    let dir = try Self.publishedJob(extra: Self.failureHook)
    let before = try Self.published(dir)
    #expect(before.keys.contains { $0.hasSuffix(".pdf") })

    let path = dir + "/data/observations.csv"
    let lines = try String(contentsOfFile: path, encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    try corruption.rewrite(lines).joined(separator: "\n")
      .write(toFile: path, atomically: true, encoding: .utf8)

    let result = try CLI.run(["run", dir + "/job.yaml", "--force"])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains(corruption.location), "\(result.stderr)")
    #expect(try Self.published(dir) == before, "published files must stay as they were")

    // The failure reaches someone: the log, a failed-run manifest, on_failure, cron's mail.
    let trail = try Trail(dir, stderr: result.stderr)
    #expect(trail.status == "invalid")
    #expect(trail.locations.contains { $0.contains(corruption.location) }, "\(trail.locations)")
    #expect(trail.log.contains("level=error event=finding") && trail.log.contains(corruption.location), "\(trail.log)")
    #expect(trail.hookLine.hasPrefix("invalid " + dir + "/out/runs/"), "\(trail.hookLine)")
    #expect(trail.lastError.hasPrefix("briefing: run failed") && trail.lastError.contains("exit 65"), "\(trail.lastError)")
    #expect(trail.lastError.contains(corruption.location), "\(trail.lastError)")
  }

  @Test func gb18030DataDeclaredUTF8Exits65WithLineAndColumn() throws {
    let dir = try CLI.scratch()
    // "肃州区" in GB18030 is not valid UTF-8.
    let gb: [UInt8] = [0xCB, 0xE0, 0xD6, 0xDD, 0xC7, 0xF8]
    let csv = Array("region,period,indicator,value\n".utf8) + gb + Array(",2024-H1,gdp,1\n".utf8)
    _ = FileManager.default.createFile(atPath: dir + "/observations.csv", contents: Data(csv))
    let result = try CLI.run([
      "render", "--data", dir + "/observations.csv", "--encoding", "utf8",
      "--layout", "Layouts/region-charts.yaml", "--out", dir + "/out",
    ])
    #expect(result.status == 65)
    #expect(result.stderr.contains("observations.csv:2:1"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
  }

  @Test func layoutTypoExits65AndPublishesNothing() throws {
    let dir = try Self.publishedJob(extra: Self.failureHook)
    let before = try Self.published(dir)
    let layout = try String(
      contentsOfFile: CLI.root + "/Layouts/half-year-comparison.yaml", encoding: .utf8)
    try layout.replacingOccurrences(of: "sections:", with: "sectons:")
      .write(toFile: dir + "/layout.yaml", atomically: true, encoding: .utf8)
    let job = try String(contentsOfFile: dir + "/job.yaml", encoding: .utf8)
      .replacingOccurrences(
        of: CLI.root + "/Layouts/half-year-comparison.yaml", with: dir + "/layout.yaml")
    try job.write(toFile: dir + "/job.yaml", atomically: true, encoding: .utf8)

    let result = try CLI.run(["run", dir + "/job.yaml", "--force"])
    #expect(result.status == 65)
    #expect(result.stderr.contains("layout.yaml:"), "\(result.stderr)")
    #expect(result.stderr.contains("did you mean 'sections'?"), "\(result.stderr)")
    #expect(try Self.published(dir) == before)
    let trail = try Trail(dir, stderr: result.stderr)
    #expect(trail.status == "failed")
    #expect(trail.locations.contains { $0.hasPrefix(dir + "/layout.yaml:") }, "\(trail.locations)")
    #expect(trail.hookLine.hasPrefix("failed "), "\(trail.hookLine)")
    #expect(trail.lastError.contains("exit 65") && trail.lastError.contains("layout.yaml:"), "\(trail.lastError)")
  }

  /// A data folder that disappeared is an I/O failure (74) and reaches someone the same way.
  @Test func missingDataExits74AndReachesSomeone() throws {
    let dir = try Self.publishedJob(extra: Self.failureHook)
    try FileManager.default.removeItem(atPath: dir + "/data")
    let result = try CLI.run(["run", dir + "/job.yaml", "--quiet"])
    #expect(result.status == 74, "\(result.stderr)")
    let trail = try Trail(dir, stderr: result.stderr)
    #expect(trail.status == "io-error")
    #expect(trail.hookLine.hasPrefix("io-error "), "\(trail.hookLine)")
    #expect(trail.lastError.hasPrefix("briefing: run failed") && trail.lastError.contains("exit 74"), "\(trail.lastError)")
  }

  // MARK: - Write failure

  /// `ulimit -f` makes every write past 16 KB fail: exit 74, a message, earlier files intact.
  @Test func fileSizeLimitExits74AndKeepsPublishedFiles() throws {
    let dir = try Self.publishedJob()
    let before = try Self.published(dir)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [
      "-c", "ulimit -f 16 && exec \"$0\" run \"$1\" --force", CLI.binary, dir + "/job.yaml",
    ]
    process.currentDirectoryURL = URL(fileURLWithPath: CLI.root)
    let err = Pipe()
    process.standardError = err
    process.standardOutput = Pipe()
    try process.run()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit, "killed by a signal instead of failing the write")
    #expect(process.terminationStatus == 74, "an I/O failure publishes nothing: \(message)")
    #expect(message.contains("error"), "\(message)")
    #expect(try Self.published(dir) == before)
    #expect(try Trail(dir, stderr: message).status == "io-error")
  }

  // MARK: - Hostile names

  /// A region named `../../etc/x` is published under a sanitised name inside the output folder.
  @Test func pathLikeRegionNameStaysInsideTheOutputFolder() throws {
    let dir = try CLI.scratch()
    try FileManager.default.copyItem(
      atPath: CLI.root + "/Samples/jiuquan-2024h1", toPath: dir + "/data")
    for file in ["observations.csv", "regions.csv"] {
      let path = dir + "/data/" + file
      try String(contentsOfFile: path, encoding: .utf8)
        .replacingOccurrences(of: "玉门市", with: "../../etc/x")
        .write(toFile: path, atomically: true, encoding: .utf8)
    }
    let job = """
      version: 1
      data: data
      layouts: [\(CLI.root)/Layouts/half-year-comparison.yaml]
      regions: ["../../etc/x"]
      period: 2024-H1
      output: out
      """
    try job.write(toFile: dir + "/job.yaml", atomically: true, encoding: .utf8)
    let result = try CLI.run(["run", dir + "/job.yaml"])
    #expect(result.status == 0, "\(result.stderr)")
    let files = try Self.published(dir).keys.filter { $0.hasSuffix(".pdf") }
    #expect(files.count == 1)
    #expect(files.allSatisfy { !$0.contains("..") && $0.hasPrefix("half-year-comparison/") })
    #expect(!FileManager.default.fileExists(atPath: dir + "/etc"))
    #expect(!FileManager.default.fileExists(atPath: dir + "/out/../../etc"))
  }

  // MARK: - Progress

  /// On a terminal (a pseudo-terminal from `script`) the run draws a bar that reaches 2/2;
  /// without one (every other test) stderr has logfmt lines only.
  @Test func progressBarOnATerminalOnly() throws {
    let dir = try Self.publishedJob()
    let command = "\"\(CLI.binary)\" run \"\(dir)/job.yaml\" --force"
    let output = try CLI.tool("script", ["-qec", command, "/dev/null"])
    #expect(output.contains("]  2/2"), "\(output)")
    #expect(!output.contains("event=published"), "info lines go to the log file only")
    let plain = try CLI.run(["run", dir + "/job.yaml", "--force"])
    #expect(!plain.stderr.contains("]  2/2"))
    #expect(plain.stderr.contains("event=published"))
  }

  @Test(arguments: ["0", "24", "x"])
  func workingDayOutOfRangeIsAUsageError(_ day: String) throws {
    let result = try CLI.run(["run", "job.yaml", "--on-working-day", day])
    #expect(result.status == 64)
  }
}
