import Testing

@testable import BriefingNarrative

// MARK: - OpenCC converter

@Suite struct ConverterTests {
  @Test func convertsStatisticsVocabulary() throws {
    let converter = try ChineseConverter()
    #expect(converter.convert("地区生产总值同比增长") == "地區生產總值同比增長")
    #expect(
      converter.convert("高于全市平均1.1个百分点，并列第2位，倒数第二位，预计实现")
        == "高於全市平均1.1個百分點，並列第2位，倒數第二位，預計實現")
  }

  /// s2tw keeps mainland vocabulary; s2twp rewrites it into Taiwan idiom.
  @Test func defaultKeepsMainlandVocabulary() throws {
    #expect(try ChineseConverter().convert("数据未公开") == "數據未公開")
    #expect(try ChineseConverter(.s2twp).convert("数据未公开") == "資料未公開")
  }

  @Test func emptyText() throws {
    #expect(try ChineseConverter().convert("") == "")
  }

  @Test func traditionalInputPassesThrough() throws {
    #expect(try ChineseConverter().convert("魏都區生產總值") == "魏都區生產總值")
  }

  @Test func missingConfigurationThrows() {
    #expect(throws: ChineseConverterError.self) {
      _ = try ChineseConverter(configurationFile: "no-such-config.json")
    }
  }

  @Test(arguments: ChineseConverter.Configuration.allCases)
  func everyShippedConfigurationOpens(configuration: ChineseConverter.Configuration) throws {
    #expect(try ChineseConverter(configuration).convert("增长") != "")
  }
}
