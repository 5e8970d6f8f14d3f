import BriefingScene

// MARK: - The parts of a .docx besides the body

/// The fixed and style parts of the Word package: content types, relationships, document
/// properties, styles, settings, font table and footer. Pure text; `DocxWriter` zips them.
struct DocxPackage {
  let document: SheetDocument
  let style: DocxStyle
  /// Image file names under `word/media/`, by relationship id, in order.
  let images: [(id: String, file: String)]
  /// Properties: the period as the subject, when the data stand, and the generator.
  let properties: DocxProperties

  // MARK: - Package plumbing

  var contentTypes: String {
    let main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    var xml = XMLText.declaration
    xml += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
    xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
    xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
    xml += #"<Default Extension="png" ContentType="image/png"/>"#
    for (part, type) in [
      ("/word/document.xml", "\(main).document.main+xml"), ("/word/styles.xml", "\(main).styles+xml"),
      ("/word/settings.xml", "\(main).settings+xml"), ("/word/fontTable.xml", "\(main).fontTable+xml"),
      ("/word/footer1.xml", "\(main).footer+xml"),
      ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
      ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
    ] {
      xml += #"<Override PartName="\#(part)" ContentType="\#(type)"/>"#
    }
    return xml + "</Types>"
  }

  var rootRelationships: String {
    let base = "http://schemas.openxmlformats.org"
    return relationships([
      ("rId1", "\(base)/officeDocument/2006/relationships/officeDocument", "word/document.xml"),
      ("rId2", "\(base)/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
      ("rId3", "\(base)/officeDocument/2006/relationships/extended-properties", "docProps/app.xml"),
    ])
  }

  var documentRelationships: String {
    let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    return relationships(
      [
        ("rIdStyles", "\(base)/styles", "styles.xml"), ("rIdSettings", "\(base)/settings", "settings.xml"),
        ("rIdFonts", "\(base)/fontTable", "fontTable.xml"), ("rIdFooter", "\(base)/footer", "footer1.xml"),
      ] + images.map { ($0.id, "\(base)/image", "media/" + $0.file) })
  }

  private func relationships(_ entries: [(String, String, String)]) -> String {
    var xml = XMLText.declaration
    xml += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    for (id, type, target) in entries {
      xml += #"<Relationship Id="\#(id)" Type="\#(type)" Target="\#(target)"/>"#
    }
    return xml + "</Relationships>"
  }

  // MARK: - Properties

  /// Title, subject (the period), description (peers, period, when the data stand), keywords,
  /// creator `Briefing <version>`, and created/modified from the scene's creation date.
  var coreProperties: String {
    let info = document.info
    let date = properties.created.map { W3CDate.from(iso8601: $0) } ?? "2000-01-01T00:00:00Z"
    var xml = XMLText.declaration
    xml += #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#
    xml += #"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#
    xml += #"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
    xml += "<dc:title>\(XMLText.escaped(info.title))</dc:title>"
    xml += "<dc:subject>\(XMLText.escaped(properties.period))</dc:subject>"
    xml += "<dc:creator>\(XMLText.escaped(info.creator))</dc:creator>"
    xml += "<cp:keywords>\(XMLText.escaped(info.keywords))</cp:keywords>"
    xml += "<dc:description>\(XMLText.escaped(properties.description(info)))</dc:description>"
    xml += "<cp:lastModifiedBy>\(XMLText.escaped(info.creator))</cp:lastModifiedBy>"
    xml += #"<dcterms:created xsi:type="dcterms:W3CDTF">\#(date)</dcterms:created>"#
    xml += #"<dcterms:modified xsi:type="dcterms:W3CDTF">\#(date)</dcterms:modified>"#
    return xml + "</cp:coreProperties>"
  }

  var appProperties: String {
    var xml = XMLText.declaration
    xml += #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#
    xml += "<Application>\(XMLText.escaped(document.info.creator))</Application>"
    xml += "<Company>\(XMLText.escaped(document.info.author))</Company>"
    return xml + "</Properties>"
  }

  // MARK: - Settings, fonts, footer

  var settings: String {
    var xml = XMLText.declaration
    xml += #"<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#
    xml += #"<w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>"#
    xml += #"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#
    return xml + "</w:settings>"
  }

  /// Every font the styles name, with its substitute (`w:altName`) and character set (GB2312 86,
  /// Big5 136) so Word and WPS pick a CJK face the reader has.
  var fontTable: String {
    let charset = style.eastAsianLanguage == "zh-TW" ? "88" : "86"
    var seen = Set<String>()
    var xml = XMLText.declaration
    xml += #"<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#
    for run in [style.title, style.subtitle, style.heading, style.caption, style.body, style.table, style.footer] {
      for (font, eastAsian) in [(run.eastAsian, true), (run.latin, false)] where seen.insert(font.name).inserted {
        xml += #"<w:font w:name="\#(XMLText.escaped(font.name))">"#
        if let alternative = font.alternative { xml += #"<w:altName w:val="\#(XMLText.escaped(alternative))"/>"# }
        if eastAsian { xml += #"<w:charset w:val="\#(charset)"/>"# }
        xml += "</w:font>"
      }
    }
    return xml + "</w:fonts>"
  }

  /// The footer: organisation and note on the left, the page number on the right.
  var footer: String {
    var xml = XMLText.declaration
    xml += #"<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#
    xml += #"<w:p><w:pPr><w:pStyle w:val="Footer"/><w:tabs><w:tab w:val="right" w:pos="\#(XMLText.twips(style.textWidth))"/></w:tabs></w:pPr>"#
    xml += DocxBody.run(document.text.footer) + "<w:r><w:tab/></w:r>"
    xml += #"<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>"#
    return xml + "</w:ftr>"
  }
}

// MARK: - Document properties

/// What the Word copy says about itself beyond the scene's metadata.
public struct DocxProperties: Hashable, Sendable {
  /// The period as the sheet names it (`2024年上半年`), the document's subject.
  public var period: String
  /// When the data stand, ISO-8601 (`DocumentInfo.creationDate`: SOURCE_DATE_EPOCH or the
  /// period's last day); nil: 2000-01-01.
  public var created: String?

  public init(period: String, created: String?) {
    self.period = period
    self.created = created
  }

  /// `全市9个县区 · 2024年上半年 · data as of 2024-06-30`.
  func description(_ info: DocumentInfo) -> String {
    let asOf = created.map { " · data as of " + String($0.prefix(10)) } ?? ""
    return [info.subject, period].filter { !$0.isEmpty }.joined(separator: " · ") + asOf
  }
}

// MARK: - Dates

enum W3CDate {
  /// `2024-06-30T00:00:00+00:00` → `2024-06-30T00:00:00Z` (UTC offsets only, as the scene
  /// writes them; another offset is kept as written).
  static func from(iso8601 text: String) -> String {
    text.hasSuffix("+00:00") ? String(text.dropLast(6)) + "Z" : text
  }
}
