// MARK: - "Did you mean" suggestions

/// Suggests the closest known spelling for a misspelt key or id (Levenshtein distance over
/// characters, so CJK typos count one per character).
public enum Suggestion {
  /// The candidate closest to `word`, when its distance is at most max(2, word.count / 3);
  /// nil when nothing is close. Ties resolve to the earlier candidate.
  public static func closest(to word: String, in candidates: [String]) -> String? {
    let limit = max(2, word.count / 3)
    var best: (String, Int)?
    for candidate in candidates {
      let distance = editDistance(word, candidate)
      if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
    }
    return best?.0
  }

  /// Levenshtein distance between two strings, counted in Characters.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let lhs = Array(a)
    let rhs = Array(b)
    if lhs.isEmpty { return rhs.count }
    if rhs.isEmpty { return lhs.count }
    var previous = Array(0...rhs.count)
    var current = [Int](repeating: 0, count: rhs.count + 1)
    for i in 1...lhs.count {
      current[0] = i
      for j in 1...rhs.count {
        let substitution = previous[j - 1] + (lhs[i - 1] == rhs[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[rhs.count]
  }
}
