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
  /// Share of passing characters a plausible reading needs: 0.8. The shipped samples, converted,
  /// score 0.977 and more read correctly and at most 0.503 read wrongly.
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

  /// Scores UTF-8 `text` (valid, as iconv returns it) for `script`.
  static func of(_ text: [UInt8], as script: Script) -> Plausibility {
    var scorer = RunScorer(script: script)
    var iterator = text.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while case .scalarValue(let scalar) = decoder.decode(&iterator) {
      scorer.take(scalar, at: offset)
      offset += UTF8.width(scalar)
    }
    scorer.endRun(before: nil)
    return scorer.result
  }
}

// MARK: - Runs

/// Collects each run of non-ASCII characters with its ASCII neighbours and scores it whole.
private struct RunScorer {
  let script: Plausibility.Script
  var result = Plausibility()
  private var run: [(scalar: Unicode.Scalar, offset: Int)] = []
  private var before: Unicode.Scalar?

  init(script: Plausibility.Script) { self.script = script }

  mutating func take(_ scalar: Unicode.Scalar, at offset: Int) {
    if script == .latin, scalar == "\u{A0}" {
      endRun(before: " ")
      result.characters += 1
      result.passing += 1
      before = " "
    } else if scalar.isASCII {
      endRun(before: scalar)
      before = scalar
    } else {
      run.append((scalar, offset))
    }
  }

  /// Scores the pending run, `after` being the ASCII character that ends it (nil at the end).
  mutating func endRun(before after: Unicode.Scalar?) {
    guard !run.isEmpty else { return }
    let letterBefore = before.map(isASCIILetter) ?? false
    let letterAfter = after.map(isASCIILetter) ?? false
    let runPasses: Bool
    switch script {
    case .cjk:
      runPasses = !(letterBefore && letterAfter)
    case .latin:
      runPasses = run.count == 1
        || (run.count <= 3 && (letterBefore || letterAfter) && run.allSatisfy { $0.scalar.properties.isAlphabetic })
    }
    for (scalar, offset) in run {
      result.characters += 1
      if runPasses && (script == .latin || CommonCJKCharacters.contains(scalar)) {
        result.passing += 1
      } else if result.firstFailing == nil {
        result.firstFailing = offset
      }
    }
    run.removeAll(keepingCapacity: true)
  }

  private func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
  }
}
