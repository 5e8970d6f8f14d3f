import BriefingCore
import BriefingIngest
import Foundation

// MARK: - Generated data sets

/// One generated data set in the files a user would bring (CSV text), with the shape it was
/// drawn from. Shapes cover what outside panels bring: 1 to 150 members, 1 to 60 periods, names
/// of 20+ CJK or 40+ Latin characters in Simplified, Traditional or English metadata, ties in
/// printed figures, negative, missing, masked and all-equal values, lower-is-better, neutral,
/// rates, 5-yearly spacing, unknown unit labels, annual targets, red lines, townships with tasks,
/// with and without an indicators file. Values are drawn from the seed: a seed and a shape give
/// the same bytes on every machine.
public struct GeneratedCorpus: Sendable {
  // MARK: - Shapes

  /// The periods a data set covers.
  public enum Calendar: String, CaseIterable, Sendable {
    /// 2019 … 2024, yearly.
    case yearly
    /// 1997, 2002, … 2017: no period has a year-earlier one.
    case fiveYearly
    /// 2023-M03, 2023-H1, 2024-M03, 2024-H1.
    case halfYear
    /// 2024-H1 alone: nothing to compare with.
    case single
    /// 2022-Q1 … 2024-Q4: twelve single quarters.
    case quarters
    /// 1965 … 2024: sixty years.
    case sixtyYears

    public var periods: [String] {
      switch self {
      case .yearly: (2019...2024).map(String.init)
      case .fiveYearly: stride(from: 1997, through: 2017, by: 5).map(String.init)
      case .halfYear: ["2023-M03", "2023-H1", "2024-M03", "2024-H1"]
      case .single: ["2024-H1"]
      case .quarters: (2022...2024).flatMap { year in (1...4).map { "\(year)-Q\($0)" } }
      case .sixtyYears: (1965...2024).map(String.init)
      }
    }
  }

  /// How regions and indicators are named.
  public struct Names: Hashable, Sendable, CustomStringConvertible {
    public enum Script: String, Sendable, CaseIterable {
      case simplified, traditional, english
    }
    public var script: Script
    /// Every third member, township and indicator has a long name: 20+ CJK characters or 40+
    /// Latin ones. Without it, every seventh member is 某某土家族苗族自治县第n片区 (13
    /// characters) in Simplified names.
    public var long: Bool

    public init(_ script: Script, long: Bool = false) {
      self.script = script
      self.long = long
    }

    public var description: String { script.rawValue + (long ? "-long" : "") }
  }

  /// What the values hold besides ordinary figures (shares of the member cells).
  public struct Values: Hashable, Sendable {
    /// Empty cells. Default: 0.04.
    public var missing = 0.04
    /// Masked cells (`*`). Default: 0.03.
    public var masked = 0.03
    /// Cells copying the figure another member has in that period. Default: 0.13.
    public var tied = 0.13
    /// Values below zero in signed indicators. Default: 0.25.
    public var negative = 0.25
    /// Indicators whose members all have the same value, period by period. Default: none.
    public var allEqual: Set<String> = []

    public init(allEqual: Set<String> = []) {
      self.allEqual = allEqual
    }
  }

  /// An indicator of a generated set: names, unit label, polarity, aggregate, kind, the digits
  /// written in the data, its typical magnitude and its role on the sheets.
  public struct IndicatorShape: Hashable, Sendable {
    public var id: String
    public var name: String
    public var traditionalName: String
    public var englishName: String
    public var unit: String
    public var polarity: String
    public var aggregate: String
    public var kind: String
    /// Fraction digits the generator writes.
    public var digits: Int
    /// Typical magnitude.
    public var scale: Double
    /// Values may be negative (profits, net flows).
    public var signed: Bool
    /// On the sheets' main list. Default: true.
    public var main = true
    /// A red line: threshold and `max`/`min`. Default: none.
    public var redLine: Double?
    /// A task of the townships (their rows carry a value and an annual target; members have
    /// none). Default: false.
    public var task = false

