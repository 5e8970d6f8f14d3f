import Testing

@testable import BriefingDocument

@Suite struct DisplayWidthTests {
  @Test func cjkAndFullWidthPunctuationTakeTwoColumns() {
    #expect(DisplayWidth.of("肃州区") == 6)
    #expect(DisplayWidth.of("（续）") == 6)
    #expect(DisplayWidth.of("GDP 5.1%") == 8)
    #expect(DisplayWidth.of("▲2") == 2)
  }
}
