import BriefingCore

// MARK: - Messages

extension Finding.Message {
  static func ambiguousEncoding(_ readings: [(LegacyEncoding, String)]) -> Self {
    let shown = readings.map { "\"\($0.1)\" as \($0.0.displayName)" }
    let options = readings.map(\.0.option)
    return .init(
      code: "ambiguous-encoding",
      text: "not valid UTF-8, and it reads plausibly in more than one encoding: "
        + shown.joined(separator: ", ") + "; say which with " + options.joined(separator: " or "))
  }
  static func implausibleEncoding(
    _ encoding: LegacyEncoding, _ plausibility: Plausibility, cell: String, better: [LegacyEncoding]
  ) -> Self {
    let percent = Int((plausibility.share * 100).rounded(.down))
    let expected = Int(Plausibility.threshold * 100)
    var text =
      "read as \(encoding.displayName), the text looks wrong: only \(percent) % of its non-ASCII characters are "
      + "\(encoding.script.passingCharacters) (\(expected) % expected; the first other one is in \"\(cell)\")"
    if !better.isEmpty {
      text += "; it reads plausibly as " + better.map(\.displayName).joined(separator: " or ")
        + " (" + better.map(\.option).joined(separator: ", ") + ")"
    }
    return .init(code: "implausible-encoding", text: text)
  }
}

// MARK: - Detection

/// The choice among legacy encodings, for `auto` and for a named legacy encoding. Pure: bytes
/// in, UTF-8 and findings out.
enum EncodingDetection {
  /// One legacy encoding's clean decoding of a file and how plausible it reads.
  struct Reading {
    var encoding: LegacyEncoding
    var utf8: [UInt8]
    var plausibility: Plausibility
  }

  /// Every legacy encoding (but `excluded`) that decodes `bytes` without an invalid sequence.
  static func readings(of bytes: [UInt8], excluding excluded: LegacyEncoding? = nil) -> [Reading] {
    LegacyEncoding.allCases.filter { $0 != excluded }.compactMap { encoding in
      guard case .success(let utf8) = Iconv.convert(bytes, from: encoding.iconvName) else { return nil }
      return Reading(encoding: encoding, utf8: utf8, plausibility: .of(utf8, as: encoding.script))
    }
  }