    public init(
      id: String, name: String, traditionalName: String? = nil, englishName: String? = nil,
      unit: String, polarity: String, aggregate: String, kind: String, digits: Int, scale: Double,
      signed: Bool = false, main: Bool = true, redLine: Double? = nil, task: Bool = false
    ) {
      self.id = id
      self.name = name
      self.traditionalName = traditionalName ?? name
      self.englishName = englishName ?? name
      self.unit = unit
      self.polarity = polarity
      self.aggregate = aggregate
      self.kind = kind
      self.digits = digits
      self.scale = scale
      self.signed = signed
      self.main = main
      self.redLine = redLine
      self.task = task
    }

    /// The name in `names`' script, lengthened when asked.
    func name(_ names: Names, long: Bool) -> String {
      switch (names.script, long) {
      case (.simplified, false): name
      case (.simplified, true): name + "（按可比口径计算的全口径累计值）"
      case (.traditional, false): traditionalName
      case (.traditional, true): traditionalName + "（按可比口徑計算的全口徑累計值）"
      case (.english, false): englishName
      case (.english, true): englishName + " (cumulative, comparable basis, all units)"
      }
    }
  }

  /// Everything a data set is drawn from besides its seed.
  public struct Shape: Hashable, Sendable {
    public var members: Int
    public var calendar: Calendar
    public var names: Names
    public var indicators: [IndicatorShape]
    /// Write `indicators.csv` (else the loader infers the indicators from the observations).
    public var indicatorsFile: Bool
    public var values: Values
    /// Townships under the first member (their rows hold the task indicators). Default: 0.
    public var townships: Int
    /// Annual targets on the members' rows of the last year, for main flow indicators.
    public var targets: Bool

    public init(
      members: Int, calendar: Calendar, names: Names = Names(.simplified),
      indicators: [IndicatorShape] = GeneratedCorpus.sheetIndicators, indicatorsFile: Bool = true,
      values: Values = Values(), townships: Int = 0, targets: Bool = true
    ) {
      self.members = members
      self.calendar = calendar
      self.names = names
      self.indicators = indicators
      self.indicatorsFile = indicatorsFile
      self.values = values
      self.townships = townships
      self.targets = targets
    }
  }

  // MARK: - Properties

  public var seed: UInt64
  public var shape: Shape
  public var observations: String
  public var regions: String
  public var indicators: String?
  /// Region ids of the members, in order (the first is the townships' parent).
  public var memberIDs: [String]

  public var memberCount: Int { shape.members }
  public var calendar: Calendar { shape.calendar }

  // MARK: - Initialization

  /// Group sizes of the cross-phase corpus.
  public static let sizes = [1, 2, 3, 9, 17, 52, 60]
  /// Calendars of the cross-phase corpus.
  public static let calendars: [Calendar] = [.yearly, .fiveYearly, .halfYear]

  /// A data set of the cross-phase corpus: the shape is the seed's place in the cross product
  /// of `sizes` × `calendars` (21 seeds cover every pair; odd seeds bring an indicators file),
  /// with `consistencyIndicators`, Simplified names and no targets; the values are drawn from
  /// the seed.
  public init(seed: UInt64) {
    let n = Int(seed % 21)
    let shape = Shape(
      members: Self.sizes[n % Self.sizes.count],
      calendar: Self.calendars[n / Self.sizes.count % Self.calendars.count],
      indicators: Self.consistencyIndicators, indicatorsFile: seed % 2 == 1, targets: false)
    self.init(seed: seed, shape: shape)
  }

  /// Draws a data set of `shape` from `seed`.
  public init(seed: UInt64, shape: Shape) {
    var rng = SeededGenerator(seed: seed)
    // Targets, townships and all-equal values draw from their own stream, so the values of a
    // shape without them stay what they were.
    var extra = SeededGenerator(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 7)
    self.seed = seed
    self.shape = shape
    let naming = Naming(shape.names)
    let numbered = shape.names.script == .simplified && !shape.names.long
    memberIDs = (1...shape.members).map { n in numbered ? naming.member(n) : String(format: "r%03d", n) }
    let townshipIDs = (0..<shape.townships).map { String(format: "t%03d", $0 + 1) }
    regions = Self.regionsFile(
      memberIDs: memberIDs, townshipIDs: townshipIDs, naming: naming, rng: &rng)
    indicators = shape.indicatorsFile ? Self.indicatorsFile(shape) : nil
    observations = Self.observationsFile(
      shape, memberIDs: memberIDs, townshipIDs: townshipIDs, rng: &rng, extra: &extra)
  }

