import BriefingCore
import Testing
import TestSupport
@testable import BriefingStats

/// `ByteBuffer` holds what a plain array would, across its raw area's edges: single bytes,
/// pieces small and larger than the raw area, copies of earlier bytes (in the raw area, in the
/// array, straddling both), written pieces and removals.
@Suite struct ByteBufferTests {
  @Test(arguments: [1, 2, 3] as [UInt64])
  func matchesAnArray(_ seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    var buffer = ByteBuffer(capacity: rng.int(0...1_000))
    var expected: [UInt8] = []
    for step in 0..<3_000 {
      switch rng.int(0...9) {
      case 0...3:
        let byte = UInt8(truncatingIfNeeded: step)
        buffer.append(byte)
        expected.append(byte)
      case 4, 5:
        let size = rng.int(0...19) == 0 ? rng.int(60_000...140_000) : rng.int(0...40)
        let piece = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ step) }
        buffer.append(piece)
        expected += piece
      case 6, 7:
        guard !expected.isEmpty else { continue }
        let end = rng.int(0...expected.count)
        let start = max(0, end - rng.int(0...(rng.int(0...9) == 0 ? 70_000 : 30)))
        buffer.appendCopy(of: start..<end)
        expected += expected[start..<end]
      case 8:
        let maximum = rng.int(0...9) == 0 ? 70_000 : rng.int(0...24)
        let written = rng.int(0...maximum)
        buffer.appendWritten(maximum: maximum) { space in
          for k in 0..<written { space[k] = UInt8(truncatingIfNeeded: k &+ step) }
          return written
        }
        expected += (0..<written).map { UInt8(truncatingIfNeeded: $0 &+ step) }
      default:
        let n = rng.int(0...min(expected.count, rng.int(0...9) == 0 ? 70_000 : 3))
        buffer.removeLast(n)
        expected.removeLast(n)
      }
      #expect(buffer.count == expected.count)
      if buffer.count != expected.count { return }
    }
    #expect(buffer.array() == expected)
  }
}

extension ByteBufferTests {
  /// A recycled array is written again in place (its pages are mapped already) when it is large
  /// enough, and holds only the new bytes; a smaller one is not used.
  @Test func recycledArrayIsWrittenAgain() {
    var first = ByteBuffer(capacity: 200_000)
    for k in 0..<150_000 { first.append(UInt8(truncatingIfNeeded: k)) }
    let old = first.array()
    let oldAddress = old.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    var again = ByteBuffer(capacity: 100_000, recycling: consume old)
    again.append(Array("new".utf8))
    let bytes = again.array()
    #expect(bytes == Array("new".utf8))
    #expect(bytes.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } == oldAddress)

    var larger = ByteBuffer(capacity: 400_000, recycling: consume bytes)
    larger.append(7)
    #expect(larger.array() == [7])
  }
}

extension ByteBufferTests {
  /// The export writer hands its recycled array to its buffer without a copy.
  @Test func writerWritesIntoTheRecycledArray() {
    let spare = [UInt8](repeating: 1, count: 500_000)
    let address = spare.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    var writer = AnalyzeExport.Writer(.csv, expectedRows: 100, recycling: consume spare)
    writer.append(ComparisonRow(indicator: "gdp", period: Period(year: 2024, kind: .cumulative(through: 12)), group: "G", region: "A", value: 1.5))
    let bytes = writer.finish()
    #expect(bytes.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } == address)
    #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("gdp,2024,G,A,1.5,,missing,"))
  }
}
