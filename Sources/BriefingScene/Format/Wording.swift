import BriefingNarrative
import Synchronization

// MARK: - The sheet's own words in the sheet's script

extension NumberFormat {
  /// `words`, which a composer writes in Simplified Chinese, in the sheet's script: as written
  /// for `.simplified` (and English style), converted by OpenCC `s2tw` for `.traditional`
  /// (「同比增长（%）」 → 「同比增長（%）」, 「无数据」 → 「無數據」). The one way the scene's own
  /// words reach a Traditional sheet. Only the tool's words go through here; data (region and
  /// indicator names, units, group labels, titles a layout wrote) never does: it prints as
  /// written.
  public func wording(_ words: String) -> String {
    switch script {
    case .simplified: words
    case .traditional: TraditionalWording.converted(words)
    }
  }
}

// MARK: - Conversion, once per distinct string

/// Simplified → Traditional (`s2tw`) for the scene's own words, each distinct string converted
/// once per process and kept. Opening OpenCC takes about 35 ms and its handle is not
/// thread-safe, so one handle is opened on first use and used only under the lock; a Simplified
/// or English sheet never opens it. The words are few (headers, notes, counts such as
/// 「另有8个地区未标注」); past `capacity` strings the cache starts again, so a long-running
/// process stays bounded.
enum TraditionalWording {
  /// Strings kept before the cache is emptied. 4096.
  static let capacity = 4096

  /// `words` in Traditional script; unchanged when OpenCC cannot open `s2tw.json` (the
  /// narrative then fails the same way and says so).
  static func converted(_ words: String) -> String {
    state.withLock { state in
      if let known = state.converted[words] { return known }
      if state.converted.count >= capacity { state.converted.removeAll(keepingCapacity: true) }
      let result = state.converter?.convert(words) ?? words
      state.converted[words] = result
      return result
    }
  }

  /// Whether OpenCC's `s2tw` opens (opening it on first use).
  static var isAvailable: Bool {
    state.withLock { $0.converter != nil }
  }

  /// The Traditional form of `words` if this process has already converted it, else nil;
  /// never opens OpenCC.
  static func alreadyConverted(_ words: String) -> String? {
    state.withLock { $0.converted[words] }
  }

  // MARK: - Private

  private struct State {
    /// Whether opening OpenCC was tried.
    var opened = false
    var handle: ChineseConverter?
    var converted: [String: String] = [:]

    /// The converter, opened on first use.
    var converter: ChineseConverter? {
      mutating get {
        if !opened {
          opened = true
          handle = try? ChineseConverter(.s2tw)
        }
        return handle
      }
    }
  }

  private static let state = Mutex(State())
}
