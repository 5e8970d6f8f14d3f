// MARK: - Shapes of generated data sets

extension GeneratedCorpus {

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
}
