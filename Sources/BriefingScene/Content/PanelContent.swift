// MARK: - What a component says, as structure

/// The text a component drew, with its structure kept: paragraphs, titled lists, or a table of
/// cells. The composer builds it from the same strings and styles it draws, and records it on
/// the component's `Panel`, so an editable copy of the sheet (Word, Markdown, plain text) is
/// made from the scene and says exactly what the PDF shows. Components drawn as pictures
/// (charts) have none: they are embedded as images.
public enum PanelContent: Hashable, Sendable, Codable {
  /// Running text (headline, free text), one string per paragraph, as drawn.
  case paragraphs([String])
  /// Titled lists (亮点 / 短板), each item as drawn, its number included (`1. …`).
  case lists([TextList])
  /// A table: header rows over body rows, every cell with its text and drawn style.
  case table(TableContent)
}

/// A titled list of items (the 亮点 column of the narrative).
public struct TextList: Hashable, Sendable, Codable {
  public var title: String
  /// The items, numbered as drawn (`1. 地区生产总值增速…`).
  public var items: [String]

  public init(title: String, items: [String]) {
    self.title = title
    self.items = items
  }
}

// MARK: - Tables

/// A table as drawn: header rows (cells may span columns and rows), then body rows. Every body
/// row has one cell per column; `alignments` has one entry per column.
public struct TableContent: Hashable, Sendable, Codable {
  /// Header rows, top first. A cell covering `rows` > 1 is not repeated in the rows below it.
  public var header: [[TableHeaderCell]]
  /// Alignment of each column's body cells (numbers are right-aligned).
  public var alignments: [TextAlignment]
  public var rows: [TableContentRow]
  /// The line drawn under the table (the township table's summary), as drawn. Default: nil.
  public var note: String?

  public init(
    header: [[TableHeaderCell]], alignments: [TextAlignment], rows: [TableContentRow],
    note: String? = nil
  ) {
    self.header = header
    self.alignments = alignments
    self.rows = rows
    self.note = note
  }

  /// The same table with `more` rows after these (the parts of a table continued across pages).
  public func appending(_ more: [TableContentRow]) -> TableContent {
    var joined = self
    joined.rows += more
    return joined
  }

  /// One title per column: the texts of the header cells above it, top to bottom, joined by
  /// `separator` (`地区生产总值 总量`), for outputs with a one-row header (Markdown, text).
  /// A cell spanning several columns titles its first column, and the others only where a
  /// lower header row titles them too: the rank matrix's `总量位次` over a rank and its
  /// change-mark column gives `总量位次` and an empty title, not the same title twice.
  public func columnTitles(separator: String) -> [String] {
    let count = alignments.count
    /// Per column: the texts above it and whether each comes from a span's later column.
    var titles = [[(text: String, continued: Bool)]](repeating: [], count: count)
    /// Header rows below this one that a cell from above still covers, per column.
    var spanned = [Int](repeating: 0, count: count)
    for row in header {
      var cells = row.makeIterator()
      var column = 0
      while column < count {
        if spanned[column] > 0 {
          spanned[column] -= 1
          column += 1
          continue
        }
        guard let cell = cells.next() else { break }
        let end = min(column + cell.columns, count)
        for index in column..<end {
          if !cell.text.isEmpty { titles[index].append((cell.text, index > column)) }
          spanned[index] = cell.rows - 1
        }
        column = end
      }
    }
    return titles.map { texts in
      texts.allSatisfy(\.continued) ? "" : texts.map(\.text).joined(separator: separator)
    }
  }
}

/// A header cell spanning `columns` columns and `rows` header rows. Defaults: 1 and 1.
public struct TableHeaderCell: Hashable, Sendable, Codable {
  public var text: String
  public var columns: Int
  public var rows: Int

  public init(_ text: String, columns: Int = 1, rows: Int = 1) {
    self.text = text
    self.columns = columns
    self.rows = rows
  }
}

/// A body row: its cells and the band colour behind it (the focus region's row), if any.
public struct TableContentRow: Hashable, Sendable, Codable {
  public var cells: [TableContentCell]
  /// Default: nil (no band).
  public var fill: Color?

  public init(cells: [TableContentCell], fill: Color? = nil) {
    self.cells = cells
    self.fill = fill
  }
}

/// A body cell: the text as drawn (before any shortening with `…` to fit the column) and the
/// colour and weight it is drawn in (a first place green and bold, a bottom place red).
public struct TableContentCell: Hashable, Sendable, Codable {
  public var text: String
  public var color: Color
  public var bold: Bool
  /// The cell's own background (the rank matrix's light good/alarm fills), over the row's band.
  /// Default: nil (none).
  public var fill: Color?

  public init(_ text: String, style: TextStyle, fill: Color? = nil) {
    self.text = text
    color = style.color
    bold = style.bold
    self.fill = fill
  }
}

// MARK: - The sheet's own text

/// The words of the sheet's header and footer: the page title, the facts line under it and
/// the footer's organisation and note (the page number is left out: it is the page's).
public struct PageText: Hashable, Sendable, Codable {
  public var title: String
  public var subtitle: String
  /// Default: empty (no organisation or note).
  public var footer: String

  public init(title: String, subtitle: String, footer: String = "") {
    self.title = title
    self.subtitle = subtitle
    self.footer = footer
  }
}
