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
    xml += paragraphStyle("Normal", name: "Normal", run: body, paragraph: bodySpacing + bodyIndent, isDefault: true)
    xml += paragraphStyle(
      "Title", name: "Title", run: style.title,
      paragraph: #"<w:jc w:val="center"/>\#(spacing(after: style.title.size * 0.5))"#)
    xml += paragraphStyle(
      "Subtitle", name: "Subtitle", run: style.subtitle,
      paragraph: #"<w:jc w:val="center"/>\#(spacing(after: style.subtitle.size))"#)
    xml += paragraphStyle(
      "Heading1", name: "heading 1", run: style.heading,
      paragraph: "<w:keepNext/>\(spacing(before: style.heading.size * 0.5, after: 3))<w:outlineLvl w:val=\"0\"/>")
    xml += paragraphStyle(
      "Heading2", name: "heading 2", run: style.caption,
      paragraph: "<w:keepNext/>\(spacing(before: 3, after: 2))<w:outlineLvl w:val=\"1\"/>")
    xml += paragraphStyle("Caption", name: "caption", run: style.caption, paragraph: "<w:keepNext/>\(spacing(before: 3, after: 3))")
    xml += paragraphStyle("Figure", name: "Figure", run: body, paragraph: #"<w:keepNext/><w:jc w:val="center"/>\#(spacing(before: 3))"#)
    xml += paragraphStyle(
      "FigureCaption", name: "Figure Caption", run: style.caption,
      paragraph: #"<w:jc w:val="center"/>\#(spacing(after: 6))"#)
    xml += paragraphStyle("ListItem", name: "List Item", run: body, paragraph: bodySpacing)
    xml += paragraphStyle("TableText", name: "Table Text", run: style.table, paragraph: tightSpacing)
    xml += paragraphStyle("TableGap", name: "Table Gap", run: style.table, paragraph: tightSpacing)
    xml += paragraphStyle("Footer", name: "footer", run: style.footer, paragraph: tightSpacing)
    xml += #"<w:style w:type="table" w:default="1" w:styleId="SheetTable"><w:name w:val="Sheet Table"/>"#
    xml += #"<w:tblPr><w:tblInd w:w="0" w:type="dxa"/></w:tblPr></w:style>"#
    return xml + "</w:styles>"
  }

  // MARK: - Pieces

  private func paragraphStyle(
    _ id: String, name: String, run: DocxStyle.Run, paragraph: String, isDefault: Bool = false
  ) -> String {
    let defaultMark = isDefault ? #" w:default="1""# : ""
    var xml = #"<w:style w:type="paragraph"\#(defaultMark) w:styleId="\#(id)"><w:name w:val="\#(name)"/>"#
    if !isDefault { xml += #"<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>"# }
    xml += "<w:qFormat/><w:pPr>\(paragraph)\(isDefault ? "" : resetIndent)</w:pPr><w:rPr>\(runProperties(run))</w:rPr></w:style>"
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
  private var bodyIndent: String {
    style.linePitch == nil ? "" : #"<w:ind w:firstLineChars="200" w:firstLine="\#(XMLText.twips(2 * style.body.size))"/>"#
  }

  /// Styles other than Normal take no first-line indent.
  private var resetIndent: String { #"<w:ind w:firstLineChars="0" w:firstLine="0"/>"# }

  /// Single spacing off the document grid (table cells, footer).
  private var tightSpacing: String {
    #"<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>"#
  }

  private func spacing(before: Double = 0, after: Double = 0) -> String {
    #"<w:spacing w:before="\#(XMLText.twips(before))" w:after="\#(XMLText.twips(after))" w:line="240" w:lineRule="auto"/>"#
  }
}