  /// `auto`: a byte-order mark, UTF-16 by its NUL bytes, valid UTF-8, or the one plausible
  /// legacy reading (a notice). Several plausible readings: an `ambiguous-encoding` error at the
  /// first cell where they differ, quoting it under each. None: `bad-encoding` at the first byte
  /// that is not UTF-8.
  static func auto(_ bytes: [UInt8], file: String) -> (utf8: [UInt8]?, findings: [Finding]) {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      return TextDecoding.decodeUTF16(bytes, file: file)
    }
    if let charset = UTF16ByteOrder.guess(bytes) {
      let decoded = TextDecoding.decodeWithIconv(bytes, from: charset, file: file)
      guard let utf8 = decoded.utf8 else { return decoded }
      return (utf8, [Finding(.notice, .utf16Detected(charset), at: .init(file: file))])
    }
    let asUTF8 = TextDecoding.decodeUTF8(bytes, file: file)
    guard asUTF8.utf8 == nil else { return asUTF8 }
    let all = readings(of: bytes)
    let plausible = all.filter(\.plausibility.isPlausible)
    if plausible.count == 1 {
      return (plausible[0].utf8, [Finding(.notice, .encodingDetected(plausible[0].encoding), at: .init(file: file))])
    }
    guard plausible.isEmpty else { return (nil, [ambiguity(plausible, file: file)]) }
    return (nil, asUTF8.findings.map { finding in
      var copy = finding
      copy.message.text += all.isEmpty
        ? "; not GB18030, Big5 or Windows-1252 either"
        : "; read as " + all.map { "\($0.encoding.displayName) (\"\(failingCell($0))\")" }.joined(separator: " or ")
          + " it looks wrong; if \(all.count == 1 ? "that" : "one") is right, say so with "
          + all.map(\.encoding.option).joined(separator: " or ")
      return copy
    })
  }

  /// A named legacy encoding: decoded, and its text checked. An implausible reading is an
  /// `implausible-encoding` error when another encoding reads plausibly (a mislabelled file),
  /// else a warning (the user's word stands). A decoding failure names the plausible readings.
  static func named(_ encoding: LegacyEncoding, _ bytes: [UInt8], file: String)
    -> (utf8: [UInt8]?, findings: [Finding])
  {
    let label = "\(encoding.displayName) (\(encoding.iconvName))"
    let decoded = TextDecoding.decodeWithIconv(bytes, from: encoding.iconvName, label: label, file: file)
    guard let utf8 = decoded.utf8 else {
      return (nil, withHint(decoded.findings, for: bytes, besides: encoding))
    }
    let plausibility = Plausibility.of(utf8, as: encoding.script)
    guard !plausibility.isPlausible, let failing = plausibility.firstFailing else { return (utf8, []) }
    let better = readings(of: bytes, excluding: encoding).filter(\.plausibility.isPlausible).map(\.encoding)
    let cell = DecodedCells.cell(around: failing, in: utf8)
    let (line, column) = TextDecoding.position(of: cell.start, in: utf8)
    let finding = Finding(
      better.isEmpty ? .warning : .error,
      .implausibleEncoding(encoding, plausibility, cell: cell.text, better: better),
      at: .init(file: file, line: line, column: column))
    return (better.isEmpty ? utf8 : nil, [finding])
  }

  /// `findings` (a decoding error first) with the plausible readings of `bytes` named.
  static func withHint(_ findings: [Finding], for bytes: [UInt8], besides excluded: LegacyEncoding?) -> [Finding] {
    let plausible = readings(of: bytes, excluding: excluded).filter(\.plausibility.isPlausible)
    guard !plausible.isEmpty, var first = findings.first else { return findings }
    first.message.text += "; it reads plausibly as "
      + plausible.map { "\($0.encoding.displayName) (\($0.encoding.option))" }
      .joined(separator: " or ")
    return [first] + findings.dropFirst()
  }

  // MARK: - Quoting

  private static func ambiguity(_ plausible: [Reading], file: String) -> Finding {
    guard let difference = DecodedCells.firstDifference(plausible.map(\.utf8)) else {
      return Finding(.error, .ambiguousEncoding(plausible.map { ($0.encoding, "") }), at: .init(file: file))
    }
    let (line, column) = TextDecoding.position(of: difference.start, in: plausible[0].utf8)
    return Finding(
      .error, .ambiguousEncoding(Array(zip(plausible.map(\.encoding), difference.texts))),
      at: .init(file: file, line: line, column: column))
  }

  /// The cell of `reading` that holds its first failing character (its first cell when none fails).
  private static func failingCell(_ reading: Reading) -> String {
    DecodedCells.cell(around: reading.plausibility.firstFailing ?? 0, in: reading.utf8).text
  }
}

// MARK: - UTF-16 without a byte-order mark

/// The byte order of UTF-16 text told by its NUL bytes: the ASCII characters of a table
/// (commas, digits, line ends) are a NUL byte and the character, low byte first in LE.
enum UTF16ByteOrder {
  /// Bytes looked at: the first 4,096.
  static let window = 4096

  /// `UTF-16LE` when NULs sit at odd offsets, `UTF-16BE` at even ones; nil unless one side has
  /// at least 4 NULs and 1/16 of its bytes, and the other side at most 1/8 as many (ideographs
  /// like U+4E00 一 put a NUL on the other side now and then).
  static func guess(_ bytes: [UInt8]) -> String? {
    var even = 0
    var odd = 0
    for (index, byte) in bytes.prefix(window).enumerated() where byte == 0 {
      if index % 2 == 0 { even += 1 } else { odd += 1 }
    }
    let perSide = min(bytes.count, window) / 2
    func dominant(_ side: Int, over other: Int) -> Bool {
      side >= 4 && side * 16 >= perSide && other * 8 <= side
    }
    if dominant(odd, over: even) { return "UTF-16LE" }
    if dominant(even, over: odd) { return "UTF-16BE" }
    return nil
  }
}
