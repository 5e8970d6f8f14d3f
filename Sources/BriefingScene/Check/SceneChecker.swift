import BriefingCore

// MARK: - Scene checker

/// Checks composed pages before they are drawn, from the scene alone (and the findings that
/// composition reported). Pure. Every violation is a warning naming the sheet's subject (its
/// focus region or group), the page and the component, located at the component in the layout:
///
/// - **overlap**: two visible text boxes on a page share more than `tolerance` in both directions;
/// - **outside**: a text box passes the page's edge, or a text or shape of a component passes the
///   rectangle the component was given, by more than `tolerance`;
/// - **small**: a text is set below the theme's minimum size;
/// - **empty**: a component draws nothing, or declares marks and draws none of them without the
///   「无数据」/`No data` note (`NoDataNote`);
/// - **left out**: a mark a component was asked to show (its `Coverage`) and did not draw is named
///   by no warning among `reported`, and no text the component drew (its coverage's
///   `statement`) counts the marks left out.
///
/// Findings are grouped (one per page, component and kind of violation, with a count and an
/// example), so a crowded chart gives one line, not hundreds.
public struct SceneChecker: Sendable {
  // MARK: - Properties

  /// Texts set smaller than this are reported, pt. The theme's `text.size.min` (default 6 pt).
  public var minimumTextSize: Double

  /// Slack in points. Boxes that share at most this much in one direction do not overlap, and a
  /// box may pass an edge by this much: measured heights are fractional and table cells abut
  /// exactly; half a point is thinner than any glyph's stroke at the sizes used. 0.5 pt.
  public static let tolerance = 0.5

  // MARK: - Initialization

  public init(minimumTextSize: Double) {
    self.minimumTextSize = minimumTextSize
  }

  /// A checker with the theme's minimum text size.
  public init(theme: ResolvedTheme) {
    self.init(minimumTextSize: theme.length(.minTextSize))
  }

  // MARK: - Methods

  /// Checks the pages of one sheet (or chart). `reported`: the findings composition returned,
  /// which must name every mark left out; `subject`: who the sheet is for, named in findings.
  public func check(_ pages: [Page], reported: [Finding], subject: String? = nil) -> [Finding] {
    var findings: [Finding] = []
    for (index, page) in pages.enumerated() {
      let place = Place(subject: subject, page: index + 1)
      let contents = Contents(page)
      findings += layout(page, contents, place: place) + emptyPanels(page, contents, place: place)
    }
    return findings + completeness(pages, reported: reported, subject: subject)
  }

  /// The layout checks alone (overlap, outside, size) on one composer's frame laid out in
  /// `rect`, as if it were alone on a page just as large as the rectangle's far corner: tests
  /// of single composers, whose frames may be one page's part of a table.
  public func checkLayout(_ frame: ComposedFrame, in rect: Rect, component: String) -> [Finding] {
    let page = Page(
      size: Size(width: rect.maxX, height: rect.maxY), items: frame.items,
      panels: [
        Panel(
          component: component, key: component, rect: rect, items: 0..<frame.items.count,
          coverage: frame.coverage)
      ])
    return layout(page, Contents(page), place: Place(subject: nil, page: 1))
  }

  // MARK: - One page

