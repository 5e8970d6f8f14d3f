// MARK: - How regions are named in Chinese text

/// The Chinese words that frame a comparison, from the regions' metadata, never a constant:
///
/// - The **frame word** of a peer group: 全市 in 「居全市第2位」 and 「全市平均」, 全省 for the
///   cities of a province, 全国 for provinces, or the group's own label for a frame such as
///   「华南地区6个省份」. So a province among provinces never reads 「居全市第1位」.
/// - The **self-reference** of a region at the head of its own sentence: 「全区实现…」.
///
/// Both read one table of level words (Simplified; Traditional output converts them):
///
/// | name ends in | level                          | word |
/// |--------------|--------------------------------|------|
/// | 市           | `city`, `prefecture`, 市, 地级市 | 全市 |
/// | 省           | `province`, 省                 | 全省 |
/// | 区 / 區      | `district`, 区                 | 全区 |
/// | 县 / 縣      | `county`, 县                   | 全县 |
/// | 国 / 國      | `country`, `nation`, 国, 国家  | 全国 |
/// | 旗 / 州 / 盟 |                                | 全旗 / 全州 / 全盟 |
public enum GroupFrame {
  /// The frame word of `group`, first match wins:
  /// 1. its `label` starts with 全 and a level character (全市9个县（市、区）→ 全市);
  /// 2. its `level` (table above);
  /// 3. the last character of its name (table above);
  /// 4. its label as written (「华南地区6个省份」), else its name.
  public static func chineseWord(for group: Region) -> String {
    if let label = group.label, let word = leadingFrameWord(label) { return word }
    if let word = word(forLevel: group.level) { return word }
    if let last = group.name.last, let word = word(forNameEnding: last) { return word }
    if let label = group.label, !label.isEmpty { return label }
    return group.name
  }

  /// The self-reference of `region` among peers framed by `frameWord`: the word of its name's
  /// last character, else of its level (table above), else its name. The name decides before
  /// the level: 北京市 (level `province`) among provinces (全国) is 全市. A 市 among peers framed
  /// 全市 (a county-level city in its city) is 我市, so 「全市…居全市第3位」 never happens.
  public static func chineseSelfReference(for region: Region, frameWord: String) -> String {
    let word =
      region.name.last.flatMap(word(forNameEnding:)) ?? word(forLevel: region.level)
      ?? region.name
    return word == "全市" && frameWord == "全市" ? "我市" : word
  }

  // MARK: - Private

  /// `全市` from `全市9个县（市、区）`.
  private static func leadingFrameWord(_ label: String) -> String? {
    let characters = Array(label.prefix(2))
    guard characters.count == 2, characters[0] == "全", word(forNameEnding: characters[1]) != nil
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

  private static func word(forNameEnding character: Character) -> String? {
    switch character {
    case "市": "全市"
    case "省": "全省"
    case "区", "區": "全区"
    case "县", "縣": "全县"
    case "国", "國": "全国"
    case "旗": "全旗"
    case "州": "全州"
    case "盟": "全盟"
    default: nil
    }
  }
}
