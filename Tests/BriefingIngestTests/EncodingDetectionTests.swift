import BriefingCore
import Foundation
import Testing

@testable import BriefingIngest

// MARK: - Fixtures

/// `text` in `charset` (by iconv), checked to decode back to `text`: no character lost.
private func legacy(_ text: String, _ charset: String) throws -> [UInt8] {
  let bytes = try encode(text, to: charset)
  guard case .success(let back) = Iconv.convert(bytes, from: charset) else {
    throw FixtureError.notRoundTripping(charset)
  }
  #expect(String(decoding: back, as: UTF8.self) == text, "\(charset) cannot hold all of the fixture")
  return bytes
}

private enum FixtureError: Error {
  case notRoundTripping(String)
}

/// A shipped sample file, as UTF-8 text.
private func sample(_ path: String) throws -> String {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  return try String(contentsOf: root.appendingPathComponent("Samples/" + path), encoding: .utf8)
}

/// The simplified characters of the xuchang sample that Big5 lacks, in their traditional form.
private let traditional: [Character: Character] = [
  "业": "業", "东": "東", "乡": "鄉", "产": "產", "亿": "億", "会": "會", "务": "務", "区": "區",
  "县": "縣", "发": "發", "实": "實", "开": "開", "总": "總", "术": "術", "济": "濟", "浓": "濃",
  "税": "稅", "组": "組", "经": "經", "规": "規", "许": "許", "费": "費", "资": "資", "辖": "轄",
  "进": "進", "长": "長", "际": "際", "预": "預", "额": "額",
]

private func decode(_ bytes: [UInt8], _ encoding: TextEncoding) -> (text: String?, findings: [Finding]) {
  let decoded = TextDecoding.decode(bytes, as: encoding, file: "t.csv")
  return (decoded.utf8.map { String(decoding: $0, as: UTF8.self) }, decoded.findings)
}

// MARK: - Auto

@Suite struct EncodingDetectionTests {
  static let latin = "region,period,indicator,value\nRégion Centre,2024-H1,gdp,1\nCôte d’Ivoire,2024-H1,gdp,2\n"
  static let taiwan = """
    地區,時期,指標,數值
    臺北市,2024年上半年,生產總值,2400.5
    新竹縣,2024年上半年,生產總值,880.1
    彰化縣,2024年上半年,固定資產投資,120.3
    花蓮縣,2024年上半年,社會消費品零售總額,75.2

    """

  /// A Windows-1252 file: once 「R間ion」 with no complaint, now Windows-1252 with a notice.
  @Test func windows1252IsDetected() throws {
    let result = DatasetLoader.load(observations: InputFile(path: "latin.csv", bytes: try legacy(Self.latin, "CP1252")))
    #expect(result.codes == ["encoding-detected"])
    #expect(result.findings.first?.message.text.contains("Windows-1252") == true)
    #expect(result.dataset?.regions.map(\.id) == ["Région Centre", "Côte d’Ivoire"])
  }

  /// `--encoding cp1252` (or its alias `latin1`) reads it with no finding.
  @Test(arguments: ["cp1252", "latin1", "Windows-1252"])
  func windows1252ByName(_ name: String) throws {
    let encoding = try #require(TextEncoding(rawValue: name))
    #expect(encoding == .cp1252)
    let decoded = decode(try legacy(Self.latin, "CP1252"), encoding)
    #expect(decoded.text == Self.latin)
    #expect(decoded.findings.isEmpty)
  }

  /// Traditional names in Big5: once garbage (or a GB18030 error), now Big5, named or detected.
  @Test func big5IsDetectedAndNamed() throws {
    let bytes = try legacy(Self.taiwan, "CP950")
    let detected = decode(bytes, .auto)
    #expect(detected.text == Self.taiwan)
    #expect(detected.findings.map(\.message.code) == ["encoding-detected"])
    #expect(detected.findings.first?.message.text.contains("Big5") == true)
    let named = decode(bytes, .big5)
    #expect(named.text == Self.taiwan)
    #expect(named.findings.isEmpty)
  }

  /// Every shipped sample file in GBK is detected as GB18030, never ambiguous.
  @Test(arguments: [
    "jiuquan-2024h1/observations.csv", "jiuquan-2024h1/regions.csv", "jiuquan-2024h1/indicators.csv",
    "jiuquan-2024h1/estimates-2024.csv", "xuchang-2016q3/observations.csv", "xuchang-2016q3/regions.csv",
    "xuchang-2016q3/indicators.csv",
  ])
  func samplesInGBK(_ path: String) throws {
    let text = try sample(path)
    let gbk = decode(try legacy(text, "GBK"), .auto)
    #expect(gbk.text == text)
    #expect(gbk.findings.map(\.message.code) == ["encoding-detected"])
    #expect(gbk.findings.first?.message.text.contains("GB18030") == true)
  }

  /// The Traditional sample in Big5 (its few Simplified characters made Traditional) is
  /// detected as Big5, never ambiguous.
  @Test(arguments: ["xuchang-2016q3/observations.csv", "xuchang-2016q3/regions.csv", "xuchang-2016q3/indicators.csv"])
  func traditionalSamplesInBig5(_ path: String) throws {
    let text = String(try sample(path).map { traditional[$0] ?? $0 })
    let big5 = decode(try legacy(text, "CP950"), .auto)
    #expect(big5.text == text)
    #expect(big5.findings.map(\.message.code) == ["encoding-detected"])
    #expect(big5.findings.first?.message.text.contains("Big5") == true)
  }

