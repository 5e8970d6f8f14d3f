import BriefingCore
import BriefingSpec
import BriefingStats

// MARK: - What one sheet is about

/// Everything a layout is composed from: the data, its comparison table, and the choice of
/// focus region, peer group and period. A value; composing is a pure function of it.
public struct SheetContext: Sendable {
  /// Set once: the region lookups (`region(_:)`, `names(of:)`) index it on first use.
  public let dataset: Dataset
  public var table: ComparisonTable
  /// The focus region; nil for group-scope documents (ranking bulletin).
  public var focus: RegionID?
  public var group: PeerGroup
  public var period: Period
  public var language: LayoutDocument.Language
  /// Share of the year elapsed, 0...1 (from the comparison table's time progress).
  public var timeProgress: Double
  /// The dataset's regions by id, shared with every context of the same regions.
  let directory: RegionDirectory

  public init(
    dataset: Dataset, table: ComparisonTable, focus: RegionID?, group: PeerGroup, period: Period,
    language: LayoutDocument.Language
  ) {
    self.dataset = dataset
    self.directory = RegionDirectory.shared(for: dataset.regions)
    self.table = table
    self.focus = focus
    self.group = group
    self.period = period
    self.language = language
    // Time progress depends on the period only: the group's rows have it (the whole table is
    // the fallback for a group without rows).
    let progress = (table.rows(period: period, group: group.id).first { $0.timeProgressPct != nil }
      ?? table.rows.first { $0.period == period && $0.timeProgressPct != nil })?.timeProgressPct
    self.timeProgress = (progress ?? period.elapsedShareOfYear * 100) / 100
  }

  // MARK: - Accessors

  /// Indicators of a selection, in display order, skipping ids the data lacks.
  public func indicators(_ selection: IndicatorSelection) -> [Indicator] {
    switch selection {
    case .main:
      dataset.indicators.filter(\.isMain).sorted { $0.order < $1.order }
    case .list(let ids):
      ids.compactMap { dataset.indicator($0) }
    }
  }

  /// The peer group as a region (its metadata: label, level, name), for its frame word
  /// (`GroupFrame.chineseWord(for:)`: 全市, 全省, 全国, …); a bare region from the peer group's
  /// id and label when the data has no such region.
  public var groupRegion: Region {
    region(group.id) ?? Region(id: group.id, label: group.label)
  }

  /// The region with `id` (the first, as `Dataset.region(_:)`), found by hash.
  public func region(_ id: RegionID) -> Region? {
    directory.region(id, in: dataset.regions)
  }

  /// Display name of a region (short name when `short`).
  public func name(_ id: RegionID, short: Bool = false) -> String {
    guard let region = region(id) else { return id.rawValue }
    return short ? region.shortName : region.name
  }

  /// Member rows of the group for an indicator in this period.
  public func rows(_ indicator: IndicatorID) -> [ComparisonRow] {
    table.rows(indicator: indicator, period: period, group: group.id)
  }

  /// Member rows plus the group row (aggregates) for an indicator in this period.
  public func rowsWithGroup(_ indicator: IndicatorID) -> [ComparisonRow] {
    rows(indicator)
      + (table.groupRow(indicator: indicator, period: period, group: group.id).map { [$0] } ?? [])
  }

  /// Display names (short names when `short`) of the regions `ids`, by id; ids the data has no
  /// region for are left out (composers show the id).
  public func names(of ids: some Sequence<RegionID>, short: Bool = false) -> [RegionID: String] {
    var result: [RegionID: String] = [:]
    for id in ids where result[id] == nil {
      if let region = region(id) { result[id] = short ? region.shortName : region.name }
    }
    return result
  }

  /// `names(of:short:)` of the regions of `rows`, the focus and the group: every name a
  /// component drawing those rows can show.
  public func names(for rows: [ComparisonRow], short: Bool = false) -> [RegionID: String] {
    names(of: rows.map(\.region) + [group.id] + (focus.map { [$0] } ?? []), short: short)
  }

  /// The focus region's row for an indicator in this period.
  public func focusRow(_ indicator: IndicatorID) -> ComparisonRow? {
    guard let focus else { return nil }
    return table.row(indicator: indicator, period: period, group: group.id, region: focus)
  }

  /// The sheet's number format, which also carries the script of its own words
  /// (`NumberFormat.wording`): English for `en`, Chinese in Traditional script for `zh-tw`,
  /// Simplified for `zh-cn`.
  public var format: NumberFormat {
    switch language {
    case .zhCN: .chinese
    case .zhTW: .traditional
    case .en: .english
    }
  }

  /// Period title in the sheet's language: 2024年上半年 / H1 2024.
  public var periodTitle: String {
    switch language {
    case .zhCN, .zhTW: period.chineseTitle
    case .en: period.englishTitle
    }
  }

  /// Days from the end of the period to the end of the year (距年底还有N天).
  public var daysLeftInYear: Int {
    let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    let leap = (period.year % 4 == 0 && period.year % 100 != 0) || period.year % 400 == 0
    let elapsed = lengths.prefix(period.endMonth).reduce(0, +) + (leap && period.endMonth >= 2 ? 1 : 0)
    return (leap ? 366 : 365) - elapsed
  }

  /// Fills a title template (`TitleTemplate`): `{region}`, `{period}` (the full period title),
  /// `{year}`, `{group}`, `{indicator}`. A 年 right after `{period}` is not doubled:
  /// 「{period}年」 prints 「2019年」.
  public func expand(_ template: String, indicator: Indicator? = nil) -> String {
    TitleTemplate.expand(
      template,
      values: [
        .region: focus.map { name($0) } ?? "",
        .period: periodTitle,
        .year: String(period.year),
        .group: name(group.id),
        .indicator: indicator?.name ?? "",
      ])
  }
}

extension String {
  /// Replaces every occurrence of `target`'s UTF-8 bytes, left to right. A plain byte search:
  /// Foundation's `range(of:)` goes through `NSString` (about 10,000 instructions a call, and
  /// CoreFoundation's set-up on the first) and the standard library's `firstRange(of:)` compares
  /// characters generically (slower still). UTF-8 is self-synchronizing, so a match of a whole
  /// string always starts and ends on scalar boundaries.
  public func replacingAll(_ target: String, with replacement: String) -> String {
    let text = Array(utf8)
    let needle = Array(target.utf8)
    guard let head = needle.first else { return self }
    var result: [UInt8] = []
    var copied = 0
    var index = 0
    while index + needle.count <= text.count {
      if text[index] == head, text[index..<index + needle.count].elementsEqual(needle) {
        result += text[copied..<index]
        result += replacement.utf8
        index += needle.count
        copied = index
      } else {
        index += 1
      }
    }
    guard copied > 0 else { return self }
    result += text[copied...]
    return String(decoding: result, as: UTF8.self)
  }
}

extension StringProtocol {
  /// Without leading and trailing spaces and tabs (what Foundation's
  /// `trimmingCharacters(in: .whitespaces)` removes, without going through `NSString`).
  public func trimmingSpaces() -> String {
    let isSpace = { (character: Character) in character.isWhitespace && !character.isNewline }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
