import BriefingCore
import BriefingStats

// MARK: - Findings

extension Finding.Message {
  static func focusMissing(_ focus: RegionID, _ indicator: IndicatorID) -> Self {
    .init(code: "focus-missing", text: "no row for the focus region '\(focus)' and indicator '\(indicator)'")
  }
  static func unknownIndicator(_ indicator: IndicatorID) -> Self {
    .init(code: "unknown-indicator", text: "indicator '\(indicator)' is not in the data set")
  }
}

// MARK: - Options

/// Options of the first page. Texts default to Chinese.
public struct FirstPageOptions: Hashable, Sendable {
  /// The issuing organisation, e.g. 「肃州区统计局」. Default: empty.
  public var organisation: String
  /// Default: `Briefing`.
  public var tool: String
  /// Footer note. Default: 「示例数据，非官方统计」.
  public var dataNote: String
  public var format: NumberFormat
  /// Indicators of the KPI table; nil = the data set's main indicators in `order`.
  public var indicators: [IndicatorID]?
  /// What the bars show. Default: growth.
  public var metric: BarMetric
  /// Default: true.
  public var showRanks: Bool
  /// 倒数第k marks on the chart. Default: 2.
  public var bottomMarks: Int
  /// ISO-8601, injected (never read from the clock). Default: nil.
  public var creationDate: String?
  /// Default: A4 portrait.
  public var pageSize: Size

  public init(
    organisation: String = "", tool: String = "Briefing", dataNote: String = "示例数据，非官方统计",
    format: NumberFormat = .chinese, indicators: [IndicatorID]? = nil,
    metric: BarMetric = .growthPct, showRanks: Bool = true, bottomMarks: Int = 2,
    creationDate: String? = nil, pageSize: Size = .a4
  ) {
    self.organisation = organisation
    self.tool = tool
    self.dataNote = dataNote
    self.format = format
    self.indicators = indicators
    self.metric = metric
    self.showRanks = showRanks
    self.bottomMarks = bottomMarks
    self.creationDate = creationDate
    self.pageSize = pageSize
  }
}

// MARK: - First page composer

/// The first sheet of a briefing: header (title, peer frame, period, time progress), the ranked
/// bar chart of one indicator across the peers with the focus highlighted, the focus region's KPI
/// table and a footer. KPI rows that do not fit continue on further pages with the header of the
/// table repeated; page numbers read 「第 i 页 共 n 页」.
public struct FirstPageComposer: Sendable {
  public init() {}

