import BriefingCore
import Foundation
import Testing

@testable import BriefingIngest

/// Loads 1,000,000 generated rows (100 regions × 50 indicators × 200 periods).
/// Run with `BRIEFING_PERF=1 swift test -c release -Xswiftc -enable-testing --filter Performance`.
@Suite struct PerformanceTests {
  @Test(.enabled(if: ProcessInfo.processInfo.environment["BRIEFING_PERF"] != nil))
  func millionRows() throws {
    var text = "region,period,indicator,value,unit,status\n"
    text.reserveCapacity(50_000_000)
    for year in 2000..<2017 {
      for month in 1...12 where (year - 2000) * 12 + month <= 200 {
        let period = "\(year)-M" + (month < 10 ? "0\(month)" : "\(month)")
        for indicator in 0..<50 {
          for region in 0..<100 {
            text += "县\(region),\(period),指标\(indicator),\(region * 7 + indicator).5,万元,\n"
          }
        }
      }
    }
    let bytes = Array(text.utf8)
    text = ""
    let clock = ContinuousClock()
    var result: LoadResult?
    let elapsed = clock.measure {
      result = DatasetLoader.load(observations: InputFile(path: "big.csv", bytes: bytes))
    }
    let loaded = try #require(result?.dataset)
    #expect(loaded.observations.count == 1_000_000)
    print("1M rows (\(bytes.count / 1_000_000) MB) loaded in \(elapsed)")
  }
}
