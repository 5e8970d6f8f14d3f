import BriefingCore
import Foundation

// MARK: - Holiday calendars

/// Official holidays and make-up working days (调休), read from a CSV file:
///
/// ```
/// # comments start with '#'; blank lines are ignored
/// date,kind,name
/// 2024-10-01,holiday,国庆节
/// 2024-10-12,workday,国庆节调休
/// ```
///
/// - `date`: `YYYY-MM-DD`, each date at most once.
/// - `kind`: `holiday` (no work, whatever the weekday) or `workday` (work, whatever the weekday).
/// - `name`: free text, not empty (no commas; fields are not quoted).
///
/// Every other day is a working day from Monday to Friday. A calendar covers the years it has
/// rows in; asking about another year is an error for its user (`WorkingDay`), never a silent
/// Monday–Friday answer. Shipped calendars (`Calendars/<name>.csv`, e.g. `cn-mainland`) are
/// found by name through `shippedFolders`.
public struct HolidayCalendar: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    case holiday, workday
  }

  public struct Entry: Hashable, Sendable {
    public var kind: Kind
    public var name: String
  }

  /// Where the calendar came from (a shipped name or a path), for messages.
  public let source: String
  public let entries: [CivilDate: Entry]
  /// The years that have at least one row.
  public let years: Set<Int>

  public init(source: String, entries: [CivilDate: Entry]) {
    self.source = source
    self.entries = entries
    years = Set(entries.keys.map(\.year))
  }

  /// The header every calendar file starts with (after comments).
  public static let header = "date,kind,name"

  /// True when `year` has rows.
  public func covers(year: Int) -> Bool { years.contains(year) }

  /// `holiday` rows are days off, `workday` rows are working days, other days work Monday–Friday.
  public func isWorkingDay(_ date: CivilDate) -> Bool {
    switch entries[date]?.kind {
    case .holiday: false
    case .workday: true
    case nil: !date.isWeekend
    }
  }

  /// The covered years as text: `2024–2026`, or a list when there are gaps.
  public var coverage: String {
    let sorted = years.sorted()
    guard let first = sorted.first, let last = sorted.last else { return "no year" }
    if sorted.count == last - first + 1 { return first == last ? "\(first)" : "\(first)–\(last)" }
    return sorted.map(String.init).joined(separator: ", ")
  }
}

// MARK: - Reading

extension HolidayCalendar {
  /// Parses calendar text; findings carry `file:line:column`. Nil when any error was found.
  public static func parse(_ text: String, file: String, source: String? = nil) -> (HolidayCalendar?, [Finding]) {
    var findings: [Finding] = []
    func error(_ message: Finding.Message, line: Int, column: Int? = nil, notes: [String] = []) {
      findings.append(Finding(.error, message, at: SourceLocation(file: file, line: line, column: column), notes: notes))
    }
    var entries: [CivilDate: Entry] = [:]
    var firstLine: [CivilDate: Int] = [:]
    var sawHeader = false
    let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    // "\r\n" is one Character in Swift: split on it as on "\n".
    let lines = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    for (index, content) in lines.enumerated() {
      let line = index + 1
      let trimmed = content.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      let fields = Self.fields(of: content)
      guard sawHeader else {
        if fields.map(\.text).joined(separator: ",") == header {
          sawHeader = true
        } else {
          error(.calendarHeader(trimmed), line: line, column: 1)
          return (nil, findings)
        }
        continue
      }
      guard fields.count == 3 else {
        error(.calendarRow(count: fields.count), line: line, column: 1)
        continue
      }
      let (dateField, kindField, nameField) = (fields[0], fields[1], fields[2])
      let date = CivilDate(iso: dateField.text)
      if date == nil { error(.calendarBadDate(dateField.text), line: line, column: dateField.column) }
      let kind = Kind(rawValue: kindField.text)
      if kind == nil {
        let hint = Suggestion.closest(to: kindField.text, in: Kind.allCases.map(\.rawValue)).map { ["did you mean '\($0)'?"] } ?? []
        error(.calendarBadKind(kindField.text), line: line, column: kindField.column, notes: hint)
      }
      if nameField.text.isEmpty { error(.calendarNoName, line: line, column: nameField.column) }
      guard let date, let kind, !nameField.text.isEmpty else { continue }
      if let earlier = firstLine[date] {
        error(.calendarDuplicateDate(date), line: line, column: dateField.column, notes: ["first listed on line \(earlier)"])
        continue
      }
      firstLine[date] = line
      entries[date] = Entry(kind: kind, name: nameField.text)
    }
    if !sawHeader {
      findings.append(Finding(.error, .calendarHeader(""), at: SourceLocation(file: file)))
    } else if entries.isEmpty, !findings.hasErrors {
      findings.append(Finding(.error, .calendarEmpty, at: SourceLocation(file: file)))
    }
    guard !findings.hasErrors else { return (nil, findings) }
    return (HolidayCalendar(source: source ?? file, entries: entries), findings)
  }

