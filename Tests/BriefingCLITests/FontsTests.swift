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
