// MARK: - Clause style

/// How one indicator's clause is placed, which decides its subject and joints.
struct ClauseStyle: Hashable, Sendable {
  /// Where the clause stands.
  enum Role: Hashable, Sendable {
    /// First clause of a sentence: carries the self-reference (「全区…」, "Ohio's …").
    case opening
    /// A later clause of the same sentence: the indicator name alone.
    case continuing
    /// A highlight or shortfall line: the indicator name alone, no verb.
    case item
  }

  var role: Role
  /// The sentence is about this indicator alone: the completion part follows 「；」 / "; ".
  var standsAlone: Bool
  /// Which facts to state.
  var facts: Set<FactKind>

  static func sentence(role: Role, standsAlone: Bool) -> ClauseStyle {
    ClauseStyle(role: role, standsAlone: standsAlone, facts: FactKind.headline)
  }

  static func item(_ facts: Set<FactKind>) -> ClauseStyle {
    ClauseStyle(role: .item, standsAlone: false, facts: facts)
  }
}
