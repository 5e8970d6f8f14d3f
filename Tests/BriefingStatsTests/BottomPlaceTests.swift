import BriefingCore
import Testing

@testable import BriefingStats

/// One rule decides a bottom place (倒数第k) for the table, the sheet and the narrative: judged,
/// and nearer the bottom than the top. Before it, three regions tied first among four (bottom
/// rank 2) were 短板 「增速倒数第二」 in the narrative while the sheet marked nothing.
@Suite struct BottomPlaceTests {
  /// values → bottom places (nil = none)
  static let cases: [([Double], Polarity, [Int?])] = [
    ([9, 9, 9, 7], .higher, [nil, nil, nil, 1]),
    ([9, 8, 8, 7], .higher, [nil, nil, nil, 1]),
    ([9, 8, 7, 7], .higher, [nil, nil, 1, 1]),
    ([9, 8], .higher, [nil, 1]),
    ([5, 5], .higher, [nil, nil]),
    ([9, 8, 7, 6, 5], .higher, [nil, nil, nil, 2, 1]),
    ([9, 8, 7, 6, 5], .lower, [1, 2, nil, nil, nil]),
    ([9, 8, 7, 6, 5], .neutral, [nil, nil, nil, nil, nil]),
  ]

  @Test(arguments: cases)
  func bottomPlaces(values: [Double], polarity: Polarity, expected: [Int?]) {
    let names = values.indices.map { "R\($0)" }
    let indicator = Indicator(id: "x", polarity: polarity)
    let observations = zip(names, values).map { Fixture.obs($0, "2024-H1", $1, indicator: "x") }
    let table = compare(Fixture.dataset(members: names, indicators: [indicator], observations: observations))
    let places = names.map { name in table.rows.first { $0.region == RegionID(name) }?.bottomPlace }
    #expect(places == expected)
  }
}
