#if canImport(Glibc)
import Glibc
#endif

// MARK: - Prefaulting

/// Maps the reserved storage of a large array in one `madvise(MADV_POPULATE_WRITE)` (Linux
/// 5.14 and later) instead of one page fault per 4 KiB page at its first write: the 1 GB of
/// observations of the 4.8 M-row township table took 343,000 page faults to fill, 108,000 with
/// this. Only a hint: where the kernel declines, nothing changes but the time. (Transparent
/// huge pages for the same storage, `MADV_HUGEPAGE`, cost more system time in compaction than
/// they saved: 2.3–2.7 s against 1.0 s.)
enum Prefault {
  /// Arrays whose reserved storage is smaller than this (bytes) are left alone: 8 MiB.
  static let threshold = 8 << 20

  /// Populates the whole pages of `array`'s reserved storage (its capacity, not only its count).
  static func populate<Element>(_ array: inout [Element]) {
    let bytes = array.capacity * MemoryLayout<Element>.stride
    guard bytes >= threshold else { return }
    array.withUnsafeMutableBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      let page = Int(sysconf(Int32(_SC_PAGESIZE)))
      let start = (Int(bitPattern: base) + page - 1) / page * page
      let end = (Int(bitPattern: base) + bytes) / page * page
      guard end > start, let first = UnsafeMutableRawPointer(bitPattern: start) else { return }
      _ = madvise(first, end - start, MADV_POPULATE_WRITE)
    }
  }
}
