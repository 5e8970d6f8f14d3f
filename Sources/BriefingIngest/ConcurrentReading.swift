import BriefingCore
import Dispatch
import Synchronization

// MARK: - Reading on a second thread

extension TableReading {
  /// Files at least this large (bytes) are read on a second thread by `forEachRowConcurrently`.
  static let concurrentReadingThreshold = 1 << 20

  /// Same rows, in the same order, and the same findings as `forEachRow`, but for large files
  /// the decoding and parsing run on a second thread while `onRow` handles earlier rows on
  /// this one: the two halves of loading overlap instead of adding up. Rows cross over in
  /// batches through a bounded channel, so memory stays at a few batches, not the file.
  static func forEachRowConcurrently(
    of file: InputFile, options: LoadOptions, _ onRow: (TableRow) -> Void
  ) -> [Finding] {
    guard file.bytes.count >= concurrentReadingThreshold else {
      return forEachRow(of: file, options: options, onRow)
    }
    let channel = BatchChannel<RowBatch>(capacity: 8)
    DispatchQueue.global().async {
      let batchSize = 4_096
      var batch: [TableRow] = []
      batch.reserveCapacity(batchSize)
      let findings = forEachRow(of: file, options: options) { row in
        batch.append(row)
        if batch.count == batchSize {
          channel.send(.rows(batch))
          batch.removeAll(keepingCapacity: true)
        }
      }
      if !batch.isEmpty { channel.send(.rows(batch)) }
      channel.send(.end(findings))
    }
    while true {
      switch channel.receive() {
      case .rows(let rows): rows.forEach(onRow)
      case .end(let findings): return findings
      }
    }
  }
}

/// What the reading thread hands over: a batch of rows, or the end with the read's findings.
private enum RowBatch: Sendable {
  case rows([TableRow])
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
