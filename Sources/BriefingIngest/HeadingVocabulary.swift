import BriefingCore

// MARK: - Words of office tables

/// The words office tables use in headings and row labels, matched on folded text (Traditional
/// → Simplified, full-width → ASCII, spaces dropped) without brackets, `%`, `±` and `、`.
enum HeadingVocabulary {
  /// What a measure heading says about its column.
  enum MeasureWord: Hashable {
    case value, yoy, target, targetGrowth
    /// A figure the comparison derives itself (rank, share, completion %): left out, and said so.
    case derived
    /// A period (`1—6月`, `本月`, `上年同期`, `2023年`): the value for that period.
    case period(OfficePeriod)
  }

  /// `增速(%)` → `增速`; `同比±%` → `同比`; `县（市、区）` → `县市区`.
  static func key(_ text: String) -> String {
    NameFolding.key(text).filter { !ignored.contains($0) }
  }

  private static let ignored: Set<Character> = ["(", ")", "（", "）", "%", "％", "±", "+", "-", "、", "/", "\\", ":", "：", "﹪"]

  // MARK: - Key columns

  /// The role a key column's heading names (`地区`, `指标名称`, `计量单位`, `时期`), if any.
  static func keyRole(_ heading: String) -> IntakeMap.KeyRole? {
    let word = key(heading)
    if regionWords.contains(word) { return .region }
    if indicatorWords.contains(word) { return .indicator }
    if unitWords.contains(word) { return .unit }
    if periodWords.contains(word) { return .period }
    return nil
  }

  private static let regionWords: Set<String> = [
    "地区", "区域", "地区名称", "县区", "县市区", "区县", "县市", "各县区", "各县市区", "市县区", "乡镇", "乡镇街道",
    "街道", "城市", "省份", "省区市", "地市", "市州", "市县", "单位名称", "region", "area", "state", "country",
    "county", "city", "province", "district", "地区别",
  ]
  private static let indicatorWords: Set<String> = [
    "指标", "指标名称", "项目", "主要指标", "指标项目", "项目名称", "统计指标", "indicator", "item", "series",
  ]
  private static let unitWords: Set<String> = ["单位", "计量单位", "unit", "units"]
  private static let periodWords: Set<String> = ["时期", "时间", "年份", "年度", "期别", "报告期", "月份", "period", "year", "date"]

  /// True for the heading of a column of row numbers (序号), which is neither key nor value.
  static func isSequence(_ heading: String) -> Bool { sequenceWords.contains(key(heading)) }

  private static let sequenceWords: Set<String> = ["序号", "编号", "序", "行次", "栏次", "no", "no.", "#"]

  // MARK: - Measures

  /// The measure a heading names on its own (`增速(%)`, `绝对值`, `本月`, `目标`), if any.
  static func measure(_ heading: String) -> MeasureWord? {
    let raw = heading.trimmingSpaces()
    if let period = OfficePeriod(label: raw) { return .period(period) }
    let word = key(raw)
    if word.isEmpty { return raw.contains("%") || raw.contains("±") || raw.contains("％") ? .yoy : nil }
    if derivedParts.contains(where: { word.contains($0) }) { return .derived }
    if targetGrowthWords.contains(word) { return .targetGrowth }
    if targetWords.contains(word) { return .target }
    if yoyWords.contains(word) { return .yoy }
    if valueWords.contains(word) { return .value }
    return nil
  }

  /// `固定资产投资增速(%)` → (`固定资产投资`, yoy): a name followed by a growth word.
  static func growthSuffix(_ heading: String) -> String? {
    let name = withoutUnit(heading).name
    for suffix in growthSuffixes where name.hasSuffix(suffix) && name.count > suffix.count {
      return String(name.dropLast(suffix.count)).trimmingSpaces()
    }
    return nil
  }

