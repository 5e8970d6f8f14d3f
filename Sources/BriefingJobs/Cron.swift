// MARK: - Cron expressions

/// A validated five-field cron expression (`minute hour day-of-month month day-of-week`).
///
/// Accepted per field: `*`, `N`, `N-M`, `*/S`, `N-M/S`, and comma lists of these; months accept
/// `jan`…`dec`, weekdays `sun`…`sat` (0 and 7 are Sunday). `@yearly`, `@annually`, `@monthly`,
/// `@weekly`, `@daily` and `@hourly` are expanded to their five-field form.
public struct CronExpression: Hashable, Sendable, CustomStringConvertible {
  /// The expression as written (macros expanded).
  public let text: String
  /// The five raw fields.
  public let fields: [String]
  /// The concrete values each field allows, ascending (weekday 7 folded to 0).
  public let values: [[Int]]

  public struct Field: Sendable {
    public let name: String
    public let range: ClosedRange<Int>
    public let names: [String]
  }

  public static let layout: [Field] = [
    Field(name: "minute", range: 0...59, names: []),
    Field(name: "hour", range: 0...23, names: []),
    Field(name: "day of month", range: 1...31, names: []),
    Field(
      name: "month", range: 1...12,
      names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
    Field(name: "day of week", range: 0...7, names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]),
  ]

  static let macros: [String: String] = [
    "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *",
    "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
  ]

  public var description: String { text }

  /// Parses and validates; the error explains which field is wrong and why.
  public init(_ raw: String) throws(CronError) {
    var trimmed = raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    if trimmed.hasPrefix("@") {
      guard let expanded = Self.macros[trimmed.lowercased()] else {
        throw CronError(
          "unknown cron macro '\(trimmed)'; use one of \(Self.macros.keys.sorted().joined(separator: ", ")) or five fields")
      }
      trimmed = expanded
    }
    let parts = trimmed.split(separator: " ").map(String.init)
    guard parts.count == 5 else {
      throw CronError(
        "cron expression '\(raw)' has \(parts.count) field\(parts.count == 1 ? "" : "s"), expected 5: minute hour day-of-month month day-of-week (e.g. '0 7 5 1,4,7,10 *')")
    }
    var values: [[Int]] = []
    for (index, part) in parts.enumerated() {
      values.append(try Self.parse(part, field: Self.layout[index], position: index + 1))
    }
    text = trimmed
    fields = parts
    self.values = values
  }

  private static func parse(_ text: String, field: Field, position: Int) throws(CronError) -> [Int] {
    func fail(_ why: String) -> CronError {
      CronError(
        "cron field \(position) (\(field.name)) '\(text)': \(why); allowed \(field.range.lowerBound)–\(field.range.upperBound)")
    }
    func number(_ token: Substring) throws(CronError) -> Int {
      if let value = Int(token) {
        guard field.range.contains(value) else { throw fail("\(value) is out of range") }
        return value
      }
      if let index = field.names.firstIndex(of: token.lowercased()) {
        return field.range.lowerBound == 1 ? index + 1 : index
      }
      throw fail("'\(token)' is not a number")
    }
    var result = Set<Int>()
    for item in text.split(separator: ",", omittingEmptySubsequences: false) {
      guard !item.isEmpty else { throw fail("empty list item") }
      let pieces = item.split(separator: "/", omittingEmptySubsequences: false)
      guard pieces.count <= 2 else { throw fail("more than one '/'") }
      var step = 1
      if pieces.count == 2 {
        guard let s = Int(pieces[1]), s > 0 else { throw fail("step '\(pieces[1])' must be a positive number") }
        step = s
      }
      var low: Int
      var high: Int
      if pieces[0] == "*" {
        low = field.range.lowerBound
        high = field.range.upperBound
      } else {
        let bounds = pieces[0].split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count <= 2, !bounds.contains(where: \.isEmpty) else { throw fail("malformed range") }
        low = try number(bounds[0])
        high = bounds.count == 2 ? try number(bounds[1]) : (pieces.count == 2 ? field.range.upperBound : low)
        guard low <= high else { throw fail("range \(low)-\(high) is reversed") }
      }
      for value in stride(from: low, through: high, by: step) { result.insert(value) }
    }
    if field.range.upperBound == 7, result.remove(7) != nil { result.insert(0) }
    return result.sorted()
  }

  /// True when the field is an unrestricted `*`.
  public func isWildcard(_ index: Int) -> Bool { fields[index] == "*" }

  /// True when the expression fires at some time of `date`: the month matches and the day fields
  /// match as cron combines them (either one when both are restricted, both when one of them
  /// starts with `*`).
  public func fires(on date: CivilDate) -> Bool {
    guard values[3].contains(date.month) else { return false }
    let dayOfMonth = values[2].contains(date.day)
    let dayOfWeek = values[4].contains(date.weekday % 7)
    return fields[2].hasPrefix("*") || fields[4].hasPrefix("*") ? dayOfMonth && dayOfWeek : dayOfMonth || dayOfWeek
  }
}

/// Why a cron expression was refused.
public struct CronError: Error, Hashable, Sendable, CustomStringConvertible {
  public let message: String
  init(_ message: String) { self.message = message }
  public var description: String { message }
}
