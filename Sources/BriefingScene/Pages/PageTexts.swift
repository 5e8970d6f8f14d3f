import BriefingCore

// MARK: - Page texts

/// The words of a briefing page in one language (statistics-bulletin wording in Chinese).
struct PageTexts {
  let format: NumberFormat

  private var english: Bool {
    switch format.style {
    case .chinese: false
    case .english: true
    }
  }

  /// 「肃州区2024年上半年主要经济指标对比」
  func title(focus: String, period: Period) -> String {
    english
      ? "\(focus): main indicators compared, \(period.englishTitle)"
      : "\(focus)\(period.chineseTitle)主要经济指标对比"
  }

  /// 「比较范围：全市9个县（市、区）　时期：2024年上半年　时序进度50.0%」
  func subtitle(groupLabel: String, period: Period, timeProgress: Double) -> String {
    english
      ? "Peers: \(groupLabel)   Period: \(period.englishTitle)   Time elapsed: \(format.percent(timeProgress))"
      : "比较范围：\(groupLabel)　时期：\(period.chineseTitle)　时序进度\(format.percent(timeProgress))"
  }

  /// Section 1: 「一、2024年上半年全市9个县（市、区）地区生产总值同比增速」
  func chartSection(groupLabel: String, period: Period, indicator: String, metric: BarMetric)
    -> String
  {
    switch metric {
    case .growthPct:
      english
        ? "1. \(indicator), YoY growth across \(groupLabel), \(period.englishTitle)"
        : "一、\(period.chineseTitle)\(groupLabel)\(indicator)同比增速"
    case .value:
      english
        ? "1. \(indicator) across \(groupLabel), \(period.englishTitle)"
        : "一、\(period.chineseTitle)\(groupLabel)\(indicator)"
    }
  }

  /// Section 2: 「二、主要指标完成情况」
  var tableSection: String { english ? "2. Main indicators" : "二、主要指标完成情况" }

  /// 「（续表）」 on continuation pages.
  var continued: String { english ? "(continued)" : "（续表）" }

  /// 「第 1 页 共 2 页」
  func pageNumber(_ page: Int, of count: Int) -> String {
    english ? "Page \(page) of \(count)" : "第 \(page) 页 共 \(count) 页"
  }
}
