import BriefingCore
import Foundation
import Testing

@testable import BriefingIngest

/// Loads every dataset folder under `$BRIEFING_SAMPLES` (e.g. `Samples/`): no errors, no warnings.
@Suite struct SamplesTests {
  @Test(.enabled(if: ProcessInfo.processInfo.environment["BRIEFING_SAMPLES"] != nil))
  func samplesLoadCleanly() throws {
    let root = try #require(ProcessInfo.processInfo.environment["BRIEFING_SAMPLES"])
    let folders = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
      .map { root + "/" + $0 }
      .filter { FileManager.default.fileExists(atPath: $0 + "/observations.csv") }
    #expect(!folders.isEmpty)
    for folder in folders {
      let result = DatasetLoader.load(folder)
      #expect(result.findings.isEmpty, "\(folder): \(result.findings)")
      #expect(result.dataset != nil, "\(folder)")
    }
  }
}
