import BriefingCore
import Testing

@testable import BriefingIngest

/// Lines read straight from the bytes (`FastLongReader`) must load exactly as the parser's rows:
/// same observations, same findings in the same order, at the same lines and columns.
@Suite struct FastLongReadingTests {
  static let regions = "id,name,aliases\n肃州区,肃州区,肃州\n玉门市,玉门市,\n敦煌市,敦煌市,\n"
  static let indicators = "id,name,unit\ngdp,地区生产总值,亿元\ninvest,固定资产投资,\nfiscal,财政收入,万元\n"

  /// Rows that load with warnings only: unit conversions, units in cells, a conflicting unit, a
  /// status conflict, masked and missing values, statuses, notes, names that need trimming, an
  /// alias, an indicator whose unit comes from its first row, blank lines.
  static let warningsOnly = """
    region,period,indicator,value,unit,status,target,target_growth,yoy,note,source
    肃州区,2024-H1,gdp,125.57,亿元,actual,300,6.5,5.7,,示例
    肃州区,2024-M03,gdp,535700,万元,,,,,一季度,
    肃州,2024-Q3,gdp,12亿元,万元,,,,6%,, 来源 
    玉门市 ,2024-H1,gdp,*,亿元,,,,,,
    玉门市,2024-M03,gdp,,亿元,,,,,,
    玉门市,2024-Q3,gdp,88.1,亿元,masked,,,,,
    敦煌市,2024-H1,gdp,77.0,亿元,预计,300,6.5,5‰,注,
    敦煌市,2024-M03,invest,12.5,亿元,estimate,,,,,

    敦煌市,2024-Q3,invest,1250,万元,preliminary,,,,,
    肃州区,2024-H1,fiscal,3.25,亿元,,,,−1.5,,
    肃州区,2024-M03,fiscal,  12 ,万元,,,,,,
    肃州区,2024-Q3,fiscal,约12,万元,,,,,,
    玉门市,2024-H1,fiscal,1.5,,,,,,,
    """

  /// Rows with errors of every kind a data row can have, between ordinary ones.
  static let withErrors = """
    region,period,indicator,value,unit,status,target,target_growth,yoy,note,source
    肃州区,2024-H1,gdp,125.57,亿元,actual,300,6.5,5.7,,
    某某县,2024-H1,gdp,1,亿元,,,,,,
    肃州区,2024-X9,gdp,1,亿元,,,,,,
    肃州区,2024-M03,nothing,1,亿元,,,,,,
    肃州区,2024-M03,gdp,12a,亿元,,,,,,
    肃州区,2024-M06,gdp,1,吨,,,,,,
    肃州区,2024-M09,gdp,1,亿元,foo,,,,,
    肃州区,2024-H1,gdp,125.57,亿元,actual,,,,,
    肃州区,2024,gdp,300,亿元,,301,,,,
    玉门市,2024-H1,gdp,1,亿元,,,,7亿元,,
    玉门市,2024-M03,gdp,1,亿元,,,x,,,
    玉门市,2024-M06,gdp,1,亿元
    ,2024-M09,gdp,1,亿元,,,,,,
    玉门市,,gdp,1,亿元,,,,,,
    玉门市,2024-M12,gdp,1,亿元,,,,,,,
    敦煌市,2024-H1,gdp,1,亿元,,,,,,
    """

  static func load(_ text: String) -> LoadResult {
    DatasetLoader.load(
      observations: InputFile(path: "observations.csv", bytes: Array(text.utf8)),
      regions: InputFile(path: "regions.csv", bytes: Array(regions.utf8)),
      indicators: InputFile(path: "indicators.csv", bytes: Array(indicators.utf8)))
  }

  /// The same table read by the parser throughout: a quote anywhere sends the whole text there,
  /// and a quoted header name reads as the bare one.
  static func quotedHeader(_ text: String) -> String { "\"region\"" + text.dropFirst("region".count) }

  @Test(arguments: [warningsOnly, withErrors], [false, true])
  func sameLoadAsTheParser(_ table: String, crlf: Bool) throws {
    let text = crlf ? table.replacing("\n", with: "\r\n") : table
    let fast = Self.load(text)
    let parsed = Self.load(Self.quotedHeader(text))
    #expect(fast.findings == parsed.findings)
    #expect(fast.dataset?.observations == parsed.dataset?.observations)
    #expect(fast.dataset?.indicators == parsed.dataset?.indicators)
    #expect((fast.dataset == nil) == (table == Self.withErrors))
  }

