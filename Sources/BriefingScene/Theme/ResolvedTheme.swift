// MARK: - Resolved theme

/// Every theme key resolved through its parents: what composers read. Built once per document.
public struct ResolvedTheme: Hashable, Sendable {
  // MARK: - Properties
  public let name: String
  private let texts: [TextKey: TextStyle]
  private let lines: [LineKey: StrokeStyle]
  private let fills: [FillKey: Color]
  private let lengths: [LengthKey: Double]

  // MARK: - Initialization
  public init(_ theme: Theme) {
    name = theme.name
    var texts: [TextKey: TextStyle] = [:]
    for key in TextKey.allCases {
      texts[key] = Self.textStyle(key.lineage.map { theme.texts[$0] })
    }
    var lines: [LineKey: StrokeStyle] = [:]
    for key in LineKey.allCases {
      let element = Self.merged(key.lineage.map { theme.lines[$0] })
      if element.blank != true {
        lines[key] = StrokeStyle(
          color: element.color ?? .black, width: element.width ?? 0.5, dash: element.dash ?? [])
      }
    }
    var fills: [FillKey: Color] = [:]
    for key in FillKey.allCases {
      fills[key] = Self.merged(key.lineage.map { theme.fills[$0] }).color ?? .white
    }
    var lengths: [LengthKey: Double] = [:]
    for key in LengthKey.allCases {
      lengths[key] = Self.merged(key.lineage.map { theme.lengths[$0] }).value ?? 0
    }
    self.texts = texts
    self.lines = lines
    self.fills = fills
    self.lengths = lengths
  }

  // MARK: - Accessors

  /// The text style of `key`.
  public func text(_ key: TextKey) -> TextStyle {
    texts[key] ?? TextStyle(family: Theme.family(for: "zh-cn"))
  }

  /// The stroke of `key`, or nil when the element is blank (not drawn).
  public func line(_ key: LineKey) -> StrokeStyle? { lines[key] }

  /// The fill colour of `key`.
  public func fill(_ key: FillKey) -> Color { fills[key] ?? .white }

  /// The length of `key` (points unless the key's doc says otherwise).
  public func length(_ key: LengthKey) -> Double { lengths[key] ?? 0 }

  // MARK: - Private

  private static func merged(_ chain: [ThemeElement?]) -> ThemeElement {
    chain.reduce(ThemeElement()) { base, next in next.map { $0.over(base) } ?? base }
  }

  private static func textStyle(_ chain: [ThemeElement?]) -> TextStyle {
    var size = 9.0
    var element = ThemeElement()
    for level in chain.compactMap({ $0 }) {
      if let relative = level.size { size = relative.resolve(parent: size) }
      element = level.over(element)
    }
    return TextStyle(
      family: element.family ?? Theme.family(for: element.language ?? "zh-cn"), size: size,
      bold: element.bold ?? false, color: element.color ?? .black,
      language: element.language ?? "zh-cn")
  }
}
