import Foundation
import Testing

/// `theme.fonts`: a Latin family first, checked before rendering, embedded in the PDF.
@Suite(.serialized) struct FontsTests {
  /// A one-chart layout with `fonts` as the `theme.fonts` flow mapping.
  static func layout(fonts: String) throws -> String {
    let path = try CLI.scratch() + "/fonts.yaml"
    try """
    theme:
      fonts: \(fonts)
    sections:
      - components:
          - {kind: rankedBar, indicator: gdp}
    """.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static func render(_ layout: String, out: String) throws -> CLI.Result {
    try CLI.run([
      "render", "--data", "Samples/jiuquan-2024h1", "--layout", layout, "--focus", "肃州区",
      "--period", "2024-H1", "--dpi", "0", "--out", out,
    ])
  }

  @Test func latinFaceDrawsDigitsAndCJKFaceChinese() throws {
    let out = try CLI.scratch()
    let result = try Self.render(Self.layout(fonts: "{latin: DejaVu Sans}"), out: out)
    #expect(result.status == 0, "\(result.stderr)")
    let pdf = try #require(result.stdout.split(separator: "\n").first.map(String.init))
    let fonts = try CLI.tool("pdffonts", [pdf])
    #expect(fonts.contains("DejaVuSans"), "\(fonts)")
    #expect(fonts.contains("DejaVuSans-Bold"), "real bold: \(fonts)")
    #expect(fonts.contains("SansCJK"), "\(fonts)")
    let text = try CLI.tool("pdftotext", [pdf, "-"])
    #expect(text.contains("肃州区") && text.contains("同比增长"))
  }

  /// The derived faces come in two parts with one family name (`Tools/build_cjk_fonts.py`): a
  /// character outside the core (浉, U+6D49: not in GB 2312 or Big5) is drawn from the extension,
  /// embedded as a font of its own, and reads back as text.
  @Test func aCharacterOutsideTheCoreComesFromTheExtension() throws {
    let data = try CLI.scratch()
    for file in ["indicators.csv", "observations.csv", "regions.csv"] {
      try FileManager.default.copyItem(atPath: "Samples/jiuquan-2024h1/" + file, toPath: data + "/" + file)
    }
    let regions = try String(contentsOfFile: data + "/regions.csv", encoding: .utf8)
    try regions.replacingOccurrences(of: "玉门市,玉门市,玉门,", with: "玉门市,浉河区,浉河,")
      .write(toFile: data + "/regions.csv", atomically: true, encoding: .utf8)
    let out = try CLI.scratch()
    let result = try CLI.run([
      "render", "--data", data, "--layout", "Layouts/half-year-comparison.yaml", "--focus", "肃州区",
      "--period", "2024-H1", "--out", out,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("no installed font can draw"), "\(result.stderr)")
    let pdf = try #require(result.stdout.split(separator: "\n").first.map(String.init))
    let fonts = try CLI.tool("pdffonts", [pdf]).split(separator: "\n").filter { $0.contains("BriefingSansCJKsc") }
    #expect(fonts.count >= 3, "core regular and bold, and the extension: \(fonts)")
    #expect(try CLI.tool("pdftotext", [pdf, "-"]).contains("浉河"))
  }

  @Test(arguments: [
    ("{hans: No Such Font}", "'No Such Font' is not installed"),
    ("{latin: DejaVu Sans, hans: DejaVu Sans}", "glyphs would come from"),
  ])
  func unusableFamilyStopsTheRunWith70(_ fonts: String, _ message: String) throws {
    let layout = try Self.layout(fonts: fonts)
    let out = try CLI.scratch()
    let result = try Self.render(layout, out: out)
    #expect(result.status == 70)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty, "nothing written")
    let check = try CLI.run(["fonts", "--layout", layout])
    #expect(check.status == 70)
    #expect(check.stdout.contains(message), "\(check.stdout)")
  }

  @Test func fontsCommandShowsTheLayoutsFamilyLists() throws {
    let result = try CLI.run([
      "fonts", "--layout", Self.layout(fonts: "{latin: DejaVu Sans, hant: Noto Serif CJK TC}"),
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains("DejaVu Sans, Noto Serif CJK TC  [Traditional Chinese]  usable: yes"))
    #expect(result.stdout.contains("DejaVu Sans, "))
  }
}
