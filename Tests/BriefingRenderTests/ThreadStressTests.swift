import BriefingRender
import BriefingScene
import BriefingSpec
import Foundation
import Synchronization
import Testing

// MARK: - Many threads drawing at once

/// `render` draws a chart set on several threads, each with its own measurer, renderer and
/// Pango font map (`ChartSet`). Here 200 charts of mixed kinds (ranked bars, a bullet, a KPI
/// table, a scatter, text blocks in Simplified, Traditional and Latin text; PNG, SVG and PDF) are
/// composed and drawn by `threads` threads at once; each file must equal the same chart drawn on
/// the test's thread alone, and nothing may crash.
///
/// The charts use eight families in two weights, more faces than cairo keeps open at once, and
/// PNGs at 25 resolutions, so glyphs keep being loaded from FreeType faces that cairo opens and
/// closes while other threads draw: the case that crashed before `FontFaceLock`.
@Suite struct ThreadStressTests {
  /// Charts drawn in the stress run. Default: 200.
  static let renders = 200
  /// Threads drawing at once: more than this machine's cores, so they interleave. Default: 8.
  static let threads = 8

  @Test func chartsDrawnOnManyThreadsMatchOneThread() throws {
    // A missing family would fall back silently to another face and test less.
    for chart in StressChart.all {
      try FontInventory.requireInstalled(chart.family, language: chart.language.rawValue)
    }
    let jobs = (0..<Self.renders).map(StressJob.init)
    let measurer = try PangoTextMeasurer()
    let expected = try jobs.map { try $0.render(measurer: measurer) }
    let drawn = StressRun.draw(jobs, threads: Self.threads)
    #expect(drawn.count == Self.renders)
    for (job, result) in zip(jobs, drawn) {
      switch result {
      case .success(let bytes):
        #expect(bytes == expected[job.index], "render \(job.index) (\(job)) differs")
      case .failure(let error):
        Issue.record("render \(job.index) (\(job)) failed: \(error)")
      }
    }
  }
}

// MARK: - The run

/// Hands out renders one at a time to threads that each keep their own measurer, as
/// `ChartSet.render(threads:)` does.
enum StressRun {
  /// Draws every job on `threads` threads; returns each job's bytes (or error), in job order.
  static func draw(_ jobs: [StressJob], threads: Int) -> [Result<[UInt8], any Error>] {
    let results = Mutex([Result<[UInt8], any Error>?](repeating: nil, count: jobs.count))
    let next = Atomic(0)
    let finished = DispatchGroup()
    for _ in 0..<threads {
      finished.enter()
      // Plain threads, not the dispatch pool: all of them draw at once, and each thread's
      // default Pango font map is dropped when the thread ends, while the others still draw.
      Thread {
        defer { finished.leave() }
        let measurer = Result { try PangoTextMeasurer() }
        while true {
          let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
          guard index < jobs.count else { return }
          let result = Result { try jobs[index].render(measurer: measurer.get()) }
          results.withLock { $0[index] = result }
        }
      }.start()
    }
    finished.wait()
    return results.withLock { $0.compactMap { $0 } }
  }
}

/// One render: chart `index % 8`, PNGs at 48 to 144 dpi (a step of 4 every eight renders).
struct StressJob: Sendable, CustomStringConvertible {
  let index: Int

  var chart: StressChart { StressChart.all[index % StressChart.all.count] }
  var dpi: Double { 48 + 4 * Double(index / StressChart.all.count) }
  var description: String { "\(chart.name), \(chart.format) at \(Int(dpi)) dpi" }

  /// Composes with `measurer` and draws the page.
  func render(measurer: PangoTextMeasurer) throws -> [UInt8] {
    let chart = chart
    let (theme, _) = ThemeSpec.default.resolved(language: chart.language, family: chart.family)
    let frame = chart.compose(
      Rect(x: 6, y: 6, width: chart.width, height: chart.height), theme, measurer)
    let page = Page(
      size: Size(width: chart.width + 12, height: chart.height + 12), items: frame.items)
    switch chart.format {
    case .png:
      return try PNGRenderer.render(page, dpi: dpi)
    case .svg:
      return try SVGRenderer.render(page)
    case .pdf:
      let info = DocumentInfo(
        title: chart.name, author: "Briefing", creationDate: "2024-06-30T00:00:00+08:00")
      return try PDFRenderer.render(Scene(info: info, pages: [page]), measurer: measurer)
    }
  }
}

// MARK: - The charts

/// A chart to compose, its text family, and the file format it is drawn to.
struct StressChart: Sendable {
  enum Format: Sendable { case png, svg, pdf }

