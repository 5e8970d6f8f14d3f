import BriefingCore

// MARK: - Metadata schemas

/// Columns of `regions.csv`. `aliases` and `frames` are `;`-separated (also `；`, `、`).
/// Chinese aliases: 编码/代码 (id), 名称 (name), 简称 (short_name), 别名 (aliases), 上级 (parent),
/// 级别/层级 (level), 分组 (frames), 标签 (label).
enum RegionColumn: String, ColumnSchema {
  case id, name
  case shortName = "short_name"
  case aliases, parent, level, frames, label

  static let required: Set<Self> = [.id]

  var aliases: [String] {
    switch self {
    case .id: ["编码", "代码"]
    case .name: ["名称", "地区"]
    case .shortName: ["简称"]
    case .aliases: ["别名", "alias"]
    case .parent: ["上级"]
    case .level: ["级别", "层级"]
    case .frames: ["分组", "frame"]
    case .label: ["标签"]
    }
  }
}

/// Columns of `indicators.csv`. Chinese aliases: 编码/代码 (id), 名称/指标 (name),
/// 简称 (short_name), 别名 (aliases), 单位 (unit), 极性/方向 (polarity), 汇总 (aggregate),
/// 类型 (kind), 小数位 (decimals), 主要指标 (main), 顺序/排序 (order), 牵头单位 (lead_unit),
/// 红线 (redline), 红线类型 (redline_kind), 增速口径 (growth_basis).
enum IndicatorColumn: String, ColumnSchema {
  case id, name
  case shortName = "short_name"
  case aliases, unit, polarity, aggregate, kind, decimals, main, order
  case leadUnit = "lead_unit"
  case redline
  case redlineKind = "redline_kind"
  case growthBasis = "growth_basis"

  static let required: Set<Self> = [.id]

  var aliases: [String] {
    switch self {
    case .id: ["编码", "代码"]
    case .name: ["名称", "指标"]
    case .shortName: ["简称"]
    case .aliases: ["别名", "alias"]
    case .unit: ["单位", "计量单位"]
    case .polarity: ["极性", "方向"]
    case .aggregate: ["汇总", "aggregation"]
    case .kind: ["类型"]
    case .decimals: ["小数位"]
    case .main: ["主要指标", "is_main"]
    case .order: ["顺序", "排序"]
    case .leadUnit: ["牵头单位"]
    case .redline: ["红线"]
    case .redlineKind: ["红线类型"]
    case .growthBasis: ["增速口径", "价格口径"]
    }
  }
}

// MARK: - Field syntaxes

/// Small vocabularies of metadata and observation fields.
enum FieldSyntax {
  /// `higher|lower|neutral`, also `up|down`, `↑|↓`, `正向|逆向|中性`.
  static func polarity(_ text: String) -> Polarity? {
    switch NameFolding.key(text) {
    case "higher", "up", "↑", "正向", "越高越好", "higherisbetter": .higher
    case "lower", "down", "↓", "逆向", "越低越好", "lowerisbetter": .lower
    case "neutral", "n/a", "中性": .neutral
    default: nil
    }
  }

  /// `yes/no/true/false/1/0/是/否` (also `y/n`).
  static func bool(_ text: String) -> Bool? {
    switch NameFolding.key(text) {
    case "yes", "y", "true", "1", "是": true
    case "no", "n", "false", "0", "否": false
    default: nil
    }
  }

  /// `flow|stock|ratio|count`.
  static func kind(_ text: String) -> IndicatorKind? {
    IndicatorKind(rawValue: NameFolding.key(text))
  }

  /// `nominal|real`, also `current`/现价/名义 and `constant`/可比价/不变价.
  static func growthBasis(_ text: String) -> GrowthBasis? {
    switch NameFolding.key(text) {
    case "nominal", "current", "现价", "名义": .nominal
    case "real", "constant", "可比价", "不变价": .real
    default: nil
    }
  }

  /// `max|min`.
  static func redLineKind(_ text: String) -> RedLine.Kind? {
    RedLine.Kind(rawValue: NameFolding.key(text))
  }

  /// `actual|estimate|preliminary|masked|missing`, also 实际, 预计/預計/估计, 初步/初步预计/快报,
  /// 保密/屏蔽, 缺失.
  static func status(_ text: String) -> ValueStatus? {
    switch NameFolding.key(text) {
    case "actual", "final", "实际", "正式": .actual
    case "estimate", "estimated", "预计", "估计", "预估": .estimate
    case "preliminary", "初步", "初步预计", "快报", "初步核算": .preliminary
    case "masked", "保密", "屏蔽": .masked
    case "missing", "缺失": .missing
    default: nil
    }
  }

  /// Splits `a;b；c、d` into trimmed non-empty parts.
  static func list(_ text: String) -> [String] {
    text.split { $0 == ";" || $0 == "；" || $0 == "、" }
      .map { String($0).trimmingSpaces() }
      .filter { !$0.isEmpty }
  }
}
