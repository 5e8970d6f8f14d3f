// MARK: - Linear scale

/// Maps a data interval (`domain`) to a drawing interval in points (`range`).
public struct LinearScale: Hashable, Sendable {
  // MARK: - Properties
  public var domain: ClosedRange<Double>
  /// In points.
  public var range: ClosedRange<Double>

  // MARK: - Initialization
  public init(domain: ClosedRange<Double>, range: ClosedRange<Double>) {
    self.domain = domain
    self.range = range
  }

  /// The domain of a bar chart: zero always inside, padded by `padding` × span on each side
  /// (lo = min(0, min v) − p·span, hi = max(0, max v) + p·span). Empty input gives 0...1.
  /// Default padding: 0.12.
  public static func barDomain(_ values: [Double], padding: Double = 0.12) -> ClosedRange<Double> {
    let lo = min(0, values.min() ?? 0)
    let hi = max(0, values.max() ?? 0)
    let span = hi - lo
    guard span > 0 else { return 0...1 }
    return (lo - padding * span)...(hi + padding * span)
  }

  // MARK: - Methods

  /// The position of `value`, in points (not clamped).
  public func map(_ value: Double) -> Double {
    let span = domain.upperBound - domain.lowerBound
    guard span > 0 else { return range.lowerBound }
    let t = (value - domain.lowerBound) / span
    return range.lowerBound + t * (range.upperBound - range.lowerBound)
  }

  /// Nice ticks inside the domain.
  public func ticks(targetCount: Int = 6) -> [Double] {
    NiceScale.ticks(lo: domain.lowerBound, hi: domain.upperBound, targetCount: targetCount)
  }

  /// The nice step that `ticks(targetCount:)` uses.
  public func tickStep(targetCount: Int = 6) -> Double {
    NiceScale.step(span: domain.upperBound - domain.lowerBound, targetCount: targetCount)
  }
}
