import BriefingCore

// MARK: - Cells of decoded text

/// Cells of decoded UTF-8 text, found without parsing: the text between two delimiters
/// (comma, tab, semicolon, line end). No GB18030, Big5 or Windows-1252 sequence contains those
/// bytes, so the readings of one file have the same cells in the same places up to the first
/// cell they read differently.
enum DecodedCells {
  /// Longest cell text quoted in a message, in characters: 40.
  static let quotedLength = 40

  /// Start offset and quotable text of the cell holding byte `offset` of `utf8`.
  static func cell(around offset: Int, in utf8: [UInt8]) -> (start: Int, text: String) {
    let clamped = min(max(offset, 0), utf8.count)
    let start = utf8[..<clamped].lastIndex(where: isDelimiter).map { $0 + 1 } ?? 0
    let end = utf8[clamped...].firstIndex(where: isDelimiter) ?? utf8.count
    return (start, quotable(utf8[start..<end]))
  }

  /// The first cell in which `readings` differ: its start offset (the same in all, as
  /// everything before it is) and its text in each; nil when they do not differ.
  static func firstDifference(_ readings: [[UInt8]]) -> (start: Int, texts: [String])? {
    guard let first = readings.first else { return nil }
    var start = 0
    while start <= first.count {
      let ends = readings.map { reading in
        reading[min(start, reading.count)...].firstIndex(where: isDelimiter) ?? reading.count
      }
      let cells = zip(readings, ends).map { reading, end in reading[min(start, end)..<end] }
      if cells.contains(where: { !$0.elementsEqual(cells[0]) }) {
        return (start, cells.map(quotable))
      }
      start = ends[0] + 1
    }
    return nil
  }

  private static func isDelimiter(_ byte: UInt8) -> Bool {
    byte == 0x2C || byte == 0x09 || byte == 0x3B || byte == 0x0A || byte == 0x0D
  }

  /// The cell trimmed of spaces and quotes, control characters escaped, cut at `quotedLength`.
  private static func quotable(_ bytes: ArraySlice<UInt8>) -> String {
    let text = String(String(decoding: bytes, as: UTF8.self).trimming { $0 == " " || $0 == "\"" })
    let cut = text.count > quotedLength ? String(text.prefix(quotedLength)) + "…" : text
    return ControlCharacters.escaped(cut)
  }
}

extension StringProtocol {
  /// The text without the leading and trailing characters that match `isTrimmed`.
  fileprivate func trimming(_ isTrimmed: (Character) -> Bool) -> SubSequence {
    let start = firstIndex { !isTrimmed($0) } ?? endIndex
    let end = lastIndex { !isTrimmed($0) }.map { index(after: $0) } ?? start
    return self[start..<end]
  }
}
