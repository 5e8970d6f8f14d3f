import BriefingCore
import Testing

// MARK: - The one rounding rule

/// Table of the rule every phase formats through (issue "one owner per number", item 6): a
/// growth of exactly 1.25 computed as 1.2499999999999956 printed 1.3 in the KPI table and 1.2 in
/// the narrative and the statistics; now it is 1.3 everywhere.
@Suite struct DecimalRoundingTests {
  @Test(
    arguments: [
      // Binary noise removed first, then half away from zero on the decimal figure.
      (101.25 / 100 * 100 - 100, 1, "1.3"), (1.2499999999999956, 1, "1.3"), (-1.2499999999999956, 1, "-1.3"),
      (1.25, 1, "1.3"), (1.15, 1, "1.2"), (-1.15, 1, "-1.2"), (0.05, 1, "0.1"), (2.675, 2, "2.68"),
      (1.005, 2, "1.01"), (21.515, 2, "21.52"), (14.399999999999999, 2, "14.40"),
      // Real differences are kept: typed values are far from a boundary.
      (1.2499, 1, "1.2"), (2.4999999999, 0, "2"), (0.85, 1, "0.9"), (0.85, 2, "0.85"),
      // Zero never carries a sign.
      (-0.04, 1, "0.0"), (-0.0, 1, "0.0"), (-0.0004, 3, "0.000"),
      // Carries and padding.
      (9.96, 1, "10.0"), (99.95, 1, "100.0"), (0.00004, 1, "0.0"), (1e-5, 5, "0.00001"),
      (123456.5, 0, "123457"), (12, 2, "12.00"), (3, 0, "3"), (43.149, 3, "43.149"),
      (1e15, 2, "1000000000000000.00"), (-7_654_321.25, 1, "-7654321.3"),
    ] as [(Double, Int, String)])
  func fixed(value: Double, decimals: Int, expected: String) {
    #expect(DecimalRounding.fixed(value, decimals: decimals) == expected)
  }

  @Test func roundedIsTheNearestDoubleOfThePrintedFigure() {
    #expect(DecimalRounding.rounded(1.2499999999999956, decimals: 1) == 1.3)
    #expect(DecimalRounding.rounded(-0.04, decimals: 1).sign == .plus)
    #expect(DecimalRounding.rounded(43.149, decimals: 3) == 43.149)
    #expect(DecimalRounding.rounded(.nan, decimals: 1).isNaN)
    #expect(DecimalRounding.fixed(.infinity, decimals: 1) == nil)
  }

  /// Keys are tie keys: equal exactly when the printed figures are equal.
  @Test func keysTieExactlyWhenPrintedFiguresAreEqual() {
    #expect(DecimalRounding.key(43.149, decimals: 3) != DecimalRounding.key(43.077, decimals: 3))
    #expect(DecimalRounding.key(43.149, decimals: 1) == DecimalRounding.key(43.077, decimals: 1))
    #expect(DecimalRounding.key(7.2, decimals: 1) == DecimalRounding.key(7.2000000000000002, decimals: 1))
    #expect(DecimalRounding.key(0.85, decimals: 2) != DecimalRounding.key(0.92, decimals: 2))
  }
}

// MARK: - Group frame words

/// Issue "one owner per number", item 9: the frame word comes from the group's metadata.
@Suite struct GroupFrameTests {
  @Test(
    arguments: [
      (Region(id: "酒泉市", level: "city", label: "全市9个县（市、区）"), "全市"),
      (Region(id: "许昌市", level: "city", label: "全市9個縣（市、區）"), "全市"),
      (Region(id: "甘肃省", level: "province"), "全省"),
      (Region(id: "中国", level: "country"), "全国"),
      (Region(id: "华南", level: "frame", label: "华南地区6个省份"), "华南地区6个省份"),
      (Region(id: "某县", level: ""), "全县"),
      (Region(id: "Midwest", level: "frame"), "Midwest"),
    ] as [(Region, String)])
  func frameWord(group: Region, expected: String) {
    #expect(GroupFrame.chineseWord(for: group) == expected)
  }
}
