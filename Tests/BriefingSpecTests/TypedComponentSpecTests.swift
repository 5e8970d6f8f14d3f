import BriefingCore
import BriefingSpec
import Testing

/// Each kind loads into its own spec type with every key at its effective value: no optionals
/// left for a composer to default.
@Suite struct TypedComponentSpecTests {
  func components(_ list: String, indicators: String = "[gdp, fai]") throws -> [ComponentSpec] {
    let yaml = "indicators: \(indicators)\nsections:\n  - components:\n" + list
    let result = LayoutLoader.load(yaml: yaml, file: "t.yaml")
    #expect(result.findings.isEmpty, "\(result.findings)")
    return try #require(result.document).sections[0].components
  }

  // MARK: - Defaults

  @Test func absentKeysTakeTheKindsDefaults() throws {
    let layoutList = IndicatorSelection.list(["gdp", "fai"])
    let loaded = try components(
      """
            - {kind: kpiTable}
            - {kind: rankedBar, indicator: gdp}
            - {kind: groupedBar, indicator: gdp}
            - {kind: progressBullet}
            - {kind: trendLine, indicator: gdp}
            - {kind: scatter, indicator: gdp}
            - {kind: rankMatrix}
            - {kind: rankingTable}
            - {kind: subRegionTable, indicator: tax}
            - {kind: redLinePanel}
            - {kind: headline}
            - {kind: narrative}
            - {kind: text}
            - {kind: smallMultiples}

      """)
    let expected: [ComponentSpec.Body] = [
      .kpiTable(KPITableSpec(indicators: layoutList)),
      .rankedBar(RankedBarSpec(indicator: "gdp")),
      .groupedBar(GroupedBarSpec(indicator: "gdp")),
      .progressBullet(ProgressBulletSpec(indicators: layoutList)),
      .trendLine(TrendLineSpec(indicator: "gdp")),
      .scatter(ScatterSpec(indicator: "gdp")),
      .rankMatrix(RankMatrixSpec(indicators: layoutList)),
      .rankingTable(RankingTableSpec(indicators: layoutList)),
      .subRegionTable(SubRegionTableSpec(indicator: "tax")),
      .redLinePanel(RedLinePanelSpec()),
      .headline(HeadlineSpec(indicators: layoutList)),
      .narrative(NarrativeSpec(indicators: layoutList)),
      .text(TextSpec()),
      .smallMultiples(SmallMultiplesSpec(indicators: layoutList)),
    ]
    #expect(loaded.map(\.body) == expected)
    #expect(loaded.map(\.kind) == ComponentKind.allCases)
  }

  /// The defaults themselves, as `Layouts/README.md` documents them.
  @Test func defaultsAreTheDocumentedOnes() {
    let bar = RankedBarSpec(indicator: "gdp")
    #expect(bar.metric == .growthPct && bar.showAverage && bar.showRanks && bar.orientation == .horizontal)
    #expect(TrendLineSpec(indicator: "gdp").metric == .growthPct)
    let multiples = SmallMultiplesSpec(indicators: .main)
    #expect(multiples.metric == .growthPct && multiples.columns == 3)
    let kpi = KPITableSpec(indicators: .main)
    #expect(kpi.columns == [.value, .growthPct, .completionPct, .progressGapPp, .rank, .growthRank, .growthGapToGroupPp])
    #expect(kpi.names == .full)
    #expect(RankingTableSpec(indicators: .main).columns == [.value, .growthPct, .rank, .growthRank])
    #expect(SubRegionTableSpec(indicator: "tax").threshold == 30)
    #expect(NarrativeSpec(indicators: .main).lines == 3)
    #expect(TextSpec().text == "")
    #expect(ProgressBulletSpec(indicators: .main).names == .full)
    #expect(RankMatrixSpec(indicators: .main).names == .full)
  }

  // MARK: - Every key read

  @Test func everyKeyAwayFromItsDefaultIsRead() throws {
    let loaded = try components(
      """
            - {kind: kpiTable, indicators: [fai], columns: [sharePct, rankChange], names: short}
            - {kind: rankedBar, indicator: fai, metric: value, showAverage: false, showRanks: no, orientation: horizontal}
            - {kind: trendLine, indicator: fai, metric: value}
            - {kind: subRegionTable, indicator: tax, threshold: 45.5}
            - {kind: narrative, indicators: main, lines: 0}
            - {kind: text, text: 说明}
            - {kind: smallMultiples, indicators: [gdp], metric: value, columns: 2}
            - {kind: rankingTable, columns: [rankChange, sharePct]}

      """)
    var kpi = KPITableSpec(indicators: .list(["fai"]))
    kpi.columns = [.sharePct, .rankChange]
    kpi.names = .short
    var bar = RankedBarSpec(indicator: "fai")
    bar.metric = .value
    bar.showAverage = false
    bar.showRanks = false
    var trend = TrendLineSpec(indicator: "fai")
    trend.metric = .value
    var sub = SubRegionTableSpec(indicator: "tax")
    sub.threshold = 45.5
    var narrative = NarrativeSpec(indicators: .main)
    narrative.lines = 0
    var text = TextSpec()
    text.text = "说明"
    var multiples = SmallMultiplesSpec(indicators: .list(["gdp"]))
    multiples.metric = .value
    multiples.columns = 2
    var ranking = RankingTableSpec(indicators: .list(["gdp", "fai"]))
    ranking.columns = [.rankChange, .sharePct]
    let expected: [ComponentSpec.Body] = [
      .kpiTable(kpi), .rankedBar(bar), .trendLine(trend), .subRegionTable(sub), .narrative(narrative),
      .text(text), .smallMultiples(multiples), .rankingTable(ranking),
    ]
    #expect(loaded.map(\.body) == expected)
  }

  // MARK: - Common keys

  @Test func commonKeysStayOnTheComponent() throws {
    let loaded = try components(
      "      - {kind: scatter, indicator: gdp, title: 散点, height: 120}\n")
    #expect(loaded[0].title == "散点")
    #expect(loaded[0].span == 1)
    #expect(loaded[0].height == 120)
    #expect(loaded[0].location == SourceLocation(file: "t.yaml", line: 4, column: 9))
  }

  // MARK: - Keys per kind

  /// Each kind's key list comes from its spec's key enum, and every kind reads every key it lists
  /// (`everyKeyAwayFromItsDefaultIsRead` covers the values).
  @Test func keyNamesComeFromTheSpecs() {
    #expect(ComponentKind.rankedBar.keyNames == ["indicator", "metric", "showAverage", "showRanks", "orientation", "splitAbove"])
    #expect(ComponentKind.subRegionTable.keyNames == ["indicator", "threshold"])
    #expect(ComponentKind.redLinePanel.keyNames.isEmpty)
    #expect(ComponentKind.smallMultiples.keyNames == ["indicators", "metric", "columns"])
  }

  // MARK: - Charts scope

  @Test func bindingAnIndicatorReplacesAOneIndicatorKindsOnly() throws {
    let loaded = try components(
      "      - {kind: rankedBar, indicator: gdp, metric: value}\n      - {kind: kpiTable}\n")
    var bar = RankedBarSpec(indicator: "fai")
    bar.metric = .value
    #expect(loaded[0].bound(to: "fai").body == .rankedBar(bar))
    #expect(loaded[1].bound(to: "fai") == loaded[1])
  }
}
