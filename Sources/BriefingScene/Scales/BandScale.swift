// MARK: - Band scale

/// Splits a drawing interval into `count` equal slots (one per category) with a mark of
/// `thickness` × slot centred in each.
public struct BandScale: Hashable, Sendable {
  // MARK: - Properties
  public var count: Int
  /// In points.
  public var range: ClosedRange<Double>
  /// Mark thickness as a fraction of the slot, 0...1. Default: 0.6.
  public var thickness: Double

  // MARK: - Initialization
  public init(count: Int, range: ClosedRange<Double>, thickness: Double = 0.6) {
    self.count = max(0, count)
    self.range = range
    self.thickness = min(1, max(0, thickness))
  }

  // MARK: - Accessors

  /// The slot height, in points.
  public var step: Double {
    count == 0 ? 0 : (range.upperBound - range.lowerBound) / Double(count)
  }

  /// The mark thickness, in points.
  public var bandwidth: Double { step * thickness }

  /// Start of slot `index`.
  public func slotStart(_ index: Int) -> Double { range.lowerBound + Double(index) * step }

  /// Centre of slot `index`.
  public func center(_ index: Int) -> Double { slotStart(index) + step / 2 }

  /// Start of the mark in slot `index`.
  public func bandStart(_ index: Int) -> Double { center(index) - bandwidth / 2 }
}
