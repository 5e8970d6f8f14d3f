import BriefingCore
import Foundation
import Testing

@testable import BriefingIngest

@Suite struct EncodingTests {
  static let chinese = "地区,时期,指标,数值\n肃州区,2013年上半年,生产总值,61.8亿元\n魏都區,2016-M09,生產總值,158\n"

  @Test func gb18030IsAutoDetectedWithANotice() throws {
    let bytes = try encode(Self.chinese, to: "GB18030")
    #expect(TextDecoding.firstInvalidUTF8(bytes) != nil)
    let result = DatasetLoader.load(observations: InputFile(path: "gbk.csv", bytes: bytes))
    #expect(result.codes == ["encoding-detected"])
    #expect(result.findings.first?.severity == .notice)
    #expect(result.findings.first?.message.text.contains("GB18030") == true)
    let dataset = try #require(result.dataset)
    #expect(dataset.regions.map(\.id) == ["肃州区", "魏都區"])
    #expect(dataset.indicators.map(\.id) == ["生产总值"])
    #expect(result.observation("肃州区", "生产总值", "2013-H1")?.value == 61.8)
  }

  @Test func explicitGB18030HasNoNotice() throws {
    let bytes = try encode(Self.chinese, to: "GB18030")
    let result = DatasetLoader.load(
      observations: InputFile(path: "gbk.csv", bytes: bytes),
      options: LoadOptions(encoding: .gb18030))
    #expect(result.findings.isEmpty)
    #expect(result.dataset?.observations.count == 2)
  }

  @Test func explicitUTF8RejectsGBKBytesAtLineAndColumn() throws {
    let bytes = try encode(Self.chinese, to: "GB18030")
    let result = DatasetLoader.load(
      observations: InputFile(path: "gbk.csv", bytes: bytes), options: LoadOptions(encoding: .utf8))
    #expect(result.dataset == nil)
    #expect(result.codes == ["bad-encoding"])
    #expect(result.findings.first?.location?.description == "gbk.csv:1:1")
    let mixed = Array("a,b\nxy,".utf8) + [0xC4, 0xE3] + Array("\n".utf8)
    let second = DatasetLoader.load(
      observations: InputFile(path: "m.csv", bytes: mixed), options: LoadOptions(encoding: .utf8))
    #expect(second.findings.first?.location?.description == "m.csv:2:4")
  }

  @Test func garbageIsNeitherUTF8NorGB18030() {
    let bytes: [UInt8] = Array("region,period,indicator,value\n".utf8) + [0x81, 0x20, 0xFF]
    let result = DatasetLoader.load(observations: InputFile(path: "x.csv", bytes: bytes))
    #expect(result.dataset == nil)
    #expect(result.codes == ["bad-encoding"])
    #expect(result.findings.first?.location?.line == 2)
  }

  @Test(arguments: ["UTF-16LE", "UTF-16BE"])
  func utf16WithBOM(_ charset: String) throws {
    let bom: [UInt8] = charset == "UTF-16LE" ? [0xFF, 0xFE] : [0xFE, 0xFF]
    let bytes = try bom + encode(Self.chinese, to: charset)
    let result = DatasetLoader.load(observations: InputFile(path: "u16.csv", bytes: bytes))
    #expect(result.findings.isEmpty, "\(result.findings)")
    #expect(result.dataset?.observations.count == 2)
  }

  @Test func loadsAFolderFromDisk() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(try encode(Self.chinese, to: "GB18030"))
      .write(to: folder.appendingPathComponent("observations.csv"))
    try Data("id,name,aliases\nsz,肃州区,\nwd,魏都区,魏都區\n".utf8)
      .write(to: folder.appendingPathComponent("regions.csv"))
    let result = DatasetLoader.load(folder.path)
    #expect(result.codes == ["encoding-detected"])
    #expect(result.dataset?.regions.map(\.id) == ["sz", "wd"])
    #expect(result.findings.first?.location?.file == folder.path + "/observations.csv")
  }

  @Test func missingFolderOrFile() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(DatasetLoader.load(folder.path).codes == ["missing-file"])
    #expect(DatasetLoader.load(folder.path + "/nope.csv").codes == ["unreadable-file"])
  }
}