  /// One short name that reads as common characters in GBK and in Big5: refused, naming both
  /// readings and the option that decides, at the cell.
  @Test func ambiguousFileIsRefused() throws {
    let bytes = try legacy("region,period,indicator,value\n敦煌,2024-H1,gdp,48.51\n", "GBK")
    let result = DatasetLoader.load(observations: InputFile(path: "short.csv", bytes: bytes))
    #expect(result.dataset == nil)
    #expect(result.codes == ["ambiguous-encoding"])
    let finding = try #require(result.findings.first)
    #expect(finding.severity == .error)
    #expect(finding.location?.description == "short.csv:2:1")
    #expect(finding.message.text.contains("\"敦煌\" as GB18030"))
    #expect(finding.message.text.contains("--encoding gb18030 or --encoding big5"))
    #expect(decode(bytes, .gb18030).findings.isEmpty)
  }

  /// BOM-less UTF-16 is told by its NUL bytes, named or detected; without NULs, named UTF-16 is an error.
  @Test(arguments: ["UTF-16LE", "UTF-16BE"])
  func utf16WithoutBOM(_ charset: String) throws {
    let bytes = try legacy(Self.taiwan, charset)
    #expect(decode(bytes, .utf16).text == Self.taiwan)
    let detected = decode(bytes, .auto)
    #expect(detected.text == Self.taiwan)
    #expect(detected.findings.first?.message.text.contains(charset) == true)
    let noNULs = decode(try legacy(Self.taiwan, "CP950"), .utf16)
    #expect(noNULs.text == nil)
    #expect(noNULs.findings.map(\.message.code) == ["bad-encoding"])
  }
}

// MARK: - Mislabelled

@Suite struct MislabelledEncodingTests {
  static let gbk = "地区,时期,指标,数值\n肃州区,2024年上半年,地区生产总值,135.20\n玉门市,2024年上半年,地区生产总值,103.48\n"

  /// `--encoding utf8` on GBK: `bad-encoding` at line:column, naming what it reads as.
  @Test func utf8OnGBK() throws {
    let decoded = decode(try legacy(Self.gbk, "GBK"), .utf8)
    #expect(decoded.text == nil)
    let finding = try #require(decoded.findings.first)
    #expect(finding.message.code == "bad-encoding")
    #expect(finding.location?.description == "t.csv:1:1")
    #expect(finding.message.text.contains("it reads plausibly as GB18030 (--encoding gb18030)"))
  }

  /// `--encoding big5` or `cp1252` on GBK decodes without an invalid byte, but into garbage:
  /// an error naming GB18030, never the garbage loaded.
  @Test(arguments: [TextEncoding.big5, .cp1252])
  func legacyOnGBK(_ encoding: TextEncoding) throws {
    let decoded = decode(try legacy(try sample("jiuquan-2024h1/observations.csv"), "GBK"), encoding)
    #expect(decoded.text == nil)
    let finding = try #require(decoded.findings.first)
    #expect(finding.message.code == "implausible-encoding")
    #expect(finding.severity == .error)
    #expect(finding.location?.description == "t.csv:2:1")
    #expect(finding.message.text.contains("it reads plausibly as GB18030 (--encoding gb18030)"))
  }

  /// `--encoding gb18030` on a Windows-1252 file: refused, naming Windows-1252.
  @Test func gb18030OnWindows1252() throws {
    let decoded = decode(try legacy(EncodingDetectionTests.latin, "CP1252"), .gb18030)
    #expect(decoded.text == nil)
    #expect(decoded.findings.first?.message.text.contains("\"R間ion Centre\"") == true)
    #expect(decoded.findings.first?.message.text.contains("--encoding cp1252") == true)
  }

  /// An implausible reading with no better one: the user's word stands, with a warning.
  @Test func implausibleWithNoAlternativeWarns() throws {
    let bytes = try legacy("region,value\nÿÿÿÿ,1\n", "CP1252")
    let decoded = decode(bytes, .cp1252)
    #expect(decoded.text == "region,value\nÿÿÿÿ,1\n")
    #expect(decoded.findings.map(\.severity) == [.warning])
    #expect(decode(bytes, .auto).findings.map(\.message.code) == ["bad-encoding"])
  }
}

// MARK: - Plausibility

@Suite struct PlausibilityTests {
  /// Shares of passing non-ASCII characters, per script.
  @Test(arguments: [
    ("Région,Côte d’Ivoire,Größe,AÇÃO,°C,5 €", Plausibility.Script.latin, 1.0),
    ("ËàÖÝÇø,ÓñÃÅÊÐ", .latin, 0.0),  // 肃州区,玉门市 in GBK read as Windows-1252
    ("肃州区,魏都區,（市、区）", .cjk, 1.0),
    ("R間ion", .cjk, 0.0),  // an ideograph inside a Latin word
    ("GDP增速,铧尖乡", .cjk, 0.8),  // 铧 is not a common character
    ("ASCII only", .cjk, 1.0),
  ])
  func shares(_ text: String, _ script: Plausibility.Script, _ share: Double) {
    #expect(abs(Plausibility.of(Array(text.utf8), as: script).share - share) < 0.001)
  }

  @Test func firstFailingCharacter() {
    let text = "a,肃州区,R間ion"
    let score = Plausibility.of(Array(text.utf8), as: .cjk)
    #expect(score.firstFailing == Array("a,肃州区,R".utf8).count)
  }
}
