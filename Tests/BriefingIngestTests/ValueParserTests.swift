import BriefingCore
import Testing

@testable import BriefingIngest

@Suite struct ValueParserTests {
  /// text → (number, masked, qualifier, unit symbol)
  static let numbers: [(String, Double?, Bool, ValueQualifier?, String?)] = [
    ("86.3", 86.3, false, nil, nil),
    ("  12 ", 12, false, nil, nil),
    ("+7", 7, false, nil, nil),
    ("-3.5", -3.5, false, nil, nil),
    ("−3.5", -3.5, false, nil, nil),
    ("－3.5", -3.5, false, nil, nil),
    ("８６．３", 86.3, false, nil, nil),
    ("１２％", 12, false, nil, "%"),
    ("1,234.5", 1234.5, false, nil, nil),
    ("1，234", 1234, false, nil, nil),
    ("1,234,567", 1_234_567, false, nil, nil),
    ("7.2%", 7.2, false, nil, "%"),
    ("86.3亿元", 86.3, false, nil, "亿元"),
    ("86.3 億元", 86.3, false, nil, "亿元"),
    ("6.6个亿", 6.6, false, nil, "亿元"),
    ("6個億", 6, false, nil, "亿元"),
    ("6000多万元", 6000, false, .atLeast, "万元"),
    ("3个多亿元", 3, false, .atLeast, "亿元"),
    ("近9亿元", 9, false, .approximately, "亿元"),
    ("约15", 15, false, .approximately, nil),
    ("15左右", 15, false, .approximately, nil),
    ("700餘", 700, false, .atLeast, nil),
    ("4億餘元", 4, false, .atLeast, "亿元"),
    ("30以上", 30, false, .atLeast, nil),
    ("110亿元以上", 110, false, .atLeast, "亿元"),
    ("超过100", 100, false, .atLeast, nil),
    ("突破10亿元", 10, false, .atLeast, "亿元"),
    ("不足18.1%", 18.1, false, .atMost, "%"),
    ("不到5", 5, false, .atMost, nil),
    ("5以内", 5, false, .atMost, nil),
    ("127家", 127, false, nil, "家"),
    ("46798人次", 46798, false, nil, "人次"),
    ("9412万美元", 9412, false, nil, "万美元"),
    ("1e-05", 0.00001, false, nil, nil),
    ("12 km", 12, false, nil, "km"),
    ("*", nil, true, nil, nil),
    ("＊", nil, true, nil, nil),
    ("-*", nil, true, nil, nil),
    ("*%", nil, true, nil, "%"),
    ("*元", nil, true, nil, "元"),
  ]

  @Test(arguments: numbers)
  func parses(_ text: String, _ number: Double?, _ masked: Bool, _ qualifier: ValueQualifier?,
    _ unit: String?) throws
  {
    let value = try #require(ValueParser.parse(text), "\(text)")
    if let number {
      let parsed = try #require(value.number)
      #expect(abs(parsed - number) < 1e-9)
    }
    #expect((value.content == .masked) == masked)
    #expect(value.qualifier == qualifier)
    #expect(value.unit?.symbol == unit)
  }

  /// The fast path for plain decimals must give exactly `Double(text)` (strtod, correctly
  /// rounded) wherever it answers, and leave the rest (16+ digits, two points, no digit) to it.
  @Test func plainDecimalsParseExactlyAsStrtod() {
    var texts = ["0", "-0", "+7", ".5", "5.", "0.1", "0.30", "132.60", "-0.000123", "007.250",
      "999999999999999", "9999999999999999", "0.1234567890123456", "1.2.3", "-", ".", "+-1",
      "123456789012345.0", "0.0000000000000000000001", "0.00000000000000000000001",
      "123456789012345678901234567890", "-00000000000000000000000000000042.5"]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<20_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let digits = String(state >> 4 % 10_000_000_000_000_000)
      let cut = Int(state % UInt64(digits.count + 1))
      let sign = ["", "-", "+"][Int(state >> 60) % 3]
      texts.append(sign + digits.prefix(cut) + "." + digits.dropFirst(cut))
    }
    for text in texts {
      let fast = ValueParser.plainDecimal(text)
      if let fast {
        #expect(fast.bitPattern == Double(text)?.bitPattern, "\(text)")
      }
      #expect(ValueParser.parse(text)?.number?.bitPattern == Double(text)?.bitPattern, "\(text)")
    }
    #expect(ValueParser.plainDecimal("9999999999999999") == nil)
    #expect(ValueParser.plainDecimal("1.2.3") == nil && ValueParser.plainDecimal(".") == nil)
  }

  @Test(arguments: ["", "  ", "—", "——", "-", "–", "NA", "N/A", "…", "#N/A", "－"])
  func missing(_ text: String) throws {
    #expect(try #require(ValueParser.parse(text)).content == .missing)
  }

  @Test(arguments: ["12a.5", "abc", "12abc", "1,2,3", "12,34", "1.2.3", "十二", "%", "1..2", "e5"])
  func rejectsGarbage(_ text: String) {
    #expect(ValueParser.parse(text) == nil, "\(text)")
  }

  @Test func maskedIsNeverZero() throws {
    let value = try #require(ValueParser.parse("*"))
    #expect(value.number == nil)
  }
}
