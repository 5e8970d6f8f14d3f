import Foundation
import Synchronization
import Testing

/// The golden and Latin punctuation suites run side by side and share the pinned font map:
/// `GoldenImage.withPinnedFonts` runs their bodies one at a time.
@Suite struct PinnedFontsTests {
  @Test func bodiesOnSeveralThreadsNeverOverlap() {
    let inside = Atomic(0)
    let overlaps = Atomic(0)
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
      #expect(throws: Never.self) {
        try GoldenImage.withPinnedFonts {
          if inside.add(1, ordering: .relaxed).newValue > 1 { overlaps.add(1, ordering: .relaxed) }
          usleep(20_000)
          inside.subtract(1, ordering: .relaxed)
        }
      }
    }
    #expect(overlaps.load(ordering: .relaxed) == 0)
  }
}
