// MARK: - Theme keys

/// A key of the theme tree: a dot path (`axis.text.y`) with an explicit parent of the same kind.
/// Resolution walks from the root of the kind down to the key, each level overriding the fields it
/// sets (ggplot2's `el_def(class, parent)` + `calc_element`).
public protocol ThemeKey: RawRepresentable, CaseIterable, Hashable, Sendable
where RawValue == String, AllCases: Collection {
  /// The element this one inherits from; nil for the kind's root.
  var parent: Self? { get }
}

extension ThemeKey {
  /// The chain from the root down to this key (root first).
  public var lineage: [Self] {
    var chain: [Self] = [self]
    var cursor = parent
    while let next = cursor {
      chain.append(next)
      cursor = next.parent
    }
    return chain.reversed()
  }
}

/// Text elements (`TextStyle`). Root: `text`.
public enum TextKey: String, ThemeKey {
  case text
  case title
  case pageTitle = "page.title"
  case pageSubtitle = "page.subtitle"
  case sectionTitle = "section.title"
  case chartTitle = "chart.title"
  case axisText = "axis.text"
  case axisTextX = "axis.text.x"
  case axisTextY = "axis.text.y"
  /// The focus region's name on the category axis.
  case axisTextYFocus = "axis.text.y.focus"
  case axisTitle = "axis.title"
  case labelValue = "label.value"
  case labelValueFocus = "label.value.focus"
  /// The `—` shown instead of a bar for a missing value.
  case labelMissing = "label.missing"
  /// Reference-line labels (平均, 目标, 时序进度).
  case labelReference = "label.reference"
  case labelRank = "label.rank"
  /// 倒数第k marks and other alarm labels.
  case labelAlarm = "label.alarm"
  case labelGood = "label.good"
  case tableHeaderText = "table.header.text"
  case tableCellText = "table.cell.text"
  case tableCellNumber = "table.cell.number"
  case tableCellAlarm = "table.cell.alarm"
  case tableCellGood = "table.cell.good"
  case footerText = "footer.text"
  case noteText = "note.text"
  case paragraphText = "paragraph.text"

  public var parent: TextKey? {
    switch self {
    case .text: nil
    case .title, .axisText, .axisTitle, .labelValue, .labelReference, .labelRank, .labelAlarm,
      .labelGood, .tableHeaderText, .tableCellText, .footerText, .paragraphText, .pageSubtitle:
      .text
    case .pageTitle, .sectionTitle, .chartTitle: .title
    case .axisTextX, .axisTextY: .axisText
    case .axisTextYFocus: .axisTextY
    case .labelValueFocus, .labelMissing: .labelValue
    case .tableCellNumber: .tableCellText
    case .tableCellAlarm, .tableCellGood: .tableCellNumber
    case .noteText: .footerText
    }
  }
}

/// Line elements (`StrokeStyle`, or blank). Root: `line`.
public enum LineKey: String, ThemeKey {
  case line
  case axisLine = "axis.line"
  case axisTicks = "axis.ticks"
  case zeroLine = "zero.line"
  /// The group-average line (dashed).
  case referenceLine = "reference.line"
  case targetLine = "target.line"
  /// The time-progress line of progress bullets.
  case progressLine = "progress.line"
  case ruleMajor = "rule.major"
  case ruleMinor = "rule.minor"
  case headerRule = "header.rule"
  case footerRule = "footer.rule"
  /// Top and bottom rules of a three-line table (三线表).
  case tableRuleOuter = "table.rule.outer"
  case tableRuleHeader = "table.rule.header"
  case tableRuleRow = "table.rule.row"
  case gridMajor = "grid.major"

  public var parent: LineKey? {
    switch self {
    case .line: nil
    case .axisLine, .referenceLine, .ruleMajor, .ruleMinor, .gridMajor: .line
    case .axisTicks, .zeroLine: .axisLine
    case .targetLine, .progressLine: .referenceLine
    case .headerRule, .tableRuleOuter: .ruleMajor
    case .footerRule, .tableRuleHeader, .tableRuleRow: .ruleMinor
    }
  }
}

/// Fill elements (`Color`). Root: `fill` (the page background).
public enum FillKey: String, ThemeKey {
  case fill
  /// Peer bars.
  case barFill = "bar.fill"
  /// The focus region's bar.
  case highlightFill = "highlight.fill"
  case alarmFill = "alarm.fill"
  case goodFill = "good.fill"
  /// The track behind progress bullets.
  case trackFill = "track.fill"

  public var parent: FillKey? {
    switch self {
    case .fill: nil
    case .barFill, .alarmFill, .goodFill, .trackFill: .fill
    case .highlightFill: .barFill
    }
  }
}

/// Lengths in points unless the doc says otherwise. Root: `length`.
public enum LengthKey: String, ThemeKey {
  case length
  /// Page margin on every side. Default: 36 pt.
  case pageMargin = "page.margin"
  /// Vertical gap between page sections. Default: 14 pt.
  case sectionSpacing = "spacing.section"
  /// Gap between a mark and its label. Default: 3 pt.
  case labelSpacing = "spacing.label"
  /// Gap between stacked text lines of a block. Default: 3 pt.
  case lineSpacing = "spacing.line"
  /// Horizontal padding inside a table cell. Default: 4 pt.
  case cellPadding = "table.cell.padding"
  /// Vertical padding inside a table row. Default: 3 pt.
  case rowPadding = "table.row.padding"
  /// Bar thickness as a fraction of its band (unitless, 0...1). Default: 0.6.
  case barThickness = "bar.thickness"
  /// Tick length. Default: 3 pt.
  case tickLength = "axis.ticks.length"
  /// Smallest size text may be shrunk to when crowded. Default: 6 pt.
  case minTextSize = "text.size.min"

  public var parent: LengthKey? {
    switch self {
    case .length: nil
    case .pageMargin, .sectionSpacing, .labelSpacing, .lineSpacing, .cellPadding, .rowPadding,
      .barThickness, .tickLength, .minTextSize:
      .length
    }
  }
}
