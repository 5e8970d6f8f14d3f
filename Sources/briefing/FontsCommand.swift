import ArgumentParser
import BriefingRender

// MARK: - fonts

struct Fonts: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the font families Briefing uses and their Chinese coverage.")

  /// Families the default themes use, by script: the derived faces built by `make` when present
  /// (small PDFs), else the system Noto faces they are made from.
  static var configured: [(String, String)] {
    [
      ("Simplified Chinese and Latin", FontSetup.family(forLanguage: "zh-cn") ?? "Noto Sans CJK SC"),
      ("Traditional Chinese", FontSetup.family(forLanguage: "zh-tw") ?? "Noto Sans CJK TC"),
    ]
  }

  @Flag(help: "Also list every other installed family that covers Chinese.")
  var all = false

  func run() throws {
    var missing = false
    print("Families used:")
    for (role, family) in Self.configured {
      let installed = (try? FontInventory.requireInstalled(family)) != nil
      let info = FontInventory.info(for: family)
      missing = missing || !installed
      print(
        "  \(family)  [\(role)]  installed: \(yesNo(installed))  "
          + "Simplified: \(yesNo(info.coversSimplified))  Traditional: \(yesNo(info.coversTraditional))")
    }
    if all {
      print("Installed families covering Chinese:")
      for info in FontInventory.cjkFamilies() {
        print(
          "  \(info.family)  Simplified: \(yesNo(info.coversSimplified))  "
            + "Traditional: \(yesNo(info.coversTraditional))")
      }
    }
    if missing {
      printError("briefing: a configured font family is missing; run `make setup` (fonts-noto-cjk)")
      throw ExitCode(70)
    }
  }

  private func yesNo(_ flag: Bool) -> String { flag ? "yes" : "no" }
}
