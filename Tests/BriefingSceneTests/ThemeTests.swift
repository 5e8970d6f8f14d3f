import BriefingCore
import BriefingSpec
import Testing

@testable import BriefingScene

@Suite struct ThemeTests {
  let theme = Theme.briefing().resolved()

  @Test func everyKeyReachesItsRoot() {
    for key in TextKey.allCases { #expect(key.lineage.first == .text) }
    for key in LineKey.allCases { #expect(key.lineage.first == .line) }
    for key in FillKey.allCases { #expect(key.lineage.first == .fill) }
    for key in LengthKey.allCases { #expect(key.lineage.first == .length) }
  }

  @Test func childrenInheritUnsetFields() {
    let y = theme.text(.axisTextY)
    #expect(y.family == "Noto Sans CJK SC")
    #expect(y.size == 9)
    #expect(y.color.description == "#222222")
    let focus = theme.text(.axisTextYFocus)
    #expect(focus.size == 9)
    #expect(focus.bold)
    #expect(focus.color.description == "#D62728")
    #expect(theme.text(.tableCellAlarm).size == theme.text(.tableCellText).size)
    #expect(theme.text(.noteText).size == 7.5)
  }

  @Test func fontsPerScriptMakeALatinFirstFamilyList() {
    var spec = ThemeSpec.default
    #expect(spec.textFamily(language: .zhCN, cjk: "Briefing Sans CJK SC") == "Briefing Sans CJK SC")
    spec.fonts = FontSpec(latin: "DejaVu Sans", hans: "Noto Serif CJK SC", hant: "Noto Sans CJK TC")
    #expect(spec.textFamily(language: .zhCN, cjk: "X") == "DejaVu Sans, Noto Serif CJK SC")
    #expect(spec.textFamily(language: .en, cjk: "X") == "DejaVu Sans, Noto Serif CJK SC")
    #expect(spec.textFamily(language: .zhTW, cjk: "X") == "DejaVu Sans, Noto Sans CJK TC")
    spec.fonts = FontSpec(hant: "Noto Serif CJK TC")
    #expect(spec.textFamily(language: .zhCN, cjk: "Briefing Sans CJK SC") == "Briefing Sans CJK SC")
    let (theme, findings) = spec.resolved(language: .zhTW, family: "Briefing Sans CJK TC")
    #expect(findings.isEmpty)
    #expect(theme.text(.tableCellText).family == "Noto Serif CJK TC")
    // The layout's own text.family override still wins.
    spec.overrides = ["text.family": "Noto Sans CJK JP"]
    #expect(spec.resolved(language: .zhTW).0.text(.axisTextX).family == "Noto Sans CJK JP")
  }

  @Test func palette() {
    #expect(theme.fill(.barFill).description == "#A6BDD7")
    #expect(theme.fill(.highlightFill).description == "#D62728")
    #expect(theme.fill(.goodFill).description == "#2E7D32")
    #expect(theme.line(.referenceLine)?.dash == [3, 2])
    #expect(theme.line(.targetLine)?.color.description == "#555555")
    #expect(theme.line(.gridMajor) == nil)
    #expect(theme.length(.pageMargin) == 36)
    #expect(theme.length(.barThickness) == 0.6)
  }

  @Test func variants() {
    #expect(Theme.briefing(language: "zh-tw").resolved().text(.text).family == "Noto Sans CJK TC")
    #expect(Theme.briefing(language: "zh-TW").resolved().text(.text).language == "zh-TW")
    #expect(Theme.grayscale().resolved().fill(.highlightFill).description == "#222222")
    #expect(Theme.okabeIto().resolved().fill(.highlightFill).description == "#D55E00")
    #expect(Theme.okabeIto().resolved().fill(.barFill).description == "#56B4E9")
  }

  @Test func relativeSizesFollowTheParent() {
    var custom = Theme.briefing()
    custom.texts[.axisText] = ThemeElement(size: .pt(10))
    custom.texts[.axisTextX] = ThemeElement(size: .rel(0.8))
    #expect(custom.resolved().text(.axisTextX).size == 8)
    #expect(custom.resolved().text(.axisTextY).size == 10)
  }

  @Test func overridesByDotPath() {
    var custom = Theme.briefing()
    #expect(custom.set("axis.text.size", to: "8") == nil)
    #expect(custom.set("highlight.fill", to: "#000000") == nil)
    #expect(custom.set("reference.line.dash", to: "2 2") == nil)
    #expect(custom.set("page.margin", to: "28") == nil)
    #expect(custom.set("grid.major.blank", to: "false") == nil)
    #expect(custom.set("axis.txt.size", to: "8")?.message.code == "unknown-theme-key")
    #expect(custom.set("axis.text.size", to: "big")?.message.code == "bad-theme-value")
    let resolved = custom.resolved()
    #expect(resolved.text(.axisTextY).size == 8)
    #expect(resolved.fill(.highlightFill).description == "#000000")
    #expect(resolved.line(.targetLine)?.dash == [1, 1.5])
    #expect(resolved.line(.referenceLine)?.dash == [2, 2])
    #expect(resolved.length(.pageMargin) == 28)
    #expect(resolved.line(.gridMajor) != nil)
  }
}
