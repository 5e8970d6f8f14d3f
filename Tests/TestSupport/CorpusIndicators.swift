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
      id: "population", name: "常住人口", unit: "万人", polarity: "neutral", aggregate: "sum",
      kind: "stock",
      digits: 1, scale: 60),
    IndicatorShape(
      id: "income", name: "Income per person", unit: "US$ per person, inflation-adjusted",
      polarity: "higher", aggregate: "mean", kind: "ratio", digits: 0, scale: 42_000),
    IndicatorShape(
      id: "profit", name: "规上工业利润", unit: "亿元", polarity: "higher", aggregate: "sum", kind: "flow",
      digits: 1, scale: 20, signed: true),
    IndicatorShape(
      id: "share", name: "城镇化率", unit: "比例(0-1)", polarity: "higher", aggregate: "mean",
      kind: "ratio",
      digits: 3, scale: 0.6),
  ]

  /// Every indicator the shipped layouts name (`Layouts/*.yaml`): the sixteen main ones, three
  /// red lines and two township tasks, named in the three scripts.
  public static let sheetIndicators: [IndicatorShape] = {
    typealias S = IndicatorShape
    func flow(
      _ id: String, _ sc: String, _ tc: String, _ en: String, scale: Double, unit: String = "亿元",
      signed: Bool = false
    ) -> S {
      S(
        id: id, name: sc, traditionalName: tc, englishName: en, unit: unit, polarity: "higher",
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
      S(
        id: "urban_income", name: "城镇居民人均可支配收入", traditionalName: "城鎮居民人均可支配收入",
        englishName: "Urban disposable income per person", unit: "元", polarity: "higher",
        aggregate: "mean", kind: "flow", digits: 0, scale: 26_000),
      S(
        id: "rural_income", name: "农村居民人均可支配收入", traditionalName: "農村居民人均可支配收入",
        englishName: "Rural disposable income per person", unit: "元", polarity: "higher",
        aggregate: "mean", kind: "flow", digits: 0, scale: 12_000),
      S(
        id: "fdi", name: "实际利用外资", traditionalName: "實際利用外資",
        englishName: "Foreign direct investment",
        unit: "万美元", polarity: "higher", aggregate: "sum", kind: "flow", digits: 0, scale: 2_000,
        signed: true),
      flow(
        "outside_funds", "引进到位市外资金", "引進到位市外資金", "Funds from outside the city", scale: 80,
        signed: true),
      S(
        id: "energy", name: "单位GDP能耗", traditionalName: "單位GDP能耗",
        englishName: "Energy use per unit of GDP",
        unit: "吨标准煤/万元", polarity: "lower", aggregate: "weighted:gdp", kind: "ratio", digits: 4,
        scale: 0.4),
      S(
        id: "employment", name: "城镇就业人数", traditionalName: "城鎮就業人數",
        englishName: "Nonfarm payroll employment",
        unit: "万人", polarity: "higher", aggregate: "sum", kind: "stock", digits: 1, scale: 50),
      flow("exports", "出口总额", "出口總額", "Merchandise exports", scale: 40),
      S(
        id: "pm10", name: "PM10平均浓度", traditionalName: "PM10平均濃度",
        englishName: "PM10 mean concentration",
        unit: "微克/立方米", polarity: "lower", aggregate: "mean", kind: "stock", digits: 0, scale: 75,
        main: false, redLine: 76),
      S(
        id: "accidents", name: "较大以上安全生产事故", traditionalName: "較大以上安全生產事故",
        englishName: "Major workplace accidents", unit: "起", polarity: "lower", aggregate: "sum",
        kind: "count", digits: 0, scale: 0.6, main: false, redLine: 0),
      S(
        id: "petitions", name: "进京非正常上访", traditionalName: "進京非正常上訪",
        englishName: "Irregular petitions", unit: "批次", polarity: "lower", aggregate: "sum",
        kind: "count", digits: 0, scale: 0.6, main: false, redLine: 0),
      S(
        id: "greenhouse", name: "日光温室新建任务", traditionalName: "日光溫室新建任務",
        englishName: "New solar greenhouses", unit: "亩", polarity: "higher", aggregate: "sum",
        kind: "flow", digits: 0, scale: 200, main: false, task: true),
      S(
        id: "tax_task", name: "乡镇财税任务", traditionalName: "鄉鎮財稅任務",
        englishName: "Township fiscal task",
        unit: "万元", polarity: "higher", aggregate: "sum", kind: "flow", digits: 0, scale: 800,
        main: false, task: true),
    ]
  }()
}
