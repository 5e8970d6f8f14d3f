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

  /// The name of a row in findings (its indicator or region).
  func name(of row: Row, in prepared: Prepared) -> String
}

// MARK: - Default implementations

extension PaginatingComposer {
  /// Lays out as many rows as fit, for a caller that cannot continue on another page: an
  /// `overflow` warning names the rows left out.
  public func compose(
    _ prepared: Prepared, in rect: Rect, theme: ResolvedTheme, measurer: some TextMeasuring
  ) -> ComposedFrame {
    var result = composeFitting(prepared, in: rect, theme: theme, measurer: measurer)
    if !result.remaining.isEmpty {
      let names = result.remaining.map { name(of: $0, in: prepared) }
      result.frame.findings.append(Finding(.warning, .overflow(Self.component, rows: names)))
    }
    return result.frame
  }
}

// MARK: - Messages

extension Finding.Message {
  /// Rows of a table that did not fit its area and were left out, by name.
  public static func overflow(_ component: String, rows: [String]) -> Self {
    .init(
      code: "overflow",
      text: "\(component): \(rows.count) row(s) did not fit and were left out: "
        + rows.joined(separator: ", "))
  }
}
