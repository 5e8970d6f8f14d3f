// MARK: - Plausibility

/// How much a decoded text looks like what its encoding is used for, judged on its non-ASCII
/// characters only (ASCII reads the same in every candidate).
///
/// A reading is plausible when at least `threshold` of those characters pass its script's test:
/// - CJK (GB18030, Big5): the character is in `CommonCJKCharacters`, and its run of non-ASCII
///   characters is not wedged between two ASCII letters (ideographs are not written inside
///   Latin words: "Région" read as GB18030 is "R間ion").
/// - Latin (Windows-1252): a run of non-ASCII characters is one character (é, °, ’, €), or two
///   or three letters touching an ASCII letter (Größe, AÇÃO); a no-break space always passes.
///   A GBK file read this way is runs of four and more (肃州区 → ËàÖÝÇø).
struct Plausibility: Hashable, Sendable {
  /// Share of passing characters a plausible reading needs: 0.8. The shipped samples, converted
  /// to GBK and Big5, score 0.979 and more read correctly, at most 0.627 read wrongly.
  static let threshold = 0.8

  /// Non-ASCII characters read.
  var characters = 0
  /// Those that passed.
  var passing = 0
  /// UTF-8 offset of the first character that did not pass; nil when all did.
  var firstFailing: Int?

  /// `passing / characters`, 1 for pure ASCII. Range 0…1.
  var share: Double { characters == 0 ? 1 : Double(passing) / Double(characters) }
  var isPlausible: Bool { share >= Self.threshold }

  /// Which test applies.
  enum Script: Sendable {
    case cjk
    case latin

    /// What passes, in messages.
    var passingCharacters: String {
      switch self {
      case .cjk: "common Chinese characters"
      case .latin: "accented letters within words or single symbols"
      }
    }
  }

  /// Scores UTF-8 `text` (valid, as iconv returns it) for `script`: one pass over its bytes,
  /// runs of ASCII skipped without decoding.
  static func of(_ text: [UInt8], as script: Script) -> Plausibility {
    var scorer = RunScorer(script: script)
    text.withUnsafeBufferPointer { bytes in
      var offset = 0
      while offset < bytes.count {
        let lead = bytes[offset]
        if lead < 0x80 {
          var end = offset + 1
          while end < bytes.count, bytes[end] < 0x80 { end += 1 }
          scorer.takeASCII(first: lead, last: bytes[end - 1])
          offset = end
          continue
        }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for index in 1..<min(length, bytes.count - offset) {
          value = value << 6 | UInt32(bytes[offset + index] & 0x3F)
        }
        scorer.take(Unicode.Scalar(value) ?? "\u{FFFD}", at: offset)
        offset += length
      }
    }
    scorer.endRun(before: nil)
    return scorer.result
  }
}

// MARK: - Runs

/// Scores each run of non-ASCII characters whole, once the ASCII characters around it are known.
private struct RunScorer {
  let script: Plausibility.Script
  var result = Plausibility()
  /// The ASCII byte before the pending run (nil at the start).
  private var before: UInt8?
  private var runStart = 0
  private var runLength = 0
  /// CJK: characters of the run in `CommonCJKCharacters`, and where the first other one is.
  private var runCommon = 0
  private var runFirstUncommon: Int?
  /// Latin: whether every character of the run so far is a letter.
  private var runAllLetters = true

  init(script: Plausibility.Script) { self.script = script }

  /// A run of ASCII characters from `first` to `last`.
  mutating func takeASCII(first: UInt8, last: UInt8) {
    if runLength > 0 { endRun(before: first) }
    before = last
  }

  mutating func take(_ scalar: Unicode.Scalar, at offset: Int) {
    if script == .latin, scalar == "\u{A0}" {  // a no-break space: passes, and ends a word
      takeASCII(first: 0x20, last: 0x20)
      result.characters += 1
      result.passing += 1
      return
    }
    if runLength == 0 { runStart = offset }
    runLength += 1
    switch script {
    case .cjk:
      if CommonCJKCharacters.contains(scalar) {
        runCommon += 1
      } else if runFirstUncommon == nil {
        runFirstUncommon = offset
      }
    case .latin:
      runAllLetters = runAllLetters && scalar.properties.isAlphabetic
    }
  }

  /// Scores the pending run, `after` being the ASCII byte that ends it (nil at the end).
  mutating func endRun(before after: UInt8?) {
    guard runLength > 0 else { return }
    let letterBefore = before.map(Self.isASCIILetter) ?? false
    let letterAfter = after.map(Self.isASCIILetter) ?? false
    let passing: Int
    let firstFailing: Int?
    switch script {
    case .cjk where letterBefore && letterAfter:  // wedged inside a Latin word
      (passing, firstFailing) = (0, runStart)
    case .cjk:
      (passing, firstFailing) = (runCommon, runFirstUncommon)
    case .latin:
      let passes = runLength == 1 || (runLength <= 3 && runAllLetters && (letterBefore || letterAfter))
      (passing, firstFailing) = passes ? (runLength, nil) : (0, runStart)
    }
    result.characters += runLength
    result.passing += passing
    if result.firstFailing == nil { result.firstFailing = firstFailing }
    runLength = 0
    runCommon = 0
    runFirstUncommon = nil
    runAllLetters = true
  }

  private static func isASCIILetter(_ byte: UInt8) -> Bool {
    (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }
}
