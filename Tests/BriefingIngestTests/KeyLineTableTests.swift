import BriefingCore
import Testing
import TestSupport
@testable import BriefingIngest

/// `KeyLineTable` answers like a dictionary of first lines, dense or hashed.
@Suite struct KeyLineTableTests {
  /// Keys region by region (dense), then keys spread over millions of regions (which move the
  /// table to hashing part-way), then repeats of keys from both phases.
  @Test(arguments: [false, true])
  func answersLikeADictionary(spreading: Bool) {
    var rng = SeededGenerator(seed: spreading ? 2 : 1)
    let periods = (2015...2024).flatMap { year in ["\(year)-H1", "\(year)-M03", "\(year)"] }.compactMap(Period.init(code:))
    var table = KeyLineTable()
    var expected: [String: Int] = [:]
    var seen: [(Int, Int, Period)] = []
    for line in 1...60_000 {
      var key = (line / 40, rng.int(0...14), periods[rng.int(0...(periods.count - 1))])
      if line > 20_000, spreading { key.0 = rng.int(0...3_000_000) }
      if line > 40_000 { key = seen[rng.int(0...(seen.count - 1))] }
      seen.append(key)
      let name = "\(key.0)|\(key.1)|\(key.2.code)"
      let first = table.insertIfAbsent(region: key.0, indicator: key.1, period: key.2, line: line)
      #expect(first == expected[name], "line \(line)")
      if first != expected[name] { return }
      if expected[name] == nil { expected[name] = line }
    }
    #expect(expected.count > 30_000)
  }
}
