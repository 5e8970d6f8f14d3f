import BriefingRender
import BriefingScene
import CairoKit
import Foundation
import Synchronization
import Testing

// MARK: - PNG goldens

/// Compares rendered PNGs with the small reviewed PNGs in `Goldens/` by decoded pixels (never by
/// file bytes, so a different PNG encoder or compression level does not matter), allowing each
/// channel byte to differ by `tolerance`.
///
/// - Regenerate: `BRIEFING_UPDATE_GOLDENS=1 swift test --filter GoldenImageTests`, then look at
///   every changed PNG before committing it.
/// - On a mismatch the render and a diff image (differing pixels red in a pink halo over a faded
///   copy of the golden) are written to `.build/golden-failures/` and named in the failure.
/// - Pixels are pinned: text is drawn with the derived fonts from `make fonts` (`.build/fonts`,
///   or `BRIEFING_FONT_DIR`) through a private fontconfig set-up (`Goldens/fonts.conf`), so the
///   machine's fontconfig files, hinting choice and other installed fonts do not matter. Only the
///   Debian cairo, pango, harfbuzz, freetype and fontconfig versions do.
enum GoldenImage {
  /// Largest allowed difference per channel byte.
  static let tolerance = 1
  /// Largest allowed golden file, in bytes (20 KB keeps them reviewable in a diff).
  static let maximumBytes = 20 * 1024

  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Goldens")
  static let failures = packageRoot.appendingPathComponent(".build/golden-failures")
  static var updating: Bool {
    ProcessInfo.processInfo.environment["BRIEFING_UPDATE_GOLDENS"] == "1"
  }

  // MARK: Pinned fonts

  /// The derived fonts' folder, or nil with the reason recorded as a test issue.
  static var fontDirectory: String? {
    let directory =
      ProcessInfo.processInfo.environment["BRIEFING_FONT_DIR"]
      ?? packageRoot.appendingPathComponent(".build/fonts").path
    guard FileManager.default.fileExists(atPath: directory + "/BriefingSansCJK-Regular.ttc") else {
      Issue.record("no derived fonts in \(directory): run `make fonts` first")
      return nil
    }
    return directory
  }

  /// Runs `body` with only the derived fonts and the pinned rules visible to Pango, one body at
  /// a time: the golden and Latin punctuation suites run side by side and share the pinned font
  /// map, which two threads must not use at once.
  static func withPinnedFonts(_ body: () throws -> Void) throws {
    guard let directory = fontDirectory else { return }
    let configuration = try pinned(directory).get()
    try pinnedFontMapInUse.withLock { _ in try configuration.withDefaultFontMap(body) }
  }

  /// Held while a body draws with the pinned font map.
  private static let pinnedFontMapInUse = Mutex(())

  /// The pinned configuration, made once and kept for the whole test process (its fonts load
  /// once).
  private static let pinnedConfiguration = Mutex<Result<FontConfiguration, any Error>?>(nil)

  private static func pinned(_ directory: String) -> Result<FontConfiguration, any Error> {
    pinnedConfiguration.withLock { stored in
      if let stored { return stored }
      let made = Result<FontConfiguration, any Error> {
        let rules = try String(
          contentsOf: goldens.appendingPathComponent("fonts.conf"), encoding: .utf8)
        return try FontConfiguration(rules: rules, directories: [directory])
      }
      stored = made
      return made
    }
  }

  // MARK: Comparing

