import BriefingCore

// MARK: - Checks of a scheme against a dataset

/// Errors that make a scheme unusable with `dataset`: an item or veto naming an indicator the
/// dataset does not know (with a "did you mean" note), a veto without a line of its own or in
/// the indicator's metadata, and a `group` that is not a peer group of the dataset.
public func scoringFindings(_ scheme: ScoringScheme, dataset: Dataset, group: RegionID)
  -> [Finding]
{
  var known: [IndicatorID: Indicator] = [:]
  for indicator in dataset.indicators where known[indicator.id] == nil {
    known[indicator.id] = indicator
  }
  var observed = Set<IndicatorID>()
  for observation in dataset.observations { observed.insert(observation.indicator) }
  let names = dataset.indicators.map(\.id.rawValue) + observed.map(\.rawValue).sorted()
  var findings: [Finding] = []
  func checkIndicator(_ id: IndicatorID, at location: SourceLocation?) {
    guard known[id] == nil, !observed.contains(id) else { return }
    let hint = Suggestion.closest(to: id.rawValue, in: names).map { "did you mean '\($0)'?" }
    findings.append(
      Finding(.error, .unknownScoredIndicator(id), at: location, notes: hint.map { [$0] } ?? []))
  }
  for item in scheme.items { checkIndicator(item.indicator, at: item.location) }
  for veto in scheme.vetoes {
    checkIndicator(veto.indicator, at: veto.location)
    if veto.line == nil, known[veto.indicator]?.redLine == nil {
      findings.append(Finding(.error, .vetoWithoutLine(veto.indicator), at: veto.location))
    }
  }
  let groups = dataset.peerGroups.map(\.id)
  if !groups.contains(group) {
    let hint = Suggestion.closest(to: group.rawValue, in: groups.map(\.rawValue))
      .map { "did you mean '\($0)'?" }
    findings.append(
      Finding(.error, .unknownScoredGroup(group, known: groups), notes: hint.map { [$0] } ?? []))
  }
  return findings
}

/// Warnings about a computed sheet: an item that no member has data for (in a projection this
/// usually means the full-year estimates lack that indicator).
public func scoreSheetFindings(_ sheet: ScoreSheet, scheme: ScoringScheme) -> [Finding] {
  var findings: [Finding] = []
  for (n, item) in scheme.items.enumerated()
  where sheet.cards.allSatisfy({ $0.items[n].points == nil }) {
    findings.append(
      Finding(.warning, .itemWithoutData(item, sheet: sheet), at: item.location))
  }
  return findings
}

// MARK: - Messages

extension Finding.Message {
  static func unknownScoredIndicator(_ id: IndicatorID) -> Self {
    .init(code: "unknown-indicator", text: "the scoring file names indicator '\(id)', which the data does not have")
  }

  static func vetoWithoutLine(_ id: IndicatorID) -> Self {
    .init(code: "veto-without-line", text: "veto on '\(id)' has no 'max' or 'min' and the indicator has no red line in the metadata")
  }

  static func unknownScoredGroup(_ group: RegionID, known: [RegionID]) -> Self {
    .init(code: "unknown-group", text: "'\(group)' is not a peer group of the data; groups: \(known.map(\.rawValue).joined(separator: ", "))")
  }

  static func itemWithoutData(_ item: ScoringItem, sheet: ScoreSheet) -> Self {
    .init(
      code: "item-without-data",
      text: "item '\(item.id)' (\(item.indicator), rule \(item.rule.name)) has no data for any member of \(sheet.group) in \(sheet.period.code)\(sheet.projected ? " (projection: give full-year estimates)" : ""); its points are missing")
  }
}
