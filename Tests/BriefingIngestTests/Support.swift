import BriefingCore
import Foundation
import Testing

@testable import BriefingIngest
import TestSupport

/// Loads in-memory CSV text as `observations.csv` (plus optional metadata files).
func loadCSV(
  _ observations: String, regions: String? = nil, indicators: String? = nil, map: String? = nil,
  options: LoadOptions = LoadOptions(), name: String = "observations.csv"
) -> LoadResult {
  DatasetLoader.load(
    observations: InputFile(path: name, bytes: Array(observations.utf8)),
    regions: regions.map { InputFile(path: "regions.csv", bytes: Array($0.utf8)) },
    indicators: indicators.map { InputFile(path: "indicators.csv", bytes: Array($0.utf8)) },
    map: map.map { InputFile(path: "map.yaml", bytes: Array($0.utf8)) },
    options: options)
}

/// Parses CSV bytes into rows and findings.
func parseCSV(_ text: String, delimiter: UInt8 = 0x2C) -> (rows: [TableRow], findings: [Finding])
{
  var rows: [TableRow] = []
  let findings = DelimitedParser(delimiter: delimiter).parse(Array(text.utf8), file: "t.csv") {
    rows.append($0)
  }
  return (rows, findings)
}

extension LoadResult {
  var codes: [String] { findings.map(\.message.code) }
  var errors: [Finding] { findings.filter { $0.severity == .error } }
  func observation(_ region: String, _ indicator: String, _ period: String) -> Observation? {
    dataset?.observations.first {
      $0.region.rawValue == region && $0.indicator.rawValue == indicator
        && $0.period.code == period
    }
  }
}

/// A fresh temporary folder.
func temporaryFolder() throws -> URL {
  URL(fileURLWithPath: try TestScratch.folder("ingest"))
}

/// Encodes text with the C library's iconv (for GB18030 fixtures).
func encode(_ text: String, to charset: String) throws -> [UInt8] {
  let descriptor = iconv_open(charset, "UTF-8")
  let handle = try #require(descriptor)
  #expect(Int(bitPattern: handle) != -1)
  defer { iconv_close(handle) }
  var input = Array(text.utf8)
  var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
  let inCount = input.count
  let outCount = output.count
  let produced: Int = input.withUnsafeMutableBufferPointer { inBuffer in
    output.withUnsafeMutableBufferPointer { outBuffer in
      var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?
        .assumingMemoryBound(to: CChar.self)
      var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(
        outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
      var inLeft = inCount
      var outLeft = outCount
      _ = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
      return outCount - outLeft
    }
  }
  return Array(output[..<produced])
}
