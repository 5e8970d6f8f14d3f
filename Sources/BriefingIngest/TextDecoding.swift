import BriefingCore

// MARK: - Encodings

/// Text encodings accepted for CSV/TSV input (`--encoding`). Default: `auto`.
public enum TextEncoding: Sendable, CaseIterable {
  /// UTF-8 with or without BOM; an invalid byte is a `bad-encoding` error at its line and column.
  case utf8
  /// UTF-16: the byte-order mark decides LE or BE; without one, the NUL bytes of the ASCII
  /// characters (commas, digits) do; when they do not tell, a `bad-encoding` error.
  case utf16
  /// GB18030 (a superset of GBK and GB2312), as Chinese Excel writes "CSV".
  case gb18030
  /// Big5 as Windows writes it in Taiwan (code page 950, iconv `CP950`). Not `BIG5-HKSCS`: that
  /// adds Hong Kong characters on 4,500 more byte pairs, among them the lead bytes where GBK
  /// keeps its Traditional characters, so fewer GBK files would be refused outright.
  case big5
  /// Windows-1252, the Western European code page of Windows. `latin1` (ISO 8859-1) is accepted
  /// as its name too, as browsers do: files called Latin-1 are written by Windows, and the bytes
  /// 0x80–0x9F are its punctuation (’ “ ” – € …), never the C1 control characters of ISO 8859-1.
  /// The five bytes Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) are `bad-encoding`.
  case cp1252
  /// A byte-order mark, UTF-16 told by its NUL bytes, valid UTF-8, or else the one legacy
  /// encoding (GB18030, Big5, Windows-1252) that decodes the file and reads plausibly
  /// (`EncodingDetection`), with a notice; more than one is an `ambiguous-encoding` error.
  case auto
}

extension TextEncoding: RawRepresentable {
  /// The `--encoding` name.
  public var rawValue: String {
    switch self {
    case .utf8: "utf8"
    case .utf16: "utf16"
    case .gb18030: "gb18030"
    case .big5: "big5"
    case .cp1252: "cp1252"
    case .auto: "auto"
    }
  }

  /// A `--encoding` name, any case, or one of the usual other names of the same encoding
  /// (`latin1`, `windows-1252`, `gbk`, `cp950`, `utf-8` …).
  public init?(rawValue: String) {
    let name = rawValue.lowercased()
    guard let found = Self.allCases.first(where: { $0.rawValue == name }) ?? Self.aliases[name] else {
      return nil
    }
    self = found
  }

  private static let aliases: [String: TextEncoding] = [
    "utf-8": .utf8, "utf-16": .utf16, "gbk": .gb18030, "gb2312": .gb18030, "cp950": .big5,
    "latin1": .cp1252, "latin-1": .cp1252, "iso-8859-1": .cp1252, "windows-1252": .cp1252,
  ]

  /// The legacy encoding this names; nil for UTF-8, UTF-16 and auto.
  var legacy: LegacyEncoding? {
    switch self {
    case .gb18030: .gb18030
    case .big5: .big5
    case .cp1252: .cp1252
    case .utf8, .utf16, .auto: nil
    }
  }
}

/// The single-byte and double-byte code pages `auto` chooses among, in the order findings list them.
enum LegacyEncoding: CaseIterable, Sendable {
  case gb18030
  case big5
  case cp1252

  /// As `--encoding` spells it.
  var encoding: TextEncoding {
    switch self {
    case .gb18030: .gb18030
    case .big5: .big5
    case .cp1252: .cp1252
    }
  }

  /// The option that names it: `--encoding gb18030`.
  var option: String { "--encoding \(encoding.rawValue)" }

  /// The name in messages.
  var displayName: String {
    switch self {
    case .gb18030: "GB18030"
    case .big5: "Big5"
    case .cp1252: "Windows-1252"
    }
  }

  /// The iconv charset.
  var iconvName: String {
    switch self {
    case .gb18030: "GB18030"
    case .big5: "CP950"
    case .cp1252: "CP1252"
    }
  }

  /// Which plausibility test its text must pass.
  var script: Plausibility.Script {
    self == .cp1252 ? .latin : .cjk
  }
}

