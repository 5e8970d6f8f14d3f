import Testing

@testable import BriefingScene

@Suite struct ScaleTests {
  @Test(arguments: [
    (10.0, 2.0), (12.0, 2.0), (15.0, 2.5), (30.0, 5.0), (0.6, 0.1), (100.0, 20.0), (7.0, 1.0),
  ])
  func niceSteps(_ span: Double, _ expected: Double) {
    #expect(abs(NiceScale.step(span: span) - expected) < 1e-12)
  }

  @Test func stepsUseOnlyNiceMantissas() {
    for span in stride(from: 0.37, to: 5000, by: 13.7) {
      var mantissa = NiceScale.step(span: span)
      while mantissa >= 10 { mantissa /= 10 }
      while mantissa < 1 { mantissa *= 10 }
      #expect(NiceScale.mantissas.contains { abs($0 - mantissa) < 1e-9 })
    }
  }

  @Test func ticksAreMultiplesInsideTheDomain() {
    #expect(NiceScale.ticks(lo: -2.3, hi: 9.1, step: 2) == [-2, 0, 2, 4, 6, 8])
    #expect(NiceScale.ticks(lo: 0, hi: 10, step: 2.5) == [0, 2.5, 5, 7.5, 10])
    #expect(NiceScale.ticks(lo: 1, hi: 0, step: 1).isEmpty)
  }

  @Test func barDomainKeepsZeroInsideAndPads() {
    let positive = LinearScale.barDomain([2, 10])
    #expect(abs(positive.lowerBound + 1.2) < 1e-12)
    #expect(abs(positive.upperBound - 11.2) < 1e-12)
    let negative = LinearScale.barDomain([-5, -1])
    #expect(negative.upperBound > 0)
    #expect(abs(negative.lowerBound + 5.6) < 1e-12)
    #expect(LinearScale.barDomain([]) == 0...1)
    #expect(LinearScale.barDomain([0, 0]) == 0...1)
  }

  @Test func linearMapping() {
    let scale = LinearScale(domain: -10...10, range: 100...300)
    #expect(scale.map(0) == 200)
    #expect(scale.map(-10) == 100)
    #expect(scale.map(5) == 250)
  }

  @Test func bands() {
    let band = BandScale(count: 4, range: 0...100, thickness: 0.6)
    #expect(band.step == 25)
    #expect(band.bandwidth == 15)
    #expect(band.center(1) == 37.5)
    #expect(band.bandStart(0) == 5)
  }
}

// MARK: - Value axes fitted to their labels

/// `NumericAxis.fitted`, the one tick-thinning rule of every value axis: the most intervals
/// whose labels, measured along the axis, keep apart; then the domain ticked at its two ends;
/// nil when not even two labels fit. Fixed metrics: the fixture theme's 9 pt axis labels are
/// 11.7 pt high.
@Suite struct FittedAxisTests {
  let kit = TextKit(measurer: FixedMetricsMeasurer())
  let style = Fixture.theme.text(.axisTextY)

  /// The fitted axis over 0…1200 on a vertical map `length` points long.
  func fitted(_ length: Double) -> NumericAxis? {
    NumericAxis.fitted(
      covering: [0, 1200], includeZero: true, side: .left, format: .chinese, style: style, kit: kit
    ) { axis in
      let map = AxisMap(domain: axis.domain, start: 100 + length, end: 100)
      return (map, map)
    }?.axis
  }

  @Test func tallAxesKeepFiveIntervalsShortOnesFewer() throws {
    #expect(try #require(fitted(200)).ticks.count >= 5)
    let short = try #require(fitted(40))
    #expect(short.ticks.count < 5)
    #expect(short.ticks.count >= 2)
  }

  /// 22 pt hold two labels 11.7 pt high 1 pt apart, not three: the one-interval axis over
  /// 0…1200 (ticks 0, 1000, 2000) gives way to the tightest domain (five intervals of 250,
  /// 0…1250) ticked at its two ends.
  @Test func anAxisTooShortForThreeLabelsIsTickedAtItsEnds() throws {
    let axis = try #require(fitted(22))
    #expect(axis.ticks == [0, 1250])
  }

  @Test func anAxisTooShortForTwoLabelsIsNil() {
    #expect(fitted(10) == nil)
  }
}
