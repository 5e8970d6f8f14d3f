import Testing

@testable import BriefingNarrative

// MARK: - Number text

@Suite struct NumberTextTests {
  @Test(
    arguments: [
      (7.2, 1, "7.2"), (1.15, 1, "1.2"), (-1.15, 1, "-1.2"), (0.05, 1, "0.1"), (1.25, 1, "1.3"),
      (-0.04, 1, "0.0"), (-0.0, 1, "0.0"), (9.96, 1, "10.0"), (99.95, 1, "100.0"),
      (86.349, 1, "86.3"), (21.515, 2, "21.52"), (123456.5, 0, "123457"), (0.00004, 1, "0.0"),
      (3, 0, "3"), (12, 2, "12.00"), (2.675, 2, "2.68"), (1e-5, 5, "0.00001"),
      // A growth of exactly 1.25 computed in binary (was 1.2 here, 1.3 in the KPI table).
      (1.2499999999999956, 1, "1.3"), (-1.2499999999999956, 1, "-1.3"),
    ] as [(Double, Int, String)])
  func fixed(value: Double, decimals: Int, expected: String) {
    #expect(NumberText.fixed(value, decimals: decimals) == expected)
  }

  @Test func roundedNeverNegativeZero() {
    #expect(NumberText.roundedOneDecimal(-0.04).sign == .plus)
    #expect(NumberText.roundedOneDecimal(-0.05) == -0.1)
  }

  @Test(arguments: [
    (1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"),
    (21, "21st"), (22, "22nd"), (23, "23rd"), (101, "101st"), (111, "111th"), (112, "112th"),
  ])
  func ordinal(n: Int, expected: String) {
    #expect(EnglishWording.ordinal(n) == expected)
  }
}
