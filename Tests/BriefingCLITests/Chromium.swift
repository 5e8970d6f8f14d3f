import Foundation
import TestSupport

// MARK: - A real browser for the run's page

/// Debian's `chromium`, run headless on a page: the DOM it built, the console messages it
/// logged, a screenshot. Tests that need it are skipped, with `missing` as the reason, where it
/// is not installed (`make test` installs it).
enum Chromium {
  /// `chromium` on the PATH, nil when there is none.
  static let binary: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { $0 + "/chromium" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  static let missing =
    "SKIPPED: chromium is not installed, so index.html was not tried in a browser (apt-get install chromium, or run `make test`)"

  /// What one page load left.
  struct Load {
    /// The DOM after loading (`--dump-dom`); empty for a screenshot.
    var dom: String
    /// The page's console messages (`INFO:CONSOLE…] "text", source: …` lines on standard error).
    var console: [String]
    var status: Int32
    var stderr: String
  }

  /// Loads `url` and returns the DOM it built.
  static func dumpDOM(_ url: String) throws -> Load {
    try load(url, ["--dump-dom"])
  }

  /// Loads `url` in a `width` × `height` CSS px window and writes a PNG of it to `path`.
  static func screenshot(_ url: String, to path: String, width: Int, height: Int) throws -> Load {
    try load(url, ["--screenshot=" + path, "--window-size=\(width),\(height)", "--hide-scrollbars"])
  }

  /// One headless run in a fresh profile, bounded to 120 s; the page gets 5 s of virtual time
  /// to load its images.
  private static func load(_ url: String, _ extra: [String]) throws -> Load {
    guard let binary else { throw CocoaError(.fileNoSuchFile) }
    let profile = try TestScratch.folder("chromium-profile")
    let arguments = [
      "120", binary, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
      "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
    ] + extra + [url]
    let result = try CLI.shell(arguments, shell: "/usr/bin/timeout")
    let console = result.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
    return Load(
      dom: extra.contains("--dump-dom") ? result.stdout : "", console: console, status: result.status,
      stderr: result.stderr)
  }
}
