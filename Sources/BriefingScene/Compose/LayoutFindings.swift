import BriefingCore

// MARK: - Layout findings shared by composers

extension Finding.Message {
  /// A label was shortened with `…` to fit.
  public static func labelTruncated(_ component: String, _ text: String) -> Self {
    .init(code: "label-truncated", text: "\(component): '\(text)' does not fit and was shortened with …")
  }
  /// Texts were shrunk below the theme's minimum size to avoid overlaps.
  public static func textShrunk(_ component: String, _ size: Double, minimum: Double) -> Self {
    .init(
      code: "text-shrunk",
      text: "\(component): labels shrunk to \(NumberFormat.english.number(size, decimals: 1)) pt "
        + "(below the \(NumberFormat.english.number(minimum, decimals: 1)) pt minimum) to avoid overlaps")
  }
  /// The rectangle given to a component is too small to draw it at all.
  public static func areaTooSmall(_ component: String) -> Self {
    .init(code: "area-too-small", text: "\(component): the area is too small to draw anything")
  }
  /// Nothing to draw.
  public static func noData(_ component: String) -> Self {
    .init(code: "no-data", text: "\(component): no data to show")
  }
  /// A row or item that did not fit the area and was left for the next page.
  public static func overflow(_ component: String, _ count: Int) -> Self {
    .init(code: "overflow", text: "\(component): \(count) row(s) did not fit and were left out")
  }
}
