// MARK: - The sheet corpus

/// The generated data sets every shipped layout is checked on (`SceneCorpusTests`) and that
/// `briefing-corpus` writes out. Combinations, not the cross product (18 data sets × 6 layouts,
/// about 25 s of a debug test run; the cross product of sizes, calendars and scripts alone would
/// be 90 data sets): every group size (1, 2, 9, 52, 150) with at least two calendars and two
/// scripts; every calendar (one period, half years, quarters, years, five-yearly, sixty years)
/// with at least two sizes; long names in each script; each extreme the issue names (52-member
/// bulletin, 150 bars, 60 periods, a two-member sheet); all-equal values; data without
/// targets, without an indicators file, with and without townships. Seeds differ, so values,
/// ties, gaps and negatives fall differently in each.
public enum SheetCorpus {
  /// One generated data set: a file-name-safe id, its seed and its shape. Sheets of a region
  /// layout are for the first member (the townships' parent).
  public struct Case: Sendable, CustomStringConvertible {
    public var id: String
    public var seed: UInt64
    public var shape: GeneratedCorpus.Shape

    public var description: String { id }

    /// The data set.
    public var corpus: GeneratedCorpus { GeneratedCorpus(seed: seed, shape: shape) }
  }

  public static let cases: [Case] = {
    typealias Shape = GeneratedCorpus.Shape
    typealias Names = GeneratedCorpus.Names
    return [
      Case(
        id: "1-member-half-year", seed: 101,
        shape: Shape(members: 1, calendar: .halfYear, townships: 4)),
      Case(
        id: "1-member-sixty-years-english-long", seed: 102,
        shape: Shape(members: 1, calendar: .sixtyYears, names: Names(.english, long: true))),
      Case(
        id: "2-members-half-year-traditional", seed: 103,
        shape: Shape(members: 2, calendar: .halfYear, names: Names(.traditional), townships: 3)),
      Case(
        id: "2-members-sixty-years-english", seed: 104,
        shape: Shape(members: 2, calendar: .sixtyYears, names: Names(.english), targets: false)),
      Case(
        id: "9-members-half-year-all-equal", seed: 105,
        shape: Shape(
          members: 9, calendar: .halfYear, values: .init(allEqual: ["construction", "energy"]),
          townships: 15)),
      Case(
        id: "9-members-sixty-years-simplified-long", seed: 106,
        shape: Shape(
          members: 9, calendar: .sixtyYears, names: Names(.simplified, long: true), townships: 30)),
      Case(
        id: "9-members-one-period-english-long", seed: 107,
        shape: Shape(
          members: 9, calendar: .single, names: Names(.english, long: true), townships: 2)),
      Case(
        id: "52-members-half-year-simplified-long", seed: 108,
        shape: Shape(
          members: 52, calendar: .halfYear, names: Names(.simplified, long: true), townships: 25)),
      Case(
        id: "52-members-quarters-traditional-long", seed: 109,
        shape: Shape(members: 52, calendar: .quarters, names: Names(.traditional, long: true))),
      Case(
        id: "150-members-quarters-english", seed: 110,
        shape: Shape(members: 150, calendar: .quarters, names: Names(.english))),
      Case(
        id: "150-members-one-period-simplified", seed: 111,
        shape: Shape(members: 150, calendar: .single, townships: 8, targets: false)),
      Case(
        id: "9-members-quarters-traditional", seed: 112,
        shape: Shape(members: 9, calendar: .quarters, names: Names(.traditional))),
      Case(
        id: "2-members-one-period-simplified-long", seed: 113,
        shape: Shape(
          members: 2, calendar: .single, names: Names(.simplified, long: true), townships: 1)),
      Case(
        id: "9-members-five-yearly-english", seed: 114,
        shape: Shape(members: 9, calendar: .fiveYearly, names: Names(.english), townships: 6)),
      Case(
        id: "52-members-sixty-years-english", seed: 115,
        shape: Shape(members: 52, calendar: .sixtyYears, names: Names(.english), targets: false)),
      Case(
        id: "9-members-yearly-no-indicators-file", seed: 116,
        shape: Shape(members: 9, calendar: .yearly, indicatorsFile: false, townships: 5)),
      Case(
        id: "2-members-five-yearly-traditional-long", seed: 117,
        shape: Shape(members: 2, calendar: .fiveYearly, names: Names(.traditional, long: true))),
      Case(
        id: "150-members-yearly-simplified-long", seed: 118,
        shape: Shape(
          members: 150, calendar: .yearly, names: Names(.simplified, long: true), townships: 12)),
    ]
  }()

  /// A sheet to look at: a case, a shipped layout (for the case's first member when
  /// `focused`, else for the whole group) and what to look for.
  public struct Extreme: Sendable {
    public var name: String
    public var caseID: String
    public var layout: String
    public var focused: Bool
    public var what: String
  }

  /// The extreme sheets the issue asks to look at as pictures.
  public static let extremes: [Extreme] = [
    Extreme(
      name: "bulletin-52", caseID: "52-members-half-year-simplified-long",
      layout: "ranking-bulletin", focused: false,
      what: "52-member ranking bulletin, long names, continued over pages"),
    Extreme(
      name: "bars-150", caseID: "150-members-quarters-english", layout: "region-charts",
      focused: true,
      what: "150-bar ranked chart (one chart per indicator)"),
    Extreme(
      name: "trend-60", caseID: "9-members-sixty-years-simplified-long", layout: "gallery",
      focused: true,
      what: "60-period trend line (gallery, page with the trend)"),
    Extreme(
      name: "sheet-2", caseID: "2-members-half-year-traditional", layout: "half-year-comparison",
      focused: true,
      what: "two-member comparison sheet"),
  ]

  /// The case with `id`.
  public static func `case`(_ id: String) -> Case? { cases.first { $0.id == id } }
}
