import BriefingCore
import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

// MARK: - Worksheet

/// Streams `<row>`s of a worksheet as `TableRow`s. Missing cells become empty cells; rows are
/// padded to the header's width, and empty cells beyond it are dropped so that only real extra
/// values show up as ragged rows. Collects the `<mergeCell>` ranges that follow the rows.
final class SheetParser: NSObject, XMLParserDelegate {
  private let strings: [String]
  /// Cell styles (`s`) that show numbers as percentages.
  private let percentStyles: Set<Int>
  private let file: String
  private let onRow: (TableRow) -> Void
  private var findings: [Finding] = []
  private var rowNumber = 0
  private var cells: [Int: String] = [:]
  private var column = 0
  private var cellType = ""
  private var cellStyle = 0
  private var text = ""
  private var capturing = false
  private var phoneticDepth = 0
  private var width: Int?
  private var merges: [MergedRange] = []
  /// Stop after the first row delivered (a look at the header).
  private let firstRowOnly: Bool
  private var stopped = false

  private init(
    strings: [String], percentStyles: Set<Int>, file: String, firstRowOnly: Bool,
    onRow: @escaping (TableRow) -> Void
  ) {
    self.strings = strings
    self.percentStyles = percentStyles
    self.file = file
    self.firstRowOnly = firstRowOnly
    self.onRow = onRow
  }

  /// Findings of the sheet (malformed XML, a shared-string index out of range) and its merged
  /// ranges. Numbers in `percentStyles` (default: none) read as percentages (`percentText`).
  /// `firstRowOnly`: stop after the first row that has a value (default: false).
  static func parse(
    _ data: Data, strings: [String], percentStyles: Set<Int> = [], file: String, firstRowOnly: Bool = false,
    _ onRow: (TableRow) -> Void
  ) -> (findings: [Finding], merges: [MergedRange]) {
    withoutActuallyEscaping(onRow) { escapable in
      let delegate = SheetParser(
        strings: strings, percentStyles: percentStyles, file: file, firstRowOnly: firstRowOnly, onRow: escapable)
      let parser = XMLParser(data: data)
      parser.delegate = delegate
      if !parser.parse(), !delegate.stopped {
        let detail = parser.parserError.map { "\($0)" } ?? "malformed XML"
        delegate.findings.append(
          Finding(
            .error, .badXLSX("worksheet XML: \(detail)"),
            at: .init(file: file, line: delegate.rowNumber)))
      }
      return (delegate.findings, delegate.merges)
    }
  }

  // MARK: - Delegate

  func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:])
  {
    switch elementName.split(separator: ":").last ?? "" {
    case "row":
      rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
      cells = [:]
      column = 0
    case "c":
      column = attributes["r"].flatMap(Self.columnNumber) ?? column + 1
      cellType = attributes["t"] ?? "n"
      cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
      text = ""
    case "v", "t":
      capturing = phoneticDepth == 0
    case "rPh":
      phoneticDepth += 1
    case "mergeCell":
      if let range = attributes["ref"].flatMap(MergedRange.init(reference:)) { merges.append(range) }
    default:
      break
    }
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?)
  {
    switch elementName.split(separator: ":").last ?? "" {
    case "v", "t": capturing = false
    case "rPh": phoneticDepth -= 1
    case "c": cells[column] = cellText()
    case "row":
      if emitRow(), firstRowOnly {
        stopped = true
        parser.abortParsing()
      }
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if capturing { text += string }
  }

  // MARK: - Cells

  private func cellText() -> String {
    switch cellType {
    case "s":
      guard let index = Int(text.trimmingSpaces()), strings.indices.contains(index) else {
        findings.append(
          Finding(
            .error, .badXLSX("shared string index '\(text)' out of range"),
            at: .init(file: file, line: rowNumber, column: column)))
        return ""
      }
      return strings[index]
    case "b": return text == "1" ? "TRUE" : "FALSE"
    case "n": return percentStyles.contains(cellStyle) ? Self.percentText(text) : Self.shortestNumber(text)
    default: return text
    }
  }

  /// Delivers the row; false when it had no cell to deliver.
  @discardableResult
  private func emitRow() -> Bool {
    let lastUsed = cells.filter { !$0.value.trimmingSpaces().isEmpty }.keys.max() ?? 0
    if width == nil, lastUsed > 0 { width = lastUsed }
    let count = max(width ?? 0, lastUsed)
    guard count > 0 else { return false }
    let row = TableRow(
      line: rowNumber,
      cells: (1...count).map { TableCell(cells[$0] ?? "", column: $0) })
    onRow(row)
    return true
  }

  /// `C12` → 3; `AA1` → 27. Nil when the reference has no letters.
  static func columnNumber(_ reference: String) -> Int? {
    var number = 0
    for scalar in reference.unicodeScalars {
      guard ("A"..."Z").contains(scalar) else { break }
      number = number * 26 + Int(scalar.value - 64)
    }
    return number > 0 ? number : nil
  }

  /// `86.299999999999997` → `86.3`; `2024` → `2024`; text that is not a number is kept.
  static func shortestNumber(_ raw: String) -> String {
    let text = raw.trimmingSpaces()
    guard let value = Double(text), value.isFinite else { return text }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }

  /// A number shown as a percentage, as Excel shows it but unrounded: `0.085` → `8.5%`,
  /// `-0.021` → `-2.1%`, `1` → `100%`, `1e-05` → `0.001%`. The decimal point of the shortest
  /// round-trip decimal moves two places (no binary multiplication: 0.07 × 100 is
  /// 7.000000000000001). Text that is not a number is kept.
  static func percentText(_ raw: String) -> String {
    let text = raw.trimmingSpaces()
    guard let value = Double(text), value.isFinite else { return text }
    let shortest = "\(abs(value))"
    let parts = shortest.split(separator: "e")
    let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
    let digits = Array(mantissa.joined())
    var point = mantissa[0].count + (parts.count > 1 ? Int(parts[1]) ?? 0 : 0) + 2
    var shifted = digits
    if point <= 0 {
      shifted = Array(repeating: "0", count: 1 - point) + shifted
      point = 1
    } else if point > shifted.count {
      shifted += Array(repeating: "0", count: point - shifted.count)
    }
    var whole = String(shifted[..<point]).drop { $0 == "0" }
    if whole.isEmpty { whole = "0" }
    let fraction = String(shifted[point...]).reversed().drop { $0 == "0" }.reversed()
    let number = fraction.isEmpty ? String(whole) : whole + "." + String(fraction)
    return (value < 0 && number != "0" ? "-" : "") + number + "%"
  }
}
