import BriefingCore

// MARK: - Language

/// The language the narrative is written in.
///
/// Traditional Chinese is never written by hand: the Simplified text is generated and then
/// converted as a whole with OpenCC (see `ChineseConverter`).
public enum NarrativeLanguage: String, Sendable, Codable, CaseIterable {
  case simplified, traditional, english
}

// MARK: - Context

/// Who is speaking, about which period, compared with whom, and in which language.
///
/// Words that come from data (`regionName`, indicator names) are inserted **as given** in every
/// language, so Traditional data stays Traditional (unless `convertsDataNames`).
/// Words that belong to the template (`selfReference`, `frameWord`, `groupLabel`) are converted
/// with the template text when the language is `.traditional`.
public struct NarrativeContext: Hashable, Sendable {
  // MARK: Properties

  /// The region the sheet is about (the `region` of its comparison rows).
  public var region: RegionID
  /// Display name, e.g. `魏都区` or `Ohio`.
  public var regionName: String
  /// The peer group whose rows are compared; nil accepts rows of any group.
  public var group: RegionID?
  /// How the peer group is named in full, e.g. `全市9个县（市、区）` or `the 8 Midwest states`.
  /// Used for English ranks ("ranking 3rd of the 8 Midwest states").
  public var groupLabel: String
  /// The short frame word used in Chinese ranks and averages: `全市` in 「居全市第2位」 and
  /// 「高于全市平均」. In English it names the average: "the group average". Default: `全市` /
  /// `group`.
  public var frameWord: String
  public var period: Period
  public var language: NarrativeLanguage
  /// How the region refers to itself at the head of a Chinese sentence (「全区实现…」).
  /// Default: `NarrativeContext.selfReference(forRegionName:frameWord:)`. Unused in English, which
  /// writes the possessive region name ("Ohio's").
  public var selfReference: String
  /// Convert names from data too when the language is `.traditional` (for Simplified data shown
  /// in Traditional). Default: false, names are inserted as given.
  public var convertsDataNames: Bool

  // MARK: Initialization

  public init(
    region: RegionID, regionName: String? = nil, group: RegionID? = nil, groupLabel: String,
    frameWord: String? = nil, period: Period, language: NarrativeLanguage,
    selfReference: String? = nil, convertsDataNames: Bool = false
  ) {
    let name = regionName ?? region.rawValue
    let frame = frameWord ?? Self.defaultFrameWord(language)
    self.region = region
    self.regionName = name
    self.group = group
    self.groupLabel = groupLabel
    self.frameWord = frame
    self.period = period
    self.language = language
    self.selfReference = selfReference ?? Self.selfReference(forRegionName: name, frameWord: frame)
    self.convertsDataNames = convertsDataNames
  }

  // MARK: Methods

  /// The Chinese self-reference derived from the last character of the region name:
  ///
  /// | name ends in | word   | example          |
  /// |--------------|--------|------------------|
  /// | 区 / 區      | 全区   | 魏都区 → 全区    |
  /// | 县 / 縣      | 全县   | 长兴县 → 全县    |
  /// | 旗           | 全旗   | 准格尔旗 → 全旗  |
  /// | 市           | 全市, or 我市 when the frame word is also 全市 (a county-level city in a city) |
  /// | anything else| the region name itself |
  ///
  /// The word is always Simplified; Traditional output converts it (全区 → 全區).
  public static func selfReference(forRegionName name: String, frameWord: String) -> String {
    switch name.last {
    case "区", "區": "全区"
    case "县", "縣": "全县"
    case "旗": "全旗"
    case "市": frameWord == "全市" ? "我市" : "全市"
    default: name
    }
  }

  private static func defaultFrameWord(_ language: NarrativeLanguage) -> String {
    switch language {
    case .simplified, .traditional: "全市"
    case .english: "group"
    }
  }
}
