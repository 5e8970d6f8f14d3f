// MARK: - Nice ticks

/// Tick steps of the form 1, 2, 2.5 or 5 × 10ⁿ, chosen so about `targetCount` intervals cover a span.
public enum NiceScale {
  /// The mantissas allowed for a step.
  public static let mantissas: [Double] = [1, 2, 2.5, 5]

  /// The nice step whose interval count over `span` is closest to `targetCount` (ties → larger step).
  /// A non-positive span gives 1.
  public static func step(span: Double, targetCount: Int = 6) -> Double {
    guard span > 0, span.isFinite else { return 1 }
    let raw = span / Double(max(1, targetCount))
    var magnitude = 1.0
    while magnitude > raw { magnitude /= 10 }
    while magnitude * 10 <= raw { magnitude *= 10 }
    var best = magnitude
    var bestError = Double.infinity
    for power in [magnitude, magnitude * 10] {
      for mantissa in mantissas {
        let candidate = mantissa * power
        let error = abs(span / candidate - Double(targetCount))
        if error <= bestError {
          best = candidate
          bestError = error
        }
      }
    }
    return best
  }

  /// Multiples of `step` inside `lo...hi` (inclusive, with a 1e-9 relative tolerance), ascending.
  public static func ticks(lo: Double, hi: Double, step: Double) -> [Double] {
    guard step > 0, hi >= lo, (hi - lo) / step < 1000 else { return [] }
    let tolerance = step * 1e-9
    var index = (lo / step).rounded(.up)
    if (index - 1) * step >= lo - tolerance { index -= 1 }
    var result: [Double] = []
    while index * step <= hi + tolerance {
      let tick = index * step
      result.append(tick == 0 ? 0 : tick)
      index += 1
    }
    return result
  }

  /// Nice ticks for `lo...hi` with about `targetCount` intervals.
  public static func ticks(lo: Double, hi: Double, targetCount: Int = 6) -> [Double] {
    ticks(lo: lo, hi: hi, step: step(span: hi - lo, targetCount: targetCount))
  }
}
