import BriefingCore
import Foundation
import Testing

@testable import BriefingJobs
import TestSupport

@Suite struct HolidayCalendarTests {
  /// The shipped file holds exactly what each notice states: holidays per year are the sum of
  /// the stated spans (2024: 元旦 1 + 春节 8 + 清明 3 + 劳动 5 + 端午 1 + 中秋 3 + 国庆 7 = 28;
  /// 2025: 1 + 8 + 3 + 5 + 3 + 8 = 28; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7 = 33) and every
  /// make-up day (2024: 8, 2025: 5, 2026: 6) falls on a Saturday or Sunday.
  @Test func shippedCountsMatchTheNotices() throws {
    let calendar = try shipped()
    #expect(calendar.coverage == "2024–2026")
    for (year, holidays, workdays) in [(2024, 28, 8), (2025, 28, 5), (2026, 33, 6)] {
      let rows = calendar.entries.filter { $0.key.year == year }
      #expect(rows.values.count { $0.kind == .holiday } == holidays, "\(year)")
      #expect(rows.values.count { $0.kind == .workday } == workdays, "\(year)")
      #expect(rows.filter { $0.value.kind == .workday }.allSatisfy { $0.key.isWeekend }, "\(year)")
    }
    #expect(calendar.entries[CivilDate(iso: "2024-10-12")!] == .init(kind: .workday, name: "国庆节调休上班"))
  }

  @Test func parsesCommentsBlankLinesBOMAndCRLF() throws {
    let text = "\u{FEFF}# source\r\n\r\ndate,kind,name\r\n2030-01-01 , holiday , 元旦\r\n2030-01-05,workday,调休\r\n"
    let (calendar, findings) = HolidayCalendar.parse(text, file: "c.csv")
    #expect(findings.isEmpty)
    let parsed = try #require(calendar)
    #expect(parsed.isWorkingDay(CivilDate(iso: "2030-01-01")!) == false)
    #expect(parsed.isWorkingDay(CivilDate(iso: "2030-01-05")!), "a Saturday make-up day")
    #expect(parsed.isWorkingDay(CivilDate(iso: "2030-01-02")!), "an ordinary Wednesday")
    #expect(parsed.covers(year: 2030) && !parsed.covers(year: 2031))
  }

  /// Each mistake is an error at file:line:column, with a hint where one helps.
  @Test(arguments: [
    ("date,kind\n", "c.csv:1:1: error: a holiday calendar starts with the header 'date,kind,name', not 'date,kind' [calendar-header]"),
    ("date,kind,name\n2024-02-30,holiday,x\n", "c.csv:2:1: error: '2024-02-30' is not a date YYYY-MM-DD that exists [bad-date]"),
    ("date,kind,name\n2024-10-12,wrokday,x\n", "c.csv:2:12: error: kind 'wrokday' is neither 'holiday' nor 'workday' (did you mean 'workday'?) [bad-kind]"),
    ("date,kind,name\n2024-10-12,workday\n", "c.csv:2:1: error: a calendar row has 3 fields (date,kind,name), this one has 2 [calendar-row]"),
    ("date,kind,name\n2024-10-12,workday, \n", "c.csv:2:20: error: a calendar row needs a name (e.g. 国庆节) [missing-name]"),
    ("date,kind,name\n2024-10-12,workday,a\n2024-10-12,holiday,b\n", "c.csv:3:1: error: 2024-10-12 is listed twice (first listed on line 2) [duplicate-date]"),
    ("# only a comment\n", "c.csv: error: a holiday calendar starts with the header 'date,kind,name' [calendar-header]"),
    ("date,kind,name\n", "c.csv: error: the holiday calendar has no rows [calendar-empty]"),
  ])
  func errors(_ text: String, _ expected: String) {
    let (calendar, findings) = HolidayCalendar.parse(text, file: "c.csv")
    #expect(calendar == nil)
    #expect(findings.map(\.description) == [expected])
  }

  @Test func shippedNamesAndPaths() throws {
    #expect(HolidayCalendar.isShippedName("cn-mainland"))
    for path in ["./cn.csv", "cn.csv", "/etc/cal", "~/cal", "cal/x"] { #expect(!HolidayCalendar.isShippedName(path), "\(path)") }
    let folder = try TestScratch.folder("calendars")
    let (_, findings) = HolidayCalendar.load("cn-mainlnd", shippedFolders: [folder, shippedFolder()])
    #expect(findings.map(\.message.code) == ["unknown-calendar"])
    #expect(findings.first?.notes.first == "did you mean 'cn-mainland'?")
    let (_, missing) = HolidayCalendar.load(folder + "/none.csv", shippedFolders: [])
    #expect(missing.map(\.message.code) == ["unreadable-file"])
  }

  /// An installed binary finds `../share/briefing/Calendars`; a SwiftPM build finds the checkout's.
  @Test func searchFolders() {
    let folders = HolidayCalendar.shippedFolders(
      executable: "/repo/.build/x86_64-unknown-linux-gnu/debug/briefing", environment: ["BRIEFING_CALENDAR_DIR": "/cal"],
      home: "/home/u")
    #expect(folders == [
      "/cal", "/repo/.build/x86_64-unknown-linux-gnu/share/briefing/Calendars", "/repo/Calendars",
      "/home/u/.local/share/briefing/Calendars",
    ])
    #expect(HolidayCalendar.shippedFolders(executable: "/usr/local/bin/briefing", environment: [:], home: "/h")[0]
      == "/usr/local/share/briefing/Calendars")
  }
}

func shippedFolder() -> String {
  var root = URL(fileURLWithPath: #filePath)
  for _ in 0..<3 { root.deleteLastPathComponent() }
  return root.path + "/Calendars"
}
