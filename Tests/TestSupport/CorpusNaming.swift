import Foundation

// MARK: - Names

/// Region, township and unit names of one `Names` choice.
struct Naming {
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

enum CSV {
  /// Rows as CSV text, fields quoted when they hold a comma or a quote.
  static func text(_ rows: [[String]]) -> String {
    rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
  }

  static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
