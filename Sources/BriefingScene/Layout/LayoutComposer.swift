import BriefingCore
import BriefingSpec

// MARK: - Composing a layout into pages

/// Turns a layout plus a sheet context into pages: header, sections stacked top to bottom, each
/// a grid of components, and a footer. Sections with a fixed `height` get it; components with a
/// natural height (tables, text) get what they need; the remaining height is shared equally by
/// the flexible sections. Pure: no I/O, text measured through `measurer`.
public struct LayoutComposer {
  public let layout: LayoutDocument
  public let theme: ResolvedTheme
  public let measurer: any TextMeasuring

  public init(layout: LayoutDocument, theme: ResolvedTheme, measurer: any TextMeasuring) {
    self.layout = layout
    self.theme = theme
    self.measurer = measurer
  }

  /// Page size in points from the layout's paper and orientation.
  public var pageSize: Size {
    let portrait: Size =
      switch layout.page.size {
      case .A4: .a4
      case .A3: .a3
      case .letter: .usLetter
      case .legal: .usLegal
      }
    switch layout.page.orientation {
    case .portrait: return portrait
    case .landscape: return portrait.rotated
    }
  }

  /// Composes one sheet. Sections are stacked top to bottom; a section that does not fit below
  /// the previous one starts a new page (never split), except a ranking or KPI table alone in
  /// its section: it fills the page and continues on the next pages (rows whole, header and
  /// section title 「…（续）」 repeated). Every page gets the header and the footer with
  /// 「第 x 页 共 y 页」; a sheet of more than one page gets an outline entry per titled section
  /// and per continued part.
  public func compose(_ context: SheetContext) -> ([Page], [Finding]) {
    let margin = layout.page.margin
    let content = Rect(
      x: margin, y: margin, width: pageSize.width - 2 * margin, height: pageSize.height - 2 * margin)
    let chrome = PageChrome(context: context, theme: theme, measurer: measurer)
    let title = context.expand(layout.title)
    let (headerItems, bodyTop) = chrome.header(title: title, in: content)
    // The footer's height does not depend on the page number, so measure it once.
    let (_, bodyBottom) = chrome.footer(layout.footer, page: 1, of: 1, in: content)
    let body = Rect(x: content.minX, y: bodyTop, width: content.width, height: bodyBottom - bodyTop)

    var findings: [Finding] = []
    var pages = [PanelItems(items: headerItems)]
    /// Outline titles per page: the sections that start on it and the parts continued onto it.
    var outline: [[String]] = [[]]
    let composer = ComponentDispatch(context: context, theme: theme, measurer: measurer)
    var y = body.minY
    func newPage() {
      pages.append(PanelItems(items: headerItems))
      outline.append([])
      y = body.minY
    }
    // Each section's rows are measured once, at the body's width (a section is always composed
    // that wide), for its height and again when it is composed.
    let measured = layout.sections.map { section in
      SectionRows(
        natural: rowHeights(section, width: body.width, composer: composer),
        least: rowMinimums(section, width: body.width, composer: composer))
    }
    let heights = sectionHeights(in: body, measured: measured)
    for (index, (section, height)) in zip(layout.sections, heights).enumerated() {
      let key = "sections[\(index)].components"
      let sectionTitle = section.title ?? section.components.first?.title
      if let table = continuingTable(section) {
        // A table that fits a page is kept whole (a new page when it does not fit here); a
        // longer one starts here when this page holds a few of its rows.
        if y + height > body.maxY + 0.5, y > body.minY, height <= body.height + 0.5 {
          newPage()
        }
        var first = tablePart(section, table, key: key + "[0]", part: 0, in: Rect(x: body.minX, y: y, width: body.width, height: min(height, body.maxY - y)), language: context.language) {
          composer.composeFitting(table, in: $0)
        }
        let total = composer.rowCount(table)
        if y > body.minY, total - (first.remainder?.rowCount ?? 0) < min(Self.minimumRows, total) {
          newPage()
          first = tablePart(section, table, key: key + "[0]", part: 0, in: Rect(x: body.minX, y: y, width: body.width, height: min(height, body.maxY - y)), language: context.language) {
            composer.composeFitting(table, in: $0)
          }
        }
        pages[pages.count - 1].append(first.items)
        findings += first.frame.findings
        outline[outline.count - 1] += sectionTitle.map { [$0] } ?? []
        y += min(height, body.maxY - y) + sectionGap
        var remainder = first.remainder
        var part = 1
        while let rest = remainder {
          newPage()
          let next = tablePart(section, table, key: key + "[0]", part: part, in: body, language: context.language) { composer.composeFitting(rest, in: $0) }
          guard next.remainder?.rowCount != rest.rowCount else {
            // Not one row fits on an empty page: say which rows are left out.
            findings.append(
              Finding(.warning, .overflow(table.kind.rawValue, rows: rest.rowNames), at: table.location))
            break
          }
          pages[pages.count - 1].append(next.items)
          findings += next.frame.findings
          outline[outline.count - 1] += sectionTitle.map { [continued($0, context.language)] } ?? []
          y = body.minY + next.frame.usedHeight(below: body.minY) + sectionGap
          remainder = next.remainder
          part += 1
        }
        continue
      }
      if y + height > body.maxY + 0.5, y > body.minY {
        newPage()
      }
      let fitted = min(height, body.maxY - y)
      let (placed, sectionFindings) = composeSection(
        section, key: key, in: Rect(x: body.minX, y: y, width: body.width, height: fitted),
        rows: measured[index], composer: composer)
      pages[pages.count - 1].append(placed)
      outline[outline.count - 1] += section.title.map { [$0] } ?? []
      findings += sectionFindings
      y += fitted + sectionGap
    }
    if pages.count > 1 {
      // Under the region's entry in a region pack, top level otherwise.
      let level = context.focus == nil ? 0 : 1
      for index in pages.indices {
        pages[index].prepend(outline[index].map { .anchor(Bookmark(title: $0, level: level)) })
      }
    }
    if let focus = context.focus {
      pages[0].prepend([.anchor(Bookmark(title: context.name(focus)))])
    }
    // Page labels name the region, so a combined region pack reads 「肃州 1」, 「玉门 1」… in viewers.
    let labelPrefix = context.focus.map { context.name($0, short: true) + " " } ?? ""
    let result = pages.enumerated().map { index, page in
      Page(
        size: pageSize, label: labelPrefix + "\(index + 1)",
        items: page.items + chrome.footer(layout.footer, page: index + 1, of: pages.count, in: content).0,
        panels: page.panels, text: chrome.text(title: title, footer: layout.footer))
    }
    return (result, findings)
  }