  public func compose(
    table: ComparisonTable, dataset: Dataset, focus: RegionID, group: RegionID, period: Period,
    indicator: IndicatorID, theme: ResolvedTheme, measurer: some TextMeasuring,
    options: FirstPageOptions = .init()
  ) -> (Scene, [Finding]) {
    var findings: [Finding] = []
    let texts = PageTexts(format: options.format)
    let focusName = dataset.region(focus)?.name ?? focus.rawValue
    let groupLabel =
      dataset.peerGroups.first { $0.id == group }?.label ?? dataset.region(group)?.name ?? group.rawValue
    let chartIndicator = dataset.indicator(indicator) ?? Indicator(id: indicator)
    if dataset.indicator(indicator) == nil { findings.append(Finding(.warning, .unknownIndicator(indicator))) }
    let focusRow = table.row(indicator: indicator, period: period, group: group, region: focus)
    if focusRow == nil { findings.append(Finding(.warning, .focusMissing(focus, indicator))) }
    let timeProgress = focusRow?.timeProgressPct ?? period.elapsedShareOfYear * 100
    let title = texts.title(focus: focusName, period: period)

    // MARK: Page frame
    let margin = theme.length(.pageMargin)
    let spacing = theme.length(.sectionSpacing)
    let content = Rect(
      x: margin, y: margin, width: options.pageSize.width - 2 * margin,
      height: options.pageSize.height - 2 * margin)
    let footerHeight = PageChrome.footerHeight(theme: theme, measurer: measurer)
    let body = content.inset(bottom: footerHeight + spacing)

    // MARK: Page 1 header
    let chrome = PageChrome(theme: theme, measurer: measurer)
    var page1 = chrome.header(
      title: title, subtitle: texts.subtitle(groupLabel: groupLabel, period: period, timeProgress: timeProgress),
      in: body)
    findings += page1.findings
    var cursor = page1.bounds.maxY + spacing

    // MARK: Chart section
    let section1 = chrome.sectionTitle(
      texts.chartSection(groupLabel: groupLabel, period: period, indicator: chartIndicator.name, metric: options.metric),
      at: cursor, in: body)
    page1.items += section1.items
    findings += section1.findings
    cursor = section1.bounds.maxY + theme.length(.lineSpacing)
    let kpiIndicators = options.indicators
      ?? dataset.indicators.filter(\.isMain).sorted { $0.order < $1.order }.map(\.id)
    let entries = kpiIndicators.map { id in
      KPIEntry(
        indicator: dataset.indicator(id) ?? Indicator(id: id),
        row: table.row(indicator: id, period: period, group: group, region: focus))
    }
    let kpi = KPITableComposer()
    var tableData = kpi.prepare(KPITableInput(entries: entries, format: options.format))
    let members = table.rows(indicator: indicator, period: period, group: group)
    let chartHeight = fittedChartHeight(
      regions: members.count, tableHeight: kpi.compose(
        tableData, in: Rect(x: 0, y: 0, width: body.width, height: .greatestFiniteMagnitude),
        theme: theme, measurer: measurer
      ).bounds.height,
      space: body.maxY - cursor, theme: theme, measurer: measurer)
    let chartInput = RankedBarInput(
      rows: members, groupRow: table.groupRow(indicator: indicator, period: period, group: group),
      indicator: chartIndicator, regions: dataset.regions, focus: focus, metric: options.metric,
      options: RankedBarOptions(
        target: options.metric == .growthPct ? focusRow?.targetGrowthPct : nil,
        showRanks: options.showRanks, bottomMarks: options.bottomMarks, format: options.format))
    let chart = RankedBarComposer().compose(
      input: chartInput, in: Rect(x: body.minX, y: cursor, width: body.width, height: chartHeight),
      theme: theme, measurer: measurer)
    page1.items.append(chart.group("ranked-bar"))
    findings += chart.findings
    cursor += chartHeight + spacing

    // MARK: KPI table section
    let section2 = chrome.sectionTitle(texts.tableSection, at: cursor, in: body)
    page1.items += section2.items
    cursor = section2.bounds.maxY + theme.length(.lineSpacing)
    let first = kpi.composeFitting(
      tableData, in: body.rows(cursor, body.maxY), theme: theme, measurer: measurer)
    page1.items.append(first.frame.group("kpi-table"))
    findings += first.frame.findings

    // MARK: Continuation pages
    var pages = [page1.items]
    var remaining = first.remaining
    while !remaining.isEmpty {
      tableData.rows = remaining
      let header = chrome.sectionTitle(texts.tableSection + texts.continued, at: body.minY, in: body)
      let next = kpi.composeFitting(
        tableData, in: body.rows(header.bounds.maxY + theme.length(.lineSpacing), body.maxY),
        theme: theme, measurer: measurer)
      guard next.remaining.count < remaining.count else {
        findings.append(Finding(.warning, .overflow(KPITableComposer.component, remaining.count)))
        break
      }
      pages.append(header.items + [next.frame.group("kpi-table")])
      findings += next.frame.findings
      remaining = next.remaining
    }

    // MARK: Footers
    let footerArea = Rect(
      x: content.minX, y: content.maxY - footerHeight, width: content.width, height: footerHeight)
    let left = [options.organisation, options.tool].filter { !$0.isEmpty }.joined(separator: " · ")
    let scenePages = pages.enumerated().map { index, items in
      let footer = chrome.footer(
        left: left, right: texts.pageNumber(index + 1, of: pages.count), note: options.dataNote,
        in: footerArea)
      let anchor: [FrameItem] = index == 0 ? [.anchor(Bookmark(title: title))] : []
      return Page(size: options.pageSize, label: "\(index + 1)", items: anchor + items + footer.items)
    }
    let info = DocumentInfo(
      title: title, author: options.organisation,
      subject: texts.subtitle(groupLabel: groupLabel, period: period, timeProgress: timeProgress),
      keywords: entries.map(\.indicator.name).joined(separator: ","), creator: options.tool,
      creationDate: options.creationDate)
    return (Scene(info: info, pages: scenePages), findings)
  }

  // MARK: - Sizing

  /// The chart's height: comfortable rows (about 2.4 lines each) when the KPI table leaves room,
  /// never less than tight rows (1.6 lines) unless that would take over 55 % of the space.
  private func fittedChartHeight(
    regions: Int, tableHeight: Double, space: Double, theme: ResolvedTheme,
    measurer: some TextMeasuring
  ) -> Double {
    let line = measurer.lineHeight(theme.text(.axisTextY))
    let chrome = 5 * line
    let ideal = Double(regions) * line * 2.4 + chrome
    let tight = Double(regions) * line * 1.6 + chrome
    let sectionTitle = measurer.lineHeight(theme.text(.sectionTitle))
    let free = space - tableHeight - sectionTitle - theme.length(.sectionSpacing)
      - theme.length(.lineSpacing)
    return max(min(ideal, free), min(tight, space * 0.55))
  }
}
