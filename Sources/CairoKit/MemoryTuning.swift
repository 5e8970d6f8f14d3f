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