  // MARK: - Continued tables

  /// The rows a continued table puts on a page before the next page is better: 3 (or all).
  static let minimumRows = 3

  /// The table that is a section's only component across its full width, if it can continue.
  private func continuingTable(_ section: SectionSpec) -> ComponentSpec? {
    guard section.components.count == 1, let component = section.components.first,
      ComponentDispatch.continues(component.kind), min(component.span, section.columns) == section.columns
    else { return nil }
    return component
  }

  /// `title（续）`, `title（續）`, `title (continued)`.
  private func continued(_ title: String, _ language: LayoutDocument.Language) -> String {
    switch language {
    case .zhCN: title + "（续）"
    case .zhTW: title + "（續）"
    case .en: title + " (continued)"
    }
  }

  /// One page's part of a continued table: the section title (「（续）」 after the first part),
  /// the component title, then the rows `fit` lays out in what is left of `rect`; `items` holds
  /// them with the table's panel (`key` names the component).
  private func tablePart(
    _ section: SectionSpec, _ component: ComponentSpec, key: String, part: Int, in rect: Rect,
    language: LayoutDocument.Language, fit: (Rect) -> (ComposedFrame, TableRemainder?)
  ) -> (frame: ComposedFrame, items: PanelItems, remainder: TableRemainder?) {
    var output = ComposedFrame(bounds: rect)
    var placed = PanelItems()
    var cell = rect
    for (title, titleKey) in [(section.title, TextKey.sectionTitle), (component.title, .chartTitle)] {
      guard let title else { continue }
      let shown = part > 0 && titleKey == .sectionTitle ? continued(title, language) : title
      let (item, below) = self.title(shown, titleKey, atTopOf: cell)
      placed.append([item])
      cell = below
    }
    let (frame, remainder) = fit(cell)
    placed.append(
      [.group(name: component.kind.rawValue, clip: nil, items: frame.items)],
      as: panel(component, key: key, rect: cell, frame: frame, heading: part == 0 ? section.title : nil))
    output.items = placed.items
    output.findings += frame.findings
    return (output, placed, remainder)
  }

