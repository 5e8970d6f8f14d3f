import Foundation
import ZIPFoundation

// MARK: - A one-sheet .xlsx file

/// Packs one worksheet into an Office Open XML workbook in memory. Entry dates are fixed so the
/// same table gives the same bytes.
enum XLSXPackage {
  static func workbook(sheetXML: String, sheetName: String) throws -> [UInt8] {
    let archive = try Archive(accessMode: .create)
    let parts: [(String, String)] = [
      ("[Content_Types].xml", contentTypes),
      ("_rels/.rels", rootRelationships),
      ("xl/workbook.xml", workbookXML(sheetName)),
      ("xl/_rels/workbook.xml.rels", workbookRelationships),
      ("xl/worksheets/sheet1.xml", sheetXML),
    ]
    let fixedDate = Date(timeIntervalSince1970: 946_684_800)  // 2000-01-01, for reproducible bytes
    for (path, text) in parts {
      let data = Data(text.utf8)
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
        compressionMethod: .deflate
      ) { position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    guard let bytes = archive.data else { throw Failure.internal("could not assemble the XLSX file") }
    return Array(bytes)
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
