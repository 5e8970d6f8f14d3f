import BriefingCore

// MARK: - Messages

extension Finding.Message {
  static func controlCharacter(_ scalar: Unicode.Scalar, in text: String) -> Self {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return .init(
      code: "control-character",
      text: "cell \"\(ControlCharacters.escaped(text))\" holds the control character U+"
        + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        + ", which no font draws (a stray keystroke or a damaged export?); remove it")
  }
}

// MARK: - Screen

/// Refuses cells that hold a control character other than tab, line feed and carriage return
/// (`ControlCharacters.isForeignToCells`: NUL, BEL, ESC, DEL, C1…), in every table read — the
/// observations, the regions and indicators files, office tables — before any cell becomes a
/// name, a label or a value. Such a name used to load and fail only when a sheet was drawn
/// (an internal error), with its escape sequence printed raw to the terminal.
///
/// Each such cell is an error at its file:line:column; the row is passed on with the
/// characters escaped (`\u001B`), so later findings that quote it stay printable too, and the
/// load fails on the error.
struct ControlCharacterScreen {
  let file: String
  private(set) var findings: [Finding] = []

  init(file: String) { self.file = file }

  /// `row`, with every cell that holds a foreign control character reported and escaped.
  mutating func screen(_ row: TableRow) -> TableRow {
    var screened = row
    for (index, cell) in row.cells.enumerated() {
      guard let scalar = ControlCharacters.firstForeignToCells(in: cell.text) else { continue }
      findings.append(
        Finding(
          .error, .controlCharacter(scalar, in: cell.text),
          at: SourceLocation(file: file, line: row.line, column: cell.column)))
      screened.cells[index].text = ControlCharacters.escaped(cell.text)
    }
    return screened
  }

  // MARK: - Whole text at once

  /// True when no cell cut from `utf8` can hold a foreign control character: the text has no
  /// byte below 0x20 but tab, line feed and carriage return, no DEL (0x7F) and no 0xC2 (the lead
  /// byte of U+0080–U+00BF, C1 included). Then `screen` would find nothing and can be skipped:
  /// one table look-up per byte of the file instead of a pass per cell (7 % of a 3,000-unit
  /// `analyze`). A file with such a byte anywhere (a `·`, `°`) is screened cell by cell.
  static func isClean(_ utf8: [UInt8]) -> Bool {
    utf8.withUnsafeBufferPointer { buffer in
      Self.suspectBytes.withUnsafeBufferPointer { suspect in
        // OR of the flags of a block of bytes, tested once per block: no branch per byte.
        var start = 0
        while start < buffer.count {
          let end = min(start + 4_096, buffer.count)
          var flags: UInt8 = 0
          for k in start..<end { flags |= suspect[Int(buffer[k])] }
          if flags != 0 { return false }
          start = end
        }
        return true
      }
    }
  }

  /// 1 for each byte value `isClean` refuses, 0 for the others.
  private static let suspectBytes: [UInt8] = (0...255).map { byte in
    let control = byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
    return control || byte == 0x7F || byte == 0xC2 ? 1 : 0
  }
}
