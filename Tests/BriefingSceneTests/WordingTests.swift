import BriefingCore
import BriefingStats
import Testing

@testable import BriefingScene

// MARK: - The sheet's own words in the sheet's script

/// `NumberFormat.wording` is the one way the scene's own words reach a Traditional sheet: they
/// are written in Simplified and converted (OpenCC `s2tw`) for `.traditional`, untouched for
/// `.chinese` and `.english`; numbers' units of points, bottom ranks, basis titles, headers and
/// the no-data note all go through it.
@Suite struct WordingTests {
  let tw = NumberFormat.traditional

  @Test func traditionalScriptConvertsTheToolsWords() {
    #expect(tw.wording("无数据") == "無數據")
    #expect(tw.wording("另有8个地区未标注") == "另有8個地區未標註")
    #expect(NumberFormat.chinese.wording("无数据") == "无数据")
    #expect(NumberFormat.english.wording("No data") == "No data")
  }

  @Test func numbersWordsFollowTheScript() {
    #expect(tw.points(-1.06) == "1.1個百分點")
    #expect(tw.pointsUnit(forRateIn: Unit.parse("‰")) == "個千分點")
    #expect(tw.bottomRank(2) == "倒數第2")
    #expect(tw.signedPercent(7.2) == "+7.2%")
    #expect(NoDataNote.text(tw) == "無數據")
  }

  @Test func titlesAndHeadersFollowTheScript() {
    let yearAgo = ChangeBasis(basis: .yearAgo, priorPeriod: nil)
    #expect(yearAgo.growthTitle(tw) == "同比增長（%）")
    #expect(yearAgo.pointsTitle(tw, unit: Unit.parse("%")) == "較上年同期增減（個百分點）")
    #expect(KPIColumn.rankByValue.header(tw, basis: yearAgo) == "總量排位")
    #expect(KPIColumn.rankByValue.header(.chinese, basis: yearAgo) == "总量排位")
  }
}
