import BriefingCore
import Testing

@Suite struct OfficePeriodTests {
  static let h1 = Period(year: 2024, kind: .cumulative(through: 6))

  /// Labels as offices write them, read against the report period 2024年1—6月.
  @Test(arguments: [
    ("1—6月", "2024-H1"), ("1-6月", "2024-H1"), ("1～6月份", "2024-H1"), ("１—６月", "2024-H1"),
    ("2024年1—6月", "2024-H1"), ("2024年上半年", "2024-H1"), ("1-9月", "2024-M09"),
    ("前三季度", "2024-M09"), ("前三季", "2024-M09"), ("上半年", "2024-H1"), ("一季度", "2024-M03"),
    ("第二季度", "2024-Q2"), ("全年", "2024"), ("2023年", "2023"), ("2023", "2023"), ("1952", "1952"),
    ("本月", "2024-06"), ("當月", "2024-06"), ("累计", "2024-H1"), ("本年累計", "2024-H1"),
    ("1至6月", "2024-H1"), ("2016年1至9月", "2016-M09"), ("2024-H1", "2024-H1"),
  ])
  func labelsResolveAgainstTheReportPeriod(_ label: String, _ expected: String) throws {
    let office = try #require(OfficePeriod(label: label))
    #expect(office.resolve(reference: .init(Self.h1), monthly: nil) == .period(try #require(Period(code: expected))))
  }

  /// A month without a span is cumulative 1—m月 or the month alone: the reading is asked for.
  @Test(arguments: ["2024年6月", "202406", "2024.06", "2024/06", "2024年6月份", "6月"])
  func bareMonthsNeedAReading(_ label: String) throws {
    let office = try #require(OfficePeriod(label: label))
    let cumulative = Period(year: 2024, kind: .cumulative(through: 6))
    let single = Period(year: 2024, kind: .month(6))
    #expect(office.resolve(reference: .init(Self.h1), monthly: nil) == .ambiguousMonth(cumulative: cumulative, single: single))
    #expect(office.resolve(reference: .init(Self.h1), monthly: .cumulative) == .period(cumulative))
    #expect(office.resolve(reference: .init(Self.h1), monthly: .single) == .period(single))
  }

  @Test func relativeLabelsNeedAReportPeriod() throws {
    #expect(try #require(OfficePeriod(label: "1—6月")).resolve(reference: nil, monthly: nil) == .needsReference)
    #expect(try #require(OfficePeriod(label: "2023年")).resolve(reference: nil, monthly: nil) == .period(Period(year: 2023, kind: .cumulative(through: 12))))
  }

  @Test func samePeriodLastYearIsMarked() throws {
    #expect(OfficePeriod(label: "上年同期") == .relative(.samePeriodLastYear))
    #expect(OfficePeriod(label: "去年同期") == .relative(.samePeriodLastYear))
  }

  @Test(arguments: ["地区生产总值", "增速", "12.5", "2024年6月1日", "1—13月", "20241", "99999", ""])
  func otherTextIsNoPeriod(_ label: String) {
    #expect(OfficePeriod(label: label) == nil)
  }

  /// Titles: the longest period named at the first year, a span later in the title joined to a
  /// bare year, Traditional forms.
  @Test(arguments: [
    ("2024年1—6月各县（市、区）主要经济指标", "2024-H1"),
    ("酒泉市2024年上半年主要经济指标完成情况", "2024-H1"),
    ("2024年全市1-9月主要指标", "2024-M09"),
    ("2016年前三季各縣（市、區）主要經濟指標", "2016-M09"),
    ("2023年各县区主要指标", "2023"),
  ])
  func titlesNameTheirPeriod(_ title: String, _ expected: String) throws {
    let mention = try #require(OfficePeriod.firstMention(in: title))
    #expect(mention.period.resolve(reference: nil, monthly: nil) == .period(try #require(Period(code: expected))))
  }

  @Test func titleWithABareMonth() throws {
    let mention = try #require(OfficePeriod.firstMention(in: "2024年6月份主要指标"))
    #expect(mention.period == .month(year: 2024, month: 6))
    #expect(mention.text == "2024年6月份")
    #expect(OfficePeriod.firstMention(in: "各县区主要经济指标") == nil)
  }

  @Test func reportPeriodFromABareMonthKnowsItsEnd() {
    let reference = OfficePeriod.Reference(year: 2024, endMonth: 6, period: nil)
    #expect(OfficePeriod.relative(.currentMonth).resolve(reference: reference, monthly: nil) == .period(Period(year: 2024, kind: .month(6))))
    #expect(OfficePeriod.relative(.yearToDate).resolve(reference: reference, monthly: nil) == .period(Self.h1))
  }
}
