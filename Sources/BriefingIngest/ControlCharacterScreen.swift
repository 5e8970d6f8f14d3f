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
}
