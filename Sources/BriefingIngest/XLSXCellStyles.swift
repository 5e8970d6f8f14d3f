import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

// MARK: - Percent styles

/// Which cell styles of a workbook show numbers as percentages: Excel stores 8.5% as 0.085
/// with a percent number format, and shows it multiplied by 100. `xl/styles.xml` lists the
/// cell styles (`<cellXfs>`, indexed by a cell's `s` attribute), each naming a number format:
/// built-in 9 (`0%`) and 10 (`0.00%`), or a custom `<numFmt>` whose code has a `%` that is
/// not quoted or escaped (`0.0%`, `[Red]0.0%`; not `0.0"%"` or `0.0\%`, which show a literal
/// percent sign without multiplying). Only the first section of a code (positive numbers) is
/// looked at.
enum XLSXCellStyles {
  /// Built-in number formats that are percentages.
  static let builtInPercentFormats: Set<Int> = [9, 10]

  /// Indices into `<cellXfs>` whose number format is a percentage; empty for no styles part.
  static func percentStyles(_ styles: Data?) -> Set<Int> {
    guard let styles else { return [] }
    let collector = StylesCollector()
    let parser = XMLParser(data: styles)
    parser.delegate = collector
    _ = parser.parse()
    let percentFormats = builtInPercentFormats.union(
      collector.customFormats.filter { isPercent($0.value) }.keys)
    return Set(collector.cellFormats.indices.filter { percentFormats.contains(collector.cellFormats[$0]) })
  }

  /// True when the first section of number format `code` has an unquoted, unescaped `%`.
  static func isPercent(_ code: String) -> Bool {
    var quoted = false
    var bracketed = false
    var skipNext = false
    for character in code {
      if skipNext {
        skipNext = false
        continue
      }
      switch character {
      case "\"": quoted.toggle()
      case _ where quoted: continue
      case "[": bracketed = true
      case "]": bracketed = false
      case _ where bracketed: continue
      case "\\", "_", "*": skipNext = true  // an escaped character, a space as wide as, a fill
      case ";": return false
      case "%": return true
      default: continue
      }
    }
    return false
  }
}

/// Collects `<numFmt numFmtId formatCode>` and the `numFmtId` of each `<xf>` inside `<cellXfs>`
/// (not `<cellStyleXfs>`, whose `xf`s are named styles, not what cells point at).
private final class StylesCollector: NSObject, XMLParserDelegate {
  var customFormats: [Int: String] = [:]
  var cellFormats: [Int] = []
  private var inCellFormats = false

  func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:])
  {
    switch elementName.split(separator: ":").last ?? "" {
    case "numFmt":
      if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
        customFormats[id] = code
      }
    case "cellXfs": inCellFormats = true
    case "xf" where inCellFormats: cellFormats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
    default: break
    }
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?)
  {
    if elementName.split(separator: ":").last == "cellXfs" { inCellFormats = false }
  }
}
