import BriefingCore
import Dispatch
import Synchronization

// MARK: - Reading on a second thread

extension TableReading {
  /// Files at least this large (bytes) are read on a second thread by `concurrently`.
  static let concurrentReadingThreshold = 1 << 20

  /// Runs `produce`, which reads a file of `bytes` bytes and hands each item it makes to its
  /// argument, and `consume` on every item in the same order; returns what `produce` returns.
  /// From `concurrentReadingThreshold` bytes on, `produce` runs on a second thread and the items
  /// cross over in batches through a bounded channel, so memory stays at a few batches. The two
  /// halves of loading (reading, building) then overlap instead of adding up.
  static func concurrently<Item: Sendable>(
    bytes: Int, produce: @escaping @Sendable (_ emit: (Item) -> Void) -> [Finding],
    consume: (Item) -> Void
  ) -> [Finding] {
    guard bytes >= concurrentReadingThreshold else { return produce(consume) }
    let channel = BatchChannel<ItemBatch<Item>>(capacity: 8)
    // Consumed batches go back to the reading thread to be freed there: freed on this thread,
    // what the reading thread allocated waited on its malloc arena's lock (a quoted 4.8 M-row
    // table: 21,000–32,000 context switches, 93 % of them futex waits in `_int_free`).
    let consumed = Mutex<[[Item]]>([])
    DispatchQueue.global().async {
      let batchSize = 4_096
      var batch: [Item] = []
      batch.reserveCapacity(batchSize)
      let findings = produce { item in
        batch.append(item)
        if batch.count == batchSize {
          channel.send(.items(batch))
          batch = consumed.withLock { $0.popLast() } ?? []
          batch.removeAll(keepingCapacity: true)
          batch.reserveCapacity(batchSize)
        }
      }
      if !batch.isEmpty { channel.send(.items(batch)) }
      channel.send(.end(findings))
    }
    while true {
      switch channel.receive() {
      case .items(let items):
        items.forEach(consume)
        consumed.withLock { $0.append(items) }
      case .end(let findings): return findings
      }
    }
  }
}

/// What the reading thread hands over: a batch of items, or the end with the read's findings.
private enum ItemBatch<Item: Sendable>: Sendable {
  case items([Item])
  case end([Finding])
}
// MARK: - Channel

/// A bounded first-in first-out channel between one sending and one receiving thread:
/// `send` waits while `capacity` elements are pending, `receive` waits while none is.
final class BatchChannel<Element: Sendable>: Sendable {
  private let pending = Mutex<[Element]>([])
  private let freeSlots: DispatchSemaphore
  private let filledSlots = DispatchSemaphore(value: 0)

  init(capacity: Int) {
    freeSlots = DispatchSemaphore(value: capacity)
  }

  func send(_ element: Element) {
    freeSlots.wait()
    pending.withLock { $0.append(element) }
    filledSlots.signal()
  }

  func receive() -> Element {
    filledSlots.wait()
    let element = pending.withLock { $0.removeFirst() }
    freeSlots.signal()
    return element
  }
}
