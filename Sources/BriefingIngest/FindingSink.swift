import BriefingCore

// MARK: - Messages

extension Finding.Message {
  static func findingsSuppressed(_ count: Int, code: String) -> Self {
    .init(code: "findings-suppressed", text: "\(count) more '\(code)' findings not shown")
  }
}

// MARK: - Sink

/// Collects findings, keeping at most `limitPerCode` of each code so that a broken
/// million-row file gives a readable list. The overflow is summarized in one finding per code,
/// with the severity of the suppressed ones.
struct FindingSink {
  /// Findings kept per message code. Default: 100.
  var limitPerCode = 100
  private(set) var kept: [Finding] = []
  private var counts: [String: Int] = [:]
  private var overflowSeverity: [String: Finding.Severity] = [:]
  private var overflowOrder: [String] = []
  /// True once any error was added, shown or not.
  private(set) var hasErrors = false

  mutating func add(_ finding: Finding) {
    if finding.severity == .error { hasErrors = true }
    let code = finding.message.code
    let count = counts[code, default: 0] + 1
    counts[code] = count
    if count <= limitPerCode {
      kept.append(finding)
      return
    }
    if overflowSeverity[code] == nil { overflowOrder.append(code) }
    overflowSeverity[code] = max(overflowSeverity[code] ?? finding.severity, finding.severity)
  }

  mutating func add(contentsOf findings: [Finding]) {
    for finding in findings { add(finding) }
  }

  /// Kept findings followed by the overflow summaries.
  var findings: [Finding] {
    kept
      + overflowOrder.map { code in
        Finding(
          overflowSeverity[code] ?? .warning,
          .findingsSuppressed(counts[code, default: 0] - limitPerCode, code: code))
      }
  }
}