  let name: String
  let format: Format
  let language: LayoutDocument.Language
  /// The body text family (regular and bold), a different one per chart.
  let family: String
  /// Frame size in points.
  let width: Double
  let height: Double
  let compose: @Sendable (Rect, ResolvedTheme, PangoTextMeasurer) -> ComposedFrame

  /// Eight charts: the goldens' chart kinds, three scripts, three formats, eight families.
  static let all: [StressChart] = [
    StressChart(
      name: "ranked bar, growth", format: .png, language: .zhCN, family: "Noto Sans CJK SC",
      width: 250, height: 130
    ) { rect, theme, measurer in
      let input = RankedBarInput(
        rows: Golden.rows, groupRow: Golden.groupRow, indicator: Golden.gdp,
        regions: Golden.regions, focus: "泸县", metric: .growthPct,
        options: RankedBarOptions(target: 6.5, showRanks: true, bottomMarks: 2))
      return RankedBarComposer().compose(input: input, in: rect, theme: theme, measurer: measurer)
    },
    StressChart(
      name: "ranked bar, value", format: .svg, language: .zhTW, family: "Noto Serif CJK TC",
      width: 300, height: 150
    ) { rect, theme, measurer in
      let input = RankedBarInput(
        rows: Golden.rows, groupRow: Golden.groupRow, indicator: Golden.gdp,
        regions: Golden.regions, focus: "合江县", metric: .value, options: RankedBarOptions())
      return RankedBarComposer().compose(input: input, in: rect, theme: theme, measurer: measurer)
    },
    StressChart(
      name: "progress bullet", format: .png, language: .zhCN, family: "Noto Sans CJK JP",
      width: 250, height: 100
    ) { rect, theme, measurer in
      let entries = [
        Golden.entry("gdp", "地区生产总值", completion: 52.3),
        Golden.entry("retail", "社会消费品零售总额", completion: 112.4),
      ]
      return ProgressBulletComposer().compose(
        input: ProgressBulletInput(entries: entries), in: rect, theme: theme, measurer: measurer)
    },
    StressChart(
      name: "KPI table", format: .pdf, language: .zhCN, family: "Noto Serif CJK SC",
      width: 330, height: 100
    ) { rect, theme, measurer in
      let entries = [
        Golden.entry("gdp", "地区生产总值", completion: 52.3, growth: 4.2, rank: 2),
        Golden.entry("fai", "固定资产投资", completion: 41.0, growth: -3.1, rank: 6),
      ]
      return KPITableComposer().compose(
        input: KPITableInput(entries: entries), in: rect, theme: theme, measurer: measurer)
    },
    StressChart(
      name: "scatter", format: .png, language: .zhCN, family: "Noto Sans Mono CJK SC",
      width: 250, height: 160
    ) { rect, theme, measurer in
      let names = Dictionary(uniqueKeysWithValues: Golden.regions.map { ($0.id, $0.name) })
      let input = ScatterInput(
        rows: Golden.rows, names: names, indicator: Golden.gdp, focus: "泸县")
      return ScatterComposer().compose(input, in: rect, theme: theme, measurer: measurer)
    },
    StressChart(
      name: "text block, Traditional", format: .png, language: .zhTW, family: "Noto Sans CJK TC",
      width: 200, height: 64
    ) { rect, theme, measurer in
      let items: [TextBlockItem] = [
        .paragraph("前三季度全市生產總值增長8.8%，高於全省平均0.9個百分點，增速居全省第3位。"),
        .bullet("短板：固定資產投資完成年度目標68.0%，落後時序進度7.0個百分點。", marker: "▲"),
      ]
      return TextBlockComposer().compose(input: items, in: rect, theme: theme, measurer: measurer)
    },
    StressChart(
      name: "text block, Latin", format: .png, language: .en,
      family: "DejaVu Serif, Noto Sans CJK KR", width: 220, height: 80
    ) { rect, theme, measurer in
      let items: [TextBlockItem] = [
        .paragraph("GDP of Luxian (泸县) grew 4.2% in 2024 H1, 1.1 points below the average."),
        .bullet("Fixed-asset investment: 41.0% of the annual target.", marker: "•"),
      ]
      return TextBlockComposer().compose(input: items, in: rect, theme: theme, measurer: measurer)
    },
    StressChart(
      name: "text block, Simplified", format: .svg, language: .zhCN, family: "Noto Serif CJK JP",
      width: 180, height: 90
    ) { rect, theme, measurer in
      let items: [TextBlockItem] = [
        .paragraph("上半年全区实现地区生产总值86.3亿元，同比增长7.2%，增速居全市第2位。"),
        .bullet("社会消费品零售总额增长9.1%，高于全市平均1.4个百分点。", marker: "▲"),
      ]
      return TextBlockComposer().compose(input: items, in: rect, theme: theme, measurer: measurer)
    },
  ]
}
