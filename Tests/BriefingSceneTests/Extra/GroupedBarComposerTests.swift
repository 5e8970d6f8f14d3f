import BriefingCore
import BriefingStats
import Testing

@testable import BriefingScene

@Suite struct GroupedBarComposerTests {
  let rect = Rect(x: 10, y: 10, width: 420, height: 220)

  func compose(
    _ rows: [ComparisonRow], names: [RegionID: String] = Fixture.names,
    focus: RegionID = Fixture.focus, format: NumberFormat = .chinese
  ) -> ComposedFrame {
    GroupedBarComposer().compose(
      input: GroupedBarInput(
        rows: rows, names: names, indicator: Fixture.gdp, focus: focus, format: format),
      in: rect, theme: Fixture.theme, measurer: Fixture.measurer)
  }

  // MARK: - Many members

  /// County-level units of 甘肃省 (short and long names).
  static let counties = """
    城关区 七里河区 西固区 安宁区 红古区 永登县 皋兰县 榆中县 金川区 永昌县 白银区 平川区 靖远县 会宁县 \
    景泰县 秦州区 麦积区 清水县 秦安县 甘谷县 武山县 张家川回族自治县 凉州区 民勤县 古浪县 天祝藏族自治县 \
    甘州区 肃南裕固族自治县 民乐县 临泽县 高台县 山丹县 崆峒区 泾川县 灵台县 崇信县 庄浪县 静宁县 华亭市 \
    肃州区 金塔县 瓜州县 肃北蒙古族自治县 阿克塞哈萨克族自治县 玉门市
    """.split(separator: " ").map(String.init)

  /// `count` members with values wandering over 20…400 and the focus (the middle member) the
  /// largest, so its label meets the top of the plot and its neighbours' labels.
  func members(_ count: Int) -> (rows: [ComparisonRow], names: [RegionID: String], focus: RegionID)
  {
    var rows = Fixture.rows(count: 1)
    let template = rows[0]
    rows = (0..<count).map { index in
      var row = template
      row.region = RegionID("m\(index)")
      row.value = index == count / 2 ? 431.7 : 20 + Double((index * 97) % 380)
      row.priorValue = (row.value ?? 0) / 1.04
      return row
    }
    let names = Dictionary(
      uniqueKeysWithValues: (0..<count).map { (RegionID("m\($0)"), Self.counties[$0]) })
    return (rows, names, RegionID("m\(count / 2)"))
  }

  /// Names a `names-shortened` warning lists (each in “…”).
  func shortenedNames(_ out: ComposedFrame) -> [String] {
    out.findings.filter { $0.message.code == "names-shortened" && $0.severity == .warning }
      .flatMap { finding in
        finding.message.text.split(separator: "“").dropFirst().compactMap {
          $0.split(separator: "”").first.map(String.init)
        }
      }
  }

  @Test(arguments: [9, 30, 45])
  func everyMemberIsNamedAtTheMinimumSizeOrWarnedAbout(count: Int) {
    let (rows, names, focus) = members(count)
    let out = compose(rows, names: names, focus: focus)
    LayoutCheck.expectClean(out, in: rect)
    let minimum = Fixture.theme.length(.minTextSize)
    let texts = LayoutCheck.texts(out.items)
    for run in texts where run.style.size < minimum - 1e-9 {
      Issue.record("“\(run.text)” at \(run.style.size) pt")
    }
    let shortened = shortenedNames(out)
    for name in names.values {
      #expect(texts.contains { $0.text == name } != shortened.contains(name), "\(name)")
    }
    #expect(shortened.allSatisfy { $0.hasSuffix("自治县") }, "only the long names: \(shortened)")
  }

  @Test(arguments: [9, 30, 45])
  func theFocusValueIsAlwaysLabelled(count: Int) {
    let (rows, names, focus) = members(count)
    let out = compose(rows, names: names, focus: focus)
    LayoutCheck.expectClean(out, in: rect)
    #expect(Fixture.focusTexts(out).contains("431.7"), "\(Fixture.focusTexts(out))")
    // Nothing is drawn over the focus label: no bar reaches into it.
    let label = LayoutCheck.texts(out.items).first { $0.text == "431.7" }?.bounds
    let bars = LayoutCheck.shapes(out.items).filter {
      if case .rect = $0.geometry { true } else { false }
    }.map(LayoutCheck.bounds)
    #expect(label.map { label in !bars.contains { $0.intersects(label) } } == true)
  }

  @Test(arguments: [(200.0, 60.0), (120.0, 40.0), (420.0, 30.0)])
  func tinyPanelsStayClean(width: Double, height: Double) {
    let (rows, names, focus) = members(9)
    let area = Rect(x: 10, y: 10, width: width, height: height)
    let out = GroupedBarComposer().compose(
      input: GroupedBarInput(rows: rows, names: names, indicator: Fixture.gdp, focus: focus),
      in: area, theme: Fixture.theme, measurer: Fixture.measurer)
    LayoutCheck.expectClean(out, in: area)
  }

  @Test func englishNamesOfEighteenCountries() {
    let countries = [
      "Côte d’Ivoire", "Korea, Rep.", "São Tomé and Príncipe", "Ghana", "Senegal", "Nigeria",
      "Benin", "Togo", "Burkina Faso", "Mali", "Niger", "Guinea", "Liberia", "Sierra Leone",
      "Gambia, The", "Cabo Verde", "Guinea-Bissau", "Mauritania",
    ]
    var (rows, _, _) = members(18)
    rows[0].value = 500
    let names = Dictionary(
      uniqueKeysWithValues: countries.enumerated().map { (RegionID("m\($0.offset)"), $0.element) })
    let out = compose(rows, names: names, focus: "m0", format: .english)
    LayoutCheck.expectClean(out, in: rect)
    let texts = LayoutCheck.texts(out.items).map(\.text)
    let shortened = shortenedNames(out)
    for name in countries {
      #expect(texts.contains(name) != shortened.contains(name), "\(name)")
    }
    #expect(texts.contains("500.0"))
  }

  @Test func nineRegionsWithLegend() {
    let out = compose(Fixture.rows())
    LayoutCheck.expectClean(out, in: rect)
    let texts = LayoutCheck.texts(out.items).map(\.text)
    #expect(texts.contains("2024年上半年"))
    #expect(texts.contains("2023年上半年"))
    #expect(Fixture.focusShapes(out).count == 1)
    #expect(Set(Fixture.focusTexts(out)).isSubset(of: ["肃州区", "100.0"]))
    #expect(Fixture.focusTexts(out).contains("肃州区"))
  }

  @Test func missingAndMaskedShownAsMarks() {
    let out = compose(Fixture.rowsWithGaps())
    LayoutCheck.expectClean(out, in: rect)
    let texts = LayoutCheck.texts(out.items).map(\.text)
    #expect(texts.contains("—"))
    #expect(texts.contains("*"))
    #expect(out.findings.contains { $0.message.code == "value-not-shown" })
  }

  @Test func edgeCases() {
    LayoutCheck.expectClean(compose(Array(Fixture.rows().prefix(1))), in: rect)
    var negative = Fixture.rows()
    for i in negative.indices { negative[i].value = -(negative[i].value ?? 0) }
    LayoutCheck.expectClean(compose(negative), in: rect)
    let long = compose(Fixture.rows(), names: Fixture.longNames)
    LayoutCheck.expectClean(long, in: rect)
    #expect(LayoutCheck.texts(long.items).contains { $0.text.hasSuffix("…") })
    #expect(
      long.findings.contains { $0.message.code == "names-shortened" && $0.severity == .warning })
  }
}