  // MARK: - Sections

  private var sectionGap: Double { theme.length(.sectionSpacing) }

  /// The least height a chart section gets before it moves to the next page. 170 pt.
  static let minimumFlexibleHeight = 170.0

  private func titleHeight(_ title: String?, width: Double) -> Double {
    guard let title else { return 0 }
    return measurer.measure(title, style: theme.text(.sectionTitle), wrapWidth: width).height + 4
  }

  /// A section's grid rows measured at the body's width: natural heights (nil: takes what it is
  /// given) and least heights, in points.
  private struct SectionRows {
    var natural: [Double?]
    var least: [Double]
  }

  /// Heights: fixed, natural (every component knows its height), or an equal share of the rest.
  private func sectionHeights(in body: Rect, measured: [SectionRows]) -> [Double] {
    let gaps = sectionGap * Double(max(0, layout.sections.count - 1))
    var minimums: [Double] = []
    var heights: [Double?] = zip(layout.sections, measured).map { section, measured in
      let (natural, least) = (measured.natural, measured.least)
      let rows = zip(natural, least).map { $0 ?? $1 }
      let title = titleHeight(section.title, width: body.width)
      let gaps = sectionGap * Double(max(0, rows.count - 1))
      minimums.append(rows.reduce(0, +) + gaps + title)
      // A fixed height is kept unless a chart in the section needs more to draw every bar at
      // the minimum text size (a ranking of 150 regions): then the section grows, up to a page.
      if let fixed = section.height {
        let charts = least.reduce(0, +)
        return charts > 0 ? max(fixed, min(body.height, charts + gaps + title)) : fixed
      }
      guard natural.allSatisfy({ $0 != nil }) else { return nil }
      return minimums[minimums.count - 1]
    }
    let used = heights.compactMap { $0 }.reduce(0, +) + gaps
    let flexible = heights.filter { $0 == nil }.count
    // Flexible sections share what is left on the first page, but never get less than
    // `minimumFlexibleHeight` (they move to the next page instead), nor less than their
    // components' least heights (a long ranking), up to a whole page.
    let share = flexible > 0 ? max(Self.minimumFlexibleHeight, (body.height - used) / Double(flexible)) : 0
    heights = zip(heights, minimums).map { height, least in
      height ?? min(body.height, max(share, least))
    }
    return heights.compactMap { $0 }
  }

  /// Each grid row's least height (its components' `minimumHeight`, title included): what a
  /// row without a natural height needs so nothing in it falls below the minimum text size.
  private func rowMinimums(_ section: SectionSpec, width: Double, composer: ComponentDispatch)
    -> [Double]
  {
    let gap = theme.length(.sectionSpacing)
    let cellWidth = (width - gap * Double(section.columns - 1)) / Double(section.columns)
    return gridRows(section).map { row in
      row.map { component -> Double in
        let span = Double(min(component.span, section.columns))
        let width = cellWidth * span + gap * (span - 1)
        let least = composer.minimumHeight(component, width: width)
        guard least > 0 else { return 0 }
        return least + titleHeight(component.title, width: width)
      }.max() ?? 0
    }
  }

