import BriefingCore
import Testing

/// The one lookup for shipped files: installed prefix, copied prefix, checkout, home.
@Suite struct ShippedFoldersTests {
  @Test func installedToolLooksUnderItsPrefixThenTheCheckoutThenHome() {
    let folders = ShippedFolders.candidates(
      .layouts, executable: "/opt/briefing/bin/briefing", environment: [:], home: "/home/u")
    #expect(folders == [
      "/opt/briefing/share/briefing/Layouts", "/Layouts", "/home/u/.local/share/briefing/Layouts",
    ])
  }

  @Test func environmentVariableComesFirstAndFontsLiveUnderBuildInACheckout() {
    let folders = ShippedFolders.candidates(
      .fonts, executable: "/repo/.build/x86_64-unknown-linux-gnu/release/briefing",
      environment: ["BRIEFING_FONT_DIR": "/f", "BRIEFING_LAYOUT_DIR": "/l"], home: "/h")
    #expect(folders == [
      "/f", "/repo/.build/x86_64-unknown-linux-gnu/share/briefing/fonts", "/repo/.build/fonts",
      "/h/.local/share/briefing/fonts",
    ])
    let empty = ShippedFolders.candidates(.schemas, executable: "/p/bin/briefing", environment: ["BRIEFING_SCHEMA_DIR": ""], home: "/h")
    #expect(empty.first == "/p/share/briefing/Schemas")
  }

  @Test func layoutReferencesByPathByNameAndByCheckoutPath() {
    let shipped: Set = ["/s/Layouts/ranking-bulletin.yaml", "/s/Layouts/half-year-comparison.yaml", "mine.yaml"]
    func file(_ reference: String) -> String? {
      ShippedFolders.layoutFile(reference, in: ["/none", "/s/Layouts"], exists: shipped.contains)
    }
    #expect(file("mine.yaml") == "mine.yaml")
    #expect(file("ranking-bulletin") == "/s/Layouts/ranking-bulletin.yaml")
    #expect(file("ranking-bulletin.yaml") == "/s/Layouts/ranking-bulletin.yaml")
    #expect(file("Layouts/half-year-comparison.yaml") == "/s/Layouts/half-year-comparison.yaml")
    #expect(file("./Layouts/half-year-comparison.yaml") == "/s/Layouts/half-year-comparison.yaml")
    #expect(file("other/half-year-comparison.yaml") == nil)
    #expect(file("/abs/Layouts/half-year-comparison.yaml") == nil)
    #expect(file("bulletin") == nil)
  }

  @Test func onlyNamesAndCheckoutPathsAreLookedUp() {
    #expect(ShippedFolders.layoutName("gallery") == "gallery")
    #expect(ShippedFolders.layoutName("Layouts/gallery.yaml") == "gallery.yaml")
    #expect(ShippedFolders.layoutName("a/b.yaml") == nil)
    #expect(ShippedFolders.layoutName(".hidden") == nil)
    #expect(ShippedFolders.layoutName("/Layouts/x.yaml") == nil)
  }
}
