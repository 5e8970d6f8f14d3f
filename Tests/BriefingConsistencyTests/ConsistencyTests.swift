import BriefingCore
import BriefingIngest
import BriefingScene
import BriefingSpec
import BriefingStats
import TestSupport
import Testing

// MARK: - One owner per number, across phases

/// Generated data sets (seeded) go through the whole pipeline: loader → comparison table →
/// composed sheet (fixed text metrics, no fonts). Every figure the sheet prints must equal the
/// table cell it comes from after the one rounding rule: rank numbers and bottom marks of the
/// ranked bars exactly, value labels digit for digit, every number in the KPI table, the
/// ranking bulletin, the headline and the highlights admissible from that indicator's rows.
/// Read from the scene, not pixels. Bounded: 21 seeds (every group size × calendar), ~20 s in a
/// debug build.
@Suite struct ConsistencyTests {
  static let seeds: [UInt64] = Array(1...21)

  @Test(arguments: seeds)
  func sheetPrintsTheTablesFigures(seed: UInt64) throws {
    let corpus = GeneratedCorpus(seed: seed)
    let files = corpus.files
    let loaded = DatasetLoader.load(
      observations: files.observations, regions: files.regions, indicators: files.indicators)
    let errors = loaded.findings.filter { $0.severity == .error }
    #expect(errors.isEmpty, "seed \(seed): the loader refused generated data: \(errors.prefix(3).map(\.description))")
    let dataset = try #require(loaded.dataset)
    let table = compare(dataset)
    let group = try #require(dataset.peerGroups.first { $0.id == "G" })
    let period = try #require(Period(code: corpus.calendar.periods.last ?? ""))
    var rng = SeededGenerator(seed: seed &* 31)
    let focus = RegionID(corpus.memberIDs.randomElement(using: &rng) ?? corpus.memberIDs[0])
    let sheet = SheetUnderTest(dataset: dataset, table: table, group: group, period: period, seed: seed)

    for indicator in dataset.indicators {
      for metric in ["value", "growthPct"] {
        let texts = try sheet.compose(Self.barLayout(indicator.id.rawValue, metric: metric), focus: focus)
        sheet.checkRankedBar(texts, indicator: indicator, metric: metric)
      }
    }
    let region = try sheet.compose(Self.regionLayout, focus: focus)
    sheet.checkKPITable(region, focus: focus)
    sheet.checkSentences(region, focus: focus)
    let bulletin = try sheet.compose(Self.bulletinLayout(dataset.indicators), focus: nil)
    sheet.checkBulletin(bulletin)
  }

  // MARK: - Layouts

  static func barLayout(_ indicator: String, metric: String) -> String {
    """
    version: 1
    name: bars
    scope: region
    title: "{region}"
    language: zh-cn
    page: {size: A3, orientation: portrait, margin: 20}
    sections:
      - height: 1000
        components:
          - {kind: rankedBar, indicator: \(indicator), metric: \(metric), showRanks: true}
    """
  }

  static let regionLayout = """
    version: 1
    name: sheet
    scope: region
    title: "{region}{period}"
    language: zh-cn
    page: {size: A3, orientation: portrait, margin: 20}
    indicators: main
    sections:
      - components:
          - {kind: headline}
      - components:
          - kind: kpiTable
            columns: [value, growthPct, rank, growthRank, growthGapToGroupPp, sharePct]
      - components:
          - {kind: narrative, lines: 3}
    """

  static func bulletinLayout(_ indicators: [Indicator]) -> String {
    let ids = indicators.map(\.id.rawValue).joined(separator: ", ")
    return """
      version: 1
      name: bulletin
      scope: group
      title: "{group}{period}"
      language: zh-cn
      page: {size: A3, orientation: landscape, margin: 20}
      sections:
        - components:
            - {kind: rankingTable, indicators: [\(ids)]}
      """
  }
}

// MARK: - Checks

/// One generated data set and the helpers that read its composed sheets back.
struct SheetUnderTest {
  let dataset: Dataset
  let table: ComparisonTable
  let group: PeerGroup
  let period: Period
  let seed: UInt64
  let format = NumberFormat.chinese

  /// Composes `yaml` for `focus` and returns every text run with its component path.
  func compose(_ yaml: String, focus: RegionID?) throws -> [PrintedText] {
    let loaded = LayoutLoader.load(yaml: yaml, file: "consistency.yaml")
    let document = try #require(loaded.document, "\(loaded.findings.map(\.description))")
    let (theme, _) = document.theme.resolved(language: document.language)
    let context = SheetContext(
      dataset: dataset, table: table, focus: focus, group: group, period: period,
      language: document.language)
    let (pages, _) = LayoutComposer(layout: document, theme: theme, measurer: FixedMetricsMeasurer())
      .compose(context)
    // Pages are stacked apart, so rows at the same height on two pages are two lines.
    return pages.enumerated().flatMap { index, page in
      page.items.printedTexts().map { text in
        var shifted = text
        shifted.midY += Double(index) * 100_000
        return shifted
      }
    }
  }

