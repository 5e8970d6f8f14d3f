// MARK: - Name folding

/// Folds names for matching: Traditional → Simplified for characters common in statistics and
/// place names, full-width ASCII → ASCII, lowercase, spaces and `·` dropped.
/// `生產總值`, `生产总值` and ` 生产总值 ` fold to the same key.
enum NameFolding {
  static func key(_ raw: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in raw.unicodeScalars {
      var value = scalar
      if (0xFF01...0xFF5E).contains(value.value), let ascii = Unicode.Scalar(value.value - 0xFEE0) {
        value = ascii
      }
      if value == " " || value == "\t" || value == "\u{3000}" || value == "·" { continue }
      if let simplified = traditionalToSimplified[value] { value = simplified }
      if value.isASCII, let lower = value.properties.lowercaseMapping.unicodeScalars.first {
        value = lower
      }
      out.append(value)
    }
    return String(out)
  }

  /// Pairs of (Traditional, Simplified) characters.
  private static let pairs =
    "產产産产區区總总億亿萬万業业資资規规會会費费額额稅税財财鎮镇農农縣县際际進进場场長长實实"
    + "築筑發发開开設设經经濟济運运電电積积劃划華华東东陽阳貿贸鄉乡廣广號号衛卫圖图應应數数項项"
    + "點点佔占價价環环氣气門门術术專专學学興兴漢汉龍龙馬马魯鲁棗枣莊庄許许勞劳動动轉转務务統统"
    + "計计預预標标準准與与為为個个條条處处辦办質质營营銷销貨货幣币網网絡络車车輛辆鐵铁橋桥層层"
    + "蘇苏園园機机構构導导達达歲岁賣卖買买國国內内幹干齊齐豐丰糧粮漁渔綜综廠厂礦矿鋼钢絲丝繩绳"
    + "鋰锂觸触傳传織织裝装備备製制醫医療疗險险養养災灾補补貧贫創创優优勢势競竞爭争證证權权儲储"
    + "貸贷銀银擔担債债購购遊游觀观轄辖屬属館馆廳厅聯联協协議议約约選选舉举體体視视聲声樂乐藝艺"
    + "書书報报紙纸雜杂誌志話话腦脑訊讯軟软綠绿態态節节減减驗验測测檢检監监審审據据調调歸归類类"
    + "別别員员職职級级屆届負负責责領领黨党團团隊队軍军邊边島岛嶼屿灣湾臺台濱滨瀋沈陝陕晉晋粵粤"
    + "閩闽贛赣滬沪遼辽寧宁雲云貴贵瓊琼關关鳳凤鶴鹤陰阴嶺岭圍围灘滩溝沟澤泽湯汤滄沧鄭郑瀘泸敘叙"
    + "藺蔺納纳嶧峄兒儿寶宝盧卢蕭萧陳陈劉刘張张楊杨趙赵吳吴孫孙鄧邓譚谭謝谢韓韩馮冯葉叶蔣蒋鐘钟"
    + "錢钱羅罗鄒邹歐欧頭头來来時时間间後后還还過过這这們们對对從从讓让說说説说當当無无於于並并"
    + "較较漲涨兩两雙双單单種种樣样戶户畝亩頃顷噸吨隻只筆笔棟栋線线緣缘續续紅红紀纪純纯給给絕绝"
    + "維维綱纲緊紧練练組组細细終终結结繫系縮缩績绩繳缴繼继稱称穩稳鬆松隨随險险陸陆縱纵頁页題题"
    + "額额顯显風风飛飞館馆驛驿驅驱體体鹽盐麥麦黃黄齡龄舊旧蘭兰藥药蟲虫衝冲裡里複复覆覆親亲觀观"
    + "誠诚請请謀谋護护讀读變变豬猪貓猫負负貢贡貨货販贩責责貫贯貼贴費费賀贺資资賈贾賓宾賞赏賦赋"
    + "質质賴赖贊赞趕赶蹤踪軌轨軸轴較较載载輕轻輔辅輸输辦办農农邁迈郵邮鄰邻釋释鍊炼鎖锁鎮镇長长"
    + "閉闭開开閑闲間间閱阅闊阔隊队階阶際际隱隐雞鸡離离難难靜静響响頂顶項项順顺預预領领頻频額额"
    + "願愿類类顧顾飲饮飯饭餘余館馆驗验體体髮发鬥斗魚鱼鳥鸟鹼碱麗丽齒齿"
    + "狀状註注極极簡简匯汇彙汇牽牵編编碼码標标準准億亿"

  private static let traditionalToSimplified: [Unicode.Scalar: Unicode.Scalar] = {
    var table: [Unicode.Scalar: Unicode.Scalar] = [:]
    let scalars = Array(pairs.unicodeScalars)
    var index = 0
    while index + 1 < scalars.count {
      if scalars[index] != scalars[index + 1] { table[scalars[index]] = scalars[index + 1] }
      index += 2
    }
    return table
  }()
}

// MARK: - Suggestions

/// "Did you mean" support: Levenshtein distance over Unicode scalars.
enum Suggestions {
  /// The closest candidate to `text` (compared by folded key), when close enough: distance
  /// ≤ max(1, length / 3), or one contains the other.
  static func closest(to text: String, among candidates: [String]) -> String? {
    let target = Array(NameFolding.key(text).unicodeScalars)
    guard !target.isEmpty else { return nil }
    var best: (name: String, distance: Int)?
    for candidate in candidates {
      let key = NameFolding.key(candidate)
      let scalars = Array(key.unicodeScalars)
      var distance = levenshtein(target, scalars)
      let containing = !key.isEmpty
        && (key.contains(String(String.UnicodeScalarView(target))) || target.count >= 2
          && String(String.UnicodeScalarView(target)).contains(key))
      if containing { distance = min(distance, 1) }
      if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    guard let best, best.distance <= max(1, target.count / 3) else { return nil }
    return best.name
  }

  static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