  /// Sizes, boxes outside the page or their panel, overlaps.
  private func layout(_ page: Page, _ contents: Contents, place: Place) -> [Finding] {
    let (texts, shapes) = (contents.texts, contents.shapes)
    let pageRect = Rect(x: 0, y: 0, width: page.size.width, height: page.size.height)
    var findings: [Finding] = []
    func report(_ owner: Int?, _ message: (String) -> Finding.Message) {
      let panel = owner.map { page.panels[$0] }
      findings.append(
        Finding(.warning, message(place.naming(panel?.label)), at: panel?.location))
    }

    // Sizes, and boxes outside the page or their panel: one finding per component and kind.
    for (owner, group) in grouped(texts.filter { $0.run.style.size < minimumTextSize - 1e-9 }) {
      let smallest = group.map(\.run.style.size).min() ?? 0
      report(owner) {
        .textTooSmall(
          $0, count: group.count, smallest: smallest, minimum: minimumTextSize,
          example: group[0].run.text)
      }
    }
    for (owner, group) in grouped(
      texts.filter { !pageRect.contains($0.run.bounds, tolerance: Self.tolerance) })
    {
      report(owner) { .textOutsidePage($0, count: group.count, example: group[0].run.text) }
    }
    for (owner, panel) in page.panels.enumerated() {
      let outside = texts.filter {
        $0.owner == owner && !panel.rect.contains($0.run.bounds, tolerance: Self.tolerance)
      }
      if let first = outside.first {
        report(owner) {
          .textOutsidePanel($0, count: outside.count, rect: panel.rect, example: first.run.text)
        }
      }
      let strayShapes = (shapes[owner] ?? []).filter {
        !panel.rect.contains($0.bounds, tolerance: Self.tolerance)
      }
      if !strayShapes.isEmpty {
        report(owner) { .shapesOutsidePanel($0, count: strayShapes.count, rect: panel.rect) }
      }
    }
    return findings + overlaps(texts, page: page, place: place)
  }

  /// Overlapping text boxes, one finding per pair of components (a component with itself
  /// included): how many pairs overlap and the first.
  private func overlaps(_ texts: [Placed], page: Page, place: Place) -> [Finding] {
    let sorted = texts.sorted { $0.run.bounds.minY < $1.run.bounds.minY }
    var pairs: [PanelPair: (count: Int, first: (String, String))] = [:]
    var order: [PanelPair] = []
    for i in sorted.indices {
      let box = sorted[i].run.bounds
      var j = i + 1
      while j < sorted.count, sorted[j].run.bounds.minY < box.maxY - Self.tolerance {
        if box.intersects(sorted[j].run.bounds, tolerance: Self.tolerance) {
          let key = PanelPair(sorted[i].owner, sorted[j].owner)
          if pairs[key] == nil {
            order.append(key)
            pairs[key] = (0, (sorted[i].run.text, sorted[j].run.text))
          }
          pairs[key]?.count += 1
        }
        j += 1
      }
    }
    return order.compactMap { key in
      guard let (count, first) = pairs[key] else { return nil }
      let panels = (key.first.map { page.panels[$0] }, key.second.map { page.panels[$0] })
      let other = key.first == key.second ? nil : panels.1?.label ?? Place.chrome
      return Finding(
        .warning,
        .textOverlap(place.naming(panels.0?.label), count: count, first: first, other: other),
        at: panels.0?.location ?? panels.1?.location)
    }
  }

  /// Panels that draw nothing, or none of their declared marks without a no-data note.
  private func emptyPanels(_ page: Page, _ contents: Contents, place: Place) -> [Finding] {
    page.panels.enumerated().compactMap { owner, panel in
      let own = contents.texts.filter { $0.owner == owner }
      let note = own.contains { NoDataNote.spellings.contains($0.run.text) }
      let naming = place.naming(panel.label)
      if own.isEmpty, contents.shapes[owner, default: []].isEmpty {
        return Finding(.warning, .panelEmpty(naming), at: panel.location)
      }
      let marks = panel.coverage.map(\.marks)
      if !marks.isEmpty, panel.coverage.allSatisfy(\.drawn.isEmpty), !note {
        return Finding(.warning, .panelWithoutMarks(naming, marks: marks), at: panel.location)
      }
      return nil
    }
  }

  // MARK: - Completeness

