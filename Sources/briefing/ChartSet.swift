import ArgumentParser
import BriefingCore
import BriefingJobs
import BriefingRender
import BriefingScene
import BriefingSpec
import BriefingStats
import Dispatch
import Synchronization

// MARK: - What a chart set writes

/// The files a `scope: charts` layout writes for each chart.
enum ChartFormat: String, CaseIterable, ExpressibleByArgument {
  /// `<region>/<indicator>.png`, 96 dpi at the layout's `chartWidth × chartHeight` pixels.
  case png
  /// `<region>/<indicator>.svg`, the same chart as vector art (text as glyph outlines).
  case svg
  /// Both the PNG and the SVG.
  case both
  /// `<region>.pdf`: one vector page per indicator on the layout's paper (`page.size`,
  /// `page.orientation`), with an outline entry per chart.
  case pdf

  var writesPNG: Bool { self == .png || self == .both }
  var writesSVG: Bool { self == .svg || self == .both }
}

/// One chart: a focus region among its peer group, for one indicator.
struct ChartTask: Sendable {
  var focus: RegionID
  var group: PeerGroup
  var indicator: Indicator
}

/// What rendering one chart (or one PDF of charts) produced, kept in task order.
private struct ChartResult: Sendable {
  /// Paths written (when the set has an output folder).
  var names: [String] = []
  /// Files kept in memory (when it has none).
  var files: [OutputFile] = []
  var findings: [Finding] = []
  /// Why the unit stopped: writing (I/O) or drawing (internal).
  var failure: Failure?
}

// MARK: - Rendering a chart set

/// Renders every chart of a `scope: charts` layout: for each focus region, one chart per
/// indicator, highlighted among the region's peer group.
///
/// Work is spread over `threads` threads. Each thread owns its Pango measurer, composer, image
/// surface, cairo and Pango contexts and PNG encoder, and draws synchronously; charts are handed
/// out one at a time. With an output folder, files are written as soon as they are drawn (temp
/// file + rename), so memory stays flat; without one they are returned. File lists and findings
/// come back in task order, so output bytes, file names and messages are the same for any
/// thread count.
struct ChartSet: Sendable {
  let document: LayoutDocument
  let theme: ResolvedTheme
  /// The context every chart starts from; focus and group are set per chart.
  let base: SheetContext
  let tasks: [ChartTask]
  let format: ChartFormat
  /// Output folder; nil keeps the files in memory.
  let out: String?
  /// White, or nil for transparent PNGs.
  let pngBackground: Color?

  /// `<layout>-<period>`: the folder every chart file goes in.
  var folder: String { SafeName.component("\(document.name)-\(base.period.code)") }

  /// Renders every chart; returns the paths written, the files kept in memory and the findings,
  /// all in task order.
  func render(threads: Int) throws(Failure) -> (written: [String], files: [OutputFile], findings: [Finding]) {
    let units: [[ChartTask]] = format == .pdf ? tasksByFocus() : tasks.map { [$0] }
    let results = Mutex([ChartResult?](repeating: nil, count: units.count))
    let next = Atomic(0)
    let workers = max(1, min(threads, units.count))
    if workers == 1 {
      drain(units, next: next, into: results)
    } else {
      DispatchQueue.concurrentPerform(iterations: workers) { _ in drain(units, next: next, into: results) }
    }
    var names: [String] = []
    var files: [OutputFile] = []
    var findings: [Finding] = []
    for result in results.withLock({ $0 }) {
      guard let result else { continue }
      if let failure = result.failure { throw failure }
      names += result.names
      files += result.files
      findings += result.findings
    }
    return (names, files, findings)
  }

  /// One thread's loop: takes the next unit until none is left. A thread that cannot set up its
  /// tools records the failure on the first unit it takes.
  private func drain(
    _ units: [[ChartTask]], next: borrowing Atomic<Int>, into results: borrowing Mutex<[ChartResult?]>
  ) {
    let worker = Result { try ChartWorker(set: self) }
    while true {
      let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
      guard index < units.count else { return }
      let result: ChartResult
      switch worker {
      case .success(let worker): result = worker.render(units[index])
      case .failure(let error): result = ChartResult(failure: .internal("\(error)"))
      }
      results.withLock { $0[index] = result }
    }
  }

