import ArgumentParser
import BriefingRender
import BriefingScene
import BriefingSpec

// MARK: - fonts

struct Fonts: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fonts",
    abstract: "List the font families Briefing uses and their Chinese coverage.",
    discussion: HelpExamples.discussion(
      examples: "briefing fonts",
      "briefing fonts --layout state-comparison-en"))

  @Flag(help: "Also list every other installed family that covers Chinese.")
  var all = false

  @Option(help: "Show and check the families this layout's theme.fonts selects.", completion: ShippedFiles.layoutCompletion)
  var layout: String?

  /// The family list body text uses, by script: `theme.fonts` of the layout (if any) over the
  /// derived faces built by `make` (small PDFs), else the system Noto faces they are made from.
  static func configured(_ theme: ThemeSpec) -> [(role: String, language: String, families: String)]
  {
    [
      ("Simplified Chinese and Latin", LayoutDocument.Language.zhCN),
      ("Traditional Chinese", LayoutDocument.Language.zhTW),
    ].map { role, language in
      let cjk =
        FontSetup.family(forLanguage: language.rawValue) ?? Theme.family(for: language.rawValue)
      return (role, language.rawValue, theme.textFamily(language: language, cjk: cjk))
    }
  }

  func run() throws {
    try reportingFailures {
      let theme = try layout.map { try loadLayout($0).0.theme } ?? .default
      var problems: [String] = []
      print("Families used:")
      for (role, language, families) in Self.configured(theme) {
        var problem: String?
        do {
          try FontInventory.requireInstalled(families, language: language)
        } catch {
          problem = "\(error)"
          problems.append("\(error)")
        }
        // Coverage of the CJK face, the last of the list.
        let cjk = families.split(separator: ",").last.map {
          $0.trimmingCharacters(in: .whitespaces)
        }
        let info = FontInventory.info(for: cjk ?? families)
        print(
          "  \(families)  [\(role)]  usable: \(yesNo(problem == nil))  "
            + "Simplified: \(yesNo(info.coversSimplified))  Traditional: \(yesNo(info.coversTraditional))"
        )
        if let problem { print("    \(problem)") }
      }
      if all {
        print("Installed families covering Chinese:")
        for info in FontInventory.cjkFamilies() {
          print(
            "  \(info.family)  Simplified: \(yesNo(info.coversSimplified))  "
              + "Traditional: \(yesNo(info.coversTraditional))")
        }
      }
      if !problems.isEmpty {
        throw Failure.internal(
          "a configured font family is missing or falls back (run `make setup` for fonts-noto-cjk, "
            + "or change theme.fonts)")
      }
    }
  }

  private func yesNo(_ flag: Bool) -> String { flag ? "yes" : "no" }
}
