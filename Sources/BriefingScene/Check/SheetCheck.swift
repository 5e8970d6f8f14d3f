import BriefingCore

// MARK: - Checking what a layout composer composed

extension LayoutComposer {
  /// The scene checker's findings on `pages` this composer composed for `context` (a sheet, or
  /// with `indicator` one chart of a chart set); `reported` are the findings composition
  /// returned. Findings name the focus region (else the group) and the chart's indicator.
  public func check(
    _ pages: [Page], reported: [Finding], context: SheetContext, indicator: Indicator? = nil
  ) -> [Finding] {
    let who = context.focus.map { context.name($0) } ?? context.name(context.group.id)
    let subject = [who, indicator?.name].compactMap { $0 }.joined(separator: " · ")
    return SceneChecker(theme: theme).check(pages, reported: reported, subject: subject)
  }
}
