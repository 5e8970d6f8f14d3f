import BriefingCore
import BriefingStats

// MARK: - Text placement shared by the chart and table composers

/// Measuring and shortening of single-line labels (anchored runs come from
/// `TextMeasuring.run`). All lengths in points.
struct TextKit<M: TextMeasuring> {
  // MARK: - Properties
  let measurer: M

  // MARK: - Methods

  /// The measured single-line size of `text`.
  func size(_ text: String, _ style: TextStyle) -> Size {
    let m = measurer.measure(text, style: style, wrapWidth: nil)
    return Size(width: m.width, height: m.height)
  }

  /// A run wrapped inside `width` whose box sits on `bottomLeft` (multi-line sentences).
  func wrapped(_ text: String, _ style: TextStyle, width: Double, bottomLeft: Point) -> TextRun {
    let m = measurer.measure(text, style: style, wrapWidth: width)
    return TextRun(
      text: text, origin: Point(x: bottomLeft.x, y: bottomLeft.y - m.height), style: style,
      alignment: .left, wrapWidth: width, size: Size(width: m.width, height: m.height))
  }

  /// `text` cut to `maxWidth` with a trailing `…` when it does not fit (`truncated`); empty when
  /// not even `…` fits. Appends a `label-shortened` finding when shortened.
  func fitted(
    _ text: String, _ style: TextStyle, maxWidth: Double, findings: inout [Finding]
  ) -> String {
    let (cut, shortened) = measurer.truncated(text, style: style, maxWidth: maxWidth)
    guard shortened else { return text }
    let shown = measurer.width(cut, style: style) <= maxWidth ? cut : ""
    findings.append(Finding(.notice, .labelShortened(text, to: shown)))
    return shown
  }
}

// MARK: - Shared data helpers

/// Naming and value text shared by the chart and table composers.
enum ChartText {
  /// The display name of `id`, falling back to the raw id.
  static func name(_ id: RegionID, _ names: [RegionID: String]) -> String {
    names[id] ?? id.rawValue
  }

  /// The value if it may be drawn (actual, estimate or preliminary and present); nil otherwise.
  static func drawable(_ row: ComparisonRow) -> Double? {
    switch row.status {
    case .actual, .estimate, .preliminary: return row.value.flatMap { $0.isFinite ? $0 : nil }
    case .masked, .missing: return nil
    }
  }

  /// The mark shown instead of a value: `*` when masked, `—` otherwise.
  static func absentMark(_ row: ComparisonRow?, _ format: NumberFormat) -> String {
    guard let row else { return format.missing }
    switch row.status {
    case .masked: return format.masked
    case .actual, .estimate, .preliminary, .missing: return format.missing
    }
  }

  /// `地区生产总值（亿元）` / `GDP (亿元)`: an indicator name with its unit (`NumberFormat.symbol(of:)`), if any.
  static func titleWithUnit(_ name: String, unit: Unit?, _ format: NumberFormat) -> String {
    guard let unit = unit.map(format.symbol(of:)), !unit.isEmpty else { return name }
    switch format.style {
    case .chinese: return "\(name)（\(unit)）"
    case .english: return "\(name) (\(unit))"
    }
  }

  /// 「注：未绘出 敦煌市（—）、金塔县（*）」 / "Not plotted: Dunhuang (—), Jinta (*)": the regions a
  /// chart could not draw, each with its mark; a group with a title (a period) names it before
  /// its regions (「2024年上半年：敦煌市（—）；2023年上半年：…」). Empty groups are skipped.
  static func notPlotted(
    _ groups: [(title: String?, absent: [(name: String, mark: String)])], _ format: NumberFormat
  ) -> String {
    let chinese = format.style == .chinese
    let lists = groups.filter { !$0.absent.isEmpty }.map { group in
      let names = group.absent.map {
        chinese ? "\($0.name)（\($0.mark)）" : "\($0.name) (\($0.mark))"
      }.joined(separator: chinese ? "、" : ", ")
      return group.title.map { chinese ? "\($0)：\(names)" : "\($0): \(names)" } ?? names
    }
    let prefix = chinese ? format.wording("注：未绘出 ") : "Not plotted: "
    return prefix + lists.joined(separator: chinese ? "；" : "; ")
  }

  /// The member rows (not group rows) of one period, in input order.
  static func members(_ rows: [ComparisonRow]) -> [ComparisonRow] {
    rows.filter { !$0.isGroupRow }
  }

  /// `color` with its alpha multiplied by `alpha` (a lighter tint on white paper).
  static func tint(_ color: Color, alpha: Double) -> Color {
    Color(red: color.red, green: color.green, blue: color.blue, alpha: color.alpha * alpha)
  }
}
