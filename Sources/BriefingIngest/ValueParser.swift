import BriefingCore

// MARK: - Parsed cells

/// A numeric cell as people write it, before unit conversion.
public struct CellValue: Hashable, Sendable {
  /// What the cell holds.
  public enum Content: Hashable, Sendable {
    case number(Double)
    /// `*`, `＊`, `-*`: known but withheld. Never 0.
    case masked
    /// Empty, `—`, `-`, `–`, `NA`, `N/A`, `…`, `#N/A`.
    case missing
  }

  public var content: Content
  public var qualifier: ValueQualifier?
  /// A unit written inside the cell (`86.3亿元`, `7.2%`), if any.
  public var unit: Unit?
  /// Fraction digits as written, in the cell's own unit: `43.149` → 3, `1,234.5` → 1,
  /// `86.3亿元` → 1, `12` → 0, `1e-05` → 5. Range: ≥ 0. Default: 0 (also for masked and missing).
  public var decimals: Int

  public init(
    _ content: Content, qualifier: ValueQualifier? = nil, unit: Unit? = nil, decimals: Int = 0
  ) {
    self.content = content
    self.qualifier = qualifier
    self.unit = unit
    self.decimals = decimals
  }

  /// The number, or nil when masked or missing.
  public var number: Double? {
    if case .number(let value) = content { return value }
    return nil
  }
}

// MARK: - Parser

/// Parses numbers "as people write them" in Chinese statistics.
///
/// Accepted, in order: optional prefix qualifier (近, 约/約, 大约, 超过/超過, 突破, 逾, 不足,
/// 不到, 不超过, 不低于), optional sign (`+`, `-`, `−`, `－`), digits with optional thousands
/// separators (`1,234.5`, `1，234`) and decimal point (`.`, `．`), or `*`/`＊` for a masked
/// value; then, in any order, suffix qualifiers (多, 余/餘, 以上, 左右, 以内/以內, 以下) and a
/// unit (`亿元`, `%`, `万美元`, `个亿` …). Full-width digits and `％` are accepted everywhere.
public enum ValueParser {
  /// Returns nil when the text is not a value (e.g. `12a.5`).
  public static func parse(_ raw: String) -> CellValue? {
    var bytes = raw
    if let quick = bytes.withUTF8(quickParse) { return quick }
    let text = normalize(raw)
    if text.isEmpty { return CellValue(.missing) }
    if isPlainNumber(text), let plain = plainDecimal(text) ?? Double(text), plain.isFinite {
      return CellValue(.number(plain), decimals: fractionDigits(text))
    }
    if missingTokens.contains(text) { return CellValue(.missing) }
    var rest = Substring(text)
    var qualifier = stripPrefixQualifier(&rest)
    let negative = stripSign(&rest)
    let content: CellValue.Content
    var decimals = 0
    if rest.first == "*" {
      rest = rest.drop { $0 == "*" }
      content = .masked
    } else {
      guard let number = takeNumber(&rest) else { return nil }
      content = .number(negative ? -number.value : number.value)
      decimals = number.decimals
    }
    var tail = String(rest)
    for (token, meaning) in suffixQualifiers where tail.contains(token) {
      tail = tail.replacing(token, with: "")
      if qualifier == nil { qualifier = meaning }
    }
    guard tail.trimmedCell.isEmpty else {
      guard let unit = inlineUnit(tail) else { return nil }
      return CellValue(content, qualifier: qualifier, unit: unit, decimals: decimals)
    }
    return CellValue(content, qualifier: qualifier, decimals: decimals)
  }

  // MARK: - Units

  /// A unit label as written in a unit column or in indicators.csv: a known unit (see
  /// `Unit.parse`), or any other label kept as written (trimmed), digits and punctuation
  /// included (`US$ per person, inflation-adjusted`, `比例(0-1)`). Nil for an empty cell.
  static func parseUnit(_ raw: String) -> Unit? {
    let text = normalize(raw)
    if let alias = unitAliases[text] { return alias }
    guard let unit = Unit.parse(text) else { return nil }
    guard case .other = unit.dimension else { return unit }
    return Unit.parse(raw)  // printed as written, full-width characters included
  }

