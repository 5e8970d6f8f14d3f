import Foundation
import Synchronization
import Testing
import TestSupport

@testable import BriefingJobs

// MARK: - A released run lock is free at once

/// A process starting a child copies every open descriptor into it until the child executes
/// its program, so the run lock's descriptor briefly lives on in a child started by another
/// thread (a hook, a test's `briefing` process). `release()` must free the lock anyway: the next
/// run in the same process, a moment later, takes it (tests run jobs next to tests that start
/// processes; this once failed a run with 75, "locked").
@Suite struct RunLockReleaseTests {
  /// Lock-and-release rounds while another thread keeps starting `/bin/true`. Default: 500.
  static let rounds = 500

  @Test func releasedLockIsFreeWhileAnotherThreadStartsProcesses() throws {
    let out = try TestScratch.folder("run-lock")
    let spawner = Spawner()
    spawner.start()
    var refused = 0
    for _ in 0..<Self.rounds {
      switch RunLock.acquire(out: out, shard: nil, pid: 1) {
      case .success(let lock): lock.release()
      case .failure(.held): refused += 1
      case .failure(.failed(let failure)): Issue.record("\(failure)")
      }
    }
    let started = spawner.stop()
    #expect(started > 0, "no process was started during the rounds")
    #expect(refused == 0, "\(refused) of \(Self.rounds) rounds found the released lock held")
  }
}

/// Starts `/bin/true` again and again on its own thread until stopped.
private final class Spawner: Sendable {
  private let stopping = Atomic(false)
  private let started = Atomic(0)
  private let finished = DispatchSemaphore(value: 0)

  func start() {
    Thread { [self] in
      defer { finished.signal() }
      while !stopping.load(ordering: .relaxed) {
        guard let child = try? Process.run(URL(fileURLWithPath: "/bin/true"), arguments: [])
        else { return }
        child.waitUntilExit()
        started.add(1, ordering: .relaxed)
      }
    }.start()
  }

  /// Stops the thread; returns how many processes it started.
  func stop() -> Int {
    stopping.store(true, ordering: .relaxed)
    finished.wait()
    return started.load(ordering: .relaxed)
  }
}
