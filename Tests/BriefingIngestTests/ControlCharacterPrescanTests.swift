import Testing

@testable import BriefingIngest

// MARK: - Whole-text control-character prescan

/// `ControlCharacterScreen.isClean` lets the loader skip the per-cell screen: it must say
/// "clean" only when no byte of the text could start a foreign control character, wherever in
/// the text (the 16-byte blocks and the tail after them).
@Suite struct ControlCharacterPrescanTests {
  private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

  @Test func plainTextWithTabsAndLineBreaksIsClean() {
    #expect(ControlCharacterScreen.isClean(bytes("region\tperiod\r\n肃州区,2024-H1,132.6\n")))
    #expect(ControlCharacterScreen.isClean([]))
  }

  @Test(arguments: [0, 5, 15, 16, 17, 31, 32, 40])
  func aControlByteAnywhereIsFound(position: Int) {
    for control: UInt8 in [0x00, 0x1B, 0x7F, 0x1F, 0x08] {
      var text = [UInt8](repeating: UInt8(ascii: "a"), count: 41)
      text[position] = control
      #expect(!ControlCharacterScreen.isClean(text), "byte \(control) at \(position)")
    }
  }

  @Test func c1AndLatinSupplementLeadByteIsNotClean() {
    #expect(!ControlCharacterScreen.isClean(bytes("name,\u{9B}31m")))  // CSI
    #expect(!ControlCharacterScreen.isClean(bytes("温度,25°")))  // a C2 lead byte: screened cell by cell
  }
}
