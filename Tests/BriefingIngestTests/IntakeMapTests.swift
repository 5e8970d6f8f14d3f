import BriefingCore
import Testing

@testable import BriefingIngest

/// The intake map file: strict like layouts (file:line:column, did-you-mean), and what the
/// writer writes reads back as the same map.
@Suite struct IntakeMapTests {
  static func read(_ yaml: String) -> (map: IntakeMap?, findings: [Finding]) {
    IntakeMapReader.read(InputFile(path: "t.intake.yaml", bytes: Array(yaml.utf8)))
  }

  static let table = """
    version: 1
    shape: table
    sheet: 主要指标
    header: 3-4
    data: 5-14
    keys: {A: region, B: unit}
    headings: [indicator, measure]
    period: title
    monthly: cumulative
    unit: 亿元
    total: 全市
    group: 酒泉市
    skipRows: ["其中：市辖区"]
    columns: {H: skip, I: target}
    names: {"GDP（现价）": gdp}
    """

  @Test func readsEveryKey() throws {
    let (map, findings) = Self.read(Self.table)
    #expect(findings.isEmpty)
    let read = try #require(map)
    #expect(read.shape == .table && read.sheet == "主要指标")
    #expect(read.header == IntakeMap.Rows(3, 4) && read.data == IntakeMap.Rows(5, 14))
    #expect(read.keys == [0: .region, 1: .unit] && read.headings == [.indicator, .measure])
    #expect(read.period == .title && read.monthly == .cumulative && read.unit == "亿元")
    #expect(read.total == "全市" && read.group == "酒泉市" && read.skipRows == ["其中：市辖区"])
    #expect(read.columns == [7: .skip, 8: .target] && read.names == ["GDP（现价）": "gdp"])
  }

  @Test func writtenMapsReadBackTheSame() throws {
    let map = try #require(Self.read(Self.table).map)
    let yaml = IntakeMapWriter.yaml(map, for: "t.xlsx")
    #expect(yaml.hasPrefix("# Intake map for t.xlsx"))
    let (again, findings) = Self.read(yaml)
    #expect(findings.isEmpty, "\(findings)")
    #expect(again == map)
    var fixed = map
    fixed.period = .fixed(Period(year: 2024, kind: .cumulative(through: 9)))
    fixed.total = "合计\"A\""
    #expect(Self.read(IntakeMapWriter.yaml(fixed, for: "t.xlsx")).map == fixed)
  }

  /// Undecided keys are written as commented choices: the map does not load until one is
  /// chosen, and choosing is uncommenting a line.
  @Test func questionsAreCommentedChoices() throws {
    var map = try #require(Self.read(Self.table).map)
    map.monthly = nil
    let question = IntakeQuestion(
      key: "monthly", problem: "'2024年6月' names a month",
      readings: [.init("monthly: cumulative", "2024-H1"), .init("monthly: single", "2024-06")],
      location: SourceLocation(file: "t.xlsx", line: 1))
    let yaml = IntakeMapWriter.yaml(map, for: "t.xlsx", questions: [question])
    #expect(yaml.contains("# monthly: cumulative    # 2024-H1\n"))
    let chosen = yaml.replacing("# monthly: cumulative ", with: "monthly: cumulative ")
    #expect(Self.read(chosen).map?.monthly == .cumulative)
  }

  @Test func unknownKeyIsLocatedWithAHint() throws {
    let (map, findings) = Self.read("version: 1\nshape: table\nheadr: 3-4\n")
    #expect(map == nil)
    let finding = try #require(findings.first { $0.message.code == "unknown-key" })
    #expect(finding.location?.description == "t.intake.yaml:3:1")
    #expect(finding.notes == ["did you mean 'header'?"])
  }

  @Test(arguments: [
    ("keys: {A: regoin}", "unknown-value", "4:11"),
    ("keys: {1: region}", "wrong-type", "4:8"),
    ("headings: [indicatr]", "unknown-value", "5:12"),
    ("period: soon", "bad-period", "7:9"),
    ("data: 9-5", "wrong-type", "3:7"),
    ("monthly: both", "unknown-value", "7:10"),
  ])
  func badValuesAreLocated(_ line: String, _ code: String, _ place: String) throws {
    let base = ["version: 1\nshape: table", "data: 5-14", "keys: {A: region}", "headings: [indicator]", "header: 3"]
    var lines = base
    let key = line.split(separator: ":")[0]
    if let index = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) { lines[index] = line } else { lines.append(line) }
    let (map, findings) = Self.read(lines.joined(separator: "\n") + "\n")
    #expect(map == nil)
    let finding = try #require(findings.first { $0.message.code == code }, "\(findings)")
    #expect(finding.location?.description == "t.intake.yaml:\(place)")
  }

  @Test func tableKeysDoNotApplyToLongMaps() throws {
    let (map, findings) = Self.read("version: 1\nshape: long\nheader: 2\n")
    #expect(map == nil)
    #expect(findings.first?.message.text == "header applies to shape: table only")
    #expect(Self.read("shape: long\nsheet: 数据\n").map?.sheet == "数据")
  }

  @Test func tablesNeedTheirStructure() throws {
    let (map, findings) = Self.read("shape: table\nheader: 3-4\nheadings: [indicator]\n")
    #expect(map == nil)
    #expect(findings.map(\.message.text).contains("shape: table needs data"))
    #expect(findings.map(\.message.text).contains("shape: table needs keys"))
    #expect(findings.map(\.message.text).contains("headings names 1 row but header has 2"))
  }

  @Test func newerVersionsAreRefused() {
    #expect(Self.read("version: 2\nshape: long\n").findings.first?.message.code == "unsupported-version")
  }

  /// A map that names rows the file does not have says so, naming the key.
  @Test func mapThatDoesNotFitTheFile() throws {
    let result = loadCSV(
      "a,b\nc,1\n", map: "shape: table\nheader: 7-8\ndata: 9\nkeys: {A: region}\nheadings: [indicator, measure]\n")
    #expect(result.errors.first?.message.code == "intake-map-mismatch")
    #expect(result.errors.first?.message.text.contains("header: 7-8") == true)
  }
}
