import BriefingCore

// MARK: - What a component drew

/// What a component was asked to show and what it drew, for one kind of mark (the rows of a
/// table, the bars of a chart, the panels of a grid). Composers declare it in
/// `ComposedFrame.coverage`; `SceneChecker` makes sure every mark asked for and not drawn is
/// named by a warning of the composer, or counted on the sheet by the component's `statement`.
public struct Coverage: Hashable, Sendable, Codable {
  /// What the marks are, plural, as messages say it: `rows`, `bars`, `panels`, `columns`.
  public var marks: String
  /// The names (region, indicator, period) of every mark the data holds and the component was
  /// asked to show, in order.
  public var asked: [String]
  /// The names of the marks drawn (a mark shown as `—` counts as drawn).
  public var drawn: [String]
  /// A text the component draws that counts the marks left out (「另有9个乡镇未列出」): the
  /// sheet says it, so no warning has to. Default: none.
  public var statement: String?

  public init(_ marks: String, asked: [String], drawn: [String], statement: String? = nil) {
    self.marks = marks
    self.asked = asked
    self.drawn = drawn
    self.statement = statement
  }

  /// Asked for and not drawn, in the order asked.
  public var leftOut: [String] {
    var remaining = drawn
    return asked.filter { name in
      guard let index = remaining.firstIndex(of: name) else { return true }
      remaining.remove(at: index)
      return false
    }
  }
}

// MARK: - Where a component sits on a page

/// One component's place on a page: the rectangle it was given (its title above it is not part
/// of it), the page items it drew and what it declared it drew. `LayoutComposer` records one per
/// component (one per page part of a continued table), so the checker can tell whose text is
/// where.
public struct Panel: Hashable, Sendable, Codable {
  /// The component kind (`rankedBar`), as its group is named.
  public var component: String
  /// The component's title in the layout, if any.
  public var title: String?
  /// Where the component is declared in the layout file.
  public var location: SourceLocation?
  /// Which component of the layout it is (`sections[2].components[0]`): the page parts of a
  /// continued table share it.
  public var key: String
  /// The rectangle given to the component, points.
  public var rect: Rect
  /// The page items (`Page.items` indices) the component drew.
  public var items: Range<Int>
  /// What the component was asked to show and drew.
  public var coverage: [Coverage]
  /// The title of the section the component opens (as drawn above it), set on the first panel
  /// of a titled section only. Default: nil.
  public var heading: String?
  /// The drawn text with its structure, nil for a component drawn as a picture.
  /// Default: nil.
  public var content: PanelContent?

  public init(
    component: String, title: String? = nil, location: SourceLocation? = nil, key: String,
    rect: Rect, items: Range<Int>, coverage: [Coverage] = [], heading: String? = nil,
    content: PanelContent? = nil
  ) {
    self.component = component
    self.title = title
    self.location = location
    self.key = key
    self.rect = rect
    self.items = items
    self.coverage = coverage
    self.heading = heading
    self.content = content
  }

  /// `rankedBar 「地区生产总值增速」`, or the kind alone.
  public var label: String {
    title.map { "\(component) 「\($0)」" } ?? component
  }

  /// The same panel with its items `offset` places further down the page.
  func shifted(by offset: Int) -> Panel {
    var copy = self
    copy.items = (items.lowerBound + offset)..<(items.upperBound + offset)
    return copy
  }
}

extension Page {
  /// Inserts `items` (outline anchors) before the page's items; the panels keep pointing at
  /// their own items.
  public mutating func prepend(_ items: [FrameItem]) {
    self.items.insert(contentsOf: items, at: 0)
    panels = panels.map { $0.shifted(by: items.count) }
  }
}

/// Items being gathered for one page, with the panels of the components among them.
struct PanelItems {
  var items: [FrameItem] = []
  var panels: [Panel] = []

  /// Inserts `more` (outline anchors) before the items; the panels keep pointing at theirs.
  mutating func prepend(_ more: [FrameItem]) {
    items.insert(contentsOf: more, at: 0)
    panels = panels.map { $0.shifted(by: more.count) }
  }

  /// Appends plain items (titles, header, footer).
  mutating func append(_ more: [FrameItem]) {
    items += more
  }

  /// Appends a component's items and records its panel (`items` in `panel` is set here).
  mutating func append(_ more: [FrameItem], as panel: Panel) {
    var placed = panel
    placed.items = items.count..<(items.count + more.count)
    panels.append(placed)
    items += more
  }

  /// Appends another gathering, its panels moved along.
  mutating func append(_ other: PanelItems) {
    panels += other.panels.map { $0.shifted(by: items.count) }
    items += other.items
  }
}