  /// The data set as the loader reads it.
  public var files: (observations: InputFile, regions: InputFile, indicators: InputFile?) {
    (
      InputFile(path: "gen-\(seed)/observations.csv", bytes: Array(observations.utf8)),
      InputFile(path: "gen-\(seed)/regions.csv", bytes: Array(regions.utf8)),
      indicators.map { InputFile(path: "gen-\(seed)/indicators.csv", bytes: Array($0.utf8)) }
    )
  }

  /// Writes the data set's files into `folder` (created when missing): a data folder for
  /// `briefing --data`.
  public func write(to folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try observations.write(toFile: folder + "/observations.csv", atomically: true, encoding: .utf8)
    try regions.write(toFile: folder + "/regions.csv", atomically: true, encoding: .utf8)
    if let indicators {
      try indicators.write(toFile: folder + "/indicators.csv", atomically: true, encoding: .utf8)
    }
  }

  // MARK: - Files

  private static func regionsFile(
    memberIDs: [String], townshipIDs: [String], naming: Naming, rng: inout SeededGenerator
  ) -> String {
    // The group's own metadata decides the frame word (全省 / 全国 / a macro-region's label).
    let count = memberIDs.count
    let group: [String]
    switch (Int.random(in: 0..<3, using: &rng), naming.names.script) {
    case (0, .english): group = ["G", "Central Plains", "Central", "", "", "province", "", "the \(count) prefectures"]
    case (1, .english): group = ["G", "The Federation", "Federation", "", "", "country", "", "the \(count) states"]
    case (_, .english): group = ["G", "Lake Region", "Lakes", "", "", "frame", "", "the \(count) Lake Region states"]
    case (0, .traditional): group = ["G", "甘肅省", "甘肅", "", "", "province", "", "全省\(count)個市州"]
    case (1, .traditional): group = ["G", "中國", "中國", "", "", "country", "", "全國\(count)個省份"]
    case (_, .traditional): group = ["G", "華南", "華南", "", "", "frame", "", "華南地區\(count)個省份"]
    case (0, .simplified): group = ["G", "甘肃省", "甘肃", "", "", "province", "", "全省\(count)个市州"]
    case (1, .simplified): group = ["G", "中国", "中国", "", "", "country", "", "全国\(count)个省份"]
    case (_, .simplified): group = ["G", "华南", "华南", "", "", "frame", "", "华南地区\(count)个省份"]
    }
    var rows = [["id", "name", "short_name", "aliases", "parent", "level", "frames", "label"], group]
    for (index, id) in memberIDs.enumerated() {
      let name = naming.member(index + 1)
      let label = index == 0 && !townshipIDs.isEmpty ? naming.townshipsLabel(townshipIDs.count) : ""
      rows.append([id, name, naming.short(name, index + 1), "", "G", "county", "", label])
    }
    for (index, id) in townshipIDs.enumerated() {
      let name = naming.township(index + 1)
      rows.append([id, name, naming.short(name, index + 1, township: true), "", memberIDs[0], "township", "", ""])
    }
    return CSV.text(rows)
  }

  private static func indicatorsFile(_ shape: Shape) -> String {
    var rows = [["id", "name", "unit", "polarity", "aggregate", "kind", "main", "redline"]]
    let naming = Naming(shape.names)
    for (index, indicator) in shape.indicators.enumerated() {
      rows.append([
        indicator.id, indicator.name(shape.names, long: naming.isLong(index + 1)),
        naming.unit(indicator.unit), indicator.polarity, indicator.aggregate, indicator.kind,
        indicator.main ? "yes" : "no", indicator.redLine.map { "\($0)" } ?? "",
      ])
    }
    return CSV.text(rows)
  }