  /// Heights of the flexible rows of a section: `available` points shared equally, except that
  /// a row never gets less than its minimum (the others share what is left).
  static func share(_ available: Double, minimums: [Double]) -> [Double] {
    var fixed = Set<Int>()
    while true {
      let free = minimums.indices.filter { !fixed.contains($0) }
      guard !free.isEmpty else { return minimums }
      let left = available - fixed.map { minimums[$0] }.reduce(0, +)
      let share = max(0, left / Double(free.count))
      let short = free.filter { minimums[$0] > share }
      if short.isEmpty { return minimums.indices.map { fixed.contains($0) ? minimums[$0] : share } }
      fixed.formUnion(short)
    }
  }

  /// Components grouped into grid rows: a row ends when its spans fill the section's columns.
  private func gridRows(_ section: SectionSpec) -> [[ComponentSpec]] {
    var rows: [[ComponentSpec]] = []
    var used = section.columns
    for component in section.components {
      let span = min(component.span, section.columns)
      if used + span > section.columns {
        rows.append([])
        used = 0
      }
      rows[rows.count - 1].append(component)
      used += span
    }
    return rows
  }

  /// Each grid row's natural height (its tallest component, title included), nil when a
  /// component in it takes whatever height it is given.
  private func rowHeights(_ section: SectionSpec, width: Double, composer: ComponentDispatch)
    -> [Double?]
  {
    let gap = theme.length(.sectionSpacing)
    let cellWidth = (width - gap * Double(section.columns - 1)) / Double(section.columns)
    return gridRows(section).map { row in
      let heights = row.map { component -> Double? in
        let span = Double(min(component.span, section.columns))
        let componentWidth = cellWidth * span + gap * (span - 1)
        return component.height
          ?? composer.naturalHeight(component, width: componentWidth)
          .map { $0 + titleHeight(component.title, width: componentWidth) }
      }
      guard heights.allSatisfy({ $0 != nil }) else { return nil }
      return heights.compactMap { $0 }.max()
    }
  }

  /// A section title (`.sectionTitle`, 4 pt above what follows) or component title
  /// (`.chartTitle`, 3 pt) wrapped to the width of `rect` at its top, and the rect below it.
  private func title(_ text: String, _ key: TextKey, atTopOf rect: Rect) -> (FrameItem, Rect) {
    let style = theme.text(key)
    let metrics = measurer.measure(text, style: style, wrapWidth: rect.width)
    let run = TextRun(
      text: text, origin: Point(x: rect.minX, y: rect.minY), style: style, wrapWidth: rect.width,
      size: Size(width: metrics.width, height: metrics.height))
    return (.text(run), rect.inset(top: metrics.height + (key == .sectionTitle ? 4 : 3)))
  }

