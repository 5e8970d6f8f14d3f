import Synchronization

// MARK: - Spare part buffers

/// Byte arrays of delivered export parts, kept for the next parts' writers
/// (`AnalyzeExport.Writer(recycling:)`): written again, their memory costs no page faults.
/// Holds at most `limit` arrays (the largest are kept); thread-safe.
public final class SpareBuffers: Sendable {
  private let spares = Mutex<[[UInt8]]>([])
  private let limit: Int

  /// `limit`: arrays kept at most (the parts in flight at once). Default: 4.
  public init(limit: Int = 4) { self.limit = limit }

  /// Keeps `bytes` for a later part (its content no longer matters); drops the smallest when
  /// more than `limit` are kept.
  public func give(_ bytes: consuming [UInt8]) {
    var incoming: [UInt8]? = consume bytes  // moved in, so the kept array is the only reference
    let dropped: [UInt8]? = spares.withLock { spares in
      spares.append(incoming.take()!)
      guard spares.count > limit else { return nil }
      let smallest = spares.indices.min { spares[$0].capacity < spares[$1].capacity }!
      return spares.remove(at: smallest)
    }
    _ = dropped  // freed outside the lock
  }

  /// The largest array kept (empty when none), removed from the spares.
  public func take() -> [UInt8] {
    spares.withLock { spares in
      guard let largest = spares.indices.max(by: { spares[$0].capacity < spares[$1].capacity }) else { return [] }
      return spares.remove(at: largest)
    }
  }
}
