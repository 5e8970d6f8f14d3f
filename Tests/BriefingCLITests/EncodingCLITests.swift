import Foundation
import Testing

/// `--encoding` end to end: an ambiguous file exits 65 naming the readings and the option that
/// decides; a mislabelled one exits 65 naming what it reads as; Windows-1252 and its alias load.
@Suite struct EncodingCLITests {
  /// `text` written in `charset` by the iconv program into a scratch file; its path.
  static func file(_ name: String, _ text: String, in charset: String) throws -> String {
    let folder = try CLI.scratch()
    try text.write(toFile: folder + "/utf8.txt", atomically: true, encoding: .utf8)
    let converted = try CLI.shell(
      ["-c", "iconv -f UTF-8 -t \"$0\" \"$1\" > \"$2\"", charset, folder + "/utf8.txt", folder + "/" + name])
    #expect(converted.status == 0, "\(converted.stderr)")
    return folder + "/" + name
  }

  static func analyze(_ path: String, _ extra: [String] = []) throws -> CLI.Result {
    try CLI.run(["analyze", "--data", path] + extra)
  }

  @Test func ambiguousFileExits65NamingBothReadings() throws {
    let path = try Self.file("short.csv", "region,period,indicator,value\n敦煌,2024-H1,gdp,48.51\n", in: "GBK")
    let result = try Self.analyze(path)
    #expect(result.status == 65)
    #expect(
      result.stderr.contains(
        "short.csv:2:1: error: not valid UTF-8, and it reads plausibly in more than one encoding: "
          + "\"敦煌\" as GB18030, \"嗟銓\" as Big5; say which with --encoding gb18030 or --encoding big5 "
          + "[ambiguous-encoding]"), "\(result.stderr)")
    let decided = try Self.analyze(path, ["--encoding", "gb18030"])
    #expect(decided.status == 0, "\(decided.stderr)")
  }

  @Test func big5NamedOnAGBKFileExits65() throws {
    let sample = try String(contentsOfFile: CLI.root + "/Samples/jiuquan-2024h1/observations.csv", encoding: .utf8)
    let path = try Self.file("observations.csv", sample, in: "GBK")
    let result = try Self.analyze(path, ["--encoding", "big5"])
    #expect(result.status == 65)
    #expect(result.stderr.contains("observations.csv:2:1: error: read as Big5, the text looks wrong"), "\(result.stderr)")
    #expect(result.stderr.contains("it reads plausibly as GB18030 (--encoding gb18030) [implausible-encoding]"))
  }

  /// Once read as GB18030 「R間ion」 with exit 0; now Windows-1252, detected or named, and
  /// named GB18030 it is refused.
  @Test(arguments: [[], ["--encoding", "cp1252"], ["--encoding", "latin1"]])
  func windows1252Loads(_ extra: [String]) throws {
    let path = try Self.file(
      "latin.csv",
      "region,period,indicator,value,parent\nRégion Centre,2024-H1,gdp,1,Europe\nCôte d’Ivoire,2024-H1,gdp,2,Europe\n",
      in: "CP1252")
    let result = try Self.analyze(path, extra)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains(",Europe,Région Centre,1,") && result.stdout.contains(",Europe,Côte d’Ivoire,2,"))
    let named = try Self.analyze(path, ["--encoding", "gb18030"])
    #expect(named.status == 65)
    #expect(named.stderr.contains("\"R間ion Centre\"") && named.stderr.contains("(--encoding cp1252)"))
  }
}
