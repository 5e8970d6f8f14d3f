import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

// MARK: - Publication stays inside its folder

/// `render`, `analyze --out` and `run` write through one safe-write primitive and name files with
/// one naming function: modes 0644/0755 whatever the umask, a planted `briefing.log` link is never
/// followed, names from data (`Korea, Rep.`, `va:agri`, long Chinese names) give the same safe
/// files in `render` and `run`, and two ids with one safe name are an error naming both.
@Suite(.serialized) struct SafeWriteCLITests {
  /// The Jiuquan sample with 玉门市 renamed `Korea, Rep.`, 敦煌市 renamed `long` (default: a
  /// 45-character Chinese name, 135 bytes) and indicator `agri` renamed `va:agri`.
  static func renamedSample(long: String = String(repeating: "敦煌市", count: 15)) throws -> String {
    let data = try CLI.scratch()
    let sample = CLI.root + "/Samples/jiuquan-2024h1/"
    for file in ["regions.csv", "observations.csv", "estimates-2024.csv", "indicators.csv", "scoring.yaml"] {
      var text = try String(contentsOfFile: sample + file, encoding: .utf8)
      if file.hasSuffix(".csv") {
        text = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
          line.split(separator: ",", omittingEmptySubsequences: false).map { field -> String in
            switch field {
            case "玉门市": "\"Korea, Rep.\""
            case "敦煌市": long
            case "agri": "va:agri"
            default: String(field)
            }
          }.joined(separator: ",")
        }.joined(separator: "\n")
      }
      try text.write(toFile: data + "/" + file, atomically: true, encoding: .utf8)
    }
    return data
  }

  /// Every file under `folder` by relative path (folders not listed).
  static func files(in folder: String) -> [String] {
    var found: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: folder)
    while let path = enumerator?.nextObject() as? String {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
        found.append(path)
      }
    }
    return found.sorted()
  }

  /// Permission bits of `path` (not following a link).
  static func mode(_ path: String) -> mode_t {
    var info = stat()
    guard lstat(path, &info) == 0 else { return 0 }
    return info.st_mode & 0o7777
  }

  /// Runs the CLI under `umask 000`.
  static func underUmask000(_ arguments: [String]) throws -> CLI.Result {
    try CLI.shell(["-c", "umask 000; exec \"$0\" \"$@\"", CLI.binary] + arguments)
  }

  /// Every folder and file under `root` (and `root` itself) has mode 0755 / 0644.
  static func expectModes(under root: String, _ comment: Comment) {
    #expect(mode(root) == 0o755, "\(comment): \(root) is \(String(mode(root), radix: 8))")
    let enumerator = FileManager.default.enumerator(atPath: root)
    while let path = enumerator?.nextObject() as? String {
      var isFolder: ObjCBool = false
      FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder)
      let expected: mode_t = isFolder.boolValue ? 0o755 : 0o644
      let actual = mode(root + "/" + path)
      #expect(actual == expected, "\(comment): \(path) is \(String(actual, radix: 8))")
    }
  }

  /// A job over `data` with `layouts` for `regions`, output `out`; returns its path.
  static func job(in dir: String, data: String, layouts: [String], regions: [String]) throws -> String {
    let quoted = regions.map { "\"\($0)\"" }.joined(separator: ", ")
    let text = """
      version: 1
      data: \(data)
      layouts: [\(layouts.map { CLI.root + "/Layouts/" + $0 }.joined(separator: ", "))]
      regions: [\(quoted)]
      period: 2024-H1
      output: out
      """
    try text.write(toFile: dir + "/job.yaml", atomically: true, encoding: .utf8)
    return dir + "/job.yaml"
  }

  // MARK: - Modes

  @Test func umask000StillGivesFiles0644AndFolders0755() throws {
    let dir = try CLI.scratch()
    let rendered = try Self.underUmask000([
      "render", "--data", "Samples/jiuquan-2024h1", "--layout", "Layouts/region-charts.yaml",
      "--focus", "肃州区", "--out", dir + "/render/new",
    ])
    #expect(rendered.status == 0, "\(rendered.stderr)")
    Self.expectModes(under: dir + "/render/new", "render")
    #expect(Self.mode(dir + "/render") == 0o755, "a missing parent of --out is created 0755 too")

    let analyzed = try Self.underUmask000([
      "analyze", "--data", "Samples/jiuquan-2024h1", "--out", dir + "/analyze/table.csv",
    ])
    #expect(analyzed.status == 0, "\(analyzed.stderr)")
    Self.expectModes(under: dir + "/analyze", "analyze")

    let job = try Self.job(
      in: dir, data: CLI.root + "/Samples/jiuquan-2024h1", layouts: ["half-year-comparison.yaml"], regions: ["肃州区"])
    let ran = try Self.underUmask000(["run", job])
    #expect(ran.status == 0, "\(ran.stderr)")
    Self.expectModes(under: dir + "/out", "run")
  }

  // MARK: - Links

  @Test func plantedLogLinkIsNeverFollowed() throws {
    let dir = try CLI.scratch()
    let victim = dir + "/victim.txt"
    try Data("keep".utf8).write(to: URL(fileURLWithPath: victim))
    try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: dir + "/out/briefing.log", withDestinationPath: victim)
    let job = try Self.job(
      in: dir, data: CLI.root + "/Samples/jiuquan-2024h1", layouts: ["half-year-comparison.yaml"], regions: ["肃州区"])
    let result = try CLI.run(["run", job])
    #expect(FileManager.default.contents(atPath: victim) == Data("keep".utf8), "the log link was followed")
    #expect(result.stderr.contains("briefing.log"), "the log that cannot be written is named: \(result.stderr)")
  }

  @Test func plantedLinkAtRenderTargetIsReplacedNotFollowed() throws {
    let dir = try CLI.scratch()
    let victim = dir + "/victim.pdf"
    try Data("keep".utf8).write(to: URL(fileURLWithPath: victim))
    try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
    let target = dir + "/out/half-year-comparison-肃州区-2024-H1.pdf"
    try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: victim)
    let result = try CLI.run([
      "render", "--data", "Samples/jiuquan-2024h1", "--focus", "肃州区", "--dpi", "0", "--out", dir + "/out",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileManager.default.contents(atPath: victim) == Data("keep".utf8))
    #expect(FileManager.default.contents(atPath: target)?.starts(with: Data("%PDF".utf8)) == true)
  }

  @Test func plantedFolderLinkInsideTheOutputIsRefused() throws {
    let dir = try CLI.scratch()
    let outside = dir + "/outside"
    try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: dir + "/out/region-charts-2024-H1", withDestinationPath: outside)
    let result = try CLI.run([
      "render", "--data", "Samples/jiuquan-2024h1", "--layout", "Layouts/region-charts.yaml",
      "--focus", "肃州区", "--out", dir + "/out",
    ])
    #expect(result.status == 74, "\(result.stderr)")
    #expect(result.stderr.contains("region-charts-2024-H1"), "\(result.stderr)")
    #expect(Self.files(in: outside).isEmpty, "nothing written through the link")
  }

  // MARK: - Names

  /// `Korea, Rep.` and `va:agri` chart files: the same names from `render` and from `run`.
  @Test func namesFromDataWorkInRenderAndRunAlike() throws {
    let data = try Self.renamedSample()
    let dir = try CLI.scratch()
    let rendered = try CLI.run([
      "render", "--data", data, "--layout", "Layouts/region-charts.yaml", "--focus", "Korea, Rep.",
      "--out", dir + "/render",
    ])
    #expect(rendered.status == 0, "\(rendered.stderr)")
    let renderFiles = Self.files(in: dir + "/render")
    #expect(renderFiles.contains("region-charts-2024-H1/Korea, Rep/va_agri.png"), "\(renderFiles)")

    let job = try Self.job(in: dir, data: data, layouts: ["region-charts.yaml"], regions: ["Korea, Rep."])
    let ran = try CLI.run(["run", job])
    #expect(ran.status == 0, "\(ran.stderr)")
    let prefix = "region-charts/Korea, Rep-2024-H1/"
    let runFiles = Self.files(in: dir + "/out").filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    #expect(!runFiles.isEmpty && runFiles == renderFiles, "run \(runFiles) vs render \(renderFiles)")
  }

  /// A 45-character Chinese region name (135 bytes): every file name stays within 120 bytes,
  /// extension included, in `render` and in `run`.
  @Test func longChineseNamesStayWithinTheByteCapWithExtension() throws {
    let long = String(repeating: "敦煌市", count: 15)
    let data = try Self.renamedSample(long: long)
    let dir = try CLI.scratch()
    let rendered = try CLI.run([
      "render", "--data", data, "--focus", long, "--out", dir + "/render",
    ])
    #expect(rendered.status == 0, "\(rendered.stderr)")
    let job = try Self.job(in: dir, data: data, layouts: ["half-year-comparison.yaml", "region-charts.yaml"], regions: [long])
    let ran = try CLI.run(["run", job])
    #expect(ran.status == 0, "\(ran.stderr)")
    let written = Self.files(in: dir + "/render") + Self.files(in: dir + "/out")
    #expect(written.contains { $0.hasSuffix(".pdf") && $0.contains("敦煌市") })
    for path in written {
      for part in path.split(separator: "/") {
        #expect(part.utf8.count <= 120, "\(part) is \(part.utf8.count) bytes")
      }
    }
  }

  /// `Korea, Rep.` and `Korea, Rep` have one safe name: an error naming both, no file overwritten.
  @Test func collidingSafeNamesAreAnErrorNamingBoth() throws {
    let data = try Self.renamedSample(long: "\"Korea, Rep\"")
    let dir = try CLI.scratch()
    let result = try CLI.run([
      "render", "--data", data, "--layout", "Layouts/region-charts.yaml", "--group", "酒泉市",
      "--out", dir + "/out",
    ])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains("Korea, Rep.") && result.stderr.contains("'Korea, Rep'"), "\(result.stderr)")
  }
}
