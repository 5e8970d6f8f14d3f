import BriefingCore
import Foundation
import Testing

@testable import BriefingJobs
import TestSupport

@Suite struct JobFileTests {
  @Test func defaultsAndResolution() throws {
    let (job, findings) = JobLoader.load(
      yaml: "version: 1\ndata: ../data\nlayouts: a.yaml\noutput: out\n", file: "/srv/jobs/q.yaml")
    #expect(findings.isEmpty)
    let loaded = try #require(job)
    #expect(loaded.data == "/srv/data")
    #expect(loaded.layouts == ["/srv/jobs/a.yaml"])
    #expect(loaded.output == "/srv/jobs/out")
    #expect(loaded.name == "{layout}/{region}-{period}")
    #expect(loaded.retention == 12)
    #expect(loaded.regions == .every)
    #expect(loaded.period == .latest)
    #expect(loaded.schedule == nil)
  }

  @Test func fullJob() throws {
    let yaml = """
      version: 1
      data: /d
      layouts: [/l/a.yaml, /l/b.yaml]
      regions: [620900, 620100]
      group: 甘肃
      period: 2024-H1
      output: /o
      name: "{period}/{region}"
      retention: 3
      schedule:
        cron: 0 7 5 1,4,7,10 *
        timezone: Asia/Shanghai
      language: zh-Hans
      on_success: echo ok
      on_failure: echo bad
      """
    let (job, findings) = JobLoader.load(yaml: yaml, file: "/j.yaml")
    #expect(findings.isEmpty, "\(findings)")
    let loaded = try #require(job)
    #expect(loaded.regions == .list(["620900", "620100"]))
    #expect(loaded.period == .fixed(Period(year: 2024, kind: .cumulative(through: 6))))
    #expect(loaded.schedule?.cron.values[3] == [1, 4, 7, 10])
    #expect(loaded.schedule?.timezone == "Asia/Shanghai")
    #expect(loaded.onFailure == "echo bad")
    #expect(loaded.retention == 3)
  }

  @Test func typoKeyHasLocationAndSuggestion() {
    let (job, findings) = JobLoader.load(
      yaml: "version: 1\ndata: d\nlayouts: [a]\noutput: o\nretension: 4\n", file: "job.yaml")
    #expect(job == nil)
    let finding = findings.first { $0.message.code == "unknown-key" }
    #expect(finding?.location == SourceLocation(file: "job.yaml", line: 5, column: 1))
    #expect(finding?.notes == ["did you mean 'retention'?"])
    #expect(finding?.description.hasPrefix("job.yaml:5:1: error: unknown key 'retension'") == true)
  }

  @Test func nestedTypoAndMissingKeys() {
    let (_, findings) = JobLoader.load(yaml: "version: 1\nschedule:\n  corn: '0 7 * * *'\n", file: "j.yaml")
    #expect(findings.contains { $0.message.code == "unknown-key" && $0.notes == ["did you mean 'cron'?"] && $0.location?.line == 3 })
    #expect(findings.filter { $0.message.code == "missing-key" }.count == 4)  // data, layouts, output, schedule.cron
  }

  /// Found by `make fuzz`: a required key with a null value gave no job and no error.
  @Test func nullRequiredValuesAreMissingKeys() {
    let (job, findings) = JobLoader.load(
      yaml: "version: 1\ndata: ~\nlayouts: [a.yaml]\noutput:\n", file: "j.yaml")
    #expect(job == nil)
    let missing = findings.filter { $0.message.code == "missing-key" }
    #expect(missing.map { $0.location?.line } == [2, 4])
    #expect(findings.hasErrors)
  }

  @Test(arguments: [
    ("0 7 5 1,4,7,10", "4 fields"),
    ("61 7 * * *", "field 1 (minute) '61': 61 is out of range"),
    ("0 24 * * *", "field 2 (hour)"),
    ("0 7 0 * *", "field 3 (day of month)"),
    ("0 7 * 13 *", "field 4 (month)"),
    ("0 7 * * 8", "field 5 (day of week)"),
    ("0 7 * * x", "'x' is not a number"),
    ("0 7 10-5 * *", "reversed"),
    ("*/0 * * * *", "step"),
  ])
  func badCron(expression: String, expected: String) {
    let (job, findings) = JobLoader.load(
      yaml: "version: 1\ndata: d\nlayouts: [a]\noutput: o\nschedule:\n  cron: \"\(expression)\"\n", file: "j.yaml")
    #expect(job == nil)
    let finding = findings.first { $0.message.code == "bad-cron" }
    #expect(finding?.message.text.contains(expected) == true, "\(findings)")
    #expect(finding?.location?.line == 6)
  }

