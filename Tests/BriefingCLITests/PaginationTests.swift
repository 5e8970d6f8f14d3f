import Foundation
import Testing

/// End to end: the shipped ranking bulletin on a group of 52 regions continues on the next pages
/// instead of dropping rows; read back with poppler.
@Suite(.serialized) struct PaginationTests {
  /// A group of `count` members (样本县001…), each a copy of 肃州区's 2023-H1 and 2024-H1
  /// figures scaled by its own factor; the Jiuquan indicators.
  static func group(of count: Int, in folder: String) throws -> [String] {
    let sample = CLI.root + "/Samples/jiuquan-2024h1"
    let names = (1...count).map { String(format: "样本县%03d", $0) }
    var regions = ["id,name,short_name,aliases,parent,level,frames,label", "某市,某市,某市,,,city,,全市\(count)个县区"]
    regions += names.map { "\($0),\($0),\($0),,某市,county,," }
    let source = try String(contentsOfFile: sample + "/observations.csv", encoding: .utf8)
    let lines: [[Substring]] = source.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    let periods: Set<Substring> = ["2023-H1", "2024-H1"]
    let base = lines.filter { (row: [Substring]) -> Bool in
      row.count > 4 && row[0] == "肃州区" && periods.contains(row[1])
    }
    var observations = ["region,period,indicator,value,unit"]
    for (index, name) in names.enumerated() {
      let factor = 1 + Double((index * 7) % count) / Double(count)
      for row in base {
        guard let value = Double(row[3]) else { continue }
        observations.append("\(name),\(row[1]),\(row[2]),\(String(format: "%.2f", value * factor)),\(row[4])")
      }
    }
    try (regions.joined(separator: "\n") + "\n").write(toFile: folder + "/regions.csv", atomically: true, encoding: .utf8)
    try (observations.joined(separator: "\n") + "\n").write(
      toFile: folder + "/observations.csv", atomically: true, encoding: .utf8)
    try FileManager.default.copyItem(atPath: sample + "/indicators.csv", toPath: folder + "/indicators.csv")
    return names
  }

  @Test func bulletinOfFiftyTwoRegionsPrintsEveryRegionOncePerTable() throws {
    let data = try CLI.scratch()
    let out = try CLI.scratch()
    let names = try Self.group(of: 52, in: data)
    let result = try CLI.run([
      "render", "--data", data, "--layout", "Layouts/ranking-bulletin.yaml", "--dpi", "0", "--out", out,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("warning"), "nothing left out: \(result.stderr)")
    let pdf = out + "/ranking-bulletin-某市-2024-H1.pdf"
    let info = try CLI.tool("pdfinfo", [pdf])
    let pages = try #require(
      info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) })
    #expect(pages > 2, "the three tables of 52 rows do not fit two pages")
    let text = try CLI.tool("pdftotext", ["-layout", pdf, "-"])
    for name in names {
      // Three tables, each listing every region once.
      #expect(text.components(separatedBy: name).count - 1 == 3, "\(name)")
    }
    let compact = text.replacingOccurrences(of: " ", with: "")
    for page in 1...pages {
      #expect(compact.contains("第\(page)页共\(pages)页"), "page \(page) of \(pages)")
    }
    #expect(compact.contains("生产与投资（续）"))
    // The header row repeats on every page.
    #expect(text.components(separatedBy: "地区").count - 1 >= pages)
  }
}
