import BriefingCore
import Testing
import TestSupport

@testable import BriefingIngest

/// The loader's hand-made lookup structures against the plain ones they replace.
@Suite struct FastTablesTests {
  /// Every (region, indicator, period) key, and every (region, indicator, year), is found
  /// exactly when a `Dictionary` of the unpacked triples finds it, through growth from 16 slots.
  @Test(arguments: [1, 2024] as [UInt64])
  func packedKeyTableAgreesWithADictionary(_ seed: UInt64) {
    var rng = SeededGenerator(state: seed)
    let kinds: [Period.Kind] =
      (1...12).map { .cumulative(through: $0) } + (1...4).map { .quarter($0) } + (1...12).map { .month($0) }
    struct Triple: Hashable {
      var region: Int
      var indicator: Int
      var period: Period
    }
    var table = PackedKeyTable<Int>()
    var years = PackedKeyTable<Int>(expected: 100)
    var reference: [Triple: Int] = [:]
    var yearReference: [[Int]: Int] = [:]
    for line in 1...20_000 {
      let triple = Triple(
        region: Int.random(in: 0..<300, using: &rng), indicator: Int.random(in: 0..<20, using: &rng),
        period: Period(year: Int.random(in: 1998...2026, using: &rng), kind: kinds.randomElement(using: &rng)!))
      let key = PackedKey(region: triple.region, indicator: triple.indicator, period: triple.period)
      #expect(table.insertIfAbsent(key, line) == reference[triple])
      if reference[triple] == nil { reference[triple] = line }
      let yearKey = PackedKey(region: triple.region, indicator: triple.indicator, year: triple.period.year)
      let unpacked = [triple.region, triple.indicator, triple.period.year]
      #expect(years.insertIfAbsent(yearKey, line) == yearReference[unpacked])
      if yearReference[unpacked] == nil { yearReference[unpacked] = line }
    }
    #expect(table.count == reference.count)
    #expect(years.count == yearReference.count)
  }

  /// Keys differ whenever one part differs: neighbouring positions, the period's kind with the
  /// same number, and a year against a period of that year.
  @Test func packedKeysSeparateTheirParts() {
    let h1 = Period(year: 2024, kind: .cumulative(through: 6))
    let keys = [
      PackedKey(region: 1, indicator: 2, period: h1),
      PackedKey(region: 2, indicator: 1, period: h1),
      PackedKey(region: 1, indicator: 3, period: h1),
      PackedKey(region: 1, indicator: 2, period: Period(year: 2023, kind: .cumulative(through: 6))),
      PackedKey(region: 1, indicator: 2, period: Period(year: 2024, kind: .month(6))),
      PackedKey(region: 1, indicator: 2, period: Period(year: 2024, kind: .quarter(2))),
      PackedKey(region: 1, indicator: 2, period: Period(year: 2024, kind: .cumulative(through: 2))),
      PackedKey(region: 1, indicator: 2, year: 2024),
      PackedKey(region: 1, indicator: 2, year: -2024),
    ]
    for (i, key) in keys.enumerated() {
      for other in keys[(i + 1)...] { #expect(key != other) }
    }
  }

  /// The text memo returns what parsing returns, for texts that share slots (more texts than
  /// slots), for texts that differ only in one byte, and for a text parsing to nil.
  @Test func textMemoAlwaysReturnsTheParse() {
    var memo = TextMemo<Int?>(slots: 4)
    var parses = 0
    let texts = (0..<40).map { "k\($0)" } + ["亿元", "亿美元", "", "\u{0}"]
    for round in 0..<3 {
      for text in texts.shuffled() {
        let value = memo.value(for: text) { text in
          parses += 1
          return text.hasPrefix("k") ? Int(text.dropFirst()) : nil
        }
        #expect(value == (text.hasPrefix("k") ? Int(text.dropFirst()) : nil), "round \(round): \(text)")
      }
    }
    #expect(parses > texts.count)  // four slots cannot hold 44 texts: some were parsed again
    var big = TextMemo<Int?>()
    var bigParses = 0
    for _ in 0..<5 {
      for text in ["2024-H1", "2024-H2"] { _ = big.value(for: text) { _ in bigParses += 1; return 1 } }
    }
    #expect(bigParses == 2)
  }

  /// A field equal in length but not in bytes to the field above it gets its own text; equal
  /// fields get the same text; a quoted or empty field in between does not confuse the memo.
  @Test func repeatedFieldsKeepTheirText() {
    let (rows, findings) = parseCSV("a,b,c\nxy,\"q\",1\nxz,\"q\",1\n,q,2\nxz,,2\n")
    #expect(findings.isEmpty)
    #expect(rows.map { $0.cells.map(\.text) } == [
      ["a", "b", "c"], ["xy", "q", "1"], ["xz", "q", "1"], ["", "q", "2"], ["xz", "", "2"],
    ])
  }
}
