import BriefingCore

// MARK: - What a component composer returns

/// Items drawn by one component inside its rectangle, plus what it had to report (a label
/// shortened with `…`, rows that did not fit, missing data shown as missing).
public struct ComponentOutput: Sendable {
  public var items: [FrameItem]
  public var findings: [Finding]

  public init(items: [FrameItem] = [], findings: [Finding] = []) {
    self.items = items
    self.findings = findings
  }
}