  /// A section's titles and components in `rect` (as wide as the body, whose measured `rows`
  /// it takes), with a panel per component (`key` names the section's components:
  /// `sections[2].components`).
  private func composeSection(
    _ section: SectionSpec, key: String, in rect: Rect, rows measured: SectionRows,
    composer: ComponentDispatch
  ) -> (PanelItems, [Finding]) {
    var findings: [Finding] = []
    var placed = PanelItems()
    var area = rect
    if let text = section.title {
      let (item, below) = title(text, .sectionTitle, atTopOf: rect)
      placed.append([item])
      area = below
    }
    let gap = theme.length(.sectionSpacing)
    let columnWidth = (area.width - gap * Double(section.columns - 1)) / Double(section.columns)
    let rows = gridRows(section)
    // Rows with a natural height get it; the others share what is left of the section.
    let natural = measured.natural
    let fixed = natural.compactMap { $0 }.reduce(0, +) + gap * Double(max(0, rows.count - 1))
    let minimums = measured.least
    var shares = Self.share(
      max(0, area.height - fixed),
      minimums: zip(natural, minimums).compactMap { $0 == nil ? $1 : nil }
    ).makeIterator()
    let heights = natural.map { $0 ?? shares.next() ?? 0 }
    var y = area.minY
    var index = 0
    for (row, height) in zip(rows, heights) {
      var column = 0
      for component in row {
        let span = min(component.span, section.columns - column)
        let width = columnWidth * Double(span) + gap * Double(span - 1)
        var cell = Rect(
          x: area.minX + Double(column) * (columnWidth + gap), y: y, width: width,
          height: min(height, area.maxY - y))
        if let text = component.title {
          let (item, below) = title(text, .chartTitle, atTopOf: cell)
          placed.append([item])
          cell = below
        }
        let composed = composer.compose(component, in: cell)
        placed.append(
          [.group(name: component.kind.rawValue, clip: nil, items: composed.items)],
          as: panel(
            component, key: key + "[\(index)]", rect: cell, frame: composed,
            heading: index == 0 ? section.title : nil))
        findings += composed.findings
        column += span
        index += 1
      }
      y += height + gap
    }
    return (placed, findings)
  }

  /// The panel of `component` composed in `rect` as `frame` (its items are set when it is
  /// placed), under the section title `heading` when it opens a titled section.
  private func panel(_ component: ComponentSpec, key: String, rect: Rect, frame: ComposedFrame, heading: String? = nil)
    -> Panel
  {
    Panel(
      component: component.kind.rawValue, title: component.title, location: component.location,
      key: key, rect: rect, items: 0..<0, coverage: frame.coverage, heading: heading,
      content: frame.content)
  }
}

// MARK: - Single charts

extension LayoutComposer {
  /// One chart page for `scope: charts`: the title (with `{indicator}` filled) above the layout's
  /// first component bound to `indicator`, on a page of `chartWidth × chartHeight` pixels at
  /// 96 dpi (so 800 × 500 px is 600 × 375 pt), or of `size` points when given (a chart filling
  /// a PDF page).
  public func composeChart(_ context: SheetContext, indicator: Indicator, size: Size? = nil)
    -> (Page, [Finding])
  {
    var size = size ?? Size(width: layout.page.chartWidth * 0.75, height: layout.page.chartHeight * 0.75)
    let margin = 12.0
    let style = theme.text(.pageTitle).scaled(0.8)
    let title = context.expand(layout.title, indicator: indicator)
    let metrics = measurer.measure(title, style: style, wrapWidth: size.width - 2 * margin)
    let composer = ComponentDispatch(context: context, theme: theme, measurer: measurer)
    let first = layout.sections.first?.components.first
    // A chart that needs more height than the page gives (a ranking of 150 regions) makes the
    // page taller rather than shrinking its text below the minimum size.
    if let first {
      let least =
        composer.minimumHeight(first.bound(to: indicator.id), width: size.width - 2 * margin)
        + metrics.height + 6 + 2 * margin
      size.height = max(size.height, least.rounded(.up))
    }
    let content = Rect(x: margin, y: margin, width: size.width - 2 * margin, height: size.height - 2 * margin)
    let items: [FrameItem] = [
      .text(
        TextRun(
          text: title, origin: content.origin, style: style, alignment: .center,
          wrapWidth: content.width, size: Size(width: content.width, height: metrics.height)))
    ]
    guard let first else { return (Page(size: size, items: items), []) }
    let spec = first.bound(to: indicator.id)
    let rect = content.inset(top: metrics.height + 6)
    let frame = composer.compose(spec, in: rect)
    var placed = PanelItems(items: items)
    placed.append(
      frame.items, as: panel(spec, key: "sections[0].components[0]", rect: rect, frame: frame))
    return (Page(size: size, items: placed.items, panels: placed.panels), frame.findings)
  }
}
