import Dispatch

// MARK: - Two at once

/// `first()` on the calling thread while `second()` runs on another; both results, as if run
/// one after the other. For independent steps of one phase (the comparison plan's cell metrics,
/// and its annual targets and groups), so that the second core is not idle in a serial stretch.
/// This function's own references to `second` and what it captures are gone when it returns
/// (the caller's closure value goes right after; the plan then lets go of the dataset's
/// observations).
func concurrently<First, Second: Sendable>(
  _ first: () -> First, _ second: @escaping @Sendable () -> Second
) -> (First, Second) {
  let task = SecondTask(second)
  DispatchQueue.global().async { task.run() }
  let firstResult = first()
  return (firstResult, task.wait())
}

/// The other thread's step: run once, its closure dropped before its result is handed over.
/// Unchecked: `work` and `result` are written by `run` before the semaphore is signalled and
/// read by `wait` after it is waited for, never at the same time.
private final class SecondTask<Value: Sendable>: @unchecked Sendable {
  private var work: (@Sendable () -> Value)?
  private var result: Value?
  private let done = DispatchSemaphore(value: 0)

  init(_ work: @escaping @Sendable () -> Value) { self.work = work }

  func run() {
    result = work?()
    work = nil
    done.signal()
  }

  func wait() -> Value {
    done.wait()
    defer { result = nil }
    return result!
  }
}
