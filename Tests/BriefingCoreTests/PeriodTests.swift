import BriefingCore
import Testing

@Suite struct PeriodTests {
  /// code or label → (canonical code, elapsed share, Chinese title)
  static let cases: [(String, String, Double, String)] = [
    ("2024", "2024", 1, "2024年"),
    ("2024-FY", "2024", 1, "2024年"),
    ("2024-H1", "2024-H1", 0.5, "2024年上半年"),
    ("2024-M06", "2024-H1", 0.5, "2024年上半年"),
    ("2016-M09", "2016-M09", 0.75, "2016年前三季度"),
    ("2024-M03", "2024-M03", 0.25, "2024年1—3月"),
    ("1998-Q1", "1998-Q1", 0.25, "1998年第一季度"),
    ("2024-05", "2024-05", 5.0 / 12, "2024年5月"),
    ("2024年上半年", "2024-H1", 0.5, "2024年上半年"),
    ("２０１６年前三季度", "2016-M09", 0.75, "2016年前三季度"),
    ("2024年1—9月", "2024-M09", 0.75, "2024年前三季度"),
    ("2024年1-11月份", "2024-M11", 11.0 / 12, "2024年1—11月"),
    ("2024年一季度", "2024-M03", 0.25, "2024年1—3月"),
    ("2024年第二季度", "2024-Q2", 0.5, "2024年第二季度"),
  ]

  @Test(arguments: cases)
  func parses(_ input: String, _ code: String, _ share: Double, _ title: String) throws {
    let period = try #require(Period(code: input))
    #expect(period.code == code)
    #expect(abs(period.elapsedShareOfYear - share) < 1e-12)
    #expect(period.chineseTitle == title)
  }

  @Test(arguments: ["", "24-H1", "2024-H3", "2024-M13", "2024-Q5", "上半年", "2024年下个月", "abcd"])
  func rejects(_ input: String) {
    #expect(Period(code: input) == nil)
  }

  @Test func ordersByEndThenSpan() throws {
    let codes = ["2024-H1", "2023", "2024-M03", "2024-Q2", "2023-M09"]
    let sorted = codes.compactMap { Period(code: $0) }.sorted().map(\.code)
    #expect(sorted == ["2023-M09", "2023", "2024-M03", "2024-H1", "2024-Q2"])
  }

  @Test func samePeriodLastYear() throws {
    #expect(Period(code: "2024-H1")?.samePeriodLastYear.code == "2023-H1")
  }
}

@Suite struct UnitTests {
  @Test(arguments: [
    ("亿元", "万元", 1.5, 15000.0),
    ("萬元", "亿元", 25000.0, 2.5),
    ("个亿", "亿元", 6.6, 6.6),
    ("亿美元", "万美元", 2.2, 22000.0),
    ("％", "‰", 1.5, 15.0),
  ])
  func converts(_ from: String, _ to: String, _ value: Double, _ expected: Double) throws {
    let a = try #require(Unit.parse(from))
    let b = try #require(Unit.parse(to))
    let converted = try #require(a.convert(value, to: b))
    #expect(abs(converted - expected) < 1e-9 * max(1, abs(expected)))
  }

  /// One rounding: the result is the double nearest the exact decimal quotient (v × 10⁴ / 10⁸
  /// rounds twice and gives 9.452707000000002).
  @Test(arguments: [
    ("万元", "亿元", 94527.07, 9.452707),
    ("万元", "亿元", 22169.17, 2.216917),
    ("％", "‰", 1.5, 15.0),
    ("亿元", "万元", 1.1, 11000.0),
  ])
  func convertsWithOneRounding(_ from: String, _ to: String, _ value: Double, _ expected: Double)
    throws
  {
    let a = try #require(Unit.parse(from))
    let b = try #require(Unit.parse(to))
    #expect(a.convert(value, to: b) == expected)
  }

  @Test func refusesAcrossDimensions() throws {
    let yuan = try #require(Unit.parse("亿元"))
    let usd = try #require(Unit.parse("万美元"))
    #expect(yuan.convert(1, to: usd) == nil)
    #expect(Unit.parse("吨")?.convert(1, to: yuan) == nil)
  }
}