  func rows(_ indicator: IndicatorID) -> [ComparisonRow] {
    table.rows.filter { $0.indicator == indicator && $0.period == period && $0.group == group.id }
  }

  private func names(_ region: RegionID) -> Set<String> {
    let known = dataset.regions.first { $0.id == region }
    return [region.rawValue, known?.name, known?.shortName].compactMap { $0 }.reduce(into: []) { $0.insert($1) }
  }

  /// Rank numbers, bottom marks and value labels of a ranked bar are the row's own fields.
  func checkRankedBar(_ texts: [PrintedText], indicator: Indicator, metric: String) {
    let bars = texts.filter { $0.path.contains("rankedBar") }
    let members = rows(indicator.id).filter { !$0.isGroupRow }
    for run in bars { checkBasisWording(run.text) }
    // Above 40 bars the chart takes two columns, each in a group of its own: read each alone.
    for line in Dictionary(grouping: bars, by: \.path).values.flatMap(\.lines) {
      guard let nameIndex = line.firstIndex(where: { run in members.contains { names($0.region).contains(run.text) } }),
        let row = members.first(where: { names($0.region).contains(line[nameIndex].text) })
      else { continue }
      let place = "seed \(seed) \(indicator.id) \(metric) \(row.region)"
      let growth = metric == "growthPct"
      let rank = growth ? row.growthRank : row.rank
      let rankTexts = line[..<nameIndex].map(\.text).filter { Int($0) != nil }
      #expect(rankTexts == (rank.map { ["\($0)"] } ?? []), "\(place): rank printed \(rankTexts), table \(String(describing: rank))")
      let after = line[(nameIndex + 1)...].map(\.text)
      for mark in after where mark.contains("倒数") || mark.contains("last") {
        let bottom = growth ? row.growthBottomRank : row.bottomRank
        #expect(indicator.polarity.isJudged, "\(place): a neutral indicator is marked \(mark)")
        #expect(bottom.map { format.bottomRank($0) } == mark, "\(place): mark \(mark), table bottom rank \(String(describing: bottom))")
      }
      let figure: Double? = growth ? (row.changesInPoints ? row.changeFromPrior : row.growthPct) : row.value
      let labelNumbers = after.filter { !$0.contains("倒数") }.flatMap { PrintedNumber.all(in: $0) }
      if let figure, row.status != .masked {
        let expected = DecimalRounding.fixed(abs(figure), decimals: growth ? 1 : indicator.decimals)
        #expect(
          labelNumbers.contains { DecimalRounding.fixed($0.magnitude, decimals: $0.decimals) == expected && $0.decimals == (growth ? 1 : indicator.decimals) },
          "\(place): label \(after) does not print \(expected ?? "-")")
      } else {
        #expect(labelNumbers.isEmpty, "\(place): a bar without a figure prints \(labelNumbers)")
      }
    }
  }

  /// Every number in a KPI row is a figure of that indicator's focus or group row.
  func checkKPITable(_ texts: [PrintedText], focus: RegionID) {
    for line in texts.filter({ $0.path.contains("kpiTable") }).lines {
      guard let first = line.first,
        let indicator = dataset.indicators.first(where: { $0.name == first.text || $0.shortName == first.text })
      else { continue }
      let allowed = admissible(indicator.id, regions: [focus])
      for run in line.dropFirst() {
        for number in PrintedNumber.all(in: withoutRegionNames(run.text)) {
          #expect(allowed.admits(number), "seed \(seed) KPI \(indicator.id): \(run.text) is no figure of the table")
        }
      }
    }
  }

  /// Every number of the headline and the highlights, read clause by clause with the
  /// indicator last named, is a figure of that indicator's rows (or a period or group size).
  func checkSentences(_ texts: [PrintedText], focus: RegionID) {
    let paragraphs = texts.filter { $0.path.contains("headline") || $0.path.contains("narrative") }
    let byLength = dataset.indicators.sorted { $0.name.count > $1.name.count }
    for paragraph in paragraphs {
      var current: Indicator?
      for clause in paragraph.text.split(whereSeparator: { "，；。：、".contains($0) }) {
        let text = String(clause)
        if let named = byLength.first(where: { text.contains($0.name) || text.contains($0.shortName) }) {
          current = named
        }
        guard let indicator = current else { continue }
        let clauseText = withoutRegionNames(text)
        let allowed = admissible(indicator.id, regions: [focus])
        for number in PrintedNumber.all(in: clauseText) where !allowed.admits(number) && !isCalendarOrCount(number, in: clauseText) {
          Issue.record("seed \(seed) sentence on \(indicator.id): \(number) in 「\(text)」 is no figure of the table")
        }
        checkPlaces(clauseText, indicator: indicator, focus: focus)
      }
      checkBasisWording(paragraph.text)
      // The frame word comes from the group's metadata: a province group never reads 全市.
      let frame = dataset.regions.first { $0.id == group.id }.map(GroupFrame.chineseWord(for:)) ?? "全市"
      if frame != "全市" {
        #expect(!paragraph.text.contains("全市") && !paragraph.text.contains("我市"), "seed \(seed): frame is \(frame) but the text says 全市/我市: \(paragraph.text)")
      }
    }
  }

  /// Without a year-earlier period in the data, a change is never called year-on-year.
  func checkBasisWording(_ text: String) {
    guard !dataset.periods.contains(period.samePeriodLastYear) else { return }
    for word in ["同比", "上年同期", "year on year", "YoY"] where text.contains(word) {
      Issue.record("seed \(seed): \(period.code) has no year-earlier period but the sheet says \(word): \(text)")
    }
  }

  /// 第k位 is the focus row's rank or growth rank; 倒数第k its bottom rank or growth bottom
  /// rank, and only for a judged indicator.
  private func checkPlaces(_ clause: String, indicator: Indicator, focus: RegionID) {
    guard let row = rows(indicator.id).first(where: { $0.region == focus && !$0.isGroupRow }) else { return }
    let chinese = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]
    for (marker, allowed) in [("倒数第", [row.bottomRank, row.growthBottomRank]), ("第", [row.rank, row.growthRank, row.rankOverall])] {
      var rest = Substring(clause)
      while let range = rest.range(of: marker) {
        let digits = rest[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        let place = Int(digits) ?? rest[range.upperBound...].first.flatMap { chinese[String($0)] }
        let isBottom = marker == "第" && rest[..<range.lowerBound].hasSuffix("倒数")
        if let place, !isBottom {
          #expect(allowed.contains(place), "seed \(seed) \(indicator.id): 「\(clause)」 says \(marker)\(place), table \(allowed)")
          if marker == "倒数第" { #expect(indicator.polarity.isJudged, "seed \(seed): neutral \(indicator.id) called 倒数: \(clause)") }
        }
        rest = rest[range.upperBound...]
      }
    }
  }

  private func withoutRegionNames(_ text: String) -> String {
    var result = text
    let spellings = dataset.regions.flatMap { [$0.name, $0.shortName] }.sorted { $0.count > $1.count }
    for name in spellings where !name.isEmpty {
      while let range = result.range(of: name) { result.replaceSubrange(range, with: "·") }
    }
    return result
  }

  /// Every member has exactly one bulletin line (the table continues on the next pages, no
  /// row is left out), and every number of the line is a figure of that region's rows.
  func checkBulletin(_ texts: [PrintedText]) {
    let tableTexts = texts.filter { $0.path.contains("rankingTable") }
    var lines: [RegionID: Int] = [:]
    for line in tableTexts.lines {
      guard let first = line.first,
        let member = group.members.first(where: { names($0).contains(first.text) })
      else { continue }
      lines[member, default: 0] += 1
      var allowed = AdmissibleFigures()
      for indicator in dataset.indicators {
        for row in rows(indicator.id) where row.region == member || row.isGroupRow { allowed.add(row) }
      }
      for run in line.dropFirst() {
        for number in PrintedNumber.all(in: withoutRegionNames(run.text)) {
          #expect(allowed.admits(number), "seed \(seed) bulletin \(member): \(run.text) is no figure of the table")
        }
      }
    }
    for member in group.members {
      #expect(lines[member] == 1, "seed \(seed) bulletin: \(member) has \(lines[member] ?? 0) lines")
    }
  }

  // MARK: - Private

  private func admissible(_ indicator: IndicatorID, regions: [RegionID]) -> AdmissibleFigures {
    var allowed = AdmissibleFigures()
    for row in rows(indicator) where row.isGroupRow || regions.contains(row.region) { allowed.add(row) }
    return allowed
  }

  /// Years, months, day counts and the group's size are printed by the sentence templates.
  private func isCalendarOrCount(_ number: PrintedNumber, in clause: String) -> Bool {
    guard number.decimals == 0 else { return false }
    let n = Int(number.magnitude)
    return dataset.periods.contains { $0.year == n } || (1...12).contains(n) || n == group.members.count
      || clause.contains("\(number.text)天")
  }
}
