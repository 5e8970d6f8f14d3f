import BriefingCore
import Testing

@testable import BriefingIngest

/// Reading on a second thread (files of 1 MiB and more) must hand over exactly the rows and
/// findings of the plain reader, in the same order, including rows with errors.
@Suite struct ConcurrentReadingTests {
  /// About 1.3 MB of CSV: 30,000 rows, a few bad ones spread over the file (a letter in a
  /// number, an unknown period, a quoted field with a newline inside).
  static let bigFile: InputFile = {
    var text = "region,period,indicator,value,unit,note\n"
    for n in 0..<30_000 {
      let period = n % 9_973 == 17 ? "2024-X9" : "2024-M\(n % 12 < 9 ? "0" : "")\(n % 12 + 1)"
      let value = n % 7_919 == 5 ? "12a.5" : "\(n % 1_000).\(n % 10)"
      let note = n % 5_003 == 3 ? "\"two\nlines\"" : "备注\(n % 3)"
      text += "县\(n % 500),\(period),指标\(n / 6_000),\(value),万元,\(note)\n"
    }
    return InputFile(path: "big.csv", bytes: Array(text.utf8))
  }()

  @Test func sameRowsAndFindingsAsThePlainReader() {
    let file = Self.bigFile
    #expect(file.bytes.count >= TableReading.concurrentReadingThreshold)
    var plainRows: [TableRow] = []
    let plainFindings = TableReading.forEachRow(of: file, options: LoadOptions()) { plainRows.append($0) }
    var concurrentRows: [TableRow] = []
    var preparedCount = 0
    let concurrentFindings = TableReading.concurrently(
      bytes: file.bytes.count,
      produce: { emit in
        var preparer = ObservationCellParser(file: file.path)
        return TableReading.forEachRow(of: file, options: LoadOptions()) { emit(($0, preparer.prepare($0))) }
      }
    ) { (row: TableRow, cells: ObservationCells?) in
      concurrentRows.append(row)
      if let cells {
        preparedCount += 1
        #expect((cells.value == nil) == row.cells[3].text.contains("a"), "line \(row.line)")
      }
    }
    #expect(preparedCount == 30_000)
    #expect(concurrentRows.count == 30_001)
    #expect(concurrentRows == plainRows)
    #expect(concurrentFindings == plainFindings)
  }

  @Test func loadingGivesTheSameFindingsInOrder() {
    let result = DatasetLoader.load(observations: Self.bigFile)
    #expect(result.dataset == nil)
    let located = result.findings.filter { $0.severity == .error }.compactMap { $0.location?.line }
    #expect(!located.isEmpty)
    #expect(located == located.sorted())
    #expect(result.codes.contains("bad-number") && result.codes.contains("bad-period"))
  }

  /// Names looked up ahead on the reading thread (fixed catalogs from metadata files) resolve
  /// to the same entries as the builder's own lookup, and a name the metadata lacks is still
  /// reported on its line.
  @Test(arguments: [false, true])
  func namesResolvedAheadMatchTheMetadata(lastRegionKnown: Bool) throws {
    // Row n: region n % 500, month (n / 500) % 12 + 1, indicator n / 6,000 (no key twice).
    var text = "region,period,indicator,value,note\n"
    for n in 0..<30_000 {
      let month = (n / 500) % 12 + 1
      text += "县\(n % 500),2024-M\(month < 10 ? "0" : "")\(month),指标\(n / 6_000),\(n % 1_000).5,示例数据\n"
    }
    let known = lastRegionKnown ? 500 : 499
    let regions = "id,name\n" + (0..<known).map { "r\($0),县\($0)" }.joined(separator: "\n") + "\n"
    let indicators = "id,name\n" + (0..<5).map { "i\($0),指标\($0)" }.joined(separator: "\n") + "\n"
    let result = DatasetLoader.load(
      observations: InputFile(path: "big.csv", bytes: Array(text.utf8)),
      regions: InputFile(path: "regions.csv", bytes: Array(regions.utf8)),
      indicators: InputFile(path: "indicators.csv", bytes: Array(indicators.utf8)))
    #expect(text.utf8.count >= TableReading.concurrentReadingThreshold)
    if lastRegionKnown {
      let dataset = try #require(result.dataset)
      #expect(dataset.observations.count == 30_000)
      for (n, observation) in dataset.observations.enumerated() {
        #expect(observation.region.rawValue == "r\(n % 500)" && observation.indicator.rawValue == "i\(n / 6_000)")
      }
    } else {
      #expect(result.dataset == nil)
      let unknown = result.findings.filter { $0.message.code == "unknown-region" }
      #expect(unknown.compactMap { $0.location?.line } == (0..<30_000).filter { $0 % 500 == 499 }.map { $0 + 2 })
    }
  }
}
