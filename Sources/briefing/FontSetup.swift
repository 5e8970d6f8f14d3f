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

  /// The derived collections a folder must hold, each weight in two parts with the same family
  /// names: the core (GB 2312 or Big5, Latin, symbols), which every sheet embeds from, and the
  /// extension (every other character), from which fontconfig supplies a rare character. cairo
  /// copies a face's whole `CFF ` table twice per PDF, so the smaller core saves about 7 ms of
  /// CPU per sheet (see `Tools/build_cjk_fonts.py`).
  static let files = ["BriefingSansCJK-Regular.ttc", "BriefingSansCJK-Bold.ttc",
                      "BriefingSansCJKExt-Regular.ttc", "BriefingSansCJKExt-Bold.ttc"]

  /// Registers the first folder that holds all the derived fonts (an older build without the
  /// extension collections is passed over); returns it, or nil.
  @discardableResult
  static func registerBuiltFonts() -> String? {
    for folder in candidates where files.allSatisfy({ FileManager.default.fileExists(atPath: folder + "/" + $0) }) {
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