  /// The unit after the number of a value cell, or nil when the rest of the cell cannot be
  /// one, so that the cell is not a value: ASCII digits and punctuation other than `/` (`1.2.3`)
  /// are not a unit, and ASCII letters glued to the number must spell a known unit (`12abc`);
  /// `12 km` is 12 in the label `km`.
  private static func inlineUnit(_ tail: String) -> Unit? {
    guard let unit = parseUnit(tail) else { return nil }
    guard case .other = unit.dimension else { return unit }
    let plausible = tail.unicodeScalars.allSatisfy { scalar in
      scalar.value >= 0x80 || scalar.properties.isAlphabetic || scalar == "/" || scalar == " "
    }
    let glued = tail.unicodeScalars.first.map { $0.isASCII && $0.properties.isAlphabetic } ?? false
    return plausible && !glued ? unit : nil
  }

  private static let unitAliases: [String: Unit] = [
    "个亿元": .yiYuan, "個億元": .yiYuan, "个亿": .yiYuan, "個億": .yiYuan,
    "個亿": .yiYuan, "个億": .yiYuan,
  ]

  // MARK: - Pieces

  private static let missingTokens: Set<String> = [
    "-", "—", "——", "–", "--", "NA", "N/A", "na", "n/a", "…", "……", "...", "#N/A", "null",
  ]

  private static let prefixQualifiers: [(String, ValueQualifier)] = [
    ("不超过", .atMost), ("不超過", .atMost), ("不低于", .atLeast), ("不低於", .atLeast),
    ("不足", .atMost), ("不到", .atMost), ("超过", .atLeast), ("超過", .atLeast),
    ("突破", .atLeast), ("逾", .atLeast), ("大约", .approximately), ("大約", .approximately),
    ("约", .approximately), ("約", .approximately), ("近", .approximately),
  ]

  private static let suffixQualifiers: [(String, ValueQualifier)] = [
    ("左右", .approximately), ("以上", .atLeast), ("以内", .atMost), ("以內", .atMost),
    ("以下", .atMost), ("多", .atLeast), ("余", .atLeast), ("餘", .atLeast),
  ]

  private static func stripPrefixQualifier(_ rest: inout Substring) -> ValueQualifier? {
    for (token, meaning) in prefixQualifiers where rest.hasPrefix(token) {
      rest = rest.dropFirst(token.count)
      return meaning
    }
    return nil
  }

  private static func stripSign(_ rest: inout Substring) -> Bool {
    guard let first = rest.first, first == "+" || first == "-" else { return false }
    rest = rest.dropFirst()
    return first == "-"
  }

