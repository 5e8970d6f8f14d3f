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
