import Dispatch
import Synchronization

// MARK: - Parts in parallel, delivered in order

extension ComparisonPlan {
  /// Builds one part per indicator with `build` on `threads` threads and hands the parts to
  /// `deliver`, on the calling thread, in indicator order. Builders take the next indicator as
  /// soon as they finish one and delivery overlaps the building (the export's writes happen
  /// while the next parts are built), so no thread waits for a slow wave. At most
  /// `threads + 1` parts are built but not yet delivered, so memory stays bounded by the largest
  /// indicators, not the table. `build` touches no shared state but thread-safe state
  /// (`SpareBuffers`). `deliver` owns the part (nothing else holds it: its buffers can be used
  /// again). When `deliver` throws, the builders stop after their current part and the error is
  /// rethrown.
  public func forEachIndicatorPart<Part: Sendable, Failure: Error>(
    threads: Int, build: @Sendable (_ indicator: Int) -> Part,
    deliver: (consuming Part) throws(Failure) -> Void
  ) throws(Failure) {
    let count = indicatorCount
    let width = min(max(threads, 1), count)
    guard width > 1 else {
      for i in 0..<count { try deliver(build(i)) }
      return
    }
    let queue = PartQueue<Part>(count: count, inFlight: width + 1)
    let builders = DispatchGroup()
    var failure: Failure?
    withoutActuallyEscaping(build) { build in
      for _ in 0..<width {
        DispatchQueue.global().async(group: builders) {
          while let i = queue.claim() { queue.put(build(i), at: i) }
        }
      }
      do throws(Failure) {
        for i in 0..<count { try deliver(queue.take(i)) }
      } catch {
        failure = error
        queue.cancel()
      }
      builders.wait()
    }
    if let failure { throw failure }
  }
}

/// The hand-over between part builders and the in-order delivery: indices to claim, finished
/// parts by index, and room for at most `inFlight` parts not yet taken.
private final class PartQueue<Part: Sendable>: Sendable {
  private let state: Mutex<(next: Int, cancelled: Bool, parts: [Part?])>
  private let ready: [DispatchSemaphore]
  private let room: DispatchSemaphore
  private let inFlight: Int

  init(count: Int, inFlight: Int) {
    state = Mutex((0, false, Array(repeating: nil, count: count)))
    ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
    room = DispatchSemaphore(value: inFlight)
    self.inFlight = inFlight
  }

  /// The next index to build, after waiting for room; nil when all are claimed or cancelled.
  func claim() -> Int? {
    room.wait()
    let claimed: Int? = state.withLock { state in
      guard !state.cancelled, state.next < state.parts.count else { return nil }
      defer { state.next += 1 }
      return state.next
    }
    if claimed == nil { room.signal() }  // let the other builders see the end too
    return claimed
  }

  func put(_ part: Part, at index: Int) {
    state.withLock { $0.parts[index] = part }
    ready[index].signal()
  }

  /// Waits for part `index`, removes it and makes room for another.
  func take(_ index: Int) -> Part {
    ready[index].wait()
    let part = state.withLock { state in
      defer { state.parts[index] = nil }
      return state.parts[index]!
    }
    room.signal()
    return part
  }

  /// Builders stop claiming; any waiting for room are woken.
  func cancel() {
    state.withLock { $0.cancelled = true }
    for _ in 0..<inFlight { room.signal() }
  }
}
