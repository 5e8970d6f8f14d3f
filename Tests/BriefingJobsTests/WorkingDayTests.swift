import Foundation
import Testing

@testable import BriefingJobs

@Suite struct WorkingDayTests {
  /// July 2024 starts on a Monday; October 2024 on a Tuesday; June 2024 on a Saturday.
  @Test(arguments: [
    ("2024-07-01T08:00:00+08:00", 1),
    ("2024-07-05T08:00:00+08:00", 5),
    ("2024-07-06T08:00:00+08:00", nil),
    ("2024-07-08T08:00:00+08:00", 6),
    ("2024-10-07T08:00:00+08:00", 5),
    ("2024-06-03T08:00:00+08:00", 1),
    ("2024-06-07T08:00:00+08:00", 5),
    ("2024-06-01T08:00:00+08:00", nil),
    // 23:30 UTC on Sunday 30 June is Monday 1 July in Shanghai.
    ("2024-06-30T23:30:00Z", 1),
  ] as [(String, Int?)])
  func ordinal(_ stamp: String, _ expected: Int?) throws {
    let date = try #require(ISO8601DateFormatter().date(from: stamp))
    let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
    #expect(WorkingDay.ordinal(of: date, in: shanghai) == expected)
  }
}