  private static let valueWords: Set<String> = [
    "绝对值", "数值", "总量", "金额", "本期", "本期数", "实绩", "完成", "完成值", "完成额", "完成数", "累计完成", "数额",
    "总额", "实际", "实际完成", "数量", "value", "amount", "level",
  ]
  private static let yoyWords: Set<String> = [
    "增速", "同比", "同比增长", "同比增速", "同比增减", "增长", "增幅", "增减", "比上年增长", "比上年同期增长",
    "比上年同期增减", "比上年同期", "较上年同期增减", "较上年同期增长", "较上年增长", "增长率", "同比增幅", "growth",
    "yoy", "change", "比增",
  ]
  private static let targetWords: Set<String> = ["目标", "全年目标", "年度目标", "年目标", "计划", "全年计划", "目标值", "target", "goal"]
  private static let targetGrowthWords: Set<String> = ["目标增速", "预期目标", "预期增速", "全年目标增速", "增速目标", "目标增长"]
  /// Parts of headings of figures the comparison computes itself.
  private static let derivedParts = [
    "位次", "排名", "排序", "名次", "比重", "占比", "完成率", "进度", "贡献", "拉动", "完成全年", "完成目标", "增量", "增减额",
    "rank", "share",
  ]
  private static let growthSuffixes = ["比上年同期增长", "同比增长", "同比增速", "增速", "增长", "同比"]

  // MARK: - Units in headings

  /// `地区生产总值（亿元）` → (`地区生产总值`, 亿元). Only a known unit counts (`%`, 亿元, 万人…):
  /// `（可比价）` stays part of the name.
  static func withoutUnit(_ heading: String) -> (name: String, unit: Unit?) {
    let text = heading.trimmingSpaces()
    guard let last = text.last, last == ")" || last == "）",
      let open = text.lastIndex(where: { $0 == "(" || $0 == "（" })
    else { return (text, nil) }
    let inside = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
    guard let unit = ValueParser.parseUnit(inside), !unit.isOther else { return (text, nil) }
    return (String(text[..<open]).trimmingSpaces(), unit)
  }

  // MARK: - Row labels

  /// True for a label of a published total (合计, 全市, 总计, Total).
  static func isTotal(_ label: String) -> Bool { totalWords.contains(key(label)) }

  private static let totalWords: Set<String> = [
    "合计", "总计", "全市", "全市合计", "全市总计", "全省", "全省合计", "全县", "全县合计", "全区", "全区合计", "全国", "全州",
    "全盟", "汇总", "合计数", "total", "all", "全部",
  ]

  /// True for a subtotal or a breakdown line (小计, 其中：…) that is no member.
  static func isSubtotal(_ label: String) -> Bool {
    let word = key(label)
    return word.contains("小计") || word.hasPrefix("其中")
  }

  /// `其中：肃州区` → `肃州区`; other labels unchanged.
  static func withoutBreakdownPrefix(_ label: String) -> String {
    let text = label.trimmingSpaces()
    for prefix in ["其中：", "其中:", "其中"] where text.hasPrefix(prefix) {
      return String(text.dropFirst(prefix.count)).trimmingSpaces()
    }
    return text
  }

  /// True for a note below (or above) a table: 注、说明、资料来源、*、①.
  static func isFootnote(_ text: String) -> Bool {
    let trimmed = text.trimmingSpaces()
    if let first = trimmed.unicodeScalars.first, first == "*" || first == "※" || (0x2460...0x2473).contains(first.value) {
      return true
    }
    let word = NameFolding.key(trimmed)
    return footnotePrefixes.contains { word.hasPrefix($0) }
  }

  private static let footnotePrefixes = ["注", "说明", "资料来源", "数据来源", "备注", "附注", "note", "source"]

  /// The unit line (`单位：亿元、%`): the units it names, in order; nil when `text` is none.
  static func unitLine(_ text: String) -> [String]? {
    let trimmed = text.trimmingSpaces()
    for prefix in ["计量单位", "單位", "单位", "Unit", "unit", "Units", "units"] where trimmed.hasPrefix(prefix) {
      let after = trimmed.dropFirst(prefix.count)
      guard let separator = after.first, separator == ":" || separator == "：" else { continue }
      return after.dropFirst().split(whereSeparator: { "、，,;；/ ".contains($0) }).map(String.init)
    }
    return nil
  }
}

extension Unit {
  /// True for a label that is no known unit (`years`, `可比价`).
  var isOther: Bool {
    if case .other = dimension { return true }
    return false
  }
}