  /// Checks `png` against `Goldens/<name>.png` (or records it when updating).
  static func check(
    _ png: [UInt8], name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let golden = goldens.appendingPathComponent(name + ".png")
    if updating {
      try Data(png).write(to: golden, options: .atomic)
    }
    guard let expectedBytes = FileManager.default.contents(atPath: golden.path) else {
      Issue.record(
        "no golden \(golden.lastPathComponent); record it with BRIEFING_UPDATE_GOLDENS=1",
        sourceLocation: sourceLocation)
      return
    }
    #expect(
      expectedBytes.count <= maximumBytes,
      "\(name).png is \(expectedBytes.count) bytes, over \(maximumBytes): render it smaller",
      sourceLocation: sourceLocation)
    let expected = try Surface.png(Array(expectedBytes)).pixels()
    let actual = try Surface.png(png).pixels()
    guard let difference = difference(expected, actual) else {
      for suffix in [".actual.png", ".diff.png"] {
        try? FileManager.default.removeItem(at: failures.appendingPathComponent(name + suffix))
      }
      return
    }
    let written = try writeFailure(name: name, png: png, diff: difference.image)
    Issue.record(
      "\(name): \(difference.summary); see \(written.joined(separator: " and "))",
      sourceLocation: sourceLocation)
  }

  /// Nil when every channel byte is within `tolerance`; else a summary and a diff image.
  static func difference(_ expected: PixelImage, _ actual: PixelImage)
    -> (summary: String, image: PixelImage?)?
  {
    guard expected.width == actual.width, expected.height == actual.height else {
      return (
        "size \(actual.width)×\(actual.height) px, golden \(expected.width)×\(expected.height) px",
        nil
      )
    }
    var diff = [UInt8](repeating: 255, count: expected.bytes.count)
    var differing: [Int] = []
    var largest = 0
    for pixel in stride(from: 0, to: expected.bytes.count, by: 4) {
      let channels = (0..<4).map {
        abs(Int(expected.bytes[pixel + $0]) - Int(actual.bytes[pixel + $0]))
      }
      let worst = channels.max() ?? 0
      largest = max(largest, worst)
      if worst > tolerance { differing.append(pixel / 4) }
      // A faded grey copy of the golden, so the red marks show where on the chart they are.
      let grey =
        (expected.bytes[pixel] / 3 + expected.bytes[pixel + 1] / 3 + expected.bytes[pixel + 2] / 3)
      let faded = UInt8(191 + Int(grey) / 4)
      paint(&diff, at: pixel, red: faded, green: faded, blue: faded)
    }
    guard !differing.isEmpty else { return nil }
    // A pink halo (radius 3 px) makes single pixels findable; the differing pixels are pure red.
    let width = expected.width
    for index in differing {
      let (x, y) = (index % width, index / width)
      for ny in max(0, y - 3)...min(expected.height - 1, y + 3) {
        for nx in max(0, x - 3)...min(width - 1, x + 3) {
          paint(&diff, at: 4 * (ny * width + nx), red: 255, green: 170, blue: 170)
        }
      }
    }
    for index in differing { paint(&diff, at: 4 * index, red: 255, green: 0, blue: 0) }
    return (
      "\(differing.count) of \(expected.width * expected.height) pixels differ by more than "
        + "\(tolerance) (largest channel difference \(largest))",
      PixelImage(width: expected.width, height: expected.height, bytes: diff)
    )
  }

  /// Sets an opaque pixel in cairo's native byte order.
  private static func paint(
    _ bytes: inout [UInt8], at offset: Int, red: UInt8, green: UInt8, blue: UInt8
  ) {
    let word = UInt32(0xFF00_0000) | UInt32(red) << 16 | UInt32(green) << 8 | UInt32(blue)
    withUnsafeBytes(of: word) { raw in
      for index in 0..<4 { bytes[offset + index] = raw[index] }
    }
  }

  /// Writes `<name>.actual.png` (and `<name>.diff.png`) to the failures folder; returns the paths.
  private static func writeFailure(name: String, png: [UInt8], diff: PixelImage?) throws -> [String]
  {
    try FileManager.default.createDirectory(at: failures, withIntermediateDirectories: true)
    let actual = failures.appendingPathComponent(name + ".actual.png")
    try Data(png).write(to: actual, options: .atomic)
    guard let diff else { return [actual.path] }
    let diffPath = failures.appendingPathComponent(name + ".diff.png")
    try Data(Surface.image(diff).pngBytes()).write(to: diffPath, options: .atomic)
    return [actual.path, diffPath.path]
  }
}
