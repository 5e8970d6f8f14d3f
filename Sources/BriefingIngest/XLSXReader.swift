import BriefingCore
import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

// MARK: - Messages

extension Finding.Message {
  static func badXLSX(_ detail: String) -> Self {
    .init(code: "bad-xlsx", text: "cannot read workbook: \(detail)")
  }
  static func unknownSheet(_ name: String, available: [String]) -> Self {
    .init(
      code: "unknown-sheet",
      text: "no sheet '\(name)'; sheets: \(available.joined(separator: ", "))")
  }
}

// MARK: - Reader

/// Reads one worksheet of an .xlsx workbook into rows: the named sheet (default: the first),
/// shared and inline strings, numbers as their shortest round-trip decimal (`86.3`, `2024`),
/// numbers in a percent format as Excel shows them, times 100 with a `%` (0.085 → `8.5%`, read
/// downstream as 8.5 percent, as the same cell typed into a CSV: `XLSXCellStyles`), booleans as `TRUE`/`FALSE`, error cells as their text (`#N/A`). Row numbers are the sheet's,
/// columns are spreadsheet columns (A = 1), so findings point at `C12` as line 12, column 3.
enum XLSXReader {
  /// Largest part read, uncompressed. Default: 1 GiB (guards against ZIP bombs).
  static let maximumPartSize: UInt64 = 1 << 30

  static func forEachRow(of file: InputFile, sheet: String?, _ onRow: (TableRow) -> Void)
    -> [Finding]
  {
    read(file, sheet: sheet, onRow).findings
  }

  /// The sheet's first row that has a value (nil when none), and the findings.
  static func firstRow(of file: InputFile, sheet: String?) -> (row: TableRow?, findings: [Finding]) {
    var first: TableRow?
    let sheetRead = read(file, sheet: sheet, firstRowOnly: true) { first = first ?? $0 }
    return (first, sheetRead.findings)
  }

  /// The whole sheet with its merged ranges; nil (and the findings) when it cannot be read.
  static func grid(of file: InputFile, sheet: String?) -> (grid: CellGrid?, findings: [Finding]) {
    var rows: [TableRow] = []
    let sheetRead = read(file, sheet: sheet) { rows.append($0) }
    guard !sheetRead.findings.hasErrors, let chosen = sheetRead.sheet else { return (nil, sheetRead.findings) }
    let grid = CellGrid(
      file: file.path, rows: rows, merges: sheetRead.merges, sheet: chosen, sheets: sheetRead.sheets)
    return (grid, sheetRead.findings)
  }

  /// What reading one sheet gave besides its rows.
  private struct SheetRead {
    var findings: [Finding]
    var merges: [MergedRange] = []
    var sheet: String?
    var sheets: [String] = []
  }

  private static func read(
    _ file: InputFile, sheet: String?, firstRowOnly: Bool = false, _ onRow: (TableRow) -> Void
  ) -> SheetRead {
    let location = SourceLocation(file: file.path)
    do {
      try ZIPBounds.check(file.bytes)
      let archive = try Archive(data: Data(file.bytes), accessMode: .read)
      let workbook = try WorkbookIndex.read(archive)
      let sheets = workbook.sheets
      guard let chosen = sheet.map({ name in sheets.first { $0.name == name } }) ?? sheets.first
      else {
        let message: Finding.Message =
          sheets.isEmpty
          ? .badXLSX("workbook lists no sheets")
          : .unknownSheet(sheet ?? "", available: sheets.map(\.name))
        return SheetRead(findings: [Finding(.error, message, at: location)])
      }
      let strings = try part("xl/sharedStrings.xml", of: archive).map(SharedStrings.parse) ?? []
      guard let sheetData = try part(chosen.path, of: archive) else {
        return SheetRead(findings: [Finding(.error, .badXLSX("missing part \(chosen.path)"), at: location)])
      }
      let percentStyles = XLSXCellStyles.percentStyles(try part(workbook.stylesPath, of: archive))
      let parsed = SheetParser.parse(
        sheetData, strings: strings, percentStyles: percentStyles, file: file.path, firstRowOnly: firstRowOnly, onRow)
      return SheetRead(
        findings: parsed.findings, merges: parsed.merges, sheet: chosen.name, sheets: sheets.map(\.name))
    } catch let failure as XLSXFailure {
      return SheetRead(findings: [Finding(.error, .badXLSX(failure.detail), at: location)])
    } catch {
      return SheetRead(findings: [Finding(.error, .badXLSX("not a valid ZIP archive (\(error))"), at: location)])
    }
  }

