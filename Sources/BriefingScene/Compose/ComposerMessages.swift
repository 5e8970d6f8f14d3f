import BriefingCore

// MARK: - Messages of the chart and table composers

extension Finding.Message {
  /// A label was cut to fit and ends in a visible `…`.
  static func labelShortened(_ full: String, to shown: String) -> Self {
    Self(code: "label-shortened", text: "label “\(full)” shortened to “\(shown)”")
  }

  /// A label could not be placed anywhere without overlapping and was left out.
  static func labelDropped(_ text: String) -> Self {
    Self(code: "label-dropped", text: "label “\(text)” left out: no free position")
  }

  /// Labels of lesser marks that found no free place next to their mark were left out.
  static func labelsLeftOut(_ count: Int, of what: String) -> Self {
    Self(code: "labels-left-out", text: "\(count) \(what) label(s) left out: no free position")
  }

  /// Value labels with no room beside their bars, each as `name label` (`Nigeria 33,331`).
  static func valueLabelsLeftOut(_ component: String, _ labels: [String]) -> Self {
    Self(
      code: "value-labels-left-out",
      text: "\(component): \(labels.count) value label(s) not drawn, no room beside their bars: "
        + labels.joined(separator: ", "))
  }

  /// Missing or masked values a chart had no room to mark or list, each as `name period (mark)`.
  static func gapsNotMarked(_ component: String, _ gaps: [String]) -> Self {
    Self(
      code: "gaps-not-marked",
      text: "\(component): \(gaps.count) missing or masked value(s) not marked on the sheet, "
        + "no room for their marks or a note: " + gaps.joined(separator: ", "))
  }

  /// A chart panel has no value to draw for its period: a note says so instead of empty axes.
  static func panelWithoutData(_ component: String, _ indicator: String) -> Self {
    Self(
      code: "no-data",
      text: "\(component) · \(indicator): no values for the period; drawn as a “no data” note")
  }

  /// A value is missing or masked and is shown as such (never as 0).
  static func valueNotShown(_ region: String, _ indicator: String, shownAs mark: String) -> Self {
    Self(code: "value-not-shown", text: "\(region) · \(indicator): no value, shown as “\(mark)”")
  }

  /// Rows that did not fit and are counted on the sheet instead (「另有9个未列出」).
  static func rowsNotListed(_ component: String, _ names: [String]) -> Self {
    Self(
      code: "rows-not-listed",
      text: "\(component): \(names.count) row(s) counted in the summary, not listed: "
        + names.joined(separator: ", "))
  }

  /// Content wider than the component's rectangle was left out.
  static func columnsDropped(_ what: String) -> Self {
    Self(code: "columns-dropped", text: "not enough width: \(what) left out")
  }
}