// MARK: - Messages

extension Finding.Message {
  static func badEncoding(_ encoding: String, _ detail: String = "") -> Self {
    .init(code: "bad-encoding", text: "invalid \(encoding) byte sequence" + detail)
  }
  static func encodingDetected(_ encoding: LegacyEncoding) -> Self {
    .init(
      code: "encoding-detected",
      text: "not valid UTF-8; decoded as \(encoding.displayName), the only encoding it reads plausibly in "
        + "(\(encoding.option) says so and drops this notice)")
  }
  static let utf16ByteOrderUnknown = Self(
    code: "bad-encoding", text: "UTF-16 without a byte-order mark, and no NUL bytes that tell LE from BE")
  static func utf16Detected(_ charset: String) -> Self {
    .init(
      code: "encoding-detected",
      text: "no byte-order mark, but the NUL bytes say \(charset) (--encoding utf16 says so and drops this notice)")
  }
}

// MARK: - Decoding

/// Turns file bytes into UTF-8 bytes (without BOM), reporting where decoding failed.
enum TextDecoding {
  /// The decoded UTF-8 bytes (nil on failure) and the findings: a notice when `auto` chose, an
  /// error when it could not, a warning or an error when a named legacy encoding reads
  /// implausibly (`EncodingDetection`).
  static func decode(_ bytes: [UInt8], as encoding: TextEncoding, file: String)
    -> (utf8: [UInt8]?, findings: [Finding])
  {
    switch encoding {
    case .utf8:
      let decoded = decodeUTF8(bytes, file: file)
      guard decoded.utf8 == nil else { return decoded }
      return (nil, EncodingDetection.withHint(decoded.findings, for: bytes, besides: nil))
    case .utf16:
      return decodeUTF16(bytes, file: file)
    case .gb18030, .big5, .cp1252:
      return EncodingDetection.named(encoding.legacy!, bytes, file: file)
    case .auto:
      return EncodingDetection.auto(bytes, file: file)
    }
  }

  static func decodeUTF8(_ bytes: [UInt8], file: String)
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

  /// UTF-16 by its byte-order mark, else by its NUL bytes (`UTF16ByteOrder`).
  static func decodeUTF16(_ bytes: [UInt8], file: String) -> (utf8: [UInt8]?, findings: [Finding]) {
    if bytes.starts(with: [0xFF, 0xFE]) { return decodeWithIconv(Array(bytes.dropFirst(2)), from: "UTF-16LE", file: file) }
    if bytes.starts(with: [0xFE, 0xFF]) { return decodeWithIconv(Array(bytes.dropFirst(2)), from: "UTF-16BE", file: file) }
    guard let charset = UTF16ByteOrder.guess(bytes) else {
      return (nil, [Finding(.error, .utf16ByteOrderUnknown, at: .init(file: file, line: 1, column: 1))])
    }
    return decodeWithIconv(bytes, from: charset, file: file)
  }

  /// `bytes` converted from iconv's `charset`; a failure is a `bad-encoding` error naming
  /// `label` (default: the charset) at the line and column reached.
  static func decodeWithIconv(_ bytes: [UInt8], from charset: String, label: String? = nil, file: String)
    -> (utf8: [UInt8]?, findings: [Finding])
  {
    switch Iconv.convert(bytes, from: charset) {
    case .success(let utf8):
      if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { return (Array(utf8.dropFirst(3)), []) }
      return (utf8, [])
    case .failure(let failure):
      let (line, column) = position(of: failure.decoded.count, in: failure.decoded)
      let finding = Finding(
        .error, .badEncoding(label ?? charset, " at byte offset \(failure.inputOffset)"),
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
        // The common case first: a three-byte sequence with an unrestricted second byte
        // (U+1000…U+CFFF, U+E000…U+FFFF: all CJK and full-width forms).
        if (0xE1...0xEC).contains(lead) || lead == 0xEE || lead == 0xEF, index + 2 < count,
          buffer[index + 1] & 0xC0 == 0x80, buffer[index + 2] & 0xC0 == 0x80
        {
          index += 3
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
