import BriefingCore

// MARK: - Theme

/// An unresolved theme: partial elements per key. Resolve it once with `resolved()` before
/// composing; composers read only the `ResolvedTheme`.
public struct Theme: Hashable, Sendable {
  // MARK: - Properties
  /// `briefing`, `grayscale`, `okabe-ito`, or a custom name.
  public var name: String
  public var texts: [TextKey: ThemeElement]
  public var lines: [LineKey: ThemeElement]
  public var fills: [FillKey: ThemeElement]
  public var lengths: [LengthKey: ThemeElement]

  // MARK: - Initialization
  public init(
    name: String, texts: [TextKey: ThemeElement] = [:], lines: [LineKey: ThemeElement] = [:],
    fills: [FillKey: ThemeElement] = [:], lengths: [LengthKey: ThemeElement] = [:]
  ) {
    self.name = name
    self.texts = texts
    self.lines = lines
    self.fills = fills
    self.lengths = lengths
  }

  // MARK: - Built-in themes

  /// The official-bulletin look. `language` `zh-tw`/`zh-hk` selects `Noto Sans CJK TC`.
  public static func briefing(palette: Palette = .briefing, language: String = "zh-cn") -> Theme {
    let family = Self.family(for: language)
    let p = palette
    return Theme(
      name: "briefing",
      texts: [
        .text: ThemeElement(
          family: family, size: .pt(9), bold: false, color: p.ink, language: language),
        .title: ThemeElement(bold: true),
        .pageTitle: ThemeElement(size: .pt(16)),
        .pageSubtitle: ThemeElement(size: .pt(9), color: p.muted),
        .sectionTitle: ThemeElement(size: .pt(11)),
        .chartTitle: ThemeElement(size: .pt(10)),
        .axisText: ThemeElement(size: .pt(9)),
        .axisTextX: ThemeElement(size: .pt(8), color: p.muted),
        .axisTextYFocus: ThemeElement(bold: true, color: p.focus),
        .axisTitle: ThemeElement(size: .pt(8), color: p.muted),
        .labelValue: ThemeElement(size: .pt(8.5)),
        .labelValueFocus: ThemeElement(bold: true, color: p.focus),
        .labelMissing: ThemeElement(color: p.muted),
        .labelReference: ThemeElement(size: .pt(8), color: p.reference),
        .labelRank: ThemeElement(size: .pt(8), color: p.muted),
        .labelAlarm: ThemeElement(size: .pt(8), color: p.alarm),
        .labelGood: ThemeElement(size: .pt(8), color: p.good),
        .tableHeaderText: ThemeElement(size: .pt(8.5), bold: true),
        .tableCellText: ThemeElement(size: .pt(9)),
        .tableCellAlarm: ThemeElement(color: p.alarm),
        .tableCellGood: ThemeElement(color: p.good),
        .footerText: ThemeElement(size: .pt(7.5), color: p.muted),
        .paragraphText: ThemeElement(size: .pt(9.5)),
      ],
      lines: [
        .line: ThemeElement(color: p.ink, width: 0.5, dash: [], blank: false),
        .axisLine: ThemeElement(color: p.ruleStrong, width: 0.5),
        .zeroLine: ThemeElement(color: p.muted, width: 0.6),
        .referenceLine: ThemeElement(color: p.reference, width: 0.6, dash: [3, 2]),
        .targetLine: ThemeElement(dash: [1, 1.5]),
        .progressLine: ThemeElement(color: p.alarm, dash: [2, 1.5]),
        .ruleMajor: ThemeElement(color: p.ink, width: 0.75),
        .ruleMinor: ThemeElement(color: p.ruleStrong, width: 0.5),
        .tableRuleRow: ThemeElement(color: p.ruleLight, width: 0.25),
        .gridMajor: ThemeElement(blank: true),
      ],
      fills: [
        .fill: ThemeElement(color: p.paper),
        .barFill: ThemeElement(color: p.peers),
        .highlightFill: ThemeElement(color: p.focus),
        .alarmFill: ThemeElement(color: p.alarm),
        .goodFill: ThemeElement(color: p.good),
        .trackFill: ThemeElement(color: p.track),
      ],
      lengths: [
        .length: ThemeElement(value: 0),
        .pageMargin: ThemeElement(value: 36),
        .sectionSpacing: ThemeElement(value: 14),
        .labelSpacing: ThemeElement(value: 3),
        .lineSpacing: ThemeElement(value: 3),
        .cellPadding: ThemeElement(value: 4),
        .rowPadding: ThemeElement(value: 3),
        .barThickness: ThemeElement(value: 0.6),
        .tickLength: ThemeElement(value: 3),
        .minTextSize: ThemeElement(value: 6),
      ])
  }

  /// Black, white and greys only.
  public static func grayscale(language: String = "zh-cn") -> Theme {
    var theme = briefing(palette: .grayscale, language: language)
    theme.name = "grayscale"
    return theme
  }

  /// Colour-blind safe (Okabe–Ito palette).
  public static func okabeIto(language: String = "zh-cn") -> Theme {
    var theme = briefing(palette: .okabeIto, language: language)
    theme.name = "okabe-ito"
    return theme
  }

  /// The default CJK family for a language: TC for Traditional (zh-tw, zh-hk, zh-hant), else SC.
  public static func family(for language: String) -> String {
    let lower = language.lowercased()
    let traditional = ["zh-tw", "zh-hk", "zh-mo", "zh-hant"].contains { lower.hasPrefix($0) }
    return traditional ? "Noto Sans CJK TC" : "Noto Sans CJK SC"
  }

  // MARK: - Methods

  /// Resolves every key once (parents first).
  public func resolved() -> ResolvedTheme { ResolvedTheme(self) }
}
