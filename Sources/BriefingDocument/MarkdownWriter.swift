import BriefingScene

// MARK: - Markdown

/// A sheet as Markdown (CommonMark with GFM pipe tables), for office systems and chats: the
/// title as `#`, section titles as `##`, component and list titles as `###`, numbered items as
/// an ordered list, tables as pipe tables (number columns right-aligned, first places bold as
/// drawn), a chart as a placeholder line naming it, the footer after a rule.
public enum MarkdownWriter {
  public static func write(_ document: SheetDocument) -> String {
    var lines = ["# " + inline(document.text.title)]
    if !document.text.subtitle.isEmpty { lines += ["", inline(document.text.subtitle)] }
    for block in document.blocks {
      lines.append("")
      switch block {
      case .heading(let text): lines.append("## " + inline(text))
      case .caption(let text): lines.append("### " + inline(text))
      case .paragraph(let text): lines.append(inline(text))
      case .list(let list):
        lines += ["### " + inline(list.title), ""] + list.items.map(item)
      case .table(let table): lines += self.table(table)
      case .figure(let figure): lines.append("*" + inline(document.placeholder(figure)) + "*")
      }
    }
    if !document.text.footer.isEmpty { lines += ["", "---", "", inline(document.text.footer)] }
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: - Pieces

  /// A pipe table: one header row (a column's header cells joined), the alignment row, body;
  /// the table's note as a paragraph after it. A table drawn without a header (the red-line
  /// panel) is a list, one row an item with its cells joined by ` — `: a pipe table must
  /// have a header row, and an empty one reads as a mistake.
  static func table(_ table: TableContent) -> [String] {
    let note = table.note.map { ["", inline($0)] } ?? []
    if table.header.isEmpty {
      return table.rows.map { row in
        "- " + row.cells.map(\.text).filter { !$0.isEmpty }.map(inline).joined(separator: " — ")
      } + note
    }
    let titles = table.columnTitles(separator: " ").map(cell)
    let rule = table.alignments.map { alignment -> String in
      switch alignment {
      case .left: ":---"
      case .center: ":---:"
      case .right: "---:"
      }
    }
    let rows = table.rows.map { row in
      row.cells.map { $0.bold && !$0.text.isEmpty ? "**" + cell($0.text) + "**" : cell($0.text) }
    }
    return ([titles, rule] + rows).map { "| " + $0.joined(separator: " | ") + " |" } + note
  }

  /// An item drawn `1. text` stays an ordered-list item; another gets a bullet.
  private static func item(_ text: String) -> String {
    let digits = text.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, text.dropFirst(digits.count).hasPrefix(". ") { return inline(text) }
    return "- " + inline(text)
  }

  /// Text on one line with Markdown's active characters escaped (`*`, `_`, `` ` ``, `[`, `]`,
  /// `<`, a leading `#`); line breaks become spaces.
  static func inline(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "\\", "*", "_", "`", "[", "]", "<": result += "\\" + String(character)
      case "\n", "\r": result += " "
      default: result.append(character)
      }
    }
    return result.hasPrefix("#") ? "\\" + result : result
  }

  /// A table cell: inline text with `|` escaped.
  static func cell(_ text: String) -> String {
    inline(text).replacingOccurrences(of: "|", with: "\\|")
  }
}
