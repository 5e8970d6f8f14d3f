import BriefingCore

// MARK: - Messages

extension Finding.Message {
  static func intakeUndecided(_ question: IntakeQuestion) -> Self {
    .init(code: "intake-undecided", text: "\(question.problem); the map key '\(question.key)' decides")
  }
}

// MARK: - Questions

/// Something about a table that has two plausible readings (or none): detection never picks
/// one silently. It names the map key that decides and what each choice gives.
public struct IntakeQuestion: Hashable, Sendable {
  /// One way to answer: the map entry that chooses it and what the table then says.
  public struct Reading: Hashable, Sendable {
    /// The map entry, as written in the map (`monthly: cumulative`).
    public var choice: String
    /// What that gives (`6月 is 2024-H1 (1—6月)`).
    public var meaning: String

    public init(_ choice: String, _ meaning: String) {
      self.choice = choice
      self.meaning = meaning
    }
  }

  /// The map key that decides (`monthly`, `keys`, `period`, `group`).
  public var key: String
  /// What is undecided, and where (`row 1: '2024年6月' is …`).
  public var problem: String
  public var readings: [Reading]
  /// The cell or row the question is about.
  public var location: SourceLocation

  public init(key: String, problem: String, readings: [Reading], location: SourceLocation) {
    self.key = key
    self.problem = problem
    self.readings = readings
    self.location = location
  }

  /// The question as an error finding (loading stops: exit 65), the readings as notes.
  public var finding: Finding {
    Finding(
      .error, .intakeUndecided(self), at: location,
      notes: readings.map { "\($0.choice): \($0.meaning)" } + ["`briefing import` writes a map with these choices to pick from"])
  }
}
