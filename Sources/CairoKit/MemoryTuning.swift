import CCairo
import Glibc

// MARK: - Switch

/// The one switch for the heap tuning in this file (`reuseLargeAllocations`, `HeapReserve` with
/// its huge-page advice): `BRIEFING_MEMORY_TUNING=off` in the environment turns all of it off,
/// so `make bench` (Tools/bench/35-memory-tuning.sh) can measure it against a run without.
/// Default: on. Output is byte-identical either way.
public enum MemoryTuning {
  public static let isOn: Bool = {
    guard let value = getenv("BRIEFING_MEMORY_TUNING") else { return true }
    return String(cString: value) != "off"
  }()
}

// MARK: - Large blocks

/// Lets the C heap keep and reuse blocks of up to 32 MB instead of mapping and unmapping each
/// one. cairo's PDF font subsetter copies a face's whole `CFF ` table (17–18 MB for the CJK
/// faces) several times per document, and as fresh mappings the copies cost a 12-page chart PDF
/// 15,300 page faults instead of 10,900 (kernel time about 0.08 s instead of 0.05 s). Freed
/// memory beyond 64 MB at the top of the heap still goes back to the system. Call once, early.
public func reuseLargeAllocations() {
  guard MemoryTuning.isOn else { return }
  mallopt(M_MMAP_THRESHOLD, 32 << 20)
  mallopt(M_TRIM_THRESHOLD, 64 << 20)
}

// MARK: - Room for cairo's font copies

/// Heap set-up held while a PDF is drawn, for cairo's copies of each CJK face's whole `CFF `
/// table (17–18 MB), made twice per face and document: when the face first appears on a page
/// and when `finish` subsets it.
///
/// - A free block kept below the top of the calling thread's C heap. While cairo holds a copy it
///   makes a few small allocations; taken from the top of the heap, they land just past the copy
///   and stay (in glibc's per-thread caches) after it is freed, so the freed pages no longer hold
///   the next, slightly larger copy (the other weight) and every later copy of that size takes
///   fresh pages. glibc serves small requests from free blocks before the top of the heap: with
///   this block free they come from here, each freed copy goes back to the top, and all copies of
///   a document share the same pages.
/// - Transparent huge pages advised for the next bytes at the top of the heap, where the copies
///   go: the kernel then fills them 2 MiB at a time instead of faulting in 4 KiB pages one by one.
///   Where huge pages are off (`/sys/kernel/mm/transparent_hugepage/enabled` is `never`) the
///   advice changes nothing; on a machine whose free memory is fragmented the kernel may first
///   compact memory to find a free 2 MiB page (`defrag` setting).
///
/// A 12-page chart PDF with regular and bold text: about 3,000 page faults instead of 11,000,
/// output byte-identical. Untouched, both regions cost address space only.
public final class HeapReserve {
  // MARK: Properties

  /// An allocation as large as the freed block, placed right after it (no cache of small blocks
  /// can serve a request that size), that keeps it from merging into the top of the heap; never
  /// written, so it costs address space only. Freed with this value.
  private let pin: UnsafeMutableRawPointer?

  /// Huge-page size of x86-64 and of 4 KiB-page arm64, in bytes.
  private static let hugePage = 2 << 20

  // MARK: Initialization

  /// - Parameters:
  ///   - smallBlocks: bytes of the free block small requests are served from. Default: 4 MiB.
  ///   - largeBlocks: bytes at the top of the heap advised for huge pages. Default: 24 MiB, one
  ///     CJK face's copy with room to spare (requests of 32 MB and more are mapped apart, see
  ///     `reuseLargeAllocations`).
  public init(smallBlocks: Int = 4 << 20, largeBlocks: Int = 24 << 20) {
    guard MemoryTuning.isOn else {
      pin = nil
      return
    }
    let block = Self.allocate(smallBlocks)
    pin = Self.allocate(smallBlocks)
    free(block)
    Self.adviseHugePages(atTopOfHeap: largeBlocks)
  }

  deinit { free(pin) }

  // MARK: Methods

  /// Takes `bytes` from the top of the heap, advises huge pages for the whole 2 MiB pages inside
  /// them and gives them back: the advice stays with the mapping, the block rejoins the top.
  private static func adviseHugePages(atTopOfHeap bytes: Int) {
    guard let room = allocate(bytes) else { return }
    defer { free(room) }
    let start = (Int(bitPattern: room) + hugePage - 1) & -hugePage
    let end = (Int(bitPattern: room) + bytes) & -hugePage
    guard end > start else { return }
    madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE)
  }

  /// `malloc` the optimizer must keep: a block freed unused would otherwise never be allocated.
  @_optimize(none)
  private static func allocate(_ bytes: Int) -> UnsafeMutableRawPointer? { malloc(bytes) }
}
