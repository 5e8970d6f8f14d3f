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

extension ConcurrentlyTests {
  private final class Token: Sendable {}

  /// What the second step captures is let go of before `concurrently` returns (the comparison
  /// plan releases the observations right after its set-up).
  @Test func secondStepIsReleasedOnReturn() {
    weak var captured: Token?
    do {
      let token = Token()
      captured = token
      let (first, second) = concurrently({ 1 }, { [token] in ObjectIdentifier(token) == ObjectIdentifier(token) })
      #expect(first == 1 && second)
    }
    #expect(captured == nil)
  }
}
