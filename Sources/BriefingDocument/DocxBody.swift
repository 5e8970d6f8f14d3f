import BriefingScene

// MARK: - word/document.xml

/// The document part: the title, the facts line, then every block of the sheet in order, and
/// the section properties (paper, margins, grid, footer).
struct DocxBody {
  let document: SheetDocument
  let style: DocxStyle
  /// Each figure's image relationship id and its size on the page (points), by figure number.
  let pictures: [Int: (id: String, size: Size)]

  static let namespaces = [
    #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#,
    #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#,
    #"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing""#,
    #"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main""#,
    #"xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture""#,
  ].joined(separator: " ")

  // MARK: - The part

  var xml: String {
    var body = paragraph(document.text.title, style: "Title")
    if !document.text.subtitle.isEmpty { body += paragraph(document.text.subtitle, style: "Subtitle") }
    for block in document.blocks {
      switch block {
      case .heading(let text): body += paragraph(text, style: "Heading1")
      case .caption(let text): body += paragraph(text, style: "Caption")
      case .paragraph(let text): body += paragraph(text, style: nil)
      case .list(let list):
        body += paragraph(list.title, style: "Heading2")
        body += list.items.map { paragraph($0, style: "ListItem") }.joined()
      case .table(let table): body += self.table(table)
      case .figure(let figure): body += self.figure(figure)
      }
    }
    return XMLText.declaration + "<w:document \(Self.namespaces)><w:body>" + body + sectionProperties
      + "</w:body></w:document>"
  }

  // MARK: - Paragraphs

  /// A paragraph of `style` (nil: Normal) holding `text`; line breaks become `w:br`.
  func paragraph(_ text: String, style: String?, alignment: TextAlignment? = nil, runProperties: String = "")
    -> String
  {
    var properties = style.map { #"<w:pStyle w:val="\#($0)"/>"# } ?? ""
    if let alignment { properties += Self.justification(alignment) }
    let pPr = properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>"
    return "<w:p>\(pPr)\(Self.run(text, properties: runProperties))</w:p>"
  }

  /// A run of `text` with `properties` (`w:rPr` content); empty text gives no run.
  static func run(_ text: String, properties: String = "") -> String {
    guard !text.isEmpty else { return "" }
    let rPr = properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>"
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      #"<w:t xml:space="preserve">\#(XMLText.escaped(String($0)))</w:t>"#
    }
    return "<w:r>\(rPr)\(lines.joined(separator: "<w:br/>"))</w:r>"
  }

  static func justification(_ alignment: TextAlignment) -> String {
    let value =
      switch alignment {
      case .left: "left"
      case .center: "center"
      case .right: "right"
      }
    return #"<w:jc w:val="\#(value)"/>"#
  }

  // MARK: - Tables

