import Testing
@testable import BriefingStats

@Suite struct ConcurrentlyTests {
  /// Each result comes back in its own place, whichever step ends first, and the first step
  /// runs on the calling thread (it may use what the caller holds).
  @Test(arguments: [0, 20_000])
  func bothResultsComeBackInPlace(_ spin: Int) {
    var local = [1, 2, 3]
    let (first, second) = concurrently(
      { () -> Int in
        local.append(4)
        return local.reduce(0, +)
      },
      { () -> [String] in
        var sum = 0
        for k in 0..<spin { sum &+= k }
        return ["second", String(sum)]
      })
    #expect(first == 10)
    #expect(second == ["second", String((0..<spin).reduce(0, +))])
    #expect(local == [1, 2, 3, 4])
  }
}
