import BriefingCore
import Foundation

// MARK: - Clock, sleeper, log sink

/// The time source; tests inject a fixed or stepping clock so logs and manifests are stable.
public protocol RunClock: Sendable {
  func now() -> Date
}

public struct SystemClock: RunClock {
  public init() {}
  public func now() -> Date { Date() }
}

/// Waits between retries; tests inject one that only records the delays.
public protocol Sleeper: Sendable {
  func sleep(seconds: Double)
}

public struct SystemSleeper: Sleeper {
  public init() {}
  public func sleep(seconds: Double) { Thread.sleep(forTimeInterval: seconds) }
}

/// Receives finished log lines (without newline). The CLI writes them to stderr and appends
/// them to `<output>/briefing.log`.
public protocol LogSink: Sendable {
  func write(_ line: String)
}

/// Collects lines in memory (tests, or to append to a file at the end).
public final class MemoryLogSink: LogSink, @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [String] = []
  public init() {}
  public func write(_ line: String) {
    lock.lock()
    storage.append(line)
    lock.unlock()
  }
  public var lines: [String] {
    lock.lock()
    defer { lock.unlock() }
    return storage
  }
}

/// Formats events as logfmt: `ts=2024-01-05T07:00:00Z level=info event=published path=a.pdf`.
struct EventLog {
  let sink: any LogSink
  let clock: any RunClock
  let quiet: Bool

  enum Level: String { case info, warning, error }

  static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }

  /// A value as logfmt: bare, or in quotes when it is empty or has a space, `=`, `"`, `\` or a
  /// control character. In quotes `"` and `\` are escaped with `\`, and every control character
  /// (`ControlCharacters.escape`: `\n`, `\r`, `\t`, `\u001B`), so that a name with an ESC
  /// cannot drive the terminal that shows the log, and a line stays one line.
  static func quote(_ value: String) -> String {
    let needsQuotes =
      value.isEmpty
      || value.unicodeScalars.contains {
        $0 == " " || $0 == "=" || $0 == "\"" || $0 == "\\" || ControlCharacters.isControl($0)
      }
    guard needsQuotes else { return value }
    var escaped = ""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": escaped += "\\\""
      case "\\": escaped += "\\\\"
      default:
        if let escape = ControlCharacters.escape(scalar) { escaped += escape } else { escaped.unicodeScalars.append(scalar) }
      }
    }
    return "\"\(escaped)\""
  }

  static func line(ts: Date, level: Level, event: String, fields: [(String, String)]) -> String {
    var parts = ["ts=\(timestamp(ts))", "level=\(level.rawValue)", "event=\(event)"]
    for (key, value) in fields { parts.append("\(key)=\(quote(value))") }
    return parts.joined(separator: " ")
  }

  func emit(_ level: Level, _ event: String, _ fields: [(String, String)] = []) {
    if quiet && level != .error { return }
    sink.write(Self.line(ts: clock.now(), level: level, event: event, fields: fields))
  }
}
