import Foundation
import Testing
import TestSupport

// MARK: - index.html in a real browser

/// A run published by the CLI, opened in headless Chromium from `file://` and from a web
/// server: every link and image resolves, the console stays silent, and the top of the page
/// looks like its golden. Skipped, saying so, where Chromium is not installed.
@Suite(.serialized, .enabled(if: Chromium.binary != nil, Comment(rawValue: Chromium.missing)))
struct RunIndexBrowserTests {
  /// A run published by the CLI (`JobFolder`).
  static func publishedRun() throws -> JobFolder {
    let folder = try JobFolder()
    let run = try folder.run()
    #expect(run.status == 0, "\(run.stderr)")
    return folder
  }

  static func fileURL(_ path: String) -> String {
    "file://" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)
  }

  @Test func everyLinkAndImageResolvesFromFileURLWithASilentConsole() throws {
    let out = try Self.publishedRun().output
    let load = try Chromium.dumpDOM(Self.fileURL(out + "/index.html"))
    #expect(load.status == 0, "\(load.stderr)")
    #expect(load.dom.contains("<h1>简报运行结果"), "the page loaded: \(load.dom.prefix(300))")
    #expect(load.console == [], "console messages")
    let targets = PageLinks.targets(in: load.dom)
    #expect(targets.filter { $0.hasSuffix(".png") }.count == 3 * JobFolder.regions.count * 14, "per chart: image, its link, its name's link")
    #expect(load.dom.components(separatedBy: "<img ").count - 1 == JobFolder.regions.count * 14)
    #expect(targets.contains("manifest.json"))
    #expect(PageLinks.broken(in: load.dom, folder: out) == [])
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl"), "SKIPPED: curl is not installed (apt-get install curl)"))
  func everyLinkResolvesFromAWebServer() throws {
    let out = try Self.publishedRun().output
    let server = try LoopbackServer(python: ["-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", out], in: out + "/..")
    defer { server.stop() }
    let base = "http://127.0.0.1:\(server.port)/"
    let load = try Chromium.dumpDOM(base + "index.html")
    #expect(load.console == [], "console messages")
    let targets = Array(Set(PageLinks.targets(in: load.dom))).sorted()
    #expect(targets.count == 1 + JobFolder.regions.count * 15, "manifest.json, a sheet and 14 charts per region")
    let fetch = try CLI.shell(
      ["-sS", "-w", "%{http_code} %{url_effective}\\n"] + targets.flatMap { ["-o", "/dev/null", base + $0] },
      shell: "/usr/bin/curl")
    let failed = fetch.stdout.split(separator: "\n").filter { !$0.hasPrefix("200 ") }
    #expect(fetch.status == 0 && failed.isEmpty, "\(failed) \(fetch.stderr)")
  }

  /// Broken data: the page the failed run writes lists the finding with file:line:column and
  /// still links the files of the run before, which are in place.
  @Test func aFailedRunsPageListsTheFindingAndKeepsTheFilesReachable() throws {
    let folder = try Self.publishedRun()
    try folder.breakData()
    let failed = try folder.run()
    #expect(failed.status == 65, "\(failed.stderr)")
    let load = try Chromium.dumpDOM(Self.fileURL(folder.output + "/index.html"))
    #expect(load.console == [])
    #expect(load.dom.contains("observations.csv:5:18"), "the finding's location")
    #expect(load.dom.contains("12a.5"))
    #expect(load.dom.contains("tone-bad"))
    #expect(PageLinks.targets(in: load.dom).count > 2 * JobFolder.regions.count * 14, "the earlier files are still listed")
    #expect(PageLinks.broken(in: load.dom, folder: folder.output) == [])
  }

  // MARK: Screenshot

  /// Chromium's screenshot of the page's top (1024 × 1024 CSS px), shrunk to 8 × 8 px blocks
  /// of gray, against `Snapshots/run-index.pgm`: at most 2 % of the blocks may differ by more
  /// than 24 levels (font hinting, antialiasing), while a missing thumbnail row, a lost style
  /// sheet or a moved section changes far more. The run id, times and scratch folder vary
  /// between runs, so they are replaced with fixed text in a copy of the page first.
  /// `BRIEFING_UPDATE_GOLDENS=1` records the golden; a mismatch leaves the screenshot in
  /// `.build/run-index-screenshot.png`.
  @Test func theTopOfThePageLooksLikeItsGolden() throws {
    let folder = try Self.publishedRun()
    let page = try Self.normalizedPage(in: folder)
    let shot = folder.path + "/shot.png"
    let load = try Chromium.screenshot(Self.fileURL(page), to: shot, width: 1024, height: 1024)
    #expect(load.status == 0, "\(load.stderr)")
    let image = try GrayImage(png: [UInt8](try Data(contentsOf: URL(fileURLWithPath: shot)))).shrunk(by: 8)
    let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/run-index.pgm")
    if ProcessInfo.processInfo.environment["BRIEFING_UPDATE_GOLDENS"] == "1" {
      try Data(image.pgm).write(to: golden)
      return
    }
    let expected = try GrayImage(pgm: [UInt8](try Data(contentsOf: golden)))
    let share = image.differingShare(from: expected, tolerance: 24)
    if share > 0.02 {
      try? FileManager.default.removeItem(atPath: CLI.root + "/.build/run-index-screenshot.png")
      try? FileManager.default.copyItem(atPath: shot, toPath: CLI.root + "/.build/run-index-screenshot.png")
    }
    #expect(share <= 0.02, "\(Int(share * 1000) / 10) % of the blocks differ; see .build/run-index-screenshot.png")
  }

  /// A copy of `out/index.html` (as `out/index-fixed.html`) with the run id, times, duration
  /// and scratch folder replaced by fixed text.
  static func normalizedPage(in folder: JobFolder) throws -> String {
    let out = folder.output
    var html = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
    let manifest = try folder.manifest()
    let runID = try #require(manifest["runID"] as? String)
    let finished = try #require(manifest["finishedAt"] as? String)
    let seconds = try #require(manifest["seconds"] as? Double)
    let shown = finished.dropLast().replacingOccurrences(of: "T", with: " ") + " UTC"
    for (varying, fixed) in [
      (runID + "</code> · " + String(format: "%.1f s", seconds), "20240705-070000</code> · 1.0 s"),
      (finished, "2024-07-05T07:00:00Z"), (shown, "2024-07-05 07:00:00 UTC"), (folder.path, "/srv/briefing"),
    ] {
      #expect(html.contains(varying), "\(varying)")
      html = html.replacingOccurrences(of: varying, with: fixed)
    }
    try html.write(toFile: out + "/index-fixed.html", atomically: true, encoding: .utf8)
    return out + "/index-fixed.html"
  }
}
