import BriefingCore

// MARK: - Checking a layout against data

/// Semantic checks that need the data: indicator ids exist and the layout selects at least one
/// indicator. Pure; used by `briefing validate` and before every
/// render.
public enum LayoutValidator {
  public static func validate(_ layout: LayoutDocument, against dataset: Dataset, file: String)
    -> [Finding]
  {
    var findings: [Finding] = []
    let known = dataset.indicators.map(\.id.rawValue)

    func check(_ id: IndicatorID, at location: SourceLocation?) {
      guard dataset.indicator(id) == nil else { return }
      let hint = Suggestion.closest(to: id.rawValue, in: known).map { "did you mean '\($0)'?" }
      findings.append(
        Finding(
          .error, .unknownIndicator(id), at: location ?? SourceLocation(file: file),
          notes: hint.map { [$0] } ?? []))
    }

    if case .list(let ids) = layout.indicators {
      for id in ids { check(id, at: SourceLocation(file: file)) }
    }
    if case .main = layout.indicators, !dataset.indicators.contains(where: \.isMain) {
      findings.append(Finding(.error, .noMainIndicators, at: SourceLocation(file: file)))
    }
    for section in layout.sections {
      for component in section.components {
        for id in component.body.spec.namedIndicators { check(id, at: component.location) }
      }
    }
    return findings
  }
}

// MARK: - Messages

extension Finding.Message {
  static func unknownIndicator(_ id: IndicatorID) -> Self {
    Self(code: "unknown-indicator", text: "the layout names indicator '\(id)', which the data lacks")
  }
  static let noMainIndicators = Self(
    code: "no-main-indicators",
    text: "the layout uses the main indicators, but no indicator is marked main in the data")
}
