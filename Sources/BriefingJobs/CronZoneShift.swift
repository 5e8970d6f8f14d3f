// MARK: - Moving a cron expression to another zone

/// A cron expression moved by a fixed number of minutes, for a cron that runs every line in its
/// own zone (Debian's cron, busybox): `0 7 5 1,4,7,10 *` in Asia/Shanghai is `0 23 4 1,4,7,10 *`
/// in UTC.
public struct ZoneShift: Hashable, Sendable {
  /// One or more expressions (times that land on different days need their own line).
  public var expressions: [CronExpression]
  /// Why the lines fire on more days than the original, one reason each; empty when exact.
  /// A widened schedule is only right behind a day guard (`run --on-working-day N`).
  public var widenings: [String]
}

extension CronExpression {
  /// The same firings `minutes` later on the clock (negative: earlier), e.g. −480 from
  /// Asia/Shanghai to UTC.
  ///
  /// Times past midnight move the day: day-of-week values shift exactly; a day-of-month moves
  /// exactly between 1 and 28 (days every month has), and the month field stays as long as no
  /// firing crosses a month's end. Otherwise the result is widened to a superset (day 1 one day
  /// earlier becomes 28–31 of the months before too) and the reason is listed.
  public func shifted(byMinutes minutes: Int) throws(CronError) -> ZoneShift {
    let everyDay = isWildcard(2) && isWildcard(3) && isWildcard(4)
    // Day shift → hour → minutes on the new clock.
    var groups: [Int: [Int: [Int]]] = [:]
    for hour in values[1] {
      for minute in values[0] {
        let total = hour * 60 + minute + minutes
        let day = total >= 0 ? total / 1440 : -((-total + 1439) / 1440)
        let clock = total - day * 1440
        groups[everyDay ? 0 : day, default: [:]][clock / 60, default: []].append(clock % 60)
      }
    }
    var expressions: [CronExpression] = []
    var widenings: [String] = []
    for day in groups.keys.sorted() {
      let days = try shiftedDays(by: day)
      widenings += days.widenings
      // Hours that share their minutes share a line, in hour order.
      var lines: [(minutes: [Int], hours: [Int])] = []
      for (hour, minuteList) in groups[day]!.sorted(by: { $0.key < $1.key }) {
        let sorted = minuteList.sorted()
        if let index = lines.firstIndex(where: { $0.minutes == sorted }) {
          lines[index].hours.append(hour)
        } else {
          lines.append((sorted, [hour]))
        }
      }
      for line in lines {
        let minuteField = Self.render(line.minutes, field: 0, keepStar: false)
        let hourField = Self.render(line.hours, field: 1, keepStar: false)
        expressions.append(try CronExpression("\(minuteField) \(hourField) \(days.dom) \(days.month) \(days.dow)"))
      }
    }
    return ZoneShift(expressions: expressions, widenings: widenings)
  }

  /// The day fields one day later (`by` 1) or earlier (−1), with the reasons they were widened.
  private func shiftedDays(by shift: Int) throws(CronError) -> (dom: String, month: String, dow: String, widenings: [String]) {
    guard shift != 0 else { return (fields[2], fields[3], fields[4], []) }
    let way = shift < 0 ? "the day before" : "the day after"
    for index in [2, 4] where fields[index].hasPrefix("*") && !isWildcard(index) {
      throw CronError(
        "a step in a day field ('\(fields[index])') is not moved to \(way); write the days as a list, or use the systemd timer")
    }
    var widenings: [String] = []
    var crossesMonths = false
    var dom = fields[2]
    if !isWildcard(2) {
      var days = Set<Int>()
      for day in values[2] {
        let moved = day + shift
        if (1...28).contains(day), (1...28).contains(moved) {
          days.insert(moved)
        } else if moved < 1 {
          days.formUnion(28...31)
          crossesMonths = true
          widenings.append("day 1 falls on the previous month's last day (28th–31st)")
        } else if shift > 0 {
          if moved <= 31 { days.insert(moved) }
          days.insert(1)
          crossesMonths = true
          widenings.append("day \(day) is followed by the next month's 1st in shorter months")
        } else {
          days.insert(moved)
          widenings.append("day \(day) does not exist in every month; day \(moved) does")
        }
      }
      dom = Self.render(days.sorted(), field: 2, keepStar: true)
    }
    var dow = fields[4]
    if !isWildcard(4) {
      dow = Self.render(Set(values[4].map { (($0 + shift) % 7 + 7) % 7 }).sorted(), field: 4, keepStar: true)
    }
    var month = fields[3]
    // Every day, or the weekdays, include each month's first and last days.
    let weekdayPart = !isWildcard(4) || isWildcard(2)
    if !isWildcard(3), crossesMonths || weekdayPart {
      month = Self.render(Set(values[3] + values[3].map { ($0 - 1 + shift + 12) % 12 + 1 }).sorted(), field: 3, keepStar: false)
      widenings.append("months \(fields[3]) begin and end on \(way) there, so the neighbouring months are added")
    }
    return (dom, month, dow, widenings)
  }

  /// Values as field text: runs of three or more as `a-b`, the rest listed; the whole range as
  /// `*` unless `keepStar` (a restricted day field must stay restricted: cron ORs the two day
  /// fields only when neither starts with `*`).
  static func render(_ values: [Int], field: Int, keepStar: Bool) -> String {
    let range = layout[field].range
    if !keepStar, values == Array(range) { return "*" }
    var parts: [String] = []
    var index = 0
    while index < values.count {
      var end = index
      while end + 1 < values.count, values[end + 1] == values[end] + 1 { end += 1 }
      if end - index >= 2 {
        parts.append("\(values[index])-\(values[end])")
      } else {
        parts += values[index...end].map(String.init)
      }
      index = end + 1
    }
    return parts.joined(separator: ",")
  }
}
