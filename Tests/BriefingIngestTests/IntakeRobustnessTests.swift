import BriefingCore
import Testing
import TestSupport

@testable import BriefingIngest

/// Shape detection on tables made of office words at random: it never traps, and it either
/// loads (no error) or says why not (an error), never both.
@Suite struct IntakeRobustnessTests {
  static let words = [
    "", "", "", "地区", "指标", "单位", "全市", "合计", "其中：小计", "肃州区", "玉门市", "地区生产总值", "增速", "同比±%",
    "1—6月", "上年同期", "本月", "累计", "2023年", "2024", "202406", "2024年6月", "2024年1—6月各县主要指标", "单位：亿元、%",
    "注：说明", "12.5", "1,234.5", "-3", "—", "*", "86.3亿元", "5%", "abc", "绝对值", "位次", "序号", "1",
  ]

  @Test(arguments: 0..<8)
  func randomTablesNeverTrap(_ seed: Int) {
    var generator = SeededGenerator(seed: UInt64(seed) &* 7919)
    for _ in 0..<60 {
      let rows = generator.int(0...9)
      let columns = generator.int(1...7)
      let text = (0..<rows).map { _ in
        (0..<columns).map { _ in "\"" + Self.words[generator.int(0...Self.words.count - 1)] + "\"" }.joined(separator: ",")
      }.joined(separator: "\n")
      let result = loadCSV(text)
      #expect((result.dataset == nil) == result.findings.hasErrors, "\(text)")
      let report = Intake.inspect(observations: InputFile(path: "r.csv", bytes: Array(text.utf8)))
      if let map = report.map, map.shape == .table, report.questions.isEmpty {
        // Whatever was detected writes a map that reads back as the same map.
        let yaml = IntakeMapWriter.yaml(map, for: "r.csv")
        #expect(IntakeMapReader.read(InputFile(path: "m.yaml", bytes: Array(yaml.utf8))).map == map, "\(yaml)")
      }
    }
  }
}
