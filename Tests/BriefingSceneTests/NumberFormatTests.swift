import BriefingCore
import Testing

@testable import BriefingScene

@Suite struct NumberFormatTests {
  let zh = NumberFormat.chinese
  let en = NumberFormat.english

  @Test(arguments: [
    (1234.56, 1, "1,234.6"), (0.05, 1, "0.1"), (-0.04, 1, "0.0"), (1_234_567.0, 0, "1,234,567"),
    (2.25, 1, "2.3"), (1.005, 2, "1.01"), (-3.14159, 2, "-3.14"), (999.96, 1, "1,000.0"),
    (12, 0, "12"),
    // Item 6 of "one owner per number": a growth of exactly 1.25 computed as
    // 1.2499999999999956 is 1.3 here, in the narrative and in Stats (Core's one rule).
    (1.2499999999999956, 1, "1.3"), (-1.2499999999999956, 1, "-1.3"), (1.15, 1, "1.2"),
  ])
  func numbers(_ value: Double, _ decimals: Int, _ expected: String) {
    #expect(zh.number(value, decimals: decimals) == expected)
  }

  @Test func withoutGrouping() {
    let plain = NumberFormat(groupsThousands: false)
    #expect(plain.number(12345.6, decimals: 1) == "12345.6")
  }

  @Test func growthAndPoints() {
    #expect(zh.signedPercent(7.2) == "+7.2%")
    #expect(zh.signedPercent(-3.14) == "-3.1%")
    #expect(zh.signedPercent(0.01) == "0.0%")
    #expect(zh.signedPercent(nil) == "—")
    #expect(zh.percent(50) == "50.0%")
    #expect(zh.points(-1.06) == "1.1个百分点")
    #expect(en.points(1.06) == "1.1 pp")
    #expect(zh.signedPoints(-0.44) == "-0.4")
    #expect(zh.signedPoints(2) == "+2.0")
  }

  @Test func statuses() {
    #expect(zh.value(12.34, decimals: 1, status: .actual) == "12.3")
    #expect(zh.value(12.34, decimals: 1, status: .estimate) == "12.3e")
    #expect(zh.value(12.34, decimals: 1, status: .preliminary) == "12.3p")
    #expect(zh.value(12.34, decimals: 1, status: .masked) == "*")
    #expect(zh.value(nil, decimals: 1, status: .actual) == "—")
    #expect(zh.value(1.5, decimals: 1, status: .missing) == "—")
    #expect(zh.value(1234.5, unit: .yiYuan, decimals: 1) == "1,234.5亿元")
    #expect(zh.value(nil, unit: .yiYuan, decimals: 1) == "—")
    let million = Unit(symbol: "million USD", dimension: .currencyUSD, factor: 1e6)
    #expect(en.value(3.25, unit: million, decimals: 2) == "3.25 million USD")
  }

  @Test func ranks() {
    #expect(zh.rank(3, of: 9) == "3/9")
    #expect(zh.rank(nil, of: 9) == "—")
    #expect(zh.bottomRank(1) == "倒数第1")
    #expect(en.bottomRank(1) == "last")
    #expect(en.bottomRank(2) == "2nd last")
    #expect(en.bottomRank(12) == "12th last")
  }

  @Test func magnitudes() {
    let (yi, yiUnit) = NumberFormat.chineseMagnitude(1.2e9, unit: .yuan)
    #expect(yi == 12)
    #expect(yiUnit == .yiYuan)
    let (wan, wanUnit) = NumberFormat.chineseMagnitude(56_000, unit: .yuan)
    #expect(wan == 5.6)
    #expect(wanUnit == .wanYuan)
    let (small, smallUnit) = NumberFormat.chineseMagnitude(0.5, unit: .wanYuan)
    #expect(small == 5000)
    #expect(smallUnit == .yuan)
    #expect(NumberFormat.chineseMagnitude(3, unit: .percent).1 == .percent)
  }

  @Test func stepDecimals() {
    #expect(NumberFormat.decimals(forStep: 2.5) == 1)
    #expect(NumberFormat.decimals(forStep: 0.25) == 2)
    #expect(NumberFormat.decimals(forStep: 50) == 0)
  }

  @Test(arguments: [
    (NumberFormat.chinese, Unit.percent, "个百分点"), (NumberFormat.chinese, Unit.permille, "个千分点"),
    (NumberFormat.english, Unit.percent, " pp"), (NumberFormat.english, Unit.permille, " ‰ points"),
  ])
  func rateChangeUnit(_ format: NumberFormat, _ unit: Unit, _ expected: String) {
    #expect(format.pointsUnit(forRateIn: unit) == expected)
  }
}
