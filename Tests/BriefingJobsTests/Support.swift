import BriefingCore
import Foundation
import Testing

@testable import BriefingJobs
import TestSupport

/// A clock that moves one second on every reading, from `start` (default 2024-01-05T07:00:00Z).
final class StepClock: RunClock, @unchecked Sendable {
  private let lock = NSLock()
  private var current: Date
  init(start: Date = Date(timeIntervalSince1970: 1_704_438_000)) { current = start }
  func now() -> Date {
    lock.lock()
    defer { lock.unlock() }
    current += 1
    return current
  }
}

final class RecordingSleeper: Sleeper, @unchecked Sendable {
  var delays: [Double] = []
  func sleep(seconds: Double) { delays.append(seconds) }
}

/// A disk with `free` bytes left: a write past it stores what fits and fails with ENOSPC, and
/// so does creating a folder once nothing is left; renames and links need no space.
final class FullDisk: OutputFileSystem, @unchecked Sendable {
  private let lock = NSLock()
  private var free: Int
  init(free: Int) { self.free = free }

  func writeNewFile(_ path: String, _ bytes: [UInt8]) throws(FileFailure) { try write(path, bytes, durable: true) }
  func writeStagedFile(_ path: String, _ bytes: [UInt8]) throws(FileFailure) { try write(path, bytes, durable: false) }
  func flushFileSystem(of folder: String) throws(FileFailure) { try Posix.syncFileSystem(of: folder) }
  private func write(_ path: String, _ bytes: [UInt8], durable: Bool) throws(FileFailure) {
    lock.lock()
    let fits = min(free, bytes.count)
    free -= fits
    lock.unlock()
    try Posix.writeNewFile(path, Array(bytes.prefix(fits)), durable: durable)
    if fits < bytes.count { throw FileFailure("write", path, code: ENOSPC) }
  }
  func makeDirectory(_ path: String) throws(FileFailure) {
    lock.lock()
    let full = free == 0
    lock.unlock()
    if full { throw FileFailure("mkdir", path, code: ENOSPC) }
    try Posix.makeDirectory(path)
  }
  func rename(_ from: String, _ to: String) throws(FileFailure) { try Posix.rename(from, to) }
  func link(_ existing: String, _ new: String) throws(FileFailure) { try Posix.link(existing, new) }
}

struct FakeProducer: ReportProducing {
  var failRegion: String?
  var salt = "v1"
  func produce(_ unit: WorkUnit) throws -> [ProducedFile] {
    if unit.region == failRegion { throw UnitProblem("renderer exploded for \(unit.region ?? "-")") }
    let text = "PDF \(salt) \(unit.layoutName) \(unit.region ?? "-") \(unit.period)"
    return [ProducedFile(path: unit.outputName + ".pdf", bytes: Array(text.utf8), pages: 2)]
  }
}

/// A temporary job folder with data, one layout and an output folder.
struct Fixture {
  let root: String
  var output: String { root + "/out" }
  var jobPath: String { root + "/job.yaml" }

  init(extra: String = "") {
    root = try! TestScratch.folder("jobs")
    try! FileManager.default.createDirectory(atPath: root + "/data", withIntermediateDirectories: true)
    try! FileManager.default.createDirectory(atPath: root + "/layouts", withIntermediateDirectories: true)
    write("data/values.csv", "region,period,value\nA,2024-H1,1\n")
    write("layouts/overview.yaml", "version: 1\n")
    write("job.yaml", "version: 1\ndata: data\nlayouts: [layouts/overview.yaml]\noutput: out\nregions: every\n" + extra)
  }

  func write(_ relative: String, _ text: String) {
    let path = root + "/" + relative
    try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  func job() -> JobFile {
    let text = try! String(contentsOfFile: jobPath, encoding: .utf8)
    let (job, findings) = JobLoader.load(yaml: text, file: jobPath)
    #expect(!findings.hasErrors, "\(findings)")
    return job!
  }

  func options(_ log: MemoryLogSink = MemoryLogSink(), tool: String = "1.0.0") -> RunOptions {
    var options = RunOptions(toolVersion: tool, log: log)
    options.clock = StepClock()
    options.sleeper = RecordingSleeper()
    options.environment = [:]
    options.pauseAfterPublishing = nil
    options.pid = 4242
    return options
  }

  func run(
    _ producer: any ReportProducing = FakeProducer(), regions: [String] = ["A", "B", "C"],
    periods: [String] = ["2023", "2024-H1", "2024-Q2"], options: RunOptions? = nil, job: JobFile? = nil
  ) -> RunReport {
    JobRunner.run(
      job: job ?? self.job(), producer: producer, periods: periods.compactMap(Period.init(code:)),
      regions: regions, options: options ?? self.options())
  }

  func read(_ relative: String) -> [UInt8]? {
    FileManager.default.contents(atPath: output + "/" + relative).map { [UInt8]($0) }
  }

  /// Every visible (non-dot) file under the output folder, relative.
  func visibleFiles() -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: output)
    var found: [String] = []
    while let path = enumerator?.nextObject() as? String {
      if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: output + "/" + path, isDirectory: &isDirectory)
      if !isDirectory.boolValue { found.append(path) }
    }
    return found.sorted()
  }

  func hiddenEntries() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []).filter { $0.hasPrefix(".") && $0 != ".briefing.lock" }
  }
}
