import BriefingRender
import BriefingScene
import Testing

/// Latin punctuation in English text takes Latin (proportional) widths from the derived CJK
/// faces, while Chinese text keeps its full-width punctuation: "Côte d’Ivoire" showed a gap
/// "d’ Ivoire" because U+2019 was drawn one em wide.
@Suite(.serialized) struct LatinPunctuationTests {
  static let size = 10.0

  /// How much wider `text` is than `text` without `mark`, in em, measured with the derived face.
  func extraWidth(of mark: String, in text: String, family: String, language: String) throws
    -> Double
  {
    var result = 0.0
    try GoldenImage.withPinnedFonts {
      let measurer = try PangoTextMeasurer()
      let style = TextStyle(family: family, size: Self.size, language: language)
      let with = measurer.measure(text, style: style, wrapWidth: nil).width
      let without = measurer.measure(
        text.replacingOccurrences(of: mark, with: ""), style: style, wrapWidth: nil
      ).width
      result = (with - without) / Self.size
    }
    return result
  }

  @Test(arguments: [
    ("’", "Côte d’Ivoire"), ("‘", "the ‘group’"), ("“", "“Korea, Rep.”"), ("”", "“Korea, Rep.”"),
    ("·", "Briefing · Illustrative data"), ("•", "GDP • growth"),
  ])
  func englishPunctuationIsProportional(mark: String, text: String) throws {
    for family in ["Briefing Sans CJK SC", "Briefing Sans CJK TC"] {
      let width = try extraWidth(of: mark, in: text, family: family, language: "en")
      #expect(width < 0.5, "\(family): \(mark) in “\(text)” is \(width) em wide")
    }
  }

  @Test(arguments: [("“", "他说“增长”"), ("’", "‘国’"), ("·", "阿·克")])
  func chinesePunctuationStaysFullWidth(mark: String, text: String) throws {
    let width = try extraWidth(
      of: mark, in: text, family: "Briefing Sans CJK SC", language: "zh-cn")
    #expect(width > 0.9, "\(mark) in “\(text)” is \(width) em wide")
  }
}