  /// Comma-separated fields, trimmed, each with the 1-based column (in characters) of its text,
  /// or of the field when it is blank.
  private static func fields(of line: Substring) -> [(text: String, column: Int)] {
    var result: [(String, Int)] = []
    var column = 1
    for piece in line.split(separator: ",", omittingEmptySubsequences: false) {
      let text = piece.trimmingCharacters(in: .whitespaces)
      let leading = text.isEmpty ? 0 : piece.prefix { $0 == " " || $0 == "\t" }.count
      result.append((text, column + leading))
      column += piece.count + 1
    }
    return result
  }

  /// A calendar by reference: a shipped name (no `/`, no `.csv`, e.g. `cn-mainland`) is looked up
  /// as `<folder>/<name>.csv` in `shippedFolders`, in order; anything else is a path read as given.
  public static func load(_ reference: String, shippedFolders: [String]) -> (HolidayCalendar?, [Finding]) {
    guard isShippedName(reference) else { return read(path: reference, source: reference) }
    for folder in shippedFolders where FileManager.default.fileExists(atPath: folder + "/" + reference + ".csv") {
      return read(path: folder + "/" + reference + ".csv", source: reference)
    }
    let known = shippedFolders.flatMap { folder in
      ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }
    }
    var notes = ["looked in " + shippedFolders.joined(separator: ", ")]
    if let hint = Suggestion.closest(to: reference, in: known) { notes.insert("did you mean '\(hint)'?", at: 0) }
    return (nil, [Finding(.error, .calendarUnknown(reference, known: Array(Set(known)).sorted()), notes: notes)])
  }

  /// True for a shipped calendar's name rather than a path.
  public static func isShippedName(_ reference: String) -> Bool {
    !reference.isEmpty && !reference.contains("/") && !reference.hasSuffix(".csv") && !reference.hasPrefix(".")
      && !reference.hasPrefix("~")
  }

  /// Folders searched for shipped calendars, in order (`ShippedFolders.candidates`):
  /// `$BRIEFING_CALENDAR_DIR`, `<binary folder>/../share/briefing/Calendars` (an installed tool),
  /// the checkout's `Calendars` (a SwiftPM build), `~/.local/share/briefing/Calendars`.
  /// `executable` is the resolved path of the running binary.
  public static func shippedFolders(executable: String, environment: [String: String], home: String) -> [String] {
    ShippedFolders.candidates(.calendars, executable: executable, environment: environment, home: home)
  }

  private static func read(path: String, source: String) -> (HolidayCalendar?, [Finding]) {
    guard let data = FileManager.default.contents(atPath: path) else {
      return (nil, [Finding(.error, .calendarUnreadable(path), at: SourceLocation(file: path))])
    }
    return parse(String(decoding: data, as: UTF8.self), file: path, source: source)
  }
}

// MARK: - Messages

extension Finding.Message {
  static func calendarHeader(_ found: String) -> Self {
    Self(code: "calendar-header", text: "a holiday calendar starts with the header '\(HolidayCalendar.header)'" + (found.isEmpty ? "" : ", not '\(found)'"))
  }
  static func calendarRow(count: Int) -> Self {
    Self(code: "calendar-row", text: "a calendar row has 3 fields (date,kind,name), this one has \(count)")
  }
  static func calendarBadDate(_ text: String) -> Self {
    Self(code: "bad-date", text: "'\(text)' is not a date YYYY-MM-DD that exists")
  }
  static func calendarBadKind(_ text: String) -> Self {
    Self(code: "bad-kind", text: "kind '\(text)' is neither 'holiday' nor 'workday'")
  }
  static var calendarNoName: Self {
    Self(code: "missing-name", text: "a calendar row needs a name (e.g. 国庆节)")
  }
  static func calendarDuplicateDate(_ date: CivilDate) -> Self {
    Self(code: "duplicate-date", text: "\(date) is listed twice")
  }
  static var calendarEmpty: Self {
    Self(code: "calendar-empty", text: "the holiday calendar has no rows")
  }
  static func calendarUnreadable(_ path: String) -> Self {
    Self(code: "unreadable-file", text: "cannot read holiday calendar '\(path)'")
  }
  static func calendarUnknown(_ name: String, known: [String]) -> Self {
    let list = known.isEmpty ? "none found" : known.joined(separator: ", ")
    return Self(code: "unknown-calendar", text: "no shipped holiday calendar '\(name)' (shipped: \(list)); give a path to a CSV file instead")
  }
}
