// MARK: - How a peer group is named in Chinese text

/// The frame word of a peer group in Chinese sentences and labels: 全市 in 「居全市第2位」 and
/// 「全市平均」, 全省 for the cities of a province, 全国 for provinces, or the group's own label for
/// a frame such as 「华南地区6个省份」. Taken from the group's metadata, never a constant, so a
/// province among provinces never reads 「居全市第1位」.
///
/// Rule, first match wins:
/// 1. The group's `label` starts with 全 and a level character (全市9个县（市、区）→ 全市,
///    全省, 全区, 全县, 全国, 全州, 全盟, 全旗; Traditional forms too).
/// 2. The group's `level`: `province`/`省` → 全省, `city`/`prefecture`/`市` → 全市,
///    `county`/`县` → 全县, `district`/`区` → 全区, `country`/`nation`/`国` → 全国.
/// 3. The last character of the group's name (市 → 全市, 省 → 全省, 区 → 全区, 县 → 全县, 国 → 全国).
/// 4. Otherwise the label as written (「华南地区6个省份」), else the group's name.
public enum GroupFrame {
  /// The Chinese frame word of `group` (Simplified unless the metadata is Traditional).
  public static func chineseWord(for group: Region) -> String {
    if let label = group.label, let word = leadingFrameWord(label) { return word }
    if let word = word(forLevel: group.level) { return word }
    if let last = group.name.last, let word = word(forLevelCharacter: last) { return word }
    if let label = group.label, !label.isEmpty { return label }
    return group.name
  }

  // MARK: - Private

  private static let levelCharacters: Set<Character> = [
    "市", "省", "区", "區", "县", "縣", "国", "國", "州", "盟", "旗",
  ]

  /// `全市` from `全市9个县（市、区）`.
  private static func leadingFrameWord(_ label: String) -> String? {
    let characters = Array(label.prefix(2))
    guard characters.count == 2, characters[0] == "全", levelCharacters.contains(characters[1])
    else { return nil }
    return String(characters)
  }

  private static func word(forLevel level: String) -> String? {
    switch level.lowercased() {
    case "province", "省": "全省"
    case "city", "prefecture", "市", "地级市": "全市"
    case "county", "县": "全县"
    case "district", "区": "全区"
    case "country", "nation", "国", "国家": "全国"
    default: nil
    }
  }

  private static func word(forLevelCharacter character: Character) -> String? {
    switch character {
    case "市": "全市"
    case "省": "全省"
    case "区": "全区"
    case "區": "全區"
    case "县": "全县"
    case "縣": "全縣"
    case "国", "國": "全国"
    default: nil
    }
  }
}
