import ArgumentParser
import BriefingCore
import BriefingJobs
import BriefingRender
import BriefingScene
import BriefingSpec
import BriefingStats
import Foundation

// MARK: - render

struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Render a layout for a focus region (or the whole group) as PDF and PNG.",
    discussion: HelpExamples.discussion(
      examples: "briefing render --data Samples/jiuquan-2024h1 --focus 肃州区",
      "briefing render --data Samples/jiuquan-2024h1 --layout ranking-bulletin",
      "briefing render --data Samples/midwest-2024q3 --focus Ohio \\\n  --layout region-charts --format svg"))

  @OptionGroup var data: DataOptions

  @OptionGroup var sheet: SheetOptions

  @Flag(help: "Region pack: one sheet per member of the group (PDF, or each --format listed) plus one combined PDF with an outline entry per region (when PDF is among the formats). The group: --group; else the --focus region's parent group (a focus that is a member of no group but has members of its own: itself; a focus in several groups, none its parent: an error asking for --group); else the data's first group.")
  var everyRegion = false

  @Option(help: "Output folder.")
  var out: String = "Output"

  @Option(help: "PNG resolution in dots per inch (0 = no PNG).")
  var dpi: Double = 110

  @Flag(help: "PNG pages and charts with a transparent background instead of white.")
  var transparent = false

  @Flag(help: "Treat warnings as errors: a sheet with any warning (a row, bar or label left out, a font fallback, a data warning) exits 65 and is not written; a chart set exits 65 after drawing.")
  var strict = false

  @Flag(help: "Print only errors.")
  var quiet = false

  @Option(help: "Charts layouts: a file naming focus regions (id or name, one per line, # comments); each gets one chart per indicator among its own peer group.")
  var focusList: String?

  @Option(
    help: ArgumentHelp(
      "What to write, comma-separated (repeatable). Sheet layouts: pdf, png, docx, md, txt (default: pdf,png). Charts layouts: png, svg, both (PNG and SVG) or pdf (one PDF per region, a page per chart); default png.",
      valueName: "formats"))
  var format: [OutputFormats] = []

  @Option(help: "The Word copy's look (--format docx): theme (the layout's fonts and colours) or gongwen (GB/T 9704 official-document style: A4 margins, 方正小标宋 title, 仿宋_GB2312 3号 body, 22 lines × 28 characters).")
  var docxStyle: DocxStyleChoice = .theme

  @Option(help: "Charts layouts: threads drawing charts (default: the number of processors). The files are the same for any number.")
  var jobs: Int?

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
  }

  func run() throws {
    try reportingFailures {
      let inputs = try CheckedInputs.load(data: data, layout: sheet.layout)
      let document = inputs.document
      if everyRegion, document.scope != .region { throw Failure.data([Finding(.error, .packNeedsRegionScope)]) }
      if focusList != nil, document.scope != .charts { throw Failure.data([Finding(.error, .focusListNeedsCharts)]) }
      // `--every-region` packs a group (`packGroup`), not a focus; a focus list replaces `--focus`.
      var chosen = sheet
      if everyRegion || focusList != nil { chosen.focus = nil }
      if everyRegion, chosen.group == nil, let focus = sheet.focus {
        chosen.group = try Self.packGroup(focus: focus, dataset: inputs.dataset).rawValue
      }
      var job = try inputs.job(chosen, scope: everyRegion ? .group : document.scope)
      if transparent { job.pngBackground = nil }
      let formats = OutputFormats.joined(format)
      if document.scope == .charts {
        return try renderCharts(
          job, format: formats?.chartFormat() ?? .png, dataset: inputs.dataset, findings: inputs.findings)
      }
      // A pack is PDFs unless --format says otherwise; a single sheet adds its PNG preview.
      let sheetFormats = try formats?.sheetFormats(scope: document.scope) ?? (everyRegion ? [.pdf] : [.pdf, .png])
      let (outputs, composeFindings) =
        try everyRegion
        ? job.renderPack(formats: sheetFormats, dpi: dpi, docxStyle: docxStyle)
        : job.render(dpi: dpi, formats: sheetFormats, docxStyle: docxStyle)
      if composeFindings.hasErrors { throw Failure.data(composeFindings) }
      let findings = inputs.findings + composeFindings
      if strict { try Failure.refusingWarnings(findings) }
      printFindings(findings, quiet: quiet)
      for output in outputs {
        let path = out + "/" + output.name
        do {
          try AtomicFile.write(output.bytes, to: output.name, in: out)
        } catch {
          throw Failure.io("\(error)")
        }
        print(path)
      }
    }
  }

  /// Charts scope: renders the chart set across `--jobs` threads, writing each file as it is
  /// drawn, then prints findings and the paths in chart order.
  private func renderCharts(_ job: SheetJob, format: ChartFormat, dataset: Dataset, findings earlier: [Finding])
    throws(Failure)
  {
    let focuses: [RegionID]
    if let focusList {
      focuses = try Self.readFocusList(focusList, dataset: dataset)
    } else {
      focuses = job.selection.focus.map { [$0] } ?? job.selection.group.members
    }
    let set = try job.chartSet(focuses: focuses, format: format, out: out)
    let threads = jobs ?? ProcessInfo.processInfo.activeProcessorCount
    let (written, _, findings) = try set.render(threads: threads)
    printFindings(earlier + findings, quiet: quiet)
    if findings.hasErrors { throw Failure.data(findings) }
    if !written.isEmpty { print(written.joined(separator: "\n")) }
    if strict { try Failure.refusingWarnings(earlier + findings) }
  }

  /// The group `--every-region --focus R` packs without `--group`: R's parent group (the group
  /// a sheet for R compares it with, as `--group`'s help says); when R has no parent group, the
  /// one group R is framed in; when R is in no group but has members, R itself. R in several
  /// groups, none its parent, is ambiguous: an error naming them and asking for `--group`.
  static func packGroup(focus text: String, dataset: Dataset) throws(Failure) -> RegionID {
    let focus = try SheetSelection.regionID(text, in: dataset)
    let groups = dataset.peerGroups(of: focus)
    let parent = dataset.regions.first { $0.id == focus }?.parent
    if let parent, groups.contains(where: { $0.id == parent }) { return parent }
    if groups.count == 1 { return groups[0].id }
    if groups.count > 1 {
      throw .data([Finding(.error, .packGroupAmbiguous(text, groups: groups.map(\.id.rawValue)))])
    }
    return focus
  }

  /// Region ids from a focus-list file: one id or name per line; blank lines and `#` comments
  /// are skipped.
  static func readFocusList(_ path: String, dataset: Dataset) throws(Failure) -> [RegionID] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw .io("cannot read focus list \(path)")
    }
    var ids: [RegionID] = []
    for line in text.split(whereSeparator: \.isNewline) {
      let entry = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        .trimmingSpaces()
      if !entry.isEmpty { ids.append(try SheetSelection.regionID(entry, in: dataset)) }
    }
    guard !ids.isEmpty else { throw .data([Finding(.error, .emptyFocusList(path))]) }
    return ids
  }
}

extension Finding.Message {
  static let focusListNeedsCharts = Self(
    code: "focus-list-needs-charts", text: "--focus-list works with scope: charts layouts")
  static func emptyFocusList(_ path: String) -> Self {
    Self(code: "empty-focus-list", text: "\(path) names no region")
  }
  static func packGroupAmbiguous(_ focus: String, groups: [String]) -> Self {
    Self(
      code: "pack-group-ambiguous",
      text: "--every-region --focus \(focus): \(focus) is in \(groups.count) groups (\(groups.joined(separator: ", "))) and none is its parent; name the one to pack with --group")
  }
  static let packNeedsRegionScope = Self(
    code: "pack-needs-region-scope", text: "--every-region needs a layout with scope: region")
}
