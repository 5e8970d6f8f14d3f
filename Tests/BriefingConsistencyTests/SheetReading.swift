import BriefingCore
import BriefingScene
import BriefingStats

// MARK: - Text runs of a composed sheet

/// A text run with its component path (the names of the groups it sits in) and its vertical
/// centre, as the scene dump shows it.
struct PrintedText {
  var text: String
  var path: [String]
  /// Vertical centre, pt.
  var midY: Double
  var x: Double
}

extension [FrameItem] {
  /// Every text run below these items, with the names of its enclosing groups.
  func printedTexts(path: [String] = []) -> [PrintedText] {
    flatMap { item -> [PrintedText] in
      switch item {
      case .group(let name, _, let items): items.printedTexts(path: path + [name])
      case .text(let run):
        [PrintedText(text: run.text, path: path, midY: run.origin.y + run.size.height / 2, x: run.origin.x)]
      case .shape, .anchor: []
      }
    }
  }
}

extension [PrintedText] {
  /// Runs grouped into lines: runs whose vertical centres lie within 2 pt of each other, left
  /// to right. A table row or a bar's name, rank, value label and mark form one line.
  var lines: [[PrintedText]] {
    var result: [[PrintedText]] = []
    for run in sorted(by: { $0.midY < $1.midY }) {
      if let last = result.last?.first, abs(last.midY - run.midY) <= 2 {
        result[result.count - 1].append(run)
      } else {
        result.append([run])
      }
    }
    return result.map { $0.sorted { $0.x < $1.x } }
  }
}

// MARK: - Numbers in printed text

/// A number as printed: its magnitude and the fraction digits shown (`+7.2%` → 7.2, 1).
struct PrintedNumber: CustomStringConvertible {
  var text: String
  var magnitude: Double
  var decimals: Int
  var description: String { text }

  /// Every number in `text` (thousands separators allowed; signs dropped, since sentences say
  /// 增长/下降 and tables put the sign in front).
  static func all(in text: String) -> [PrintedNumber] {
    var result: [PrintedNumber] = []
    var current = ""
    func flush() {
      var token = current
      current = ""
      while token.hasSuffix(".") || token.hasSuffix(",") { token.removeLast() }
      guard !token.isEmpty, token.first?.isNumber == true else { return }
      let plain = token.replacingAll(",", with: "")
      guard let value = Double(plain) else { return }
      let decimals = plain.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
      result.append(PrintedNumber(text: token, magnitude: value, decimals: decimals))
    }
    for character in text {
      if character.isASCII, character.isNumber || character == "." || (character == "," && !current.isEmpty) {
        current.append(character)
      } else {
        flush()
      }
    }
    flush()
    return result
  }
}

extension String {
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for c in self { if c == target { out += replacement } else { out.append(c) } }
    return out
  }
}

// MARK: - What the table allows a sheet to print

/// The figures of the comparison-table rows a piece of the sheet is about. A printed number is
/// admissible when one of them, rounded by the one rule to the digits printed, spells it; the
/// magnitude may be rescaled by 万/亿 (a sheet may write 12,345万元 as 1.2亿元).
struct AdmissibleFigures {
  var doubles: [Double] = []
  var integers: Set<Int> = []

  mutating func add(_ row: ComparisonRow) {
    let fields: [Double?] = [
      row.value, row.priorValue, row.growthPct, row.computedGrowthPct, row.officialGrowthPct,
      row.changeFromPrior, row.prevValue, row.prevGrowthPct, row.growthChangePp, row.groupTotal,
      row.groupMean, row.groupGrowthPct, row.growthGapToGroupPp, row.gapToGroupMean, row.gapToLeader,
      row.gapToAbove, row.sharePct, row.shareChangePp, row.contributionPp, row.target,
      row.targetGrowthPct, row.completionPct, row.timeProgressPct, row.progressGapPp,
      row.progressGapAmount, row.remaining, row.monthlyPaceNeeded,
    ]
    doubles += fields.compactMap { $0 }
    let ranks: [Int?] = [
      row.rank, row.rankOf, row.bottomRank, row.growthRank, row.growthRankOf, row.growthBottomRank,
      row.rankChange, row.growthRankChange, row.rankOverall, row.rankOverallOf,
    ]
    for rank in ranks.compactMap({ $0 }) { integers.insert(abs(rank)) }
  }

  /// Whether `number` is one of the figures, after the one rounding rule.
  func admits(_ number: PrintedNumber) -> Bool {
    if number.decimals == 0, integers.contains(Int(number.magnitude)) { return true }
    for figure in doubles {
      for scale in [1.0, 1e4, 1e-4, 1e8, 1e-8] {
        if DecimalRounding.fixed(abs(figure * scale), decimals: number.decimals)
          == DecimalRounding.fixed(number.magnitude, decimals: number.decimals)
        {
          return true
        }
      }
    }
    return false
  }
}