  /// The context of one chart: the base with the task's focus and group.
  func context(for task: ChartTask) -> SheetContext {
    var context = base
    context.focus = task.focus
    context.group = task.group
    return context
  }

  /// A scene of one focus region's charts (`task`'s; the base's without one), as its PDF has it:
  /// metadata as for sheets, an outline entry per chart.
  func scene(_ pages: [Page], for task: ChartTask?) -> Scene {
    let context = task.map(context(for:)) ?? base
    let bookmarked = pages.map { page -> Page in
      var page = page
      if case .text(let title) = page.items.first {
        page.prepend([.anchor(Bookmark(title: title.text))])
      }
      return page
    }
    return Scene(
      info: DocumentInfo(
        title: context.expand(document.title), author: document.footer.organisation,
        subject: context.group.label, keywords: context.focus.map { context.name($0) } ?? "",
        creator: "Briefing \(BriefingVersion.string)",
        creationDate: SourceDate.creationDate(for: context.period)),
      pages: bookmarked)
  }

  /// Consecutive tasks of the same focus region (one PDF each), in task order.
  private func tasksByFocus() -> [[ChartTask]] {
    var units: [[ChartTask]] = []
    for task in tasks {
      if let last = units.last?.last, last.focus == task.focus {
        units[units.count - 1].append(task)
      } else {
        units.append([task])
      }
    }
    return units
  }
}

// MARK: - One thread's tools

/// The per-thread drawing tools of a chart set. Created on the thread that uses it; never shared.
private final class ChartWorker {
  let set: ChartSet
  let measurer: PangoTextMeasurer
  let composer: LayoutComposer
  let png: PNGRenderer

  init(set: ChartSet) throws {
    self.set = set
    measurer = try PangoTextMeasurer()
    composer = LayoutComposer(layout: set.document, theme: set.theme, measurer: measurer)
    png = try PNGRenderer.forCurrentThread(dpi: 96, background: set.pngBackground)
  }

  /// Composes, draws and writes one unit: a single chart, or all charts of one focus as a PDF.
  func render(_ unit: [ChartTask]) -> ChartResult {
    var result = ChartResult()
    do {
      var pages: [Page] = []
      for task in unit {
        let context = set.context(for: task)
        let (page, findings) = composer.composeChart(
          context, indicator: task.indicator, size: set.format == .pdf ? composer.pageSize : nil)
        result.findings += findings
          + composer.check([page], reported: findings, context: context, indicator: task.indicator)
        // A chart with errors leaves no file.
        if findings.hasErrors { return result }
        pages.append(page)
        let folder = "\(set.folder)/\(SafeName.component(task.focus.rawValue))/"
        let indicator = task.indicator.id.rawValue
        if set.format.writesPNG {
          try write(folder + SafeName.file(indicator, extension: "png"), png.render(page), into: &result)
        }
        if set.format.writesSVG {
          try write(folder + SafeName.file(indicator, extension: "svg"), SVGRenderer.render(page), into: &result)
        }
      }
      if set.format == .pdf, let first = unit.first {
        let bytes = try PDFRenderer.render(set.scene(pages, for: first), measurer: measurer)
        try write("\(set.folder)/" + SafeName.file(first.focus.rawValue, extension: "pdf"), bytes, into: &result)
      }
    } catch let failure as FileFailure {
      result.failure = .io("\(failure)")
    } catch RenderError.io(let path, let reason) {
      result.failure = .io("cannot write \(path): \(reason)")
    } catch {
      result.failure = .internal("\(error)")
    }
    return result
  }

  private func write(_ name: String, _ bytes: [UInt8], into result: inout ChartResult) throws {
    guard let out = set.out else { return result.files.append(OutputFile(name: name, bytes: bytes)) }
    try AtomicFile.write(bytes, to: name, in: out, durable: false)
    result.names.append(out + "/" + name)
  }
}
