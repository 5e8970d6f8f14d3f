import Foundation

// MARK: - Zone offsets over a year

/// How many minutes a server's clock is ahead of a job's zone over a year, changing at either
/// zone's daylight-saving transitions: constant for Asia/Shanghai and UTC (−480), two values when
/// either zone keeps daylight saving time.
public struct ZoneOffsets: Hashable, Sendable {
  /// From the transition on `from` (a date in the server's zone) on, the server is `minutes` ahead.
  public struct Segment: Hashable, Sendable {
    public var from: CivilDate
    public var minutes: Int
  }

  /// In date order; the first starts on the day of `now`.
  public var segments: [Segment]

  /// The difference on the day of `now`.
  public var current: Int { segments[0].minutes }

  /// True when the difference is the same all year.
  public var isConstant: Bool { Set(segments.map(\.minutes)).count == 1 }

  /// The difference from `now` for `days` days (default a year and a day), changing at each
  /// daylight-saving transition of either zone.
  public static func between(job: TimeZone, server: TimeZone, from now: Date, days: Int = 366) -> ZoneOffsets {
    let end = now.addingTimeInterval(Double(days) * 86_400)
    var instants: Set<Date> = [now]
    for zone in [job, server] {
      var cursor = now
      while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end {
        instants.insert(next)
        cursor = next
      }
    }
    var segments: [Segment] = []
    for instant in instants.sorted() {
      let minutes = (server.secondsFromGMT(for: instant) - job.secondsFromGMT(for: instant)) / 60
      if segments.last?.minutes != minutes {
        segments.append(Segment(from: CivilDate(instant, in: server), minutes: minutes))
      }
    }
    return ZoneOffsets(segments: segments)
  }

  /// `7 h`, `5 h 30 min`, `45 min` (the magnitude of `minutes`).
  public static func duration(_ minutes: Int) -> String {
    let hours = abs(minutes) / 60
    let rest = abs(minutes) % 60
    switch (hours, rest) {
    case (0, _): return "\(rest) min"
    case (_, 0): return "\(hours) h"
    default: return "\(hours) h \(rest) min"
    }
  }
}
