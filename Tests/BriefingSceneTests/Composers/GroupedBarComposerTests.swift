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

  // MARK: - Short panels

  /// `members(9)` with values up to `top` (a hundred to 700: the corpus's GDP).
  func members(_ count: Int, upTo top: Double) -> (
    rows: [ComparisonRow], names: [RegionID: String], focus: RegionID
  ) {
    var (rows, names, focus) = members(count)
    let largest = rows.compactMap(\.value).max() ?? 1
    for index in rows.indices {
      rows[index].value = (rows[index].value ?? 0) / largest * top
      rows[index].priorValue = (rows[index].value ?? 0) / 1.04
    }
    return (rows, names, focus)
  }

  /// The value axis's tick labels: numbers right-aligned left of the first band.
  func tickLabels(_ out: ComposedFrame) -> [TextRun] {
    LayoutCheck.texts(out.items).filter { $0.alignment == .right && Double($0.text) != nil }
  }

  /// The Traditional sheet's grouped bars are 94.5 pt high: the value axis takes as many ticks
  /// as the measured heights of their labels allow (never one over the other), at least two.
  @Test(arguments: [(94.5, 700.0), (94.5, 350.0), (70.0, 431.7), (120.0, 800.0)])
  func valueAxisTickLabelsKeepApartInShortPanels(height: Double, top: Double) {
    let (rows, names, focus) = members(9, upTo: top)
    let area = Rect(x: 26, y: 10, width: 268, height: height)
    let out = GroupedBarComposer().compose(
      input: GroupedBarInput(rows: rows, names: names, indicator: Fixture.gdp, focus: focus),
      in: area, theme: Fixture.theme, measurer: Fixture.measurer)
    LayoutCheck.expectClean(out, in: area)
    let ticks = tickLabels(out)
    #expect(ticks.count >= 2, "\(ticks.map(\.text))")
    for (a, b) in zip(ticks, ticks.dropFirst()) {
      #expect(!a.bounds.intersects(b.bounds), "“\(a.text)” over “\(b.text)”")
    }
  }

  // MARK: - Values not drawn

  /// `count` members, every third without a value this period, every fourth (from the second)
  /// without a basis value, every seventh (from the third) masked.
  func membersWithGaps(_ count: Int) -> (
    rows: [ComparisonRow], names: [RegionID: String], focus: RegionID
  ) {
    var rows = Fixture.rows(count: 1)
    let template = rows[0]
    rows = (0..<count).map { index in
      var row = template
      row.region = RegionID("m\(index)")
      row.value = 20 + Double((index * 97) % 380)
      row.priorValue = (row.value ?? 0) / 1.04
      if index % 3 == 0, index != count / 2 { row.value = nil; row.status = .missing }
      if index % 4 == 1 { row.priorValue = nil }
      if index % 7 == 2, index != count / 2 { row.status = .masked }
      return row
    }
    let names = Dictionary(
      uniqueKeysWithValues: (0..<count).map { (RegionID("m\($0)"), "县区\($0 + 1)") })
    return (rows, names, RegionID("m\(count / 2)"))
  }

  /// The gallery's grouped bars (260 × 200 pt) of 9 to 150 members with gaps: a missing or masked
  /// value is marked `—` / `*` on its own bar when every mark fits there (clear of the other
  /// marks, of the bars and of the focus's label, inside the plot); otherwise one note under the
  /// names lists them by period (「注：未绘出 2024年上半年：县区1（—）…」). Nothing overlaps, nothing
  /// leaves the panel, and every gap is on the sheet either way.
  @Test(arguments: [9, 52, 150])
  func gapsAreMarkedOnTheirBarsOrListedInANote(count: Int) {
    let (rows, names, focus) = membersWithGaps(count)
    let area = Rect(x: 30, y: 124, width: 260, height: 200)
    let out = GroupedBarComposer().compose(
      input: GroupedBarInput(rows: rows, names: names, indicator: Fixture.gdp, focus: focus),
      in: area, theme: Fixture.theme, measurer: Fixture.measurer)
    LayoutCheck.expectClean(out, in: area)
    let texts = LayoutCheck.texts(out.items).map(\.text)
    let marks = texts.filter { $0 == "—" || $0 == "*" }.count
    let note = texts.first { $0.hasPrefix("注：未绘出") }
    let gaps = rows.filter { $0.status != .actual || $0.value == nil }.count
      + rows.filter { $0.priorValue == nil }.count
    if count == 9 {
      #expect(marks == gaps, "nine bars have room for every mark: \(texts)")
      #expect(note == nil)
    } else {
      #expect(marks == 0, "marks over \(count) bars would overlap")
      let shown = try? #require(note, "\(texts)")
      #expect(shown?.contains("县区1（—）") == true, "\(shown ?? "")")
      #expect(shown?.contains("县区3（*）") == true, "\(shown ?? "")")
    }
    #expect(out.findings.filter { $0.message.code == "value-not-shown" }.count == gaps)
  }

  /// Data of one period has no basis values at all: with 30 members the marks do not fit their
  /// bars, and the whole basis period is named once, 「注：未绘出 基期（—）」, in the heading's
  /// free stretch (between the title and the legend), not on a line of its own.
  @Test func aWholeMissingPeriodIsNamedOnceBesideTheLegend() throws {
    var (rows, names, focus) = members(30)
    for index in rows.indices {
      rows[index].priorValue = nil
      rows[index].priorPeriod = nil
    }
    let out = compose(rows, names: names, focus: focus)
    LayoutCheck.expectClean(out, in: rect)
    let texts = LayoutCheck.texts(out.items)
    #expect(!texts.contains { $0.text == "—" })
    let note = try #require(texts.first { $0.text.hasPrefix("注：") })
    #expect(note.text == "注：未绘出 基期（—）")
    let title = try #require(texts.first { $0.text == "地区生产总值（亿元）" })
    #expect(abs(note.bounds.midY - title.bounds.midY) < 1, "on the heading's line")
    #expect(note.bounds.minX > title.bounds.maxX)
  }

  /// Grouped bars of 52 members with long names and gaps in a panel 268 × 76 pt (under fixed
  /// metrics as tight as the Traditional sheet's 94.5 pt under Pango): no room for the marks,
  /// for the note beside the legend or for a note line under three lines of names, so the plot
  /// is drawn and one warning names every gap (`… 2024年上半年 (—)`); nothing overlaps or leaves
  /// the panel.
  @Test func gapsWithNoRoomOnTheSheetAreNamedInOneWarning() throws {
    let (rows, short, focus) = membersWithGaps(52)
    let names = short.mapValues { "某某经济技术开发区" + $0 }
    let area = Rect(x: 26, y: 10, width: 268, height: 76)
    let out = GroupedBarComposer().compose(
      input: GroupedBarInput(rows: rows, names: names, indicator: Fixture.gdp, focus: focus),
      in: area, theme: Fixture.theme, measurer: Fixture.measurer)
    LayoutCheck.expectClean(out, in: area)
    let texts = LayoutCheck.texts(out.items).map(\.text)
    #expect(!texts.contains("—") && !texts.contains { $0.hasPrefix("注：") }, "\(texts)")
    let warning = try #require(out.findings.first { $0.message.code == "gaps-not-marked" })
    #expect(warning.severity == .warning)
    #expect(warning.message.text.contains("开发区县区1 2024年上半年 (—)"))
    #expect(warning.message.text.contains("开发区县区3 2024年上半年 (*)"))
    #expect(warning.message.text.contains("开发区县区2 2023年上半年 (—)"))
    #expect(!out.findings.contains { $0.message.code == "value-not-shown" })
    #expect(!out.findings.contains { $0.message.code == "area-too-small" })
  }

  // MARK: - Value labels left out

  /// Nine members in the Traditional sheet's panel (268 × 94.5 pt) with labels of two decimals
  /// (`302.40`) wider than their bands at the theme's size: the labels other than the focus's
  /// shrink together (not below the minimum size) until each fits its band, and all are drawn.
  @Test func valueLabelsShrinkToTheirBandsBeforeAnyIsLeftOut() {
    var (rows, names, focus) = members(9)
    let indicator = Indicator(id: "gdp", name: "生产总值", unit: .yiYuan, decimals: 2)
    for index in rows.indices {
      rows[index].indicator = indicator.id
      rows[index].value = 150 + Double((index * 53) % 9) * 31.7
    }
    let area = Rect(x: 26, y: 10, width: 268, height: 94.5)
    let out = GroupedBarComposer().compose(
      input: GroupedBarInput(rows: rows, names: names, indicator: indicator, focus: focus),
      in: area, theme: Fixture.theme, measurer: Fixture.measurer)
    LayoutCheck.expectClean(out, in: area)
    let texts = LayoutCheck.texts(out.items)
    let data = GroupedBarComposer().prepare(
      GroupedBarInput(rows: rows, names: names, indicator: indicator, focus: focus))
    let regular = Fixture.theme.text(.labelValue).size
    for pair in data.pairs {
      let run = texts.first { $0.text == pair.label }
      #expect(run != nil, "\(pair.name) \(pair.label ?? "")")
      if let run, !pair.isFocus {
        #expect(run.style.size < regular, "shrunk: \(run.style.size) pt")
        #expect(run.style.size >= Fixture.theme.length(.minTextSize))
      }
    }
    #expect(!out.findings.contains { $0.message.code == "value-labels-left-out" })
  }

  /// The tallest bar is not the focus's and reaches the top of its nice domain (400 of 0…400):
  /// the plot leaves room above it for its label too, as for every label that fits its band,
  /// so all nine are drawn in the Traditional sheet's panel (268 × 94.5 pt).
  @Test func theTallestBarsLabelGetsRoomAboveIt() {
    var (rows, names, focus) = members(9)
    for index in rows.indices {
      rows[index].value = index == 2 ? 400 : 120 + Double(index) * 10
      rows[index].priorValue = (rows[index].value ?? 0) / 1.04
    }
    let area = Rect(x: 26, y: 10, width: 268, height: 94.5)
    let out = GroupedBarComposer().compose(
      input: GroupedBarInput(rows: rows, names: names, indicator: Fixture.gdp, focus: focus),
      in: area, theme: Fixture.theme, measurer: Fixture.measurer)
    LayoutCheck.expectClean(out, in: area)
    let texts = LayoutCheck.texts(out.items).map(\.text)
    #expect(texts.contains("400.0"), "\(texts)")
    #expect(!out.findings.contains { $0.message.code == "value-labels-left-out" })
  }

  /// Eighteen countries in English with one value far larger than the rest (Nigeria's 33,331):
  /// every value label is drawn, or named in one warning; the focus's is always drawn.
  @Test func valueLabelsLeftOutAreNamedInOneWarning() {
    var (rows, _, _) = members(18)
    let countries = [
      "Ghana", "Senegal", "Nigeria", "Benin", "Togo", "Burkina Faso", "Mali", "Niger", "Guinea",
      "Liberia", "Sierra Leone", "Gambia", "Cabo Verde", "Guinea-Bissau", "Mauritania",
      "Cameroon", "Chad", "Gabon",
    ]
    for index in rows.indices {
      rows[index].value = index == 2 ? 33_331 : 1_000 + Double(index * 1_733 % 9_000)
      rows[index].priorValue = (rows[index].value ?? 0) / 1.05
    }
    let names = Dictionary(
      uniqueKeysWithValues: countries.enumerated().map { (RegionID("m\($0.offset)"), $0.element) })
    let out = compose(rows, names: names, focus: "m0", format: .english)
    LayoutCheck.expectClean(out, in: rect)
    let texts = LayoutCheck.texts(out.items).map(\.text)
    let warnings = out.findings.filter { $0.message.code == "value-labels-left-out" }
    #expect(warnings.count <= 1)
    #expect(warnings.allSatisfy { $0.severity == .warning })
    let data = GroupedBarComposer().prepare(
      GroupedBarInput(
        rows: rows, names: names, indicator: Fixture.gdp, focus: "m0", format: .english))
    #expect(texts.contains(data.pairs[0].label ?? "?"), "the focus's label")
    var leftOut = 0
    for pair in data.pairs {
      let label = pair.label ?? ""
      let named = warnings.first?.message.text.contains("\(pair.name) \(label)") == true
      #expect(texts.contains(label) || named, "\(pair.name) \(label): neither drawn nor named")
      if !texts.contains(label) { leftOut += 1 }
    }
    #expect(leftOut > 0, "the fixture leaves labels out (the test would prove nothing)")
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
