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
/// The frame word (全市 in 「居全市第2位」) and the self-reference (全区 in 「全区实现…」) are
/// derived from the regions' metadata, never from a constant: the frame word from the group
/// (`GroupFrame.chineseWord(for:)`: its label 全X…, its level, its name), the self-reference from
/// the region's own name and level. 北京市 among the provinces (group 全国) reads 「全市…居全国第2位」;
/// 我市 only when the frame is also 全市 (a county-level city among its city's units).
///
/// Words that come from data (`regionName`, indicator names) are inserted **as given** in every
/// language, so Traditional data stays Traditional (unless `convertsDataNames`).
/// Words that belong to the template (`selfReference`, `frameWord`) are converted with the
/// template text when the language is `.traditional`.
public struct NarrativeContext: Hashable, Sendable {
  // MARK: Properties

  /// The region the sheet is about (its id is the `region` of its comparison rows).
  public var region: Region
  /// The peer group whose rows are compared (its id is the `group` of the rows).
  public var group: Region
  /// How the peer group is named in full, e.g. `全市9个县（市、区）` or `the 8 Midwest states`.
  /// Used for English ranks ("ranking 3rd of the 8 Midwest states"). Default: the group's
  /// `label`, else its name.
  public var groupLabel: String
  public var period: Period
  public var language: NarrativeLanguage
  /// Convert names from data too when the language is `.traditional` (for Simplified data shown
  /// in Traditional). Default: false, names are inserted as given.
  public var convertsDataNames: Bool
  /// A self-reference given by the caller instead of the derived one.
  private var givenSelfReference: String?

  // MARK: Initialization

  /// - Parameters:
  ///   - region: the focus region, with its name and level.
  ///   - group: the peer group's region (parent or frame), with its label and level.
  ///   - selfReference: overrides the derived self-reference (「全区」), e.g. 「我区」.
  public init(
    region: Region, group: Region, groupLabel: String? = nil, period: Period,
    language: NarrativeLanguage, selfReference: String? = nil, convertsDataNames: Bool = false
  ) {
    self.region = region
    self.group = group
    self.groupLabel = groupLabel ?? group.label ?? group.name
    self.period = period
    self.language = language
    self.givenSelfReference = selfReference
    self.convertsDataNames = convertsDataNames
  }

  // MARK: Accessors

  /// Display name of the region, e.g. `魏都区` or `Ohio`.
  public var regionName: String { region.name }

  /// The Chinese frame word of the group, used in ranks and averages: `全市` in 「居全市第2位」 and
  /// 「高于全市平均」, `全国` for provinces in a country (`GroupFrame.chineseWord(for:)`).
  /// English does not use it: it names the group by `groupLabel` and says "the group average".
  public var frameWord: String { GroupFrame.chineseWord(for: group) }

  /// How the region refers to itself at the head of a Chinese sentence (「全区实现…」): the given
  /// one, else `GroupFrame.chineseSelfReference(for:frameWord:)`. Unused in English, which writes the possessive
  /// region name ("Ohio's").
  public var selfReference: String {
    givenSelfReference ?? GroupFrame.chineseSelfReference(for: region, frameWord: frameWord)
  }
}