  /// Large enough for the reading thread, with a duplicate key near the end.
  @Test func sameLoadAsTheParserOnTheReadingThread() throws {
    var text = "region,period,indicator,value,unit,target,source\n"
    for n in 0..<24_000 {
      let region = ["肃州区", "玉门市", "敦煌市"][n % 3]
      text += "\(region),\(2000 + n / 36)-M\(String(format: "%02d", n / 3 % 12 + 1)),gdp,\(n % 997).25,亿元,,示例数据（非官方统计）\n"
    }
    let wellFormed = Self.load(text)
    #expect(text.utf8.count >= TableReading.concurrentReadingThreshold)
    #expect(try #require(wellFormed.dataset).observations == Self.load(Self.quotedHeader(text)).dataset?.observations)
    text += "玉门市,2001-M02,gdp,1,亿元,,\n"
    let duplicate = Self.load(text)
    #expect(duplicate.findings == Self.load(Self.quotedHeader(text)).findings)
    #expect(duplicate.codes == ["duplicate-key"])
  }

  /// Past `FastLongReader.trialLines`, a text whose lines mostly need the usual reading (units
  /// on every row of an indicator that declares none) is parsed in one pass from the line it
  /// got to: same rows, and a finding after the switch at its own line and column.
  @Test func mostlyUsualLinesLoadAsTheParserAfterTheSwitch() throws {
    var text = "region,period,indicator,value,unit\n"
    for n in 0..<1_500 {
      text += "\(["肃州区", "玉门市", "敦煌市"][n % 3]),\(1900 + n / 3)-H1,invest,\(n).5,亿元\n"
    }
    text += "玉门市,1950-H1,invest,2,亿元\n敦煌市,2024-H1,invest,12a,亿元\n"
    let fast = Self.load(text)
    let parsed = Self.load(Self.quotedHeader(text))
    #expect(fast.findings == parsed.findings)
    #expect(fast.codes == ["duplicate-key", "bad-number"])
    #expect(fast.findings.last?.location?.line == 1_503)
  }

  /// A note or source repeated down its column is one `String`, as the parser shares it.
  @Test func aRepeatedSourceIsOneString() throws {
    var text = "region,period,indicator,value,unit,source\n"
    for year in 2001...2003 { text += "肃州区,\(year)-H1,gdp,1.5,亿元,示例数据（非官方统计）\n" }
    let observations = try #require(Self.load(text).dataset?.observations)
    let storage = observations.map { observation -> UnsafeRawPointer? in
      var source = observation.source ?? ""
      return source.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }
    #expect(observations.count == 3 && Set(storage).count == 1)
  }

  /// Which lines take the fast way: ordinary data lines, not the header, a blank line, a
  /// ragged line or a name that needs trimming; a text with a quote or a lone carriage return
  /// is left to the parser.
  @Test func ordinaryLinesAreReadFromTheBytes() throws {
    let text = "region,period,indicator,value\n肃州区,2024-H1,gdp,1\n\n玉门市,2024-H1,gdp\n敦煌市 ,2024-H1,gdp,2\n敦煌市,2024-H1,gdp,3"
    var items: [String] = []
    let catalogs = Self.catalogs()
    let findings = TableReading.forEachLongItem(
      of: InputFile(path: "o.csv", bytes: Array(text.utf8)), options: LoadOptions(),
      preparer: ObservationCellParser(file: "o.csv"), regions: catalogs.regions, indicators: catalogs.indicators
    ) { item in
      switch item {
      case .row(let row, _): items.append("row \(row.line)")
      case .text: items.append("text")
      case .fast(let row): items.append("fast \(row.line) column \(row.valueColumn)")
      }
    }
    #expect(findings.isEmpty)
    #expect(items == ["text", "row 1", "fast 2 column 17", "row 3", "row 4", "row 5", "fast 6 column 17"])
    #expect(!FastLongReader.canRead(Array("a,\"b\"\n".utf8)))
    #expect(!FastLongReader.canRead(Array("a,b\rc,d\r\n".utf8)))
    #expect(FastLongReader.canRead(Array("a,b\r\nc,d\r\n".utf8)))
  }

  static func catalogs() -> (regions: Catalog<Region>, indicators: Catalog<Indicator>) {
    var sink = FindingSink()
    let metadata = DatasetLoader.metadata(
      regions: InputFile(path: "regions.csv", bytes: Array(regions.utf8)),
      indicators: InputFile(path: "indicators.csv", bytes: Array(indicators.utf8)), options: LoadOptions(),
      sink: &sink)
    return (metadata.regions, metadata.indicators.catalog)
  }
}