  /// A native table: header rows repeated on every page (`w:tblHeader`), rows never split,
  /// cells coloured and weighted as drawn, number columns right-aligned, the focus row banded;
  /// three-line rules (heavy top and bottom, finer under the header, light between rows); the
  /// table's note as a paragraph under it.
  func table(_ table: TableContent) -> String {
    let size = textSize(table)
    let widths = columnWidths(table, size: size)
    let sizeProperty = size == style.table.size ? "" : #"<w:sz w:val="\#(XMLText.halfPoints(size))"/><w:szCs w:val="\#(XMLText.halfPoints(size))"/>"#
    var xml = "<w:tbl><w:tblPr>"
    xml += #"<w:tblStyle w:val="SheetTable"/><w:tblW w:w="\#(widths.reduce(0, +))" w:type="dxa"/>"#
    xml += #"<w:tblBorders>"#
    xml += #"<w:top w:val="single" w:sz="12" w:space="0" w:color="000000"/>"#
    xml += #"<w:bottom w:val="single" w:sz="12" w:space="0" w:color="000000"/>"#
    xml += #"<w:insideH w:val="single" w:sz="2" w:space="0" w:color="\#(XMLText.hex(style.rowRule))"/>"#
    xml += #"</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>"#
    xml += "</w:tblPr><w:tblGrid>"
    xml += widths.map { #"<w:gridCol w:w="\#($0)"/>"# }.joined() + "</w:tblGrid>"
    for index in table.header.indices {
      xml += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
      xml += headerCells(table, row: index, widths: widths, size: sizeProperty)
      xml += "</w:tr>"
    }
    for row in table.rows {
      xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
      for (column, cell) in row.cells.enumerated() {
        var tcPr = #"<w:tcW w:w="\#(widths[column])" w:type="dxa"/>"#
        if let fill = cell.fill ?? row.fill { tcPr += #"<w:shd w:val="clear" w:color="auto" w:fill="\#(XMLText.hex(fill))"/>"# }
        var rPr = cell.bold ? "<w:b/>" : ""
        rPr += #"<w:color w:val="\#(XMLText.hex(cell.color))"/>"# + sizeProperty
        let alignment = column < table.alignments.count ? table.alignments[column] : .left
        xml += "<w:tc><w:tcPr>\(tcPr)</w:tcPr>"
        xml += paragraph(cell.text, style: "TableText", alignment: alignment, runProperties: rPr)
        xml += "</w:tc>"
      }
      xml += "</w:tr>"
    }
    // The line drawn under the table (a summary) follows it; else a gap does.
    return xml + "</w:tbl>" + paragraph(table.note ?? "", style: table.note == nil ? "TableGap" : nil)
  }

  /// One header row: cells centred and bold, spanning columns (`w:gridSpan`) and rows
  /// (`w:vMerge`: the cell that starts it holds the text, the cells below continue it); the last
  /// header row has the finer rule under it.
  private func headerCells(_ table: TableContent, row: Int, widths: [Int], size: String) -> String {
    // Which columns this row leaves to a cell from a row above (vMerge continue).
    var spanned = [Int](repeating: 0, count: widths.count)
    for above in table.header.prefix(row) {
      var column = 0
      var cells = above.makeIterator()
      while column < widths.count {
        if spanned[column] > 0 {
          spanned[column] -= 1
          column += 1
          continue
        }
        guard let cell = cells.next() else { break }
        for index in column..<min(column + cell.columns, widths.count) { spanned[index] = cell.rows - 1 }
        column += cell.columns
      }
    }
    let continued = spanned.map { $0 > 0 }
    let last = row == table.header.count - 1
    let border = last ? #"<w:tcBorders><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:tcBorders>"# : ""
    var xml = ""
    var column = 0
    var cells = table.header[row].makeIterator()
    while column < widths.count {
      if continued[column] {
        xml += #"<w:tc><w:tcPr><w:tcW w:w="\#(widths[column])" w:type="dxa"/><w:vMerge/>\#(border)</w:tcPr><w:p/></w:tc>"#
        column += 1
        continue
      }
      guard let cell = cells.next() else { break }
      let span = min(cell.columns, widths.count - column)
      let width = widths[column..<(column + span)].reduce(0, +)
      var tcPr = #"<w:tcW w:w="\#(width)" w:type="dxa"/>"#
      if span > 1 { tcPr += #"<w:gridSpan w:val="\#(span)"/>"# }
      if cell.rows > 1 { tcPr += #"<w:vMerge w:val="restart"/>"# }
      // A cell spanning down to the last header row takes that row's rule.
      tcPr += (cell.rows > 1 && row + cell.rows == table.header.count) ? Self.headerRule : border
      tcPr += #"<w:vAlign w:val="center"/>"#
      xml += "<w:tc><w:tcPr>\(tcPr)</w:tcPr>"
      xml += paragraph(cell.text, style: "TableText", alignment: .center, runProperties: "<w:b/>" + size)
      xml += "</w:tc>"
      column += span
    }
    return xml
  }

  private static let headerRule =
    #"<w:tcBorders><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:tcBorders>"#

  /// Column widths in twips summing to the text width. Every column first gets its widest
  /// body cell on one line (and its title's longest word, when all fit) (`DisplayWidth.ems` at the table's text `size`, plus the cell
  /// margins), so no number wraps; what is left goes to the columns whose titles need more,
  /// in proportion to the want. When even the cells do not fit, all shrink in proportion.
  func columnWidths(_ table: TableContent, size: Double) -> [Int] {
    let count = table.alignments.count
    guard count > 0 else { return [] }
    let titles = table.columnTitles(separator: " ")
    let total = style.textWidth
    let widest = widestCells(table).map { $0 * size + Self.cellMargins }
    // A title's longest word is not broken (`Rank (growth)`) when the columns leave room for it.
    let words = (0..<count).map { column in
      max(widest[column], (titles[column].split(separator: " ").map { DisplayWidth.ems(String($0)) }.max() ?? 0) * size + Self.cellMargins)
    }
    let cells = words.reduce(0, +) <= total ? words : widest
    // A title may break over two lines.
    let wants = (0..<count).map { max(cells[$0], DisplayWidth.ems(titles[$0]) / 2 * size + Self.cellMargins) }
    let least = cells.reduce(0, +)
    var widths: [Double]
    if least >= total {
      widths = cells.map { $0 * total / least }
    } else {
      let extra = zip(wants, cells).map { $0 - $1 }
      let extraSum = extra.reduce(0, +)
      let spare = total - least
      widths =
        extraSum > spare
        ? zip(cells, extra).map { $0 + $1 * spare / extraSum }
        : wants.map { $0 + (spare - extraSum) / Double(count) }
    }
    var twips = widths.map { Int((($0) * 20).rounded(.down)) }
    twips[0] += XMLText.twips(total) - twips.reduce(0, +)
    return twips
  }

  /// Left and right cell margins (57 twips each) and a point to spare, points.
  private static let cellMargins = 2 * 57.0 / 20 + 1

  /// Each column's widest body cell in ems (at least 1).
  private func widestCells(_ table: TableContent) -> [Double] {
    table.alignments.indices.map { column in
      max(1, table.rows.map { column < $0.cells.count ? DisplayWidth.ems($0.cells[column].text) : 0 }.max() ?? 0)
    }
  }

  /// The table's text size, points: the style's, or smaller in half points (not below 6 pt)
  /// when the widest cells of every column do not fit the text width on one line (the
  /// bulletin's twenty columns between official-document margins).
  func textSize(_ table: TableContent) -> Double {
    let ems = widestCells(table).reduce(0, +)
    let room = style.textWidth - Self.cellMargins * Double(table.alignments.count)
    guard ems > 0, ems * style.table.size > room else { return style.table.size }
    return max(6, (room / ems * 2).rounded(.down) / 2)
  }

  // MARK: - Figures

  /// A chart as an inline picture, centred and kept with its caption below it; scaled down to
  /// the text width when wider.
  func figure(_ figure: SheetDocument.Figure) -> String {
    guard let picture = pictures[figure.number] else { return "" }
    let scale = min(1, style.textWidth / max(picture.size.width, 1))
    let cx = XMLText.emu(picture.size.width * scale)
    let cy = XMLText.emu(picture.size.height * scale)
    let number = figure.number
    let description = XMLText.escaped(figure.caption ?? "")
    var xml = #"<w:p><w:pPr><w:pStyle w:val="Figure"/></w:pPr><w:r><w:drawing>"#
    xml += #"<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="\#(cx)" cy="\#(cy)"/>"#
    xml += #"<wp:docPr id="\#(number)" name="Figure \#(number)" descr="\#(description)"/>"#
    xml += #"<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>"#
    xml += #"<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">"#
    xml += #"<pic:pic><pic:nvPicPr><pic:cNvPr id="\#(number)" name="figure\#(number).png"/><pic:cNvPicPr/></pic:nvPicPr>"#
    xml += #"<pic:blipFill><a:blip r:embed="\#(picture.id)"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"#
    xml += #"<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="\#(cx)" cy="\#(cy)"/></a:xfrm>"#
    xml += #"<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"#
    xml += "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    if let caption = figure.caption { xml += paragraph(caption, style: "FigureCaption") }
    return xml
  }

  // MARK: - Section

  /// Paper, orientation, margins, footer and the document grid (gongwen: a line grid).
  private var sectionProperties: String {
    let page = style.page
    let orientation = page.width > page.height ? #" w:orient="landscape""# : ""
    var xml = #"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/>"#
    xml += #"<w:pgSz w:w="\#(XMLText.twips(page.width))" w:h="\#(XMLText.twips(page.height))"\#(orientation)/>"#
    xml += #"<w:pgMar w:top="\#(XMLText.twips(style.top))" w:right="\#(XMLText.twips(style.right))""#
    xml += #" w:bottom="\#(XMLText.twips(style.bottom))" w:left="\#(XMLText.twips(style.left))""#
    xml += #" w:header="851" w:footer="\#(XMLText.twips(min(style.bottom / 2, 28 * 72 / 25.4)))" w:gutter="0"/>"#
    if let pitch = style.linePitch {
      xml += #"<w:docGrid w:type="lines" w:linePitch="\#(XMLText.twips(pitch))"/>"#
    } else {
      xml += #"<w:docGrid w:linePitch="312"/>"#
    }
    return xml + "</w:sectPr>"
  }
}