  /// Marks asked for and not drawn (over every page part of a component) that no warning of
  /// composition names, unless the component drew a statement that counts them (the number
  /// left out in digits). A name counts once, whichever part asked for it.
  private func completeness(_ pages: [Page], reported: [Finding], subject: String?) -> [Finding] {
    var keys: [String] = []
    var parts: [String: [(page: Int, panel: Panel)]] = [:]
    /// The texts each component drew, by key.
    var drawnTexts: [String: [String]] = [:]
    for (index, page) in pages.enumerated() {
      for panel in page.panels {
        if parts[panel.key] == nil { keys.append(panel.key) }
        parts[panel.key, default: []].append((index + 1, panel))
        drawnTexts[panel.key, default: []] += page.items[panel.items].flatMap(\.textRuns).map(
          \.text)
      }
    }
    let warnings = reported.filter { $0.severity >= .warning }.map(\.message.text)
    var findings: [Finding] = []
    for key in keys {
      guard let all = parts[key], let first = all.first else { continue }
      let coverage = all.flatMap(\.panel.coverage)
      var marks: [String] = []
      for entry in coverage where !marks.contains(entry.marks) { marks.append(entry.marks) }
      for kind in marks {
        let entries = coverage.filter { $0.marks == kind }
        let drawn = Set(entries.flatMap(\.drawn))
        var asked: [String] = []
        for name in entries.flatMap(\.asked) where !asked.contains(name) { asked.append(name) }
        let leftOut = asked.filter { !drawn.contains($0) }
        let stated = entries.compactMap(\.statement).contains { statement in
          statement.contains(String(leftOut.count))
            && drawnTexts[key, default: []].contains { $0.contains(statement) }
        }
        let silent =
          stated ? [] : leftOut.filter { name in !warnings.contains { $0.contains(name) } }
        guard !silent.isEmpty else { continue }
        let naming = Place(subject: subject, page: first.page).naming(first.panel.label)
        findings.append(
          Finding(
            .warning, .leftOutSilently(naming, marks: kind, names: silent), at: first.panel.location
          ))
      }
    }
    return findings
  }

  // MARK: - Helpers

  /// `texts` grouped by panel, in the order first met.
  private func grouped(_ texts: [Placed]) -> [(Int?, [Placed])] {
    var order: [Int?] = []
    var groups: [Int?: [Placed]] = [:]
    for text in texts {
      if groups[text.owner] == nil { order.append(text.owner) }
      groups[text.owner, default: []].append(text)
    }
    return order.map { ($0, groups[$0] ?? []) }
  }
}

// MARK: - A page's contents

/// A visible text run and the index of the panel that drew it (nil: header, footer, titles).
private struct Placed {
  var run: TextRun
  var owner: Int?
}

/// The visible texts of a page with their panels, and each panel's shapes.
private struct Contents {
  var texts: [Placed] = []
  var shapes: [Int: [Shape]] = [:]

  init(_ page: Page) {
    for (index, item) in page.items.enumerated() {
      let owner = page.panels.firstIndex { $0.items.contains(index) }
      texts += item.textRuns.filter(\.isVisible).map { Placed(run: $0, owner: owner) }
      if let owner { shapes[owner, default: []] += item.shapes }
    }
  }
}

// MARK: - Naming

/// The sheet's subject and page, as findings name them.
private struct Place {
  var subject: String?
  var page: Int

  /// What texts outside every component are: header, footer and titles.
  static let chrome = "page header, footer or titles"

  /// `肃州区, page 2, rankedBar 「…」`.
  func naming(_ component: String?) -> String {
    [subject, "page \(page)", component ?? Self.chrome].compactMap { $0 }.joined(separator: ", ")
  }
}

/// An unordered pair of panel indices (nil: outside every panel).
private struct PanelPair: Hashable {
  var first: Int?
  var second: Int?

  init(_ a: Int?, _ b: Int?) {
    // Panels in page order, texts outside every panel last.
    if (a ?? Int.max) <= (b ?? Int.max) {
      (first, second) = (a, b)
    } else {
      (first, second) = (b, a)
    }
  }
}
