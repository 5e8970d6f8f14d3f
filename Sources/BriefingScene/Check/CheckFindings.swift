import BriefingCore

// MARK: - Messages of the scene checker

/// Every message names where (`肃州区, page 2, rankedBar 「…」`) first; codes start with `scene-`.
extension Finding.Message {
  static func textTooSmall(
    _ place: String, count: Int, smallest: Double, minimum: Double, example: String
  ) -> Self {
    Self(
      code: "scene-text-too-small",
      text: "\(place): \(count) text(s) below the \(points(minimum)) minimum (smallest "
        + "\(points(smallest))), e.g. \(quoted(example))")
  }

  static func textOutsidePage(_ place: String, count: Int, example: String) -> Self {
    Self(
      code: "scene-text-outside-page",
      text: "\(place): \(count) text(s) outside the page, e.g. \(quoted(example))")
  }

  static func textOutsidePanel(_ place: String, count: Int, rect: Rect, example: String) -> Self {
    Self(
      code: "scene-text-outside-component",
      text: "\(place): \(count) text(s) outside the component's area \(area(rect)), "
        + "e.g. \(quoted(example))")
  }

  static func shapesOutsidePanel(_ place: String, count: Int, rect: Rect) -> Self {
    Self(
      code: "scene-shape-outside-component",
      text: "\(place): \(count) shape(s) outside the component's area \(area(rect))")
  }

  /// `other`: the second component when the texts belong to two.
  static func textOverlap(_ place: String, count: Int, first: (String, String), other: String?)
    -> Self
  {
    let with = other.map { " (\($0))" } ?? ""
    let more = count > 1 ? "; \(count - 1) more overlap(s)" : ""
    return Self(
      code: "scene-text-overlap",
      text: "\(place): \(quoted(first.0)) overlaps \(quoted(first.1))\(with)\(more)")
  }

  static func panelEmpty(_ place: String) -> Self {
    Self(
      code: "scene-empty-component",
      text: "\(place): draws nothing and shows no “\(NoDataNote.text(.english))” note")
  }

  static func panelWithoutMarks(_ place: String, marks: [String]) -> Self {
    Self(
      code: "scene-empty-component",
      text: "\(place): draws none of its \(marks.joined(separator: " or ")) and shows no "
        + "“\(NoDataNote.text(.english))” note")
  }

  static func leftOutSilently(_ place: String, marks: String, names: [String]) -> Self {
    let shown = names.prefix(5).map(quoted).joined(separator: ", ")
    let more = names.count > 5 ? " and \(names.count - 5) more" : ""
    return Self(
      code: "scene-left-out-silently",
      text: "\(place): \(names.count) \(marks) asked for and not drawn, named by no warning: "
        + shown + more)
  }

  // MARK: - Formatting

  private static func points(_ value: Double) -> String {
    NumberFormat.english.number(value, decimals: 1) + " pt"
  }

  private static func area(_ rect: Rect) -> String {
    let f = { NumberFormat.english.number($0, decimals: 1) }
    return "\(f(rect.minX)),\(f(rect.minY)) \(f(rect.width))×\(f(rect.height)) pt"
  }

  /// `“text”`, cut to 30 characters.
  private static func quoted(_ text: String) -> String {
    let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
    return "“" + (line.count > 30 ? line.prefix(29) + "…" : line) + "”"
  }
}
