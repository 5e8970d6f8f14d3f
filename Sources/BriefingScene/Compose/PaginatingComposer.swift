import BriefingCore

// MARK: - Tables that continue on the next page

/// A composer whose rows never split: `composeFitting` lays out the header and as many whole rows
/// as fit and returns the rest, so a caller can continue on the next page with the header repeated.
public protocol PaginatingComposer: ComponentComposing {
  associatedtype Row
  /// Component name used in findings, e.g. `kpi-table`.
  static var component: String { get }

  /// Lays out the header and as many whole rows as fit in `rect`; returns the rest.
  func composeFitting(
    _ prepared: Prepared, in rect: Rect, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> (frame: ComposedFrame, remaining: [Row])
}

// MARK: - Default implementations

extension PaginatingComposer {
  /// Lays out as many rows as fit; an `overflow` warning counts the rest.
  public func compose(
    _ prepared: Prepared, in rect: Rect, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> ComposedFrame {
    var result = composeFitting(prepared, in: rect, theme: theme, measurer: measurer)
    if !result.remaining.isEmpty {
      result.frame.findings.append(Finding(.warning, .overflow(Self.component, result.remaining.count)))
    }
    return result.frame
  }
}