  @Test func cronValues() throws {
    #expect(try CronExpression("*/15 7-9 * jan-mar mon-fri").values[0] == [0, 15, 30, 45])
    #expect(try CronExpression("0 7 * jan-mar 7").values[4] == [0])
    #expect(try CronExpression("@monthly").text == "0 0 1 * *")
  }

  @Test func otherValueErrors() {
    let (_, findings) = JobLoader.load(
      yaml: "version: 2\ndata: d\nlayouts: [a]\noutput: o\nperiod: lastest\nname: '{regoin}.pdf'\nretention: 0\nschedule:\n  cron: '0 7 * * *'\n  timezone: Mars/Base\n",
      file: "j.yaml")
    let codes = Set(findings.map(\.message.code))
    #expect(codes == ["unsupported-version", "bad-period", "bad-name-pattern", "wrong-type", "bad-timezone"])
    #expect(findings.first { $0.message.code == "bad-period" }?.notes == ["did you mean 'latest'?"])
    #expect(findings.first { $0.message.code == "bad-name-pattern" }?.notes == ["did you mean '{region}'?"])
  }
}

@Suite struct SafeNameTests {
  @Test(arguments: [
    ("../../etc/x", "_._etc_x"),
    ("酒泉市", "酒泉市"),
    ("许昌/禹州", "许昌_禹州"),
    ("a\u{0}b\u{7}c\nd\u{202E}e", "abcde"),
    (".hidden", "hidden"),
    ("..", "_"),
    ("", "_"),
    ("C:\\win*?", "C__win__"),
    ("  spaced  ", "spaced"),
  ])
  func component(raw: String, expected: String) {
    #expect(SafeName.component(raw) == expected)
  }

  @Test func lengthCapKeepsCharacters() {
    let long = String(repeating: "酒", count: 100)  // 300 bytes
    let safe = SafeName.component(long)
    #expect(safe.utf8.count <= SafeName.maxBytes)
    // 37 whole characters (111 bytes) and `~` with 8 hex digits of the whole name's SHA-256.
    #expect(safe.hasPrefix(String(repeating: "酒", count: 37) + "~") && safe.utf8.count == 120)
  }

  @Test func expandedNamesStayInside() {
    let name = SafeName.expand("{layout}/{region}-{period}", layout: "overview", region: "../../etc/x", period: "2024-H1")
    #expect(name == "overview/_._etc_x-2024-H1")
    #expect(SafeName.isSafeRelativePath(name))
    #expect(!SafeName.isSafeRelativePath("../x.pdf"))
    #expect(!SafeName.isSafeRelativePath("/etc/x"))
    #expect(!SafeName.isSafeRelativePath("a//b"))
    #expect(SafeName.expand("{region}", layout: "l", region: nil, period: "p") == "all")
  }
}

/// `hook_timeout`: whole seconds 1…86400, default 600.
@Suite struct HookTimeoutKeyTests {
  @Test func readsAndChecksHookTimeout() throws {
    let base = "version: 1\ndata: d\nlayouts: a.yaml\noutput: out\n"
    #expect(JobLoader.load(yaml: base, file: "/j.yaml").0?.hookTimeout == 600)
    #expect(JobLoader.load(yaml: base + "hook_timeout: 45\n", file: "/j.yaml").0?.hookTimeout == 45)
    let (job, findings) = JobLoader.load(yaml: base + "hook_timeout: 0\n", file: "/j.yaml")
    #expect(job == nil)
    let finding = try #require(findings.first)
    #expect(finding.description.hasPrefix("/j.yaml:5:15: error: hook_timeout must be a whole number 1…86400"), "\(finding)")
  }
}

@Suite struct SHA256Tests {
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
  ])
  func vectors(input: String, digest: String) {
    #expect(SHA256.hex(Array(input.utf8)) == digest)
  }

  @Test func millionAsAndChunking() {
    let context = SHA256.Context()
    let chunk = [UInt8](repeating: 0x61, count: 1000)
    for _ in 0..<1000 { context.update(chunk[0..<(1000)]) }
    #expect(context.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  /// A file is hashed in pieces (`SHA256.fileChunk`) to the same digest as its bytes at once.
  @Test func fileDigestEqualsBytesDigest() throws {
    let path = try TestScratch.folder("sha") + "/big.bin"
    let bytes = (0..<(SHA256.fileChunk * 2 + 17)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect(try SHA256.hex(fileAt: path) == SHA256.hex(bytes))
    #expect(throws: FileFailure.self) { try SHA256.hex(fileAt: path + ".missing") }
  }
}