  private static func observationsFile(
    _ shape: Shape, memberIDs: [String], townshipIDs: [String], rng: inout SeededGenerator,
    extra: inout SeededGenerator
  ) -> String {
    let withTargets = shape.targets || !townshipIDs.isEmpty
    var lines = [withTargets ? "region,period,indicator,value,unit,target" : "region,period,indicator,value,unit"]
    let naming = Naming(shape.names)
    let periods = shape.calendar.periods
    let lastYear = periods.last.flatMap { Period(code: $0)?.year }
    let values = shape.values
    for indicator in shape.indicators where !indicator.task {
      let unit = CSV.field(naming.unit(indicator.unit))
      // Growth rates drawn from few one-decimal figures, so computed growths tie in print
      // while their binary values differ (7.2 vs 7.199999999999999).
      let growthChoices = [-3.5, 0.0, 1.25, 4.4, 7.2, 7.2, 12.5]
      // Annual targets of the last year (main flows only), one per member.
      var targets: [String: Double] = [:]
      if shape.targets, indicator.main, indicator.kind == "flow" {
        for id in memberIDs { targets[id] = indicator.scale * Double.random(in: 1.2...2.6, using: &extra) }
      }
      var previous: [String: Double] = [:]
      for (step, period) in periods.enumerated() {
        var written: [Double] = []
        let target = { (id: String) -> String in
          guard withTargets else { return "" }
          guard Period(code: period)?.year == lastYear, let value = targets[id] else { return "," }
          return "," + (DecimalRounding.fixed(value, decimals: indicator.digits) ?? "")
        }
        for id in memberIDs {
          if values.allEqual.contains(indicator.id) {
            let value = DecimalRounding.rounded(indicator.scale * (1 + 0.05 * Double(step)), decimals: indicator.digits)
            let text = DecimalRounding.fixed(value, decimals: indicator.digits) ?? ""
            lines.append("\(id),\(period),\(indicator.id),\(text),\(unit)\(target(id))")
            continue
          }
          let draw = Double.random(in: 0..<1, using: &rng)
          if draw < values.missing {
            lines.append("\(id),\(period),\(indicator.id),,\(unit)\(target(id))")
            continue
          }
          if draw < values.missing + values.masked {
            lines.append("\(id),\(period),\(indicator.id),*,\(unit)\(target(id))")
            continue
          }
          var value: Double
          if draw < values.missing + values.masked + values.tied, let tied = written.randomElement(using: &rng) {
            value = tied  // the same printed figure as another member
          } else if let before = previous[id], Double.random(in: 0..<1, using: &rng) < 0.8 {
            let growth = growthChoices.randomElement(using: &rng) ?? 0
            value = before * (1 + growth / 100)
          } else {
            value = Double.random(in: 0.2...1.8, using: &rng) * indicator.scale
            if indicator.signed, Double.random(in: 0..<1, using: &rng) < values.negative { value = -value }
          }
          value = DecimalRounding.rounded(value, decimals: indicator.digits)
          previous[id] = value
          written.append(value)
          let text = DecimalRounding.fixed(value, decimals: indicator.digits) ?? ""
          lines.append("\(id),\(period),\(indicator.id),\(text),\(unit)\(target(id))")
        }
      }
    }
    // Township tasks: the last period's value and the annual target; some not reported.
    if let last = periods.last {
      for indicator in shape.indicators where indicator.task {
        let unit = CSV.field(naming.unit(indicator.unit))
        for id in townshipIDs {
          let target = DecimalRounding.fixed(indicator.scale, decimals: indicator.digits) ?? ""
          guard Double.random(in: 0..<1, using: &extra) >= 0.08 else {
            lines.append("\(id),\(last),\(indicator.id),,\(unit),\(target)")
            continue
          }
          let value = indicator.scale * Double.random(in: 0...1.3, using: &extra)
          let text = DecimalRounding.fixed(value, decimals: indicator.digits) ?? ""
          lines.append("\(id),\(last),\(indicator.id),\(text),\(unit),\(target)")
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

// MARK: - Indicator catalogues

extension GeneratedCorpus {
  /// The cross-phase corpus's indicators: a level, a lower-is-better rate, a neutral stock, an
  /// income with an unknown unit label, a signed flow and a share.
  public static let consistencyIndicators: [IndicatorShape] = [
    IndicatorShape(
      id: "gdp", name: "地区生产总值", unit: "亿元", polarity: "higher", aggregate: "sum", kind: "flow",
      digits: 2, scale: 800),
    IndicatorShape(
      id: "unemployment", name: "城镇登记失业率", unit: "%", polarity: "lower", aggregate: "mean",
      kind: "ratio", digits: 1, scale: 4),
    IndicatorShape(
      id: "population", name: "常住人口", unit: "万人", polarity: "neutral", aggregate: "sum", kind: "stock",
      digits: 1, scale: 60),
    IndicatorShape(
      id: "income", name: "Income per person", unit: "US$ per person, inflation-adjusted",
      polarity: "higher", aggregate: "mean", kind: "ratio", digits: 0, scale: 42_000),
    IndicatorShape(
      id: "profit", name: "规上工业利润", unit: "亿元", polarity: "higher", aggregate: "sum", kind: "flow",
      digits: 1, scale: 20, signed: true),
    IndicatorShape(
      id: "share", name: "城镇化率", unit: "比例(0-1)", polarity: "higher", aggregate: "mean", kind: "ratio",
      digits: 3, scale: 0.6),
  ]

  /// Every indicator the shipped layouts name (`Layouts/*.yaml`): the sixteen main ones, three
  /// red lines and two township tasks, named in the three scripts.
  public static let sheetIndicators: [IndicatorShape] = {
    typealias S = IndicatorShape
    func flow(_ id: String, _ sc: String, _ tc: String, _ en: String, scale: Double, unit: String = "亿元", signed: Bool = false) -> S {
      S(id: id, name: sc, traditionalName: tc, englishName: en, unit: unit, polarity: "higher",
        aggregate: "sum", kind: "flow", digits: 2, scale: scale, signed: signed)
    }
    return [
      flow("gdp", "地区生产总值", "地區生產總值", "Gross regional product", scale: 300),
      flow("agri", "第一产业增加值", "第一產業增加值", "Primary industry value added", scale: 30),
      flow("industry", "规模以上工业增加值", "規模以上工業增加值", "Industrial value added", scale: 60),
      flow("construction", "建筑业增加值", "建築業增加值", "Construction value added", scale: 15),
      flow("tertiary", "第三产业增加值", "第三產業增加值", "Services value added", scale: 130),
      flow("fai", "固定资产投资", "固定資產投資", "Fixed-asset investment", scale: 100),
      flow("retail", "社会消费品零售总额", "社會消費品零售總額", "Retail sales", scale: 100),
      flow("revenue", "一般公共预算收入", "一般公共預算收入", "Budget revenue", scale: 15),
      flow("tax", "税收收入", "稅收收入", "Tax revenue", scale: 12),
      S(id: "urban_income", name: "城镇居民人均可支配收入", traditionalName: "城鎮居民人均可支配收入",
        englishName: "Urban disposable income per person", unit: "元", polarity: "higher",
        aggregate: "mean", kind: "flow", digits: 0, scale: 26_000),
      S(id: "rural_income", name: "农村居民人均可支配收入", traditionalName: "農村居民人均可支配收入",
        englishName: "Rural disposable income per person", unit: "元", polarity: "higher",
        aggregate: "mean", kind: "flow", digits: 0, scale: 12_000),
      S(id: "fdi", name: "实际利用外资", traditionalName: "實際利用外資", englishName: "Foreign direct investment",
        unit: "万美元", polarity: "higher", aggregate: "sum", kind: "flow", digits: 0, scale: 2_000,
        signed: true),
      flow("outside_funds", "引进到位市外资金", "引進到位市外資金", "Funds from outside the city", scale: 80, signed: true),
      S(id: "energy", name: "单位GDP能耗", traditionalName: "單位GDP能耗", englishName: "Energy use per unit of GDP",
        unit: "吨标准煤/万元", polarity: "lower", aggregate: "weighted:gdp", kind: "ratio", digits: 4,
        scale: 0.4),
      S(id: "employment", name: "城镇就业人数", traditionalName: "城鎮就業人數", englishName: "Nonfarm payroll employment",
        unit: "万人", polarity: "higher", aggregate: "sum", kind: "stock", digits: 1, scale: 50),
      flow("exports", "出口总额", "出口總額", "Merchandise exports", scale: 40),
      S(id: "pm10", name: "PM10平均浓度", traditionalName: "PM10平均濃度", englishName: "PM10 mean concentration",
        unit: "微克/立方米", polarity: "lower", aggregate: "mean", kind: "stock", digits: 0, scale: 75,
        main: false, redLine: 76),
      S(id: "accidents", name: "较大以上安全生产事故", traditionalName: "較大以上安全生產事故",
        englishName: "Major workplace accidents", unit: "起", polarity: "lower", aggregate: "sum",
        kind: "count", digits: 0, scale: 0.6, main: false, redLine: 0),
      S(id: "petitions", name: "进京非正常上访", traditionalName: "進京非正常上訪",
        englishName: "Irregular petitions", unit: "批次", polarity: "lower", aggregate: "sum",
        kind: "count", digits: 0, scale: 0.6, main: false, redLine: 0),
      S(id: "greenhouse", name: "日光温室新建任务", traditionalName: "日光溫室新建任務",
        englishName: "New solar greenhouses", unit: "亩", polarity: "higher", aggregate: "sum",
        kind: "flow", digits: 0, scale: 200, main: false, task: true),
      S(id: "tax_task", name: "乡镇财税任务", traditionalName: "鄉鎮財稅任務", englishName: "Township fiscal task",
        unit: "万元", polarity: "higher", aggregate: "sum", kind: "flow", digits: 0, scale: 800,
        main: false, task: true),
    ]
  }()
}

// MARK: - Names

/// Region, township and unit names of one `Names` choice.
private struct Naming {
  let names: GeneratedCorpus.Names

  init(_ names: GeneratedCorpus.Names) { self.names = names }

  /// Whether the n-th (1-based) member, township or indicator gets a long name.
  func isLong(_ n: Int) -> Bool { names.long && n % 3 == 1 }

  func member(_ n: Int) -> String {
    switch (names.script, isLong(n)) {
    case (.simplified, true): "某某经济技术开发区高新技术产业园区管理委员会第\(n)片区"
    case (.simplified, false): !names.long && n % 7 == 3 ? "某某土家族苗族自治县第\(n)片区" : "县区\(n)"
    case (.traditional, true): "某某經濟技術開發區高新技術產業園區管理委員會第\(n)片區"
    case (.traditional, false): "縣區\(n)"
    case (.english, true): "Saint Helena, Ascension and Tristan da Cunha No. \(n)"
    case (.english, false): "County \(n)"
    }
  }

  func township(_ n: Int) -> String {
    switch (names.script, isLong(n)) {
    case (.simplified, true): "某某镇某某村民委员会农业产业化联合体第\(n)片"
    case (.simplified, false): "乡镇\(n)"
    case (.traditional, true): "某某鎮某某村民委員會農業產業化聯合體第\(n)片"
    case (.traditional, false): "鄉鎮\(n)"
    case (.english, true): "Township of Llanfairpwllgwyngyll and District No. \(n)"
    case (.english, false): "Township \(n)"
    }
  }

  /// A name of more than six characters is abbreviated (`某某n`); with long names only every
  /// other one is (the rest have none, as data often does).
  func short(_ name: String, _ n: Int, township: Bool = false) -> String {
    guard name.count > 6, !names.long || n % 2 == 0 else { return name }
    switch (names.script, township) {
    case (.simplified, false), (.traditional, false): return "某某\(n)"
    case (.simplified, true): return "某镇\(n)"
    case (.traditional, true): return "某鎮\(n)"
    case (.english, false): return "St Helena \(n)"
    case (.english, true): return "Llanfair \(n)"
    }
  }

  func townshipsLabel(_ count: Int) -> String {
    switch names.script {
    case .simplified: "全区\(count)个乡镇"
    case .traditional: "全區\(count)個鄉鎮"
    case .english: "the \(count) townships"
    }
  }

  /// English metadata writes its own unit labels.
  func unit(_ unit: String) -> String {
    guard names.script == .english else { return unit }
    let english = [
      "亿元": "100 million CNY", "元": "CNY", "万美元": "10,000 USD", "吨标准煤/万元": "tce per 10,000 CNY",
      "万人": "10,000 persons", "微克/立方米": "µg/m³", "起": "count", "批次": "count", "亩": "mu",
      "万元": "10,000 CNY",
    ]
    return english[unit] ?? unit
  }
}

// MARK: - CSV

private enum CSV {
  /// Rows as CSV text, fields quoted when they hold a comma or a quote.
  static func text(_ rows: [[String]]) -> String {
    rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
  }

  static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
