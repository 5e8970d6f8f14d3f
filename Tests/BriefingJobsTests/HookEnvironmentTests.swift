import BriefingCore
import Foundation
import Testing

@testable import BriefingJobs

/// Every `BRIEFING_*` variable a hook sees, as README's hook table lists them.
@Suite struct HookEnvironmentTests {
  /// A hook that writes its `BRIEFING_*` variables (NUL-separated, values may hold newlines).
  static func dumping(_ hook: String) -> String {
    "\(hook): 'env -0 | grep -z ^BRIEFING_ > ../\(hook).env'\n"
  }

  static func variables(_ fixture: Fixture, _ hook: String) -> [String: String] {
    let data = FileManager.default.contents(atPath: fixture.root + "/\(hook).env") ?? Data()
    var found: [String: String] = [:]
    for entry in data.split(separator: 0) {
      let text = String(decoding: entry, as: UTF8.self)
      guard let equals = text.firstIndex(of: "=") else { continue }
      found[String(text[..<equals])] = String(text[text.index(after: equals)...])
    }
    return found
  }

  @Test func onSuccessSeesTheRunsPeriodIdAndPage() throws {
    let fixture = Fixture(extra: Self.dumping("on_success"))
    let report = fixture.run()
    #expect(report.outcome == .ok)
    let seen = Self.variables(fixture, "on_success")
    #expect(seen == [
      "BRIEFING_STATUS": "ok",
      "BRIEFING_OUTPUT": fixture.output,
      "BRIEFING_MANIFEST": fixture.output + "/runs/\(report.runID!)/manifest.json",
      "BRIEFING_RUN_ID": report.runID!,
      "BRIEFING_PERIOD": "2024-H1",
      "BRIEFING_INDEX": fixture.output + "/index.html",
      "BRIEFING_FAILED_UNITS": "",
    ])
  }

  @Test func onFailureSeesTheFailedUnitsOneALine() throws {
    let fixture = Fixture(extra: Self.dumping("on_failure"))
    let report = fixture.run(FakeProducer(failRegion: "B"), regions: ["A", "B", "C D"])
    #expect(report.exitCode == 76)
    let seen = Self.variables(fixture, "on_failure")
    #expect(seen["BRIEFING_STATUS"] == "partial")
    #expect(seen["BRIEFING_PERIOD"] == "2024-H1")
    #expect(seen["BRIEFING_RUN_ID"] == report.runID)
    #expect(seen["BRIEFING_FAILED_UNITS"] == "overview/B-2024-H1")
    #expect(seen["BRIEFING_SUMMARY"]?.hasPrefix("briefing: run failed: partial (exit 76)") == true)
    #expect(seen["BRIEFING_INDEX"] == fixture.output + "/index.html")
  }

  /// No manifest (another run holds the lock): the run's variables are there, empty.
  @Test func withoutAManifestTheRunsVariablesAreEmpty() throws {
    let fixture = Fixture(extra: Self.dumping("on_failure"))
    try FileManager.default.createDirectory(atPath: fixture.output, withIntermediateDirectories: true)
    let lock = try RunLock.acquire(out: fixture.output, shard: nil, pid: 1).get()
    defer { lock.release() }
    #expect(fixture.run().exitCode == 75)
    let seen = Self.variables(fixture, "on_failure")
    #expect(seen["BRIEFING_STATUS"] == "locked")
    for name in ["BRIEFING_MANIFEST", "BRIEFING_RUN_ID", "BRIEFING_PERIOD", "BRIEFING_FAILED_UNITS", "BRIEFING_INDEX"] {
      #expect(seen[name] == "", "\(name)")
    }
  }
}
