// MARK: - Common CJK characters

/// The characters Chinese statistics tables are written in, Simplified or Traditional: what a
/// correct GB18030 or Big5 reading of a file consists of, and a wrong one mostly does not.
///
/// Built once at first use by decoding the common planes of the two national standards with
/// iconv (no pasted character list): GB2312 rows 1 and 3 (punctuation, full-width forms) and
/// level 1 (rows 16–55, the 3,755 hanzi of everyday Simplified text), and Big5 A140–A3BF
/// (punctuation) and A440–C67E (the 5,401 common Traditional characters). Both sets serve both
/// readings, so a GBK file of Traditional names (魏都區) is as plausible as one in Big5.
/// Measured on the shipped samples (in GBK; the Traditional one also in Big5): a correct reading
/// has 97.9–100 % of its non-ASCII characters here, a GBK file read as Big5 at most 62.7 %, a
/// Big5 file read as GB18030 at most 43.8 %. A pasted list of 3,500 characters was not needed.
enum CommonCJKCharacters {
  /// True when `scalar` is in the table. Only the Basic Multilingual Plane is covered.
  static func contains(_ scalar: Unicode.Scalar) -> Bool {
    let value = Int(scalar.value)
    guard value < 0x1_0000 else { return false }
    return bits[value >> 6] & (1 << UInt64(value & 63)) != 0
  }

  /// One bit per BMP code point (8 KiB).
  private static let bits: [UInt64] = {
    var bits = [UInt64](repeating: 0, count: 0x1_0000 / 64)
    let gb2312 = pairs(leads: [0xA1, 0xA3], trails: 0xA1...0xFE)
      + pairs(leads: 0xB0...0xD6, trails: 0xA1...0xFE)
      + pairs(leads: [0xD7], trails: 0xA1...0xF9)
    let big5Trails = Array(0x40...0x7E) + Array(0xA1...0xFE)
    let big5 = pairs(leads: 0xA1...0xA2, trails: big5Trails)
      + pairs(leads: [0xA3], trails: Array(0x40...0x7E) + Array(0xA1...0xBF))
      + pairs(leads: 0xA4...0xC5, trails: big5Trails)
      + pairs(leads: [0xC6], trails: 0x40...0x7E)
    for (bytes, charset) in [(gb2312, LegacyEncoding.gb18030), (big5, .big5)] {
      // All pairs are assigned; should an iconv disagree, the part before the failure counts.
      let decoded: [UInt8]
      switch Iconv.convert(bytes, from: charset.iconvName) {
      case .success(let all): decoded = all
      case .failure(let failure): decoded = failure.decoded
      }
      for scalar in String(decoding: decoded, as: UTF8.self).unicodeScalars where scalar.value < 0x1_0000 {
        let value = Int(scalar.value)
        bits[value >> 6] |= 1 << UInt64(value & 63)
      }
    }
    return bits
  }()

  /// Every lead byte followed by every trail byte, concatenated.
  private static func pairs(leads: some Sequence<Int>, trails: some Sequence<Int>) -> [UInt8] {
    leads.flatMap { lead in trails.flatMap { [UInt8(lead), UInt8($0)] } }
  }
}
