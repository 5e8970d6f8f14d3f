import Foundation
import Testing
import TestSupport

// MARK: - Hostile input and safe exports, end to end

@Suite struct HostileInputCLITests {
  /// The Jiuquan sample copied to a scratch folder with `replacements` applied to its CSV files.
  private func sample(replacing replacements: [(String, String)]) throws -> String {
    let folder = try CLI.scratch()
    let source = CLI.root + "/Samples/jiuquan-2024h1"
    for name in try FileManager.default.contentsOfDirectory(atPath: source) {
      var text = try String(contentsOfFile: source + "/" + name, encoding: .utf8)
      if name.hasSuffix(".csv") { for (from, to) in replacements { text = text.replacingOccurrences(of: from, with: to) } }
      try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }
    return folder
  }

  /// The peak resident set of the CLI run with `arguments`, in KiB (GNU time's `%M`), and the run.
  private func peakKiB(_ arguments: [String]) throws -> (kib: Int, result: CLI.Result) {
    let result = try CLI.shell(
      ["-c", "/usr/bin/time -f 'peak-kib=%M' \"$0\" \"$@\" > /dev/null", CLI.binary] + arguments)
    let line = try #require(result.stderr.split(separator: "\n").last { $0.hasPrefix("peak-kib=") }, "\(result.stderr)")
    return (try #require(Int(line.dropFirst("peak-kib=".count))), result)
  }

  // MARK: - Control characters

  /// An ESC in a region's name was an internal error (70) when the sheet was drawn, with the
  /// escape sequence printed raw; it is bad data (65) at load, located, and printed escaped.
  @Test func escapeInARegionNameIsBadDataAtLoad() throws {
    let data = try sample(replacing: [("肃州区,肃州区,", "肃州区,肃州\u{1B}[31m区,")])
    let out = try CLI.scratch()
    let result = try CLI.run([
      "render", "--data", data, "--layout", "Layouts/half-year-comparison.yaml", "--focus", "肃州区",
      "--period", "2024-H1", "--out", out,
    ])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains("regions.csv:3:"), "\(result.stderr)")
    #expect(result.stderr.contains("\\u001B"), "\(result.stderr)")
    #expect(!result.stderr.unicodeScalars.contains("\u{1B}"), "\(result.stderr)")
  }

  // MARK: - Formula injection

  static let formulaNames = [
    ("肃州区", "=HYPERLINK(1)"), ("玉门市", "+cmd|' /C calc'!A0"), ("敦煌市", "@SUM(1)"), ("瓜州县", "-2+3"),
  ]

  /// Fields of a CSV line (no quoted fields in these exports' name columns).
  private func fields(_ csv: String) -> [String] {
    csv.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "," }).map(String.init)
  }

  /// `analyze` and `score` prefix a text field that a spreadsheet would take for a formula with
  /// `'` (OWASP); numbers (negative ones too) stay numbers; `--raw-csv` writes the names raw.
  @Test(arguments: ["analyze", "score"])
  func formulaLikeNamesAreNeutralised(_ command: String) throws {
    let data = try sample(replacing: Self.formulaNames)
    let scoring = command == "score" ? ["--scoring", data + "/scoring.yaml", "--period", "2024-H1"] : []
    let safe = try CLI.run([command, "--data", data] + scoring)
    #expect(safe.status == 0, "\(safe.stderr)")
    for (_, name) in Self.formulaNames {
      let prefixed = safe.stdout.contains("'" + name)
      #expect(prefixed, "\(name)")
    }
    let risky = fields(safe.stdout).filter { field in
      guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return false }
      return Double(field) == nil
    }
    #expect(risky.count == 0, "\(risky.prefix(5))")
    let negativeNumbers = fields(safe.stdout).contains { $0.hasPrefix("-") && Double($0) != nil }
    #expect(negativeNumbers, "negative numbers stay bare")

    let raw = try CLI.run([command, "--data", data, "--raw-csv"] + scoring)
    #expect(raw.status == 0, "\(raw.stderr)")
    for (_, name) in Self.formulaNames {
      let bare = raw.stdout.contains("," + name + ",")
      let prefixed = raw.stdout.contains("'" + name)
      #expect(bare && !prefixed, "\(name)")
    }
  }

  // MARK: - Bounded memory

  /// A line of 10 million commas cost about 440 MB (20 million: 890 MB and 18 s) before it was
  /// refused; it is refused at the field limit, with the file's line and column.
  @Test func aLineOfCommasIsRefusedInBoundedMemory() throws {
    let folder = try CLI.scratch()
    let path = folder + "/commas.csv"
    var bytes = Array("region,period,indicator,value\n".utf8)
    bytes += [UInt8](repeating: 0x2C, count: 10_000_000) + [0x0A]
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let (kib, result) = try peakKiB(["analyze", "--data", path])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains("commas.csv:2:16385: error:"), "\(result.stderr)")
    #expect(kib < 200_000, "peak \(kib) KiB")
  }

  /// A workbook whose sheet declares 2,000 bytes and inflates to 256 MiB was inflated whole
  /// (peak above 256 MiB); it is refused once the part passes its declared size.
  @Test func anUnderstatedWorkbookIsRefusedInBoundedMemory() throws {
    let folder = try CLI.scratch()
    let path = folder + "/bomb.xlsx"
    let book = try HostileFixtures.understatedWorkbook(inflated: 256 << 20, declared: 2_000)
    try Data(book).write(to: URL(fileURLWithPath: path))
    let (kib, result) = try peakKiB(["analyze", "--data", path])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains("bomb.xlsx: error: cannot read workbook"), "\(result.stderr)")
    #expect(kib < 150_000, "peak \(kib) KiB")
  }
}