  /// Reads `digits[,ddd]*[.digits][e±digits]` from the front of `rest`, with its fraction
  /// digits as written (`1.5e-3` → 4, `1.5e3` → 0).
  private static func takeNumber(_ rest: inout Substring) -> (value: Double, decimals: Int)? {
    let scalars = Array(rest.unicodeScalars)
    var index = 0
    var text = ""
    var groupLength = 0
    var sawComma = false
    var sawDigit = false
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar.properties.numericType == .decimal, scalar.isASCII {
        text.unicodeScalars.append(scalar)
        groupLength += 1
        sawDigit = true
      } else if scalar == ",", sawDigit, (sawComma ? groupLength == 3 : groupLength <= 3) {
        sawComma = true
        groupLength = 0
      } else {
        break
      }
      index += 1
    }
    if sawComma, groupLength != 3 { return nil }
    var decimals = 0
    if index < scalars.count, scalars[index] == "." {
      text.append(".")
      index += 1
      while index < scalars.count, scalars[index].isASCII,
        scalars[index].properties.numericType == .decimal
      {
        text.unicodeScalars.append(scalars[index])
        sawDigit = true
        decimals += 1
        index += 1
      }
    }
    guard sawDigit else { return nil }
    if index + 1 < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
      var exponent = "e"
      var probe = index + 1
      if scalars[probe] == "+" || scalars[probe] == "-" {
        exponent.unicodeScalars.append(scalars[probe])
        probe += 1
      }
      let start = probe
      while probe < scalars.count, scalars[probe].isASCII,
        scalars[probe].properties.numericType == .decimal
      {
        exponent.unicodeScalars.append(scalars[probe])
        probe += 1
      }
      if probe > start, let power = Int(exponent.dropFirst()) {
        text += exponent
        index = probe
        decimals = max(0, decimals - power)
      }
    }
    guard let value = Double(text), value.isFinite else { return nil }
    rest = Substring(String(String.UnicodeScalarView(scalars[index...])))
    return (value, decimals)
  }

  private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
    (0..<exponent).reduce(1.0) { value, _ in value * 10 }
  }

  /// `Double(text)` for a plain decimal of at most 15 significant digits and 22 decimals
  /// (`-132.60`, `7`, `.5`), without `strtod`: the digits as an integer and the power of ten
  /// are both exact doubles, so one correctly rounded division gives exactly the double
  /// nearest to the decimal, as `strtod` does. Nil for any other text (then `Double(text)`).
  static func plainDecimal(_ text: String) -> Double? {
    var text = text
    return text.withUTF8(plainDecimal)?.value
  }

  /// Empty cells and plain decimals, read straight from the bytes (most cells of large
  /// files); nil for everything else, which `parse` then reads the long way.
  static func quickParse(_ utf8: UnsafeBufferPointer<UInt8>) -> CellValue? {
    if utf8.isEmpty { return CellValue(.missing) }
    return plainDecimal(utf8).map { CellValue(.number($0.value), decimals: $0.decimals) }
  }

  /// The value and its fraction digits as written.
  private static func plainDecimal(_ utf8: UnsafeBufferPointer<UInt8>)
    -> (value: Double, decimals: Int)?
  {
    var index = 0
    var negative = false
    if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      negative = first == UInt8(ascii: "-")
      index = 1
    }
    var mantissa: UInt64 = 0
    var significant = 0
    var decimals = 0
    var sawDigit = false
    var sawPoint = false
    while index < utf8.count {
      let byte = utf8[index]
      index += 1
      if byte == UInt8(ascii: ".") {
        guard !sawPoint else { return nil }
        sawPoint = true
        continue
      }
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      sawDigit = true
      if sawPoint { decimals += 1 }
      if mantissa > 0 || byte != UInt8(ascii: "0") { significant += 1 }
      guard significant <= 15, decimals <= 22 else { return nil }
      mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
    }
    guard sawDigit else { return nil }
    let value = Double(mantissa) / exactPowersOfTen[decimals]
    return (negative ? -value : value, decimals)
  }

  /// Digits after the point of a plain number (`-132.60` → 2).
  private static func fractionDigits(_ text: String) -> Int {
    guard let point = text.utf8.firstIndex(of: UInt8(ascii: ".")) else { return 0 }
    return text.utf8.distance(from: point, to: text.utf8.endIndex) - 1
  }

  /// True for `12`, `-3.5`, `+7`: the fast path, without separators, units or exponents.
  private static func isPlainNumber(_ text: String) -> Bool {
    text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B }
  }

  /// Trims spaces; full-width digits, `％`, `，`, `．`, `＋`, `＊` to ASCII; minus variants to `-`.
  static func normalize(_ raw: String) -> String {
    let trimmed = raw.trimmedCell
    if trimmed.utf8.allSatisfy({ $0 < 0x80 }) { return trimmed }
    var out = String.UnicodeScalarView()
    for scalar in trimmed.unicodeScalars {
      switch scalar.value {
      case 0xFF10...0xFF19, 0xFF05, 0xFF0C, 0xFF0E, 0xFF0B, 0xFF0A:
        out.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
      case 0x2212, 0xFF0D, 0x2012:
        out.append("-")
      default:
        out.append(scalar)
      }
    }
    return String(out)
  }
}
