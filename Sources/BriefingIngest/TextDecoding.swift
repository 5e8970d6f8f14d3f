import BriefingCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - Encodings

/// Text encodings accepted for CSV/TSV input. Default: `auto`.
public enum TextEncoding: String, Sendable, CaseIterable {
  /// UTF-8 with or without BOM; an invalid byte is a `bad-encoding` error at its line and column.
  case utf8
  /// GB18030 (a superset of GBK and GB2312), as Chinese Excel writes "CSV".
  case gb18030
  /// UTF-8 when valid (BOM optional), UTF-16 when it starts with a BOM, otherwise GB18030 with a
  /// notice.
  case auto
}

// MARK: - Messages

extension Finding.Message {
  static func badEncoding(_ encoding: String, _ detail: String = "") -> Self {
    .init(code: "bad-encoding", text: "invalid \(encoding) byte sequence" + detail)
  }
  static func encodingDetected(_ encoding: String) -> Self {
    .init(code: "encoding-detected", text: "not valid UTF-8; decoded as \(encoding)")
  }
}

// MARK: - Decoding

/// Turns file bytes into UTF-8 bytes (without BOM), reporting where decoding failed.
enum TextDecoding {
  /// The decoded UTF-8 bytes (nil on failure) and the findings (a notice when GB18030 was guessed).
  static func decode(_ bytes: [UInt8], as encoding: TextEncoding, file: String)
    -> (utf8: [UInt8]?, findings: [Finding])
  {
    switch encoding {
    case .utf8:
      return decodeUTF8(bytes, file: file)
    case .gb18030:
      return decodeWithIconv(bytes, from: "GB18030", file: file)
    case .auto:
      if bytes.starts(with: [0xFF, 0xFE]) {
        return decodeWithIconv(Array(bytes.dropFirst(2)), from: "UTF-16LE", file: file)
      }
      if bytes.starts(with: [0xFE, 0xFF]) {
        return decodeWithIconv(Array(bytes.dropFirst(2)), from: "UTF-16BE", file: file)
      }
      if firstInvalidUTF8(bytes) == nil { return decodeUTF8(bytes, file: file) }
      let gb = decodeWithIconv(bytes, from: "GB18030", file: file)
      guard gb.utf8 != nil else {
        // Neither encoding fits: report the UTF-8 position, which users can find in an editor.
        var failed = decodeUTF8(bytes, file: file)
        failed.findings = failed.findings.map { finding in
          var copy = finding
          copy.message = .badEncoding("UTF-8", " (not GB18030 either)")
          return copy
        }
        return failed
      }
      return (gb.utf8, [Finding(.notice, .encodingDetected("GB18030"), at: .init(file: file))])
    }
  }

  private static func decodeUTF8(_ bytes: [UInt8], file: String)
    -> (utf8: [UInt8]?, findings: [Finding])
  {
    if let bad = firstInvalidUTF8(bytes) {
      let (line, column) = position(of: bad, in: bytes)
      let hex = "0x" + String(bytes[bad], radix: 16, uppercase: true)
      let finding = Finding(
        .error, .badEncoding("UTF-8", " (first bad byte \(hex))"),
        at: .init(file: file, line: line, column: column))
      return (nil, [finding])
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (Array(bytes.dropFirst(3)), []) }
    return (bytes, [])
  }

  private static func decodeWithIconv(_ bytes: [UInt8], from charset: String, file: String)
    -> (utf8: [UInt8]?, findings: [Finding])
  {
    switch Iconv.convert(bytes, from: charset) {
    case .success(let utf8):
      if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { return (Array(utf8.dropFirst(3)), []) }
      return (utf8, [])
    case .failure(let failure):
      let (line, column) = position(of: failure.decoded.count, in: failure.decoded)
      let finding = Finding(
        .error, .badEncoding(charset, " at byte offset \(failure.inputOffset)"),
        at: .init(file: file, line: line, column: column))
      return (nil, [finding])
    }
  }

  // MARK: - UTF-8 helpers

  /// Offset of the first byte that does not start a well-formed UTF-8 sequence, or nil.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { buffer in
      var index = 0
      let count = buffer.count
      while index < count {
        let lead = buffer[index]
        if lead < 0x80 {
          index += 1
          // ASCII runs (digits, codes, commas) eight bytes at a time.
          while index + 8 <= count {
            let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
            guard word & 0x8080_8080_8080_8080 == 0 else { break }
            index += 8
          }
          continue
        }
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, low) = (3, 0xA0)
        case 0xE1...0xEC, 0xEE, 0xEF: length = 3
        case 0xED: (length, high) = (3, 0x9F)
        case 0xF0: (length, low) = (4, 0x90)
        case 0xF1...0xF3: length = 4
        case 0xF4: (length, high) = (4, 0x8F)
        default: return index
        }
        guard index + length <= count else { return index }
        let second = buffer[index + 1]
        guard second >= low, second <= high else { return index }
        for offset in 2..<length where buffer[index + offset] & 0xC0 != 0x80 { return index }
        index += length
      }
      return nil
    }
  }

  /// 1-based line and character column of byte `offset` in valid UTF-8 `bytes[..<offset]`.
  static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    for byte in bytes[..<min(offset, bytes.count)] {
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }
}

// MARK: - iconv

/// A thin wrapper over the C library's iconv, converting whole buffers to UTF-8.
enum Iconv {
  struct Failure: Error {
    /// Offset in the input of the first byte that could not be converted.
    var inputOffset: Int
    /// UTF-8 output produced before the failure (for line and column).
    var decoded: [UInt8]
  }

  static func convert(_ input: [UInt8], from charset: String) -> Result<[UInt8], Failure> {
    let descriptor = iconv_open("UTF-8", charset)
    guard let descriptor, Int(bitPattern: descriptor) != -1 else {
      return .failure(Failure(inputOffset: 0, decoded: []))
    }
    defer { iconv_close(descriptor) }
    var output: [UInt8] = []
    output.reserveCapacity(input.count + input.count / 2 + 16)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var source = input
    let total = source.count
    var failedAt: Int?
    source.withUnsafeMutableBufferPointer { inBuffer in
      chunk.withUnsafeMutableBufferPointer { outBuffer in
        guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else { return }
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase)
          .assumingMemoryBound(to: CChar.self)
        var inLeft = total
        while inLeft > 0 {
          var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase)
            .assumingMemoryBound(to: CChar.self)
          var outLeft = outBuffer.count
          let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
          let produced = outBuffer.count - outLeft
          output.append(contentsOf: UnsafeBufferPointer(start: outBase, count: produced))
          if result == -1 {
            let code = errno
            if code == E2BIG, produced > 0 { continue }
            failedAt = total - inLeft
            return
          }
        }
      }
    }
    if let failedAt { return .failure(Failure(inputOffset: failedAt, decoded: output)) }
    return .success(output)
  }
}
