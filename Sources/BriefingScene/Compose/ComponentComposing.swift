import BriefingCore

// MARK: - Composed frames

/// What a composer returns: positioned items (page coordinates, points) and the findings met while
/// laying them out (truncated names, crowded labels, missing data).
public struct ComposedFrame: Hashable, Sendable {
  public var items: [FrameItem]
  public var findings: [Finding]
  /// The area actually used, in points (≤ the rect given to the composer).
  public var bounds: Rect
  /// What the component was asked to show and drew (rows, bars, panels), for `SceneChecker`.
  /// Default: nothing declared.
  public var coverage: [Coverage]
  /// The drawn text with its structure (table cells, paragraphs, lists), for editable copies of
  /// the sheet. Default: nil (a chart: embedded as a picture).
  public var content: PanelContent?

  public init(
    items: [FrameItem] = [], findings: [Finding] = [], bounds: Rect, coverage: [Coverage] = [],
    content: PanelContent? = nil
  ) {
    self.items = items
    self.findings = findings
    self.bounds = bounds
    self.coverage = coverage
    self.content = content
  }

  /// The items wrapped in one named group.
  public func group(_ name: String) -> FrameItem { .group(name: name, clip: nil, items: items) }
}

// MARK: - Composer protocol

/// A stateless component composer with ggplot2's fixed phases: `prepare` turns comparison rows into
/// the component's own data (the "stat": sorting, picking the metric, formatting labels), then
/// `compose` lays that data out in a rectangle (scales are trained inside, from the data and the
/// measured labels). No I/O, no stored state.
public protocol ComponentComposing: Sendable {
  /// What the caller hands in (rows, names, options).
  associatedtype Input
  /// The prepared, display-ready data.
  associatedtype Prepared

  /// The stat phase. Pure.
  func prepare(_ input: Input) -> Prepared

  /// Lays `prepared` out inside `rect` (points). Every text is measured through `measurer`;
  /// nothing is placed outside `rect` and no two texts overlap.
  func compose(
    _ prepared: Prepared, in rect: Rect, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> ComposedFrame
}

// MARK: - Default implementations

extension ComponentComposing {
  /// `prepare` then `compose`.
  public func compose(
    input: Input, in rect: Rect, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> ComposedFrame {
    compose(prepare(input), in: rect, theme: theme, measurer: measurer)
  }
}

extension ComponentComposing where Prepared == Input {
  /// No stat phase: the input is already the data the composer lays out.
  public func prepare(_ input: Input) -> Input { input }
}
