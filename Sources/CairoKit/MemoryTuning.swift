import CCairo

// MARK: - Large blocks

/// Lets the C heap keep and reuse blocks of up to 32 MB instead of mapping and unmapping each
/// one. cairo's PDF font subsetter copies a face's whole `CFF ` table (17–18 MB for the CJK
/// faces) several times per document, and as fresh mappings the copies cost a 12-page chart PDF
/// 15,300 page faults instead of 10,900 (kernel time about 0.08 s instead of 0.05 s). Freed
/// memory beyond 64 MB at the top of the heap still goes back to the system. Call once, early.
public func reuseLargeAllocations() {
  mallopt(M_MMAP_THRESHOLD, 32 << 20)
  mallopt(M_TRIM_THRESHOLD, 64 << 20)
}

// MARK: - Room for small blocks while a large one is held

/// A free block kept below the top of the calling thread's C heap for as long as this value
/// lives. cairo copies each CJK face's whole `CFF ` table (17–18 MB) twice per PDF: once when
/// the face first appears on a page, once when `finish` subsets it. While it holds a copy it
/// makes a few small allocations; taken from the top of the heap, they land just past the copy
/// and stay (in glibc's per-thread caches) after it is freed, so the freed pages no longer hold
/// the next, slightly larger copy (the other weight) and every later copy of that size takes
/// fresh pages. glibc serves small requests from free blocks before the top of the heap: with
/// this block free they come from here, each freed copy goes back to the top, and all copies of
/// a document share the same pages. A 12-page chart PDF with regular and bold text: 7,300 page
/// faults instead of 11,000. Untouched, the block costs address space only.
public final class HeapReserve {
  // MARK: Properties

  /// An allocation as large as the freed block, placed right after it (no cache of small blocks
  /// can serve a request that size), that keeps it from merging into the top of the heap; never
  /// written, so it costs address space only. Freed with this value.
  private let pin: UnsafeMutableRawPointer?

  // MARK: Initialization

  /// - Parameter bytes: size of the free block. Default: 4 MiB.
  public init(bytes: Int = 4 << 20) {
    let block = Self.allocate(bytes)
    pin = Self.allocate(bytes)
    free(block)
  }

  deinit { free(pin) }

  /// `malloc` the optimizer must keep: a block freed unused would otherwise never be allocated.
  @_optimize(none)
  private static func allocate(_ bytes: Int) -> UnsafeMutableRawPointer? { malloc(bytes) }
}
