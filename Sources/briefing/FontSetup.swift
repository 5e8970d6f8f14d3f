import BriefingRender
import CairoKit
import Foundation

// MARK: - Fonts built by `make`

/// Finds the cairo-friendly CJK fonts that `make setup` derives from Noto Sans CJK
/// (`Tools/build_cjk_fonts.py`: same outlines, desubroutinized CFF, so a one-page PDF embeds
/// tens of kilobytes instead of about 1 MB per face) and registers them for this process.
///
/// Looked up as every shipped file is (`ShippedFolders`): `$BRIEFING_FONT_DIR`,
/// `<prefix>/share/briefing/fonts`, the checkout's `.build/fonts`, `~/.local/share/briefing/fonts`.
/// Without them Briefing uses the system Noto Sans CJK faces, which look the same but make PDFs
/// near 1 MB.
enum FontSetup {
  /// Family names of the derived faces, by script.
  static let simplified = "Briefing Sans CJK SC"
  static let traditional = "Briefing Sans CJK TC"

  /// Registers the first folder that holds the derived fonts; returns it, or nil.
  @discardableResult
  static func registerBuiltFonts() -> String? {
    for folder in candidates where FileManager.default.fileExists(atPath: folder + "/BriefingSansCJK-Regular.ttc") {
      if registerFontDirectory(folder) { return folder }
    }
    return nil
  }

  /// The family for a layout language: the derived face when it is installed, else Noto.
  static func family(forLanguage language: String) -> String? {
    let traditional = language.lowercased().hasPrefix("zh-tw") || language.lowercased().hasPrefix("zh-hk")
    let wanted = traditional ? Self.traditional : Self.simplified
    return FontInventory.installedFamilies().contains(wanted) ? wanted : nil
  }

  private static var candidates: [String] { ShippedFiles.folders(.fonts) }
}
