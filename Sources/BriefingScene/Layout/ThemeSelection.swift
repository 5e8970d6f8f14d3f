import BriefingCore
import BriefingSpec

// MARK: - Theme from a layout

extension ThemeSpec {
  /// The base theme for the layout's language with every override applied, resolved once.
  /// `family` replaces the base CJK family; `fonts` then picks the script's CJK family and puts
  /// the Latin family first (see `textFamily`). The layout's own `text.family` override still
  /// wins. An unknown key or value is an error finding: a typo must not silently keep the default.
  public func resolved(language: LayoutDocument.Language, family: String? = nil)
    -> (ResolvedTheme, [Finding])
  {
    let tag = language.rawValue
    var theme: Theme =
      switch base {
      case .briefing: .briefing(language: tag)
      case .grayscale: .grayscale(language: tag)
      case .colorblind: .okabeIto(language: tag)
      }
    var findings: [Finding] = []
    let text = textFamily(language: language, cjk: family ?? Theme.family(for: tag))
    if let finding = theme.set("text.family", to: text) { findings.append(finding) }
    for key in overrides.keys.sorted() {
      if var finding = theme.set(key, to: overrides[key] ?? "") {
        finding.severity = .error
        findings.append(finding)
      }
    }
    return (theme.resolved(), findings)
  }

  /// The Pango family list for body text: the Latin family (if any) first, then the CJK family
  /// for the language's script (`fonts.hant` for `zh-tw`, else `fonts.hans`), defaulting to
  /// `cjk`. For example `DejaVu Sans, Briefing Sans CJK SC`: digits and Latin letters from
  /// DejaVu, Chinese from the CJK face.
  public func textFamily(language: LayoutDocument.Language, cjk: String) -> String {
    let script = (language == .zhTW ? fonts.hant : fonts.hans) ?? cjk
    return [fonts.latin, script].compactMap { $0 }.joined(separator: ", ")
  }
}
