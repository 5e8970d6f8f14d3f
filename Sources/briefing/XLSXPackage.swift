import BriefingDocument

// MARK: - The archive writer with the CLI's failures

/// The ZIP writer (moved to BriefingDocument, which writes .docx on it too) with the CLI's
/// failures: these names keep the commands that stream archives unchanged.
typealias ZipStream = BriefingDocument.ZipStream<Failure>
typealias DeflatedPart = BriefingDocument.DeflatedPart

extension BriefingDocument.ZipStream where WriteError == Failure {
  /// An archive whose write and size errors are `Failure.io`.
  convenience init(write: @escaping ([UInt8]) throws(Failure) -> Void) {
    self.init(write: write, tooLarge: { Failure.io($0) })
  }
}

// MARK: - A one-sheet .xlsx file

/// Writes an Office Open XML workbook of one worksheet as a stream: the package parts first,
/// then the worksheet's parts as they come, deflated (on the caller's threads) and appended to
/// the archive in order (`ZipStream`). The same table gives the same bytes.
enum XLSXPackage {
  /// Writes the parts before the worksheet and begins its entry; follow with the worksheet's
  /// parts (`ZipStream.append`), then `finish`.
  static func begin(_ zip: ZipStream, sheetName: String) throws(Failure) {
    let parts: [(String, String)] = [
      ("[Content_Types].xml", contentTypes),
      ("_rels/.rels", rootRelationships),
      ("xl/workbook.xml", workbookXML(sheetName)),
      ("xl/_rels/workbook.xml.rels", workbookRelationships),
    ]
    for (path, text) in parts { try zip.addEntry(path, text: text) }
    try zip.beginEntry("xl/worksheets/sheet1.xml")
  }

  /// Ends the worksheet's entry and the archive.
  static func finish(_ zip: ZipStream) throws(Failure) {
    try zip.endEntry()
    try zip.finish()
  }

  private static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
    </Types>
    """

  private static let rootRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
    </Relationships>
    """

  private static let workbookRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
    </Relationships>
    """

  private static func workbookXML(_ name: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
    <sheets><sheet name="\(name)" sheetId="1" r:id="rId1"/></sheets></workbook>
    """
  }
}
