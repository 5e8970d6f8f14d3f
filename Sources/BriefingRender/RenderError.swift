import CairoKit

// MARK: - Render errors

/// Why a page could not be rendered or written.
public enum RenderError: Error, CustomStringConvertible {
  /// cairo or Pango reported a failure.
  case cairo(CairoError)
  /// Text that no installed font can draw (would print as tofu boxes).
  case missingGlyphs([String])
  /// A requested font family is not installed (fontconfig would silently substitute another).
  case fontNotInstalled(family: String, installed: [String])
  /// The configured families cannot draw the layout's text alone: fontconfig would take glyphs
  /// from `usedInstead` (empty: from nowhere, tofu).
  case fontFallback(families: String, language: String, usedInstead: [String])
  /// Writing the output failed.
  case io(path: String, reason: String)

  public var description: String {
    switch self {
    case .cairo(let error): "\(error)"
    case .missingGlyphs(let problems): problems.joined(separator: "; ")
    case .fontNotInstalled(let family, let installed):
      "font family '\(family)' is not installed (CJK families found: "
        + (installed.isEmpty ? "none" : installed.joined(separator: ", "))
        + "); install fonts-noto-cjk or choose another family"
    case .fontFallback(let families, let language, let usedInstead):
      "font families '\(families)' cannot draw \(language) text alone ("
        + (usedInstead.isEmpty
          ? "some characters have no glyph"
          : "glyphs would come from " + usedInstead.joined(separator: ", "))
        + "); set theme.fonts to families that cover the script"
    case .io(let path, let reason): "cannot write \(path): \(reason)"
    }
  }
}
