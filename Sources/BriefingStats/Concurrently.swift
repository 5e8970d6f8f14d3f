import Dispatch
import Synchronization

// MARK: - Two at once

/// `first()` on the calling thread while `second()` runs on another; both results, as if run
/// one after the other. For independent steps of one phase (the comparison plan's cell metrics
/// and annual targets), so that the second core is not idle in a serial stretch.
func concurrently<First, Second: Sendable>(
  _ first: () -> First, _ second: @escaping @Sendable () -> Second
) -> (First, Second) {
  let box = ResultBox<Second>()
  let done = DispatchSemaphore(value: 0)
  DispatchQueue.global().async {
    box.result.withLock { $0 = second() }
    done.signal()
  }
  let firstResult = first()
  done.wait()
  return (firstResult, box.result.withLock { $0.take()! })
}

/// The other thread's result, handed over under a lock.
private final class ResultBox<Value: Sendable>: Sendable {
  let result = Mutex<Value?>(nil)
}
