import BriefingScene

// MARK: - Plain text

/// A sheet as plain text for pasting where nothing else survives: paragraphs and lists as
/// lines, tables as columns aligned by display width (CJK and full-width punctuation take two
/// columns and are kept as they are), number columns right-aligned, a chart as a placeholder
/// line naming it.
public enum PlainTextWriter {
  /// Spaces between table columns.
  static let gap = 2

  public static func write(_ document: SheetDocument) -> String {
    var lines = [document.text.title]
    if !document.text.subtitle.isEmpty { lines.append(document.text.subtitle) }
    for block in document.blocks {
      lines.append("")
      switch block {
      case .heading(let text): lines.append("【" + text + "】")
      case .caption(let text): lines.append(text)
      case .paragraph(let text): lines.append(text)
      case .list(let list): lines += [list.title] + list.items
      case .table(let table): lines += self.table(table)
      case .figure(let figure): lines.append(document.placeholder(figure))
      }
    }
    if !document.text.footer.isEmpty { lines += ["", document.text.footer] }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Header (one line: a column's header cells joined), a rule, then the rows; every column as
  /// wide as its widest text; the table's note on the line after. A table drawn without a
  /// header has neither header line nor rule.
  static func table(_ table: TableContent) -> [String] {
    let titles = table.columnTitles(separator: " ")
    let rows = table.rows.map { $0.cells.map(\.text) }
    let widths = table.alignments.indices.map { column in
      ([titles] + rows).map { column < $0.count ? DisplayWidth.of(single($0[column])) : 0 }.max() ?? 0
    }
    func line(_ cells: [String], header: Bool) -> String {
      var text = ""
      for (column, width) in widths.enumerated() {
        let cell = column < cells.count ? single(cells[column]) : ""
        let pad = String(repeating: " ", count: max(0, width - DisplayWidth.of(cell)))
        let right = !header && table.alignments[column] == .right
        if column > 0 { text += String(repeating: " ", count: gap) }
        text += right ? pad + cell : cell + pad
      }
      return String(text.reversed().drop { $0 == " " }.reversed())
    }
    let total = widths.reduce(0, +) + gap * max(0, widths.count - 1)
    let head = table.header.isEmpty ? [] : [line(titles, header: true), String(repeating: "-", count: total)]
    return head + rows.map { line($0, header: false) } + (table.note.map { [single($0)] } ?? [])
  }

  /// A cell's text on one line.
  private static func single(_ text: String) -> String {
    text.replacingOccurrences(of: "\n", with: " ")
  }
}
