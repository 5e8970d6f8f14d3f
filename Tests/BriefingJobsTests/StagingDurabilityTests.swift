import BriefingCore
import Foundation
import Testing

@testable import BriefingJobs

// MARK: - Staged files reach the disk once, before any is published

/// Records every write, flush and rename a run makes, in order, and does them for real.
final class RecordingFileSystem: OutputFileSystem, @unchecked Sendable {
  private let lock = NSLock()
  private var log: [String] = []
  var events: [String] {
    lock.lock()
    defer { lock.unlock() }
    return log
  }

  private func note(_ event: String) {
    lock.lock()
    log.append(event)
    lock.unlock()
  }

  func writeNewFile(_ path: String, _ bytes: [UInt8]) throws(FileFailure) {
    note("durable " + path)
    try Posix.writeNewFile(path, bytes)
  }
  func writeStagedFile(_ path: String, _ bytes: [UInt8]) throws(FileFailure) {
    note("staged " + path)
    try Posix.writeNewFile(path, bytes, durable: false)
  }
  func flushFileSystem(of folder: String) throws(FileFailure) {
    note("flush " + folder)
    try Posix.syncFileSystem(of: folder)
  }
  func makeDirectory(_ path: String) throws(FileFailure) { try Posix.makeDirectory(path) }
  func rename(_ from: String, _ to: String) throws(FileFailure) {
    note("rename " + from)
    try Posix.rename(from, to)
  }
  func link(_ existing: String, _ new: String) throws(FileFailure) { try Posix.link(existing, new) }
}

@Suite struct StagingDurabilityTests {
  @Test func stagedFilesAreFlushedOnceBeforeTheFirstRename() throws {
    let fixture = Fixture()
    let files = RecordingFileSystem()
    var options = fixture.options()
    options.fileSystem = files
    let report = fixture.run(SheetAndChartProducer(), options: options)
    #expect(report.outcome == .ok)
    let events = files.events
    let staging = "/" + JobRunner.stagingPrefix
    let stagedWrites = events.filter { $0.hasPrefix("staged ") }
    #expect(stagedWrites.count == 6 + 3, "6 outputs, index.html and two manifests: \(events)")
    #expect(!events.contains { $0.hasPrefix("durable ") && $0.contains(staging) }, "no fsync per staged file: \(events)")
    let flushes = events.indices.filter { events[$0].hasPrefix("flush ") }
    #expect(flushes.count == 1, "one flush: \(events)")
    let firstRename = try #require(events.firstIndex { $0.hasPrefix("rename ") })
    let lastStaged = try #require(events.lastIndex { $0.hasPrefix("staged ") })
    #expect(flushes.first.map { lastStaged < $0 && $0 < firstRename } == true, "flush after staging, before publishing: \(events)")
  }

  @Test func aFailedFlushPublishesNothing() {
    let fixture = Fixture()
    let report = fixture.run(SheetAndChartProducer(), options: {
      var options = fixture.options()
      options.fileSystem = FailingFlush()
      return options
    }())
    #expect(report.outcome == .ioError)
    #expect(report.exitCode == 74)
    #expect(fixture.visibleFiles().allSatisfy { $0 == "manifest.json" || $0.hasPrefix("runs/") || $0 == "index.html" },
      "no output published: \(fixture.visibleFiles())")
    #expect(fixture.hiddenEntries().isEmpty, "staging removed")
  }
}

/// Every write works; the flush before publishing fails as a disk reporting a writeback error.
final class FailingFlush: OutputFileSystem, @unchecked Sendable {
  func writeNewFile(_ path: String, _ bytes: [UInt8]) throws(FileFailure) { try Posix.writeNewFile(path, bytes) }
  func writeStagedFile(_ path: String, _ bytes: [UInt8]) throws(FileFailure) { try Posix.writeNewFile(path, bytes, durable: false) }
  func flushFileSystem(of folder: String) throws(FileFailure) { throw FileFailure("syncfs", folder, code: EIO) }
  func makeDirectory(_ path: String) throws(FileFailure) { try Posix.makeDirectory(path) }
  func rename(_ from: String, _ to: String) throws(FileFailure) { try Posix.rename(from, to) }
  func link(_ existing: String, _ new: String) throws(FileFailure) { try Posix.link(existing, new) }
}