  /// The uncompressed bytes of a part, or nil when absent. The bytes actually inflated are
  /// counted as they arrive: a part that inflates past the size its ZIP headers declare is
  /// refused there (a damaged archive or a ZIP bomb: 1.6 MB declaring a small part and
  /// inflating to 1.5 GB was once read whole), as is one declared above `maximumPartSize`.
  static func part(_ path: String, of archive: Archive) throws -> Data? {
    guard let entry = archive[path] else { return nil }
    let declared = entry.uncompressedSize
    guard declared <= maximumPartSize else {
      throw XLSXFailure(detail: "\(path) is larger than 1 GiB")
    }
    var data = Data()
    _ = try archive.extract(entry) { chunk in
      guard UInt64(data.count + chunk.count) <= declared else {
        throw XLSXFailure(
          detail: "\(path) inflates past its declared size of \(declared) bytes (damaged, or a ZIP bomb)")
      }
      data.append(chunk)
    }
    return data
  }
}

/// A structural problem in a workbook.
struct XLSXFailure: Error {
  var detail: String
}

// MARK: - Workbook

/// Sheet names in workbook order and the part each one lives in, and the styles part.
private enum WorkbookIndex {
  struct Sheet {
    var name: String
    var path: String
  }

  struct Workbook {
    var sheets: [Sheet]
    /// The part its styles relationship names. Default: `xl/styles.xml`.
    var stylesPath: String
  }

  static func read(_ archive: Archive) throws -> Workbook {
    guard let workbook = try XLSXReader.part("xl/workbook.xml", of: archive) else {
      throw XLSXFailure(detail: "missing xl/workbook.xml")
    }
    let relations = try XLSXReader.part("xl/_rels/workbook.xml.rels", of: archive) ?? Data()
    var targets: [String: String] = [:]
    var stylesPath = "xl/styles.xml"
    for element in ElementCollector.collect(relations, named: "Relationship") {
      guard let id = element["Id"], let target = element["Target"] else { continue }
      targets[id] = target
      if element["Type"]?.hasSuffix("/styles") == true { stylesPath = resolve(target) }
    }
    let sheets: [Sheet] = ElementCollector.collect(workbook, named: "sheet").compactMap { element in
      guard let name = element["name"] else { return nil }
      let relation = element.first { $0.key.hasSuffix(":id") }?.value
      let target = relation.flatMap { targets[$0] } ?? "worksheets/sheet1.xml"
      return Sheet(name: name, path: resolve(target))
    }
    return Workbook(sheets: sheets, stylesPath: stylesPath)
  }

  /// `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`; `/xl/…` → `xl/…`.
  private static func resolve(_ target: String) -> String {
    if target.hasPrefix("/") { return String(target.dropFirst()) }
    var parts = ["xl"]
    for piece in target.split(separator: "/") {
      if piece == ".." { _ = parts.popLast() } else { parts.append(String(piece)) }
    }
    return parts.joined(separator: "/")
  }
}

// MARK: - XML helpers

/// Local name of a possibly prefixed element (`x:row` → `row`).
private func localName(_ name: String) -> Substring {
  name.split(separator: ":").last ?? Substring(name)
}

/// Collects the attributes of every element with a given local name.
private final class ElementCollector: NSObject, XMLParserDelegate {
  private let name: String
  private var found: [[String: String]] = []

  private init(name: String) { self.name = name }

  static func collect(_ data: Data, named name: String) -> [[String: String]] {
    let collector = ElementCollector(name: name)
    let parser = XMLParser(data: data)
    parser.delegate = collector
    _ = parser.parse()
    return collector.found
  }

  func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:])
  {
    if localName(elementName) == name { found.append(attributes) }
  }
}

/// `sharedStrings.xml`: each `<si>` is the concatenation of its `<t>` runs, phonetic runs
/// (`<rPh>`) left out.
private final class SharedStrings: NSObject, XMLParserDelegate {
  private var strings: [String] = []
  private var current = ""
  private var inText = false
  private var phoneticDepth = 0

  static func parse(_ data: Data) -> [String] {
    let delegate = SharedStrings()
    let parser = XMLParser(data: data)
    parser.delegate = delegate
    _ = parser.parse()
    return delegate.strings
  }

  func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:])
  {
    switch localName(elementName) {
    case "si": current = ""
    case "rPh": phoneticDepth += 1
    case "t": inText = phoneticDepth == 0
    default: break
    }
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?)
  {
    switch localName(elementName) {
    case "si": strings.append(current)
    case "rPh": phoneticDepth -= 1
    case "t": inText = false
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inText { current += string }
  }
}
