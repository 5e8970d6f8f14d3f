import BriefingCore
import BriefingSpec

// MARK: - Theme from a layout

extension ThemeSpec {
  /// The base theme for the layout's language with every override applied, resolved once.
  /// `family` replaces the base text family (the layout's own `text.family` override still wins).
  /// An unknown key or value is an error finding: a typo must not silently keep the default.
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
    if let family, let finding = theme.set("text.family", to: family) { findings.append(finding) }
    for key in overrides.keys.sorted() {
      if var finding = theme.set(key, to: overrides[key] ?? "") {
        finding.severity = .error
        findings.append(finding)
      }
    }
    return (theme.resolved(), findings)
  }
}
