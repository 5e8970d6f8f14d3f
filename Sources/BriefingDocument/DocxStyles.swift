import BriefingScene

// MARK: - word/styles.xml

/// The paragraph styles the body uses, from a `DocxStyle`: Normal (body), Title, Subtitle,
/// Heading 1 (section titles), Heading 2 (list titles), Caption (above tables and text),
/// Figure and Figure Caption (a chart and its title below it), List Item, Table Text,
/// Table Gap (the empty line after a table) and Footer; one table style.
struct DocxStyles {
  let style: DocxStyle

  var xml: String {
    let body = style.body
    var xml = XMLText.declaration
    xml += #"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#
    xml += "<w:docDefaults><w:rPrDefault><w:rPr>\(runProperties(body))"
    xml += #"<w:lang w:val="en-US" w:eastAsia="\#(style.eastAsianLanguage)"/>"#
    xml += "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>\(bodySpacing)</w:pPr></w:pPrDefault></w:docDefaults>"
    xml += paragraphStyle("Normal", name: "Normal", run: body, Paragraph(spacing: bodySpacing, indent: bodyIndent), isDefault: true)
    xml += paragraphStyle(
      "Title", name: "Title", run: style.title,
      Paragraph(spacing: spacing(after: style.title.size * 0.5), alignment: "center"))
    xml += paragraphStyle(
      "Subtitle", name: "Subtitle", run: style.subtitle,
      Paragraph(spacing: spacing(after: style.subtitle.size), alignment: "center"))
    xml += paragraphStyle(
      "Heading1", name: "heading 1", run: style.heading,
      Paragraph(keepNext: true, spacing: spacing(before: style.heading.size * 0.5, after: 3), outlineLevel: 0))
    xml += paragraphStyle(
      "Heading2", name: "heading 2", run: style.caption,
      Paragraph(keepNext: true, spacing: spacing(before: 3, after: 2), outlineLevel: 1))
    xml += paragraphStyle("Caption", name: "caption", run: style.caption, Paragraph(keepNext: true, spacing: spacing(before: 3, after: 3)))
    xml += paragraphStyle("Figure", name: "Figure", run: body, Paragraph(keepNext: true, spacing: spacing(before: 3), alignment: "center"))
    xml += paragraphStyle(
      "FigureCaption", name: "Figure Caption", run: style.caption,
      Paragraph(spacing: spacing(after: 6), alignment: "center"))
    xml += paragraphStyle("ListItem", name: "List Item", run: body, Paragraph(onGrid: true, spacing: bodySpacing))
    xml += paragraphStyle("TableText", name: "Table Text", run: style.table, Paragraph(spacing: tightSpacing))
    xml += paragraphStyle("TableGap", name: "Table Gap", run: style.table, Paragraph(spacing: tightSpacing))
    xml += paragraphStyle("Footer", name: "footer", run: style.footer, Paragraph(spacing: tightSpacing))
    xml += #"<w:style w:type="table" w:default="1" w:styleId="SheetTable"><w:name w:val="Sheet Table"/>"#
    xml += #"<w:tblPr><w:tblInd w:w="0" w:type="dxa"/></w:tblPr></w:style>"#
    return xml + "</w:styles>"
  }

  // MARK: - Pieces

  /// A style's paragraph properties, written in the order the schema requires (Word refuses
  /// a document whose `w:pPr` children are out of order).
  struct Paragraph {
    var keepNext = false
    /// Body text keeps the character grid (gongwen: 28 a line); titles, captions, tables and
    /// the footer stay off it and take no first-line indent.
    var onGrid = false
    var spacing: String
    var indent: String? = nil
    var alignment: String? = nil
    var outlineLevel: Int? = nil

    var xml: String {
      var xml = keepNext ? "<w:keepNext/>" : ""
      if !onGrid { xml += #"<w:snapToGrid w:val="0"/>"# }
      xml += spacing
      xml += indent ?? (onGrid ? "" : #"<w:ind w:firstLineChars="0" w:firstLine="0"/>"#)
      if let alignment { xml += #"<w:jc w:val="\#(alignment)"/>"# }
      if let outlineLevel { xml += #"<w:outlineLvl w:val="\#(outlineLevel)"/>"# }
      return xml
    }
  }

  private func paragraphStyle(
    _ id: String, name: String, run: DocxStyle.Run, _ paragraph: Paragraph, isDefault: Bool = false
  ) -> String {
    var properties = paragraph
    if isDefault { properties.onGrid = true }
    let defaultMark = isDefault ? #" w:default="1""# : ""
    var xml = #"<w:style w:type="paragraph"\#(defaultMark) w:styleId="\#(id)"><w:name w:val="\#(name)"/>"#
    if !isDefault { xml += #"<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>"# }
    xml += "<w:qFormat/><w:pPr>\(properties.xml)</w:pPr><w:rPr>\(runProperties(run))</w:rPr></w:style>"
    return xml
  }

  /// Fonts (Latin and East-Asian, `w:hint` so CJK punctuation takes the CJK face), weight,
  /// colour and size.
  private func runProperties(_ run: DocxStyle.Run) -> String {
    let latin = XMLText.escaped(run.latin.name)
    let eastAsian = XMLText.escaped(run.eastAsian.name)
    var xml = #"<w:rFonts w:ascii="\#(latin)" w:hAnsi="\#(latin)" w:eastAsia="\#(eastAsian)" w:cs="\#(latin)" w:hint="eastAsia"/>"#
    xml += run.bold ? "<w:b/><w:bCs/>" : #"<w:b w:val="0"/><w:bCs w:val="0"/>"#
    xml += #"<w:color w:val="\#(XMLText.hex(run.color))"/>"#
    let size = XMLText.halfPoints(run.size)
    return xml + #"<w:sz w:val="\#(size)"/><w:szCs w:val="\#(size)"/>"#
  }

  /// Body line spacing: exact pitch (gongwen), else single.
  private var bodySpacing: String {
    guard let pitch = style.linePitch else { return spacing(after: 3) }
    return #"<w:spacing w:before="0" w:after="0" w:line="\#(XMLText.twips(pitch))" w:lineRule="exact"/>"#
  }

  /// Gongwen paragraphs start two characters in (首行缩进2字符).
  private var bodyIndent: String? {
    style.linePitch == nil ? nil : #"<w:ind w:firstLineChars="200" w:firstLine="\#(XMLText.twips(2 * style.body.size))"/>"#
  }

  /// Single spacing (table cells, footer).
  private var tightSpacing: String {
    #"<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>"#
  }

  private func spacing(before: Double = 0, after: Double = 0) -> String {
    #"<w:spacing w:before="\#(XMLText.twips(before))" w:after="\#(XMLText.twips(after))" w:line="240" w:lineRule="auto"/>"#
  }
}
