import BriefingCore
import Testing
import TestSupport

@testable import BriefingIngest

@Suite struct RobustnessTests {
  static let base = Array(
    """
    地区,时期,指标,数值,单位,状态,目标,同比,parent
    肃州区,2024-H1,生产总值,86.3亿元,,预计,200,8.8%,酒泉市
    "甘州区",2024年上半年,"生產總值","1,234",万元,,,−2.1,酒泉市
    临泽县,2024-M09,GDP,*,,masked,,-*,酒泉市

    """.utf8)
  static let alphabet: [[UInt8]] = [
    [0x2C], [0x22], [0x0A], [0x0D], [0x09], [0xEF, 0xBB, 0xBF], [0xE4, 0xBA, 0xBF], [0xFF],
    Array("亿元".utf8), Array("*".utf8), Array("%".utf8), Array("2024".utf8), Array("-".utf8),
  ]

  /// Every load returns findings or a dataset, never traps; a nil dataset has an error finding.
  private func check(_ bytes: [UInt8], name: String) {
    let result = DatasetLoader.load(observations: InputFile(path: name, bytes: bytes))
    if result.dataset == nil { #expect(result.findings.hasErrors) }
    if result.dataset != nil { #expect(!result.findings.hasErrors) }
  }

  @Test func randomBytes() {
    var random = SeededGenerator(state: 2024)
    for index in 0..<1000 {
      let length = Int.random(in: 0..<200, using: &random)
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
      check(bytes, name: index.isMultiple(of: 2) ? "r.csv" : "r.xlsx")
    }
  }

  @Test func mutatedCSV() {
    var random = SeededGenerator(state: 7)
    for _ in 0..<1000 {
      var bytes = Self.base
      for _ in 0..<Int.random(in: 1...6, using: &random) {
        let position = Int.random(in: 0...bytes.count, using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0:
          bytes.insert(
            contentsOf: Self.alphabet[Int.random(in: 0..<Self.alphabet.count, using: &random)],
            at: position)
        case 1:
          if position < bytes.count { bytes.remove(at: position) }
        default:
          bytes = Array(bytes[..<position])
        }
      }
      check(bytes, name: "m.csv")
    }
  }

  @Test func baseFileLoads() throws {
    let result = DatasetLoader.load(observations: InputFile(path: "b.csv", bytes: Self.base))
    let dataset = try #require(result.dataset, "\(result.findings)")
    #expect(dataset.observations.count == 3)
    #expect(dataset.observations[1].value == 0.1234)
  }

  @Test func findingsAreCappedPerCode() {
    var text = "region,period,indicator,value\n"
    for index in 0..<500 { text += "r\(index),2024,x,bad\(index)\n" }
    let result = loadCSV(text)
    #expect(result.findings.count == 101)
    #expect(result.findings.last?.message.code == "findings-suppressed")
    #expect(result.findings.last?.severity == .error)
  }
}
