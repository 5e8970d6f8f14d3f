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

  /// Throws unless `family` is installed under that exact name (case-insensitive).
  public static func requireInstalled(_ family: String) throws(RenderError) {
    let installed = installedFamilies()
    guard installed.contains(where: { $0.lowercased() == family.lowercased() }) else {
      throw .fontNotInstalled(family: family, installed: cjkFamilies().map(\.family))
    }
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
