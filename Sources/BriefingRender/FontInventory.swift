import BriefingScene
import CairoKit

// MARK: - Fonts

/// One installed font family and which Chinese scripts it can draw.
public struct FontFamilyInfo: Hashable, Sendable {
  public var family: String
  public var coversSimplified: Bool
  public var coversTraditional: Bool
}

/// Font checks done before rendering, so a missing font is an error rather than a silent
/// fallback to whatever fontconfig picks.
public enum FontInventory {
  /// Probe strings: common bulletin words in each script.
  static let simplifiedProbe = "统计国家经济发展地区生产总值增长亿元万"
  static let traditionalProbe = "統計國家經濟發展地區生產總值增長億元萬"

  /// Every installed family, sorted by name.
  public static func installedFamilies() -> [String] { installedFontFamilies() }

  /// Coverage of `family` for Simplified and Traditional text (no glyph falls back to another
  /// family and none is unknown).
  public static func info(for family: String) -> FontFamilyInfo {
    FontFamilyInfo(
      family: family,
      coversSimplified: drawsAlone(simplifiedProbe, family: family, language: "zh-cn"),
      coversTraditional: drawsAlone(traditionalProbe, family: family, language: "zh-tw"))
  }

  /// Installed families that cover Simplified or Traditional Chinese.
  public static func cjkFamilies() -> [FontFamilyInfo] {
    installedFamilies().map(info(for:)).filter { $0.coversSimplified || $0.coversTraditional }
  }

  /// Latin letters, digits and signs every sheet prints.
  static let latinProbe = "Briefing GDP 2024 +5.6% (1/9) -0.3"

  /// Throws unless every family of `families` (one name or a Pango family list such as
  /// `DejaVu Sans, Briefing Sans CJK SC`) is installed under that exact name (case-insensitive),
  /// and the list alone draws Latin text plus, for `zh-cn`/`zh-tw`, common words of that script:
  /// no glyph unknown and none taken from a family outside the list (fontconfig would otherwise
  /// substitute silently).
  public static func requireInstalled(_ families: String, language: String = "zh-cn")
    throws(RenderError)
  {
    let names = familyList(families)
    let installed = Set(installedFamilies().map { $0.lowercased() })
    for name in names where !installed.contains(name.lowercased()) {
      throw .fontNotInstalled(family: name, installed: cjkFamilies().map(\.family))
    }
    let lower = language.lowercased()
    let probe =
      lower.hasPrefix("zh-tw") || lower.hasPrefix("zh-hk")
      ? latinProbe + traditionalProbe
      : lower.hasPrefix("zh") ? latinProbe + simplifiedProbe : latinProbe
    guard let measurer = try? PangoTextMeasurer(),
      let layout = try? measurer.layout(
        probe, style: TextStyle(family: families, language: language), wrapWidth: nil)
    else { throw .fontNotInstalled(family: families, installed: []) }
    let outside = layout.resolvedFamilies.filter {
      !names.map { $0.lowercased() }.contains($0.lowercased())
    }
    guard layout.unknownGlyphCount == 0, outside.isEmpty else {
      throw .fontFallback(families: families, language: language, usedInstead: outside)
    }
  }

  /// The names of a Pango family list, trimmed, empty entries dropped.
  static func familyList(_ families: String) -> [String] {
    families.split(separator: ",").map { $0.trimmingSpaces() }
      .filter { !$0.isEmpty }
  }

  private static func drawsAlone(_ text: String, family: String, language: String) -> Bool {
    guard let measurer = try? PangoTextMeasurer(),
      let layout = try? measurer.layout(
        text, style: TextStyle(family: family, language: language), wrapWidth: nil)
    else { return false }
    return layout.unknownGlyphCount == 0
      && layout.resolvedFamilies.allSatisfy { $0.lowercased() == family.lowercased() }
  }
}
