import BriefingDocument
import Foundation
import Testing
import ZIPFoundation

// MARK: - ZIP writer

/// Whole entries (one final libdeflate stream) and streamed entries (zlib parts joined by sync
/// flushes) in one archive: every entry reads back, CRC checked, with its exact bytes.
@Suite struct ZipStreamTests {
  private struct Failed: Error { let message: String }

  private static func archive(_ build: (ZipStream<Failed>) throws(Failed) -> Void) throws -> [UInt8] {
    var bytes: [UInt8] = []
    let zip = ZipStream<Failed>(write: { bytes += $0 }, tooLarge: { Failed(message: $0) })
    try build(zip)
    try zip.finish()
    return bytes
  }

  private static func entries(of bytes: [UInt8]) throws -> [String: [UInt8]] {
    let archive = try Archive(data: Data(bytes), accessMode: .read)
    var found: [String: [UInt8]] = [:]
    for entry in archive {
      var data = Data()
      _ = try archive.extract(entry) { data.append($0) }  // verifies the CRC-32
      found[entry.path] = [UInt8](data)
    }
    return found
  }

  private static let text = Array(String(repeating: "<row r=\"7\"><c t=\"inlineStr\"><is><t>肃州区</t></is></c></row>", count: 400).utf8)

  @Test(arguments: [0, 1, 6, 12])
  func wholeAndStreamedEntriesReadBack(level: Int32) throws {
    let noise = (0..<5_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
    let bytes = try Self.archive { zip throws(Failed) in
      try zip.addEntry("whole.xml", bytes: Self.text, level: level)
      try zip.addEntry("empty.txt", bytes: [], level: level)
      try zip.addEntry("noise.bin", bytes: noise, level: level)
      try zip.beginEntry("parts.xml")
      try zip.append(DeflatedPart(Array(Self.text[..<1_000])))
      try zip.append(DeflatedPart(Array(Self.text[1_000...]), level: 1))
      try zip.endEntry()
    }
    let read = try Self.entries(of: bytes)
    #expect(read["whole.xml"] == Self.text)
    #expect(read["empty.txt"] == [])
    #expect(read["noise.bin"] == noise)
    #expect(read["parts.xml"] == Self.text)
  }

  @Test func wholeEntriesAreOneFinalStreamAndDeterministic() throws {
    let part = DeflatedPart(whole: Self.text)
    #expect(part.isFinal)
    #expect(part.bytes.count < Self.text.count / 10)
    #expect(!DeflatedPart(Self.text).isFinal)
    let first = try Self.archive { zip throws(Failed) in try zip.addEntry("a.xml", bytes: Self.text) }
    let second = try Self.archive { zip throws(Failed) in try zip.addEntry("a.xml", bytes: Self.text) }
    #expect(first == second)
  }
}
