import Foundation
import Testing

// MARK: - Large outputs reach the file whole

/// Outputs larger than one write call (`AtomicFile.writeChunk`, 1 MiB) go to the kernel in
/// slices, through `--out FILE` and through standard output alike: the slices must add up to
/// every byte, in order.
@Suite struct LargeOutputTests {
  /// 2,000 regions in groups of 10 × 3 indicators × 4 quarters: a comparison table of about
  /// 4.3 MB, four slices and a part.
  static func largeDataset() throws -> String {
    let data = try CLI.scratch()
    var regions = "id,name,parent,level\nP,P,,province\n"
    var observations = "region,period,indicator,value,unit\n"
    for group in 0..<200 {
      regions += "G\(group),G\(group),P,city\n"
      for member in 0..<10 {
        let region = "G\(group)R\(member)"
        regions += "\(region),\(region),G\(group),county\n"
        for (i, indicator) in ["gdp", "retail", "revenue"].enumerated() {
          for (p, period) in ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"].enumerated() {
            let value = Double(100 + group * 7 + member * 13 + i * 31 + p * 5) + Double(member) / 8
            observations += "\(region),\(period),\(indicator),\(value),亿元\n"
          }
        }
      }
    }
    try regions.write(toFile: data + "/regions.csv", atomically: true, encoding: .utf8)
    try observations.write(toFile: data + "/observations.csv", atomically: true, encoding: .utf8)
    return data
  }

  @Test func standardOutputAndOutFileHoldTheSameLargeTable() throws {
    let data = try Self.largeDataset()
    let folder = try CLI.scratch()
    let file = try CLI.run(["analyze", "--data", data, "--quiet", "--out", folder + "/table.csv"])
    #expect(file.status == 0, "\(file.stderr)")
    let redirected = try CLI.shell(
      ["-c", "briefing analyze --data \"$0\" --quiet --out - > \"$1\"", data, folder + "/stdout.csv"])
    #expect(redirected.status == 0, "\(redirected.stderr)")
    let written = try #require(FileManager.default.contents(atPath: folder + "/table.csv"))
    let streamed = try #require(FileManager.default.contents(atPath: folder + "/stdout.csv"))
    #expect(written.count > 4 << 20, "the table spans more than four write calls: \(written.count) bytes")
    // Compared as a Bool: a failed `==` on two 4 MB values makes the test library diff them for
    // the message, which takes minutes.
    #expect(streamed.count == written.count)
    #expect(streamed.elementsEqual(written), "standard output differs from --out FILE")
    let text = String(decoding: written, as: UTF8.self)
    // CSV records end in CRLF: the header, 24,000 member rows and 2,400 group rows.
    #expect(text.hasSuffix("\r\n") && text.split(separator: "\r\n").count == 1 + 24_000 + 2_400)
  }
}
